#pragma once
// The restitution report, as Markdown (photos as files beside it) or as one self-contained
// printable HTML file (inline CSS, photos as data: URIs). Every piece of user text is escaped:
// a note reading "<script>" shows as text, never as markup.
#include "io/report_model.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace atelier {

struct ReportFile {
    std::string path;  // relative to the report's folder ("restitution-photos/photo-12.png")
    std::string bytes;
};

struct MarkdownReport {
    std::string text;
    std::vector<ReportFile> photos;
};

// Photos go to `photoFolder/` (relative); pass the folder name the caller will create.
MarkdownReport renderMarkdown(const Report& report, const std::string& photoFolder);
std::string renderHtml(const Report& report);

// Text made inert for HTML: & < > " ' as entities.
std::string escapeHtml(std::string_view text);
// Text made inert for Markdown (CommonMark): punctuation that would become markup backslashed,
// < > & as entities, line breaks as spaces.
std::string escapeMarkdown(std::string_view text);
// Multi-line text as Markdown paragraphs: each line escaped, markers at line starts (#, -, +,
// 1., >, =, indentation) neutralised, single line breaks kept as hard breaks.
std::string escapeMarkdownBlock(std::string_view text);

} // namespace atelier
