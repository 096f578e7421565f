#pragma once
// Reading CSV as spreadsheets write it: separator `;`, `,` or tab (detected on the header
// line), any encoding of text_encoding.hpp, CRLF/LF/CR line ends, quoted fields holding
// separators, doubled quotes and line breaks. Every record keeps the physical line it starts
// on, so errors can name the line a user sees in a text editor.
#include "io/text_encoding.hpp"

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace atelier {

// Beyond these a file is refused with a message, rather than filling memory.
struct CsvLimits {
    std::size_t maxBytes = 32u << 20;       // the whole file
    std::size_t maxRows = 20000;            // data rows after the header
    std::size_t maxFieldBytes = 64u << 10;  // one cell
    std::size_t maxColumns = 200;
};

struct CsvRecord {
    int line = 0; // physical line (1-based) where the record starts
    std::vector<std::string> fields;
};

struct CsvTable {
    char separator = ';';
    TextSource source = TextSource::Utf8;
    CsvRecord header;             // the first non-blank record
    std::vector<CsvRecord> rows;  // the records after it; blank ones (only empty cells) left out
};

// Parses bytes; throws ImportError naming the line for an unclosed quote or a limit exceeded.
CsvTable readCsv(std::string_view bytes, const CsvLimits& limits = {});
// Reads the file (refusing one over limits.maxBytes before reading it) and parses it.
CsvTable readCsvFile(const std::string& path, const CsvLimits& limits = {});

// "point-virgule", "virgule", "tabulation".
std::string describeSeparator(char separator);

} // namespace atelier
