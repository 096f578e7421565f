#pragma once
// Spreadsheet exports: notes, votes, prototypes and feedback as four CSV files (UTF-8 with BOM,
// `;`, CRLF), opening with accents intact in LibreOffice Calc and French Excel. A cell a
// spreadsheet would run as a formula (starting with = + - @, tab or CR) is neutralised with a
// leading apostrophe. Names of people only with options.withNames.
#include "io/report_model.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace atelier {

struct CsvExportFile {
    std::string name;  // "notes.csv"
    std::string bytes;
};

std::vector<CsvExportFile> exportCsv(const EventState& state, const ReportOptions& options);

// One cell: neutralised when it could run as a formula, quoted when it holds `;`, a quote or a
// line break (or starts or ends with a space).
std::string csvCell(std::string_view text);

} // namespace atelier
