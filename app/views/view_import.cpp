#include "views/view_import.hpp"

#include "io/csv_reader.hpp"
#include "io/export.hpp"
#include "io/import_challenges.hpp"
#include "io/import_error.hpp"
#include "io/import_teams.hpp"
#include "sync/merge_report.hpp"
#include "outcomes/dropped_files.hpp"
#include "outcomes/outcome_focus.hpp"
#include "theme.hpp"

#include <algorithm>
#include "widgets.hpp"

#include <imgui_stdlib.h>

#include <filesystem>

namespace atelier {

namespace {

constexpr const char* kFormats[] = {"md", "html", "csv", "json"};

void heading(ViewContext& ctx, Str key) {
    ImGui::PushFont(ctx.fonts.heading);
    ImGui::TextUnformatted(str(key));
    ImGui::PopFont();
}

bool pathField(const char* id, std::string& path, Str hint) {
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 34);
    bool enter = ImGui::InputTextWithHint(id, str(hint), &path, ImGuiInputTextFlags_EnterReturnsTrue);
    recordLastItem(id);
    return enter;
}

} // namespace

void FilesView::drawContent(ViewContext& ctx) {
    FilesTab wanted = takeFilesTab();
    for (const auto& path : takeDroppedFiles(ctx.session, isCsvFile)) {
        m_importPath = path;
        wanted = FilesTab::Import;
        preview(ctx);
    }
    if (!ImGui::BeginTabBar("##files")) return;
    auto flags = [&](FilesTab tab) { return wanted == tab ? ImGuiTabItemFlags_SetSelected : ImGuiTabItemFlags_None; };
    if (ImGui::BeginTabItem(str(Str::FilesImport), nullptr, flags(FilesTab::Import))) {
        drawImport(ctx);
        ImGui::EndTabItem();
    }
    if (ImGui::BeginTabItem(str(Str::FilesExport), nullptr, flags(FilesTab::Export))) {
        drawExport(ctx);
        ImGui::EndTabItem();
    }
    if (ImGui::BeginTabItem(str(Str::FilesMerge), nullptr, flags(FilesTab::Merge))) {
        drawMerge(ctx);
        ImGui::EndTabItem();
    }
    ImGui::EndTabBar();
}

void FilesView::preview(ViewContext& ctx) {
    m_plan.reset();
    m_importError.clear();
    m_errorLine = 0;
    m_errorColumn.clear();
    if (m_importDone) m_importDone->clear();
    try {
        CsvTable table = readCsvFile(m_importPath);
        std::string name = std::filesystem::path(m_importPath).filename().string();
        m_plan = m_teams ? planTeamImport(ctx.session.state(), table, name) : planChallengeImport(ctx.session.state(), table, name);
    } catch (const ImportError& e) {
        m_importError = e.what();
        m_errorLine = e.line();
        m_errorColumn = e.column();
    } catch (const Error& e) {
        m_importError = e.what();
    }
}

void FilesView::drawImport(ViewContext& ctx) {
    heading(ctx, Str::FilesImportTitle);
    ImGui::TextWrapped("%s", str(Str::FilesImportHint));
    if (ImGui::RadioButton(str(Str::FilesImportChallenges), !m_teams)) {
        m_teams = false;
        m_plan.reset();
    }
    ImGui::SameLine();
    if (ImGui::RadioButton(str(Str::FilesImportTeams), m_teams)) {
        m_teams = true;
        m_plan.reset();
    }
    bool enter = pathField("##importpath", m_importPath, Str::FilesCsvPath);
    ImGui::SameLine();
    if ((button(str(Str::FilesPreview)) || enter) && !m_importPath.empty()) preview(ctx);

    if (!m_importError.empty()) {
        ImGui::Spacing();
        if (m_errorLine > 0) {
            ImGui::PushFont(ctx.fonts.bold);
            ImGui::TextColored(ImColor(colours::kError), "%s",
                               (m_errorColumn.empty() ? strf(Str::FilesErrorLine, m_errorLine)
                                                      : strf(Str::FilesErrorLineColumn, m_errorLine, m_errorColumn))
                                   .c_str());
            ImGui::PopFont();
        }
        textWrapped(nullptr, m_importError, colours::kError);
        ImGui::TextWrapped("%s", str(Str::FilesNothingChanged));
    }
    if (m_plan) {
        ImGui::Spacing();
        ImGui::PushFont(ctx.fonts.bold);
        ImGui::TextUnformatted(str(Str::FilesPreviewTitle));
        ImGui::PopFont();
        textWrapped(nullptr, m_plan->summary.text());
        if (m_plan->actions.empty()) {
            ImGui::TextWrapped("%s", str(Str::FilesNothingToImport));
        } else if (button(str(Str::FilesApplyImport))) {
            auto done = m_importDone = std::make_shared<std::string>();
            Session& session = ctx.session;
            session.defer([plan = *m_plan, done, &session](Engine& engine) {
                ImportSummary summary = applyImport(engine, plan);
                *done = summary.text();
                session.notify(str(Str::FilesImported));
            });
            m_plan.reset();
        }
    }
    if (m_importDone && !m_importDone->empty()) {
        ImGui::Spacing();
        ImGui::TextColored(ImColor(colours::kInfo), "%s", str(Str::FilesImported));
        textWrapped(nullptr, *m_importDone);
    }
}

void FilesView::drawExport(ViewContext& ctx) {
    heading(ctx, Str::FilesExportTitle);
    for (int i = 0; i < 4; ++i) {
        if (i) ImGui::SameLine();
        static constexpr Str kNames[] = {Str::FilesFormatMarkdown, Str::FilesFormatHtml, Str::FilesFormatCsv, Str::FilesFormatJson};
        if (ImGui::RadioButton(str(kNames[i]), m_format == i)) m_format = i;
    }
    ImGui::Checkbox(str(Str::FilesWithNames), &m_withNames);
    bool enter = pathField("##exportpath", m_exportPath, m_format == 2 ? Str::FilesFolderPath : Str::FilesOutPath);
    ImGui::SameLine();
    if ((button(str(Str::FilesDoExport)) || enter) && !m_exportPath.empty() && m_exportStep == 0) m_exportStep = 1;
    if (m_exportStep == 1) {
        ImGui::TextUnformatted(str(Str::FilesExporting)); // shown one frame before the work starts
        m_exportStep = 2;
    } else if (m_exportStep == 2) {
        m_exportStep = 0;
        try {
            ReportOptions options;
            options.withNames = m_withNames;
            ExportResult result = exportEvent(ctx.session.engine()->store(), *exportFormatFromName(kFormats[m_format]), m_exportPath, options);
            m_exportResult = strCount(Str::FilesExportedOne, Str::FilesExported, static_cast<long long>(result.written.size()), result.written.size());
            for (const auto& path : result.written) m_exportResult += "\n" + path;
            m_exportFailed = false;
        } catch (const Error& e) {
            m_exportResult = e.what();
            m_exportFailed = true;
            ctx.session.notify(e.what(), true);
        }
    }
    if (!m_exportResult.empty()) textWrapped(nullptr, m_exportResult, m_exportFailed ? colours::kError : 0);
}

void FilesView::drawMerge(ViewContext& ctx) {
    Session& session = ctx.session;
    heading(ctx, Str::FilesMergeTitle);
    ImGui::TextWrapped("%s", str(Str::FilesMergeHint));
    bool enter = pathField("##mergepath", m_mergePath, Str::FilesEventPath);
    ImGui::SameLine();
    // « Comparer » adds the copy to the list; every copy listed is merged in one transaction.
    if ((button(str(Str::FilesMergeCheck)) || enter) && !m_mergePath.empty()) {
        m_countsHere = contentCounts(session.state());
        if (m_mergeReport) m_mergeReport->clear();
        try {
            auto other = Engine::open(m_mergePath, session.clock(), OpenMode::ReadOnly);
            std::string counts = contentCounts(other->state());
            auto known = std::find_if(m_mergeCopies.begin(), m_mergeCopies.end(),
                                      [&](const MergeCopy& c) { return c.path == m_mergePath; });
            if (known == m_mergeCopies.end()) m_mergeCopies.push_back({m_mergePath, counts});
            else known->counts = counts;
            m_mergePath.clear();
        } catch (const Error& e) {
            session.notify(e.what(), true);
        }
    }
    if (!m_mergeCopies.empty()) {
        ImGui::Spacing();
        ImGui::TextUnformatted(strf(Str::FilesCountsHere, m_countsHere).c_str());
        for (const auto& copy : m_mergeCopies)
            ImGui::TextUnformatted(strf(Str::FilesCountsThere, copy.path + " — " + copy.counts).c_str());
        if (button(str(Str::FilesDoMerge))) {
            auto report = m_mergeReport = std::make_shared<std::string>();
            std::vector<std::string> paths;
            for (const auto& copy : m_mergeCopies) paths.push_back(copy.path);
            session.defer([report, paths, &session](Engine& engine) {
                EventState before = engine.state();
                MergeReport merged = engine.mergeFrom(paths); // all the copies, or (one refused) none
                std::string names;
                for (const auto& path : paths) names += (names.empty() ? "" : ", ") + path;
                *report = formatMergeReport(names, merged, before, engine.state());
                session.notify(str(Str::FilesMerged));
            });
            m_mergeCopies.clear();
        }
        ImGui::SameLine();
        if (button(str(Str::FilesMergeClear))) m_mergeCopies.clear();
    }
    if (m_mergeReport && !m_mergeReport->empty()) {
        ImGui::Spacing();
        ImGui::PushFont(ctx.fonts.bold);
        ImGui::TextUnformatted(str(Str::FilesMergeReport));
        ImGui::PopFont();
        ImGui::BeginChild("##mergereport", ImVec2(0, 0), true);
        textWrapped(nullptr, *m_mergeReport);
        ImGui::EndChild();
    }
}

} // namespace atelier
