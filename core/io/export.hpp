#pragma once
// Writing an event out: the restitution report (Markdown, HTML), the CSV files, the JSON
// bundle. What the CLI's `export` and the app's Export menu both call.
#include "io/report_model.hpp"

#include <optional>
#include <string>
#include <vector>

namespace atelier {

enum class ExportFormat { Markdown, Html, Csv, Json };

// "md", "html", "csv", "json" (also "markdown", "htm"); empty when unknown.
std::optional<ExportFormat> exportFormatFromName(const std::string& name);

struct ExportResult {
    std::vector<std::string> written; // paths of the files written
};

// Markdown: `out` plus its photos in "<out stem>-photos/"; CSV: `out` is a folder (created if
// needed) receiving notes.csv, votes.csv, prototypes.csv and feedback.csv; the others: one
// file. Each file is written to a temporary name then renamed, so a failure never leaves a
// half-written export. Throws FileError.
ExportResult exportEvent(Store& store, ExportFormat format, const std::string& out, const ReportOptions& options);

// Writes bytes to `path` through a temporary file in the same folder and a rename.
void writeFileAtomically(const std::string& path, const std::string& bytes);

} // namespace atelier
