#pragma once
// Matching a spreadsheet's header row to the fields an import expects: names compared by
// foldKey (case, accents, spacing and punctuation ignored), French or English aliases, any
// column order. Unknown columns are reported, not fatal.
#include "io/csv_reader.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace atelier {

struct ColumnSpec {
    std::string_view label;                 // the French header written in templates and messages
    std::vector<std::string_view> aliases;  // accepted headers, in foldKey() form
    bool required = false;
    bool inTemplate = true;                 // written in the empty template
};

struct ColumnMatch {
    std::vector<int> columnOf;          // per spec: index of its column in the file, -1 when absent
    std::vector<std::string> headers;   // the file's headers as written (trimmed)
    std::vector<std::string> unknown;   // headers matching no spec, as written
    bool has(std::size_t spec) const { return columnOf[spec] >= 0; }
    // The header as the user wrote it, for messages ("Numéro").
    const std::string& header(std::size_t spec) const { return headers[static_cast<std::size_t>(columnOf[spec])]; }
};

// Throws ImportError (line of the header) for a required column missing or two columns that
// mean the same field.
ColumnMatch matchColumns(const CsvTable& table, const std::vector<ColumnSpec>& specs);

// A cell of a row, spaces trimmed; empty when the row is shorter or the spec's column absent.
std::string cellOf(const CsvRecord& row, const ColumnMatch& match, std::size_t spec);

// The header row of a template: UTF-8 BOM, `;` separators, CRLF.
std::string templateCsv(const std::vector<ColumnSpec>& specs);

} // namespace atelier
