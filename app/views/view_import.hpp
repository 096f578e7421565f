#pragma once
// Files: import défis or teams from a spreadsheet (chosen with the file picker, typed, or a .csv
// dropped on the window) with a preview of what will change before anything does, or create an
// event from a JSON bundle; export the report (md, html), the CSV tables, the JSON bundle, a
// team's board as PNG and the spreadsheet templates, each saying where it wrote or why not;
// merge a team's copy of the event (issue 6) with the counts before and the report after.
// Imports and merges run after drawing (Session::defer).
#include "child_process.hpp"
#include "file_picker.hpp"
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
    // What the last export said (where it wrote, or why not), and whether it failed.
    const std::string& exportResult() const { return m_exportResult; }
    bool exportFailed() const { return m_exportFailed; }

    // What each pick of this screen is for.
    enum Purpose : int { ImportCsv = 1, ImportBundle, BundleTarget, MergeFile, ExportMarkdown, ExportHtml, ExportCsv, ExportJson,
                         ExportBoard, TemplateChallenges, TemplateTeams };

private:
    void drawContent(ViewContext& ctx) override;
    void drawImport(ViewContext& ctx);
    void drawBundleImport(ViewContext& ctx);
    void drawExport(ViewContext& ctx);
    void drawMerge(ViewContext& ctx);
    void preview(ViewContext& ctx);
    void picked(ViewContext& ctx, const PickResult& pick);
    void runExport(Session& session, Store& store, int purpose, const std::string& path);
    void startBoardExport(ViewContext& ctx, const std::string& path);
    void pollBoardExport(ViewContext& ctx);
    void checkMerge(ViewContext& ctx);
    void said(std::string text, bool failed);

    FilePicker m_picker;
    // Import.
    int m_importKind = 0; // 0 défis, 1 teams, 2 a JSON bundle (a new event)
    std::string m_importPath;
    std::optional<ImportPlan> m_plan;
    std::string m_importError;
    int m_errorLine = 0;
    std::string m_errorColumn;
    std::shared_ptr<std::string> m_importDone; // filled by the deferred import
    std::string m_bundlePath, m_bundleTarget;
    // Export.
    bool m_withNames = false;
    bool m_exporting = false; // an export waits for the end of the frame (Session::defer)
    std::string m_exportResult;
    bool m_exportFailed = false;
    Id m_boardTeam;
    ChildProcess m_boardExport; // the atelier binary drawing the board offscreen
    std::string m_boardPath;
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
