#include "views/view_import.hpp"

#include "io/bundle.hpp"
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

#include <algorithm>
#include <filesystem>

namespace atelier {

namespace {

void heading(ViewContext& ctx, Str key) {
    ImGui::PushFont(ctx.fonts.heading);
    ImGui::TextUnformatted(str(key));
    ImGui::PopFont();
}

bool pathField(const char* id, std::string& path, Str hint) {
    ImGui::SetNextItemWidth(std::min(ImGui::GetFontSize() * 34, ImGui::GetContentRegionAvail().x * 0.6f));
    bool enter = ImGui::InputTextWithHint(id, str(hint), &path, ImGuiInputTextFlags_EnterReturnsTrue);
    recordLastItem(id);
    return enter;
}

// « Parcourir… » beside a path field; the id keeps the buttons of one screen apart.
bool browseButton(const char* id) { return button((std::string(str(Str::ButtonBrowse)) + id).c_str()); }

// The last line the child printed on its error stream, without the "atelier: " prefix.
std::string childMessage(const ChildProcess& child) {
    std::string err = child.errors();
    while (!err.empty() && (err.back() == '\n' || err.back() == '\r')) err.pop_back();
    std::size_t line = err.rfind('\n');
    std::string last = line == std::string::npos ? err : err.substr(line + 1);
    if (last.rfind("atelier: ", 0) == 0) last = last.substr(9);
    return last.empty() ? "code " + std::to_string(child.exitCode()) : last;
}

} // namespace

void FilesView::drawContent(ViewContext& ctx) {
    FilesTab wanted = takeFilesTab();
    for (const auto& path : takeDroppedFiles(ctx.session, isCsvFile)) {
        m_importPath = path;
        if (m_importKind == 2) m_importKind = 0;
        wanted = FilesTab::Import;
        preview(ctx);
    }
    if (auto pick = m_picker.draw(ctx.session, &ctx.settings.recentFiles)) picked(ctx, *pick);
    pollBoardExport(ctx);
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

void FilesView::picked(ViewContext& ctx, const PickResult& pick) {
    switch (pick.purpose) {
    case ImportCsv:
        m_importPath = pick.path;
        preview(ctx);
        break;
    case ImportBundle: m_bundlePath = pick.path; break;
    case BundleTarget: m_bundleTarget = pick.path; break;
    case MergeFile:
        m_mergePath = pick.path;
        checkMerge(ctx);
        break;
    case ExportBoard: startBoardExport(ctx, pick.path); break;
    default: { // the exports run after this frame is drawn, which then shows what they wrote
        Session& session = ctx.session;
        int purpose = pick.purpose;
        std::string path = pick.path;
        m_exporting = true;
        said(str(Str::FilesExporting), false);
        session.defer([this, &session, purpose, path](Engine& engine) { runExport(session, engine.store(), purpose, path); });
        break;
    }
    }
}

void FilesView::said(std::string text, bool failed) {
    m_exportResult = std::move(text);
    m_exportFailed = failed;
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
        m_plan = m_importKind == 1 ? planTeamImport(ctx.session.state(), table, name) : planChallengeImport(ctx.session.state(), table, name);
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
    static constexpr Str kKinds[] = {Str::FilesImportChallenges, Str::FilesImportTeams, Str::FilesImportBundle};
    for (int k = 0; k < 3; ++k) {
        if (k) ImGui::SameLine();
        if (ImGui::RadioButton(str(kKinds[k]), m_importKind == k) && m_importKind != k) {
            m_importKind = k;
            m_plan.reset();
            m_importError.clear();
        }
    }
    if (m_importKind == 2) {
        drawBundleImport(ctx);
        return;
    }
    bool enter = pathField("##importpath", m_importPath, Str::FilesCsvPath);
    ImGui::SameLine();
    if (browseButton("##import")) m_picker.open({ImportCsv, PickMode::Open, FileKind::Spreadsheet, {}, {}, {}});
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

// A bundle becomes a new event file, which then opens in place of this one.
void FilesView::drawBundleImport(ViewContext& ctx) {
    pathField("##bundlepath", m_bundlePath, Str::FilesBundlePath);
    ImGui::SameLine();
    if (browseButton("##bundle")) m_picker.open({ImportBundle, PickMode::Open, FileKind::Bundle, {}, {}, {}});
    pathField("##bundletarget", m_bundleTarget, Str::FilesBundleTarget);
    ImGui::SameLine();
    if (browseButton("##bundletarget")) {
        std::string stem = std::filesystem::path(m_bundlePath).stem().string();
        m_picker.open({BundleTarget, PickMode::Save, FileKind::Event, (stem.empty() ? "atelier" : stem) + ".db", {}, {}});
    }
    ImGui::BeginDisabled(m_bundlePath.empty() || m_bundleTarget.empty());
    if (button(str(Str::FilesBundleImport))) {
        m_importError.clear();
        try {
            std::string target = resolveTypedPath(std::filesystem::current_path().string(), m_bundleTarget);
            std::string name;
            {
                auto store = importBundleFile(target, m_bundlePath);
                name = store->loadAll().event.name;
            }
            ctx.session.notify(strf(Str::FilesBundleCreated, name, target, m_bundlePath));
            ctx.session.requestOpen(target);
        } catch (const std::exception& e) {
            m_importError = e.what();
        }
    }
    ImGui::EndDisabled();
    if (!m_importError.empty()) {
        textWrapped(nullptr, m_importError, colours::kError);
        ImGui::TextWrapped("%s", str(Str::FilesNothingChanged));
    }
}

void FilesView::runExport(Session& session, Store& store, int purpose, const std::string& path) {
    m_exporting = false;
    try {
        if (purpose == TemplateChallenges || purpose == TemplateTeams) {
            std::error_code ec;
            if (std::filesystem::exists(path, ec)) { // a filled-in table is never overwritten
                said(strf(Str::FilesTemplateExists, path), true);
                return;
            }
            writeFileAtomically(path, purpose == TemplateChallenges ? challengeTemplate() : teamTemplate());
            said(strf(Str::FilesTemplateWritten, path), false);
            return;
        }
        ExportFormat format = purpose == ExportMarkdown ? ExportFormat::Markdown
                              : purpose == ExportHtml   ? ExportFormat::Html
                              : purpose == ExportCsv    ? ExportFormat::Csv
                                                        : ExportFormat::Json;
        ReportOptions options;
        options.withNames = m_withNames;
        ExportResult result = exportEvent(store, format, path, options);
        std::string text = strCount(Str::FilesExportedOne, Str::FilesExported, static_cast<long long>(result.written.size()), result.written.size());
        for (const auto& written : result.written) text += "\n" + written;
        said(text, false);
    } catch (const std::exception& e) {
        said(strf(Str::FilesNotWritten, e.what()), true);
        session.notify(m_exportResult, true);
    }
}

void FilesView::startBoardExport(ViewContext& ctx, const std::string& path) {
    const EventState& state = ctx.session.state();
    const Team* team = state.find<Team>(m_boardTeam);
    const Challenge* challenge = team ? state.find<Challenge>(team->challengeId) : nullptr;
    if (!challenge) {
        said(str(Str::FilesBoardNoTeams), true);
        return;
    }
    // The atelier binary draws the board offscreen as `atelier export --format png` does, in its
    // own process: the window keeps drawing meanwhile, and it reads the committed file.
    std::vector<std::string> args{atelierExecutable(), "--lang", uiLanguage() == Language::English ? "en" : "fr", "export",
                                  ctx.session.engine()->path(), "--format", "png", "--team", std::to_string(challenge->number),
                                  "--out", path};
    m_boardPath = path;
    if (!m_boardExport.start(args)) {
        said(strf(Str::FilesBoardFailed, atelierExecutable()), true);
        return;
    }
    said(strf(Str::FilesBoardRendering, team->name, path), false);
}

void FilesView::pollBoardExport(ViewContext& ctx) {
    if (!m_boardExport.running() || !m_boardExport.poll()) return;
    std::error_code ec;
    if (m_boardExport.exitCode() == 0 && std::filesystem::exists(m_boardPath, ec)) {
        said(strf(Str::FilesWrote, m_boardPath), false);
    } else {
        said(strf(Str::FilesBoardFailed, childMessage(m_boardExport)), true);
        ctx.session.notify(m_exportResult, true);
    }
}

void FilesView::drawExport(ViewContext& ctx) {
    Session& session = ctx.session;
    heading(ctx, Str::FilesExportTitle);
    ImGui::Checkbox(str(Str::FilesWithNames), &m_withNames);
    std::string stem = fileNameStem(session.state().event.name);
    bool busy = m_exporting || m_boardExport.running();
    auto row = [&](Str label, const char* id, Str buttonLabel, PickRequest request) {
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::AlignTextToFramePadding();
        ImGui::TextWrapped("%s", str(label));
        ImGui::TableNextColumn();
        ImGui::BeginDisabled(busy);
        if (button((std::string(str(buttonLabel)) + id).c_str())) m_picker.open(std::move(request));
        ImGui::EndDisabled();
    };
    if (ImGui::BeginTable("##exports", 2, ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_SizingStretchProp)) {
        ImGui::TableSetupColumn("##what", ImGuiTableColumnFlags_WidthStretch);
        ImGui::TableSetupColumn("##how", ImGuiTableColumnFlags_WidthFixed);
        row(Str::FilesExportReportHtml, "##html", Str::FilesExportButton, {ExportHtml, PickMode::Save, FileKind::Html, "restitution-" + stem + ".html", {}, {}});
        row(Str::FilesExportReportMd, "##md", Str::FilesExportButton, {ExportMarkdown, PickMode::Save, FileKind::Markdown, "restitution-" + stem + ".md", {}, {}});
        row(Str::FilesExportTables, "##csv", Str::FilesExportButton, {ExportCsv, PickMode::Folder, FileKind::Any, {}, {}, {}});
        row(Str::FilesExportBundle, "##json", Str::FilesExportButton, {ExportJson, PickMode::Save, FileKind::Bundle, stem + ".json", {}, {}});

        // A board: the team's, among those bound to a défi (a board is named by its défi).
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::AlignTextToFramePadding();
        ImGui::TextUnformatted(str(Str::FilesExportBoard));
        ImGui::SameLine();
        std::vector<const Team*> teams;
        for (const Team* t : session.state().teamsInOrder())
            if (session.state().find<Challenge>(t->challengeId)) teams.push_back(t);
        const Team* chosen = session.state().find<Team>(m_boardTeam);
        if (!chosen || std::find(teams.begin(), teams.end(), chosen) == teams.end()) {
            chosen = teams.empty() ? nullptr : teams.front();
            m_boardTeam = chosen ? chosen->id : Id{};
        }
        ImGui::SetNextItemWidth(std::min(ImGui::GetFontSize() * 14, ImGui::GetContentRegionAvail().x));
        if (ImGui::BeginCombo("##boardteam", chosen ? chosen->name.c_str() : str(Str::FilesBoardNoTeams))) {
            for (const Team* t : teams) {
                ImGui::PushID(t->name.c_str());
                if (ImGui::Selectable(t->name.c_str(), t == chosen)) m_boardTeam = t->id;
                recordLastItem(("boardteam:" + t->name).c_str());
                ImGui::PopID();
            }
            ImGui::EndCombo();
        }
        recordLastItem("##boardteam");
        ImGui::TableNextColumn();
        ImGui::BeginDisabled(busy || !chosen);
        if (button((std::string(str(Str::FilesExportButton)) + "##png").c_str()) && chosen) {
            const Challenge* c = session.state().find<Challenge>(chosen->challengeId);
            m_picker.open({ExportBoard, PickMode::Save, FileKind::Png, "mur-defi-" + std::to_string(c ? c->number : 0) + ".png", {}, {}});
        }
        ImGui::EndDisabled();

        row(Str::FilesTemplateChallenges, "##tpldefis", Str::FilesTemplateButton,
            {TemplateChallenges, PickMode::Save, FileKind::Spreadsheet, "defis.csv", {}, Str::FilesTemplateExists});
        row(Str::FilesTemplateTeams, "##tplteams", Str::FilesTemplateButton,
            {TemplateTeams, PickMode::Save, FileKind::Spreadsheet, "equipes.csv", {}, Str::FilesTemplateExists});
        ImGui::EndTable();
    }
    if (!session.state().teams.empty() && std::none_of(session.state().teams.begin(), session.state().teams.end(), [&](const auto& t) {
            return session.state().find<Challenge>(t.second.challengeId) != nullptr;
        }))
        ImGui::TextDisabled("%s", str(Str::FilesBoardNoTeams));

    ImGui::Spacing();
    if (!m_exportResult.empty()) textWrapped(nullptr, m_exportResult, m_exportFailed ? colours::kError : colours::kInfo);
}

// « Comparer » (or a copy picked) adds the copy to the list; every copy listed is merged in one
// transaction.
void FilesView::checkMerge(ViewContext& ctx) {
    Session& session = ctx.session;
    m_countsHere = contentCounts(session.state());
    if (m_mergeReport) m_mergeReport->clear();
    try {
        auto other = Engine::open(m_mergePath, session.clock(), OpenMode::ReadOnly);
        std::string counts = contentCounts(other->state());
        auto known = std::find_if(m_mergeCopies.begin(), m_mergeCopies.end(), [&](const MergeCopy& c) { return c.path == m_mergePath; });
        if (known == m_mergeCopies.end()) m_mergeCopies.push_back({m_mergePath, counts});
        else known->counts = counts;
        m_mergePath.clear();
    } catch (const Error& e) {
        session.notify(e.what(), true);
    }
}

void FilesView::drawMerge(ViewContext& ctx) {
    Session& session = ctx.session;
    heading(ctx, Str::FilesMergeTitle);
    ImGui::TextWrapped("%s", str(Str::FilesMergeHint));
    bool enter = pathField("##mergepath", m_mergePath, Str::FilesEventPath);
    ImGui::SameLine();
    if (browseButton("##merge")) m_picker.open({MergeFile, PickMode::Open, FileKind::Event, {}, {}, {}});
    ImGui::SameLine();
    if ((button(str(Str::FilesMergeCheck)) || enter) && !m_mergePath.empty()) checkMerge(ctx);
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
