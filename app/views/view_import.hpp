#pragma once
// Files: import défis or teams from a spreadsheet (a path, or a .csv dropped on the window)
// with a preview of what will change before anything does; export the report (md, html),
// the CSV files or the JSON bundle; merge a team's copy of the event (issue 6) with the
// counts before and the report after. Imports and merges run after drawing (Session::defer).
#include "io/import_plan.hpp"
#include "views/view.hpp"

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace atelier {

class FilesView final : public View {
public:
    FilesView() : View(ViewId::Files, Str::ViewFiles) {}
    // The last merge's report as shown (empty before any merge).
    std::string mergeReport() const { return m_mergeReport ? *m_mergeReport : std::string{}; }

private:
    void drawContent(ViewContext& ctx) override;
    void drawImport(ViewContext& ctx);
    void drawExport(ViewContext& ctx);
    void drawMerge(ViewContext& ctx);
    void preview(ViewContext& ctx);

    // Import.
    bool m_teams = false; // else défis
    std::string m_importPath;
    std::optional<ImportPlan> m_plan;
    std::string m_importError;
    int m_errorLine = 0;
    std::string m_errorColumn;
    std::shared_ptr<std::string> m_importDone; // filled by the deferred import
    // Export.
    int m_format = 0; // md, html, csv, json
    std::string m_exportPath;
    bool m_withNames = false;
    int m_exportStep = 0; // 1: "Export…" shown this frame, run it on the next
    std::string m_exportResult;
    bool m_exportFailed = false;
    // Merge.
    std::string m_mergePath;
    std::string m_countsHere;
    struct MergeCopy {
        std::string path, counts;
    };
    std::vector<MergeCopy> m_mergeCopies; // compared, to be merged together in one transaction
    std::shared_ptr<std::string> m_mergeReport;
};

} // namespace atelier
