#include "app.hpp"

#include "child_process.hpp"

#include "outcomes/outcome_focus.hpp"

#include "model/language.hpp"
#include "presentation.hpp"
#include "strings.hpp"
#include "theme.hpp"
#include "model/timer.hpp"
#include "widgets.hpp"

#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h> // key codes only: io.KeysDown is indexed by GLFW keys
#include <imgui_stdlib.h>

#include <algorithm>
#include <cmath>
#include <filesystem>

namespace atelier {

namespace {
bool mouseButtonHeld() {
    if (!ImGui::GetCurrentContext()) return false;
    for (bool down : ImGui::GetIO().MouseDown)
        if (down) return true;
    return false;
}
} // namespace

App::App(const Clock& clock, Settings settings) : m_session(clock), m_settings(std::move(settings)), m_views(makeViews()) {
    setUiLanguage(m_settings.language);
    m_fonts.setUiScale(m_settings.uiScale);
}

View* App::view(ViewId id) {
    for (auto& v : m_views)
        if (v->id() == id) return v.get();
    return nullptr;
}

ViewContext App::context() { return ViewContext{m_session, m_fonts.set(), m_settings, m_settings.uiScale, m_sound}; }

void App::setUiScale(float scale) {
    scale = std::clamp(std::round(scale * 10.0f) / 10.0f, Settings::kMinScale, Settings::kMaxScale);
    if (scale == m_settings.uiScale) return;
    m_settings.uiScale = scale;
    m_fonts.setUiScale(scale);
    ++m_styleRevision;
    m_session.notify(strf(Str::ScaleFormat, static_cast<int>(std::lround(scale * 100))));
}

void App::applyStyle(ImGuiStyle& style) const { applyTheme(style, m_settings.uiScale); }

void App::setLanguage(Language language) {
    m_settings.language = language;
    setUiLanguage(language);
}

std::string App::windowTitle() const {
    if (!m_session.isOpen()) return "Atelier";
    std::string file = std::filesystem::path(m_session.engine()->path()).filename().string();
    return m_session.state().event.name + " — " + file + " — Atelier";
}

double App::wakeSeconds() const {
    double wake = presentationWakeSeconds(m_session, m_session.now());
    if (runningChildProcesses() > 0) wake = std::min(wake, 0.1); // a file dialog or a PNG export to poll
    if (m_session.ruleChecksPending()) wake = std::min(wake, 0.05); // the open file's checks, on their thread
    if (!m_session.hasPending() && !const_cast<Session&>(m_session).toasts().empty()) wake = std::min(wake, 0.5);
    if (m_session.participation && m_session.participation->queue().pending() > 0)
        wake = std::min(wake, std::max(0.005, phoneDrainWaitSeconds(std::chrono::steady_clock::now())));
    if (m_session.isOpen() && m_session.engine()->checkpointPending()) {
        double idle = std::chrono::duration<double>(std::chrono::steady_clock::now() - m_lastChange).count();
        wake = std::min(wake, std::max(0.05, kCheckpointAfterIdleSeconds - idle)); // wake once for the checkpoint
    }
    return wake;
}

double App::phoneDrainWaitSeconds(std::chrono::steady_clock::time_point now) const {
    return kPhoneDrainSeconds - std::chrono::duration<double>(now - m_lastPhoneDrain).count();
}

void App::shortcut(std::string_view name) {
    if (onShortcut) onShortcut(name);
}

void App::handleShortcuts(bool projectionWindow) {
    closePopupsBeforeWidgets(); // first: the click after a menu must reach its widget this frame
    ImGuiIO& io = ImGui::GetIO();
    auto pressed = [](int key) { return ImGui::IsKeyPressed(key, false); };
    bool typing = io.WantTextInput;
    bool ctrl = io.KeyCtrl;
    if (ctrl && !typing && pressed(GLFW_KEY_Z)) {
        shortcut(io.KeyShift ? "redo" : "undo");
        if (io.KeyShift) m_session.requestRedo();
        else m_session.requestUndo();
    }
    if (ctrl && !typing && pressed(GLFW_KEY_Y)) {
        shortcut("redo");
        m_session.requestRedo();
    }
    if (ctrl && (pressed(GLFW_KEY_EQUAL) || pressed(GLFW_KEY_KP_ADD))) {
        shortcut("zoom-in");
        setUiScale(m_settings.uiScale + 0.1f);
    }
    if (ctrl && (pressed(GLFW_KEY_MINUS) || pressed(GLFW_KEY_KP_SUBTRACT))) {
        shortcut("zoom-out");
        setUiScale(m_settings.uiScale - 0.1f);
    }
    if (ctrl && (pressed(GLFW_KEY_0) || pressed(GLFW_KEY_KP_0))) {
        shortcut("zoom-reset");
        setUiScale(1.0f);
    }
    if (ctrl && pressed(GLFW_KEY_Q)) {
        shortcut("quit");
        quitRequested = true;
    }
    if (ctrl && !projectionWindow && pressed(GLFW_KEY_O)) {
        shortcut("open");
        m_eventDialogs.requestOpen();
    }
    if (pressed(GLFW_KEY_F11)) {
        shortcut("full-screen");
        if (projectionWindow) projectionFullScreen = !projectionFullScreen;
        else m_session.presentationFullScreen = !m_session.presentationFullScreen;
    }
    if (pressed(GLFW_KEY_ESCAPE)) {
        if (projectionWindow && projectionFullScreen) {
            shortcut("leave-full-screen");
            projectionFullScreen = false;
        } else if (!projectionWindow && m_session.presentationFullScreen) {
            shortcut("leave-full-screen");
            m_session.presentationFullScreen = false;
        }
    }
    // Pages of a brief or regions of a board: the projector's own keys (arrows, Page Up/Down).
    bool presenting = projectionWindow || m_session.presentationFullScreen || m_session.view == ViewId::Projector;
    if (presenting && m_session.isOpen()) handleProjectorKeys(m_session);
}

void App::handleKeyCommands(bool projectionWindow) {
    ImGuiIO& io = ImGui::GetIO();
    auto& events = inputLog().frameEvents();
    // While a text is typed (a field last frame, or the board's editor this frame) keys are text.
    bool typing = io.WantTextInput || std::any_of(events.begin(), events.end(), [](const InputEvent& e) { return e.consumed; });
    if (typing) return;
    for (InputEvent& e : events) {
        CommandHit hit{};
        if (!commandFor(e, hit)) continue;
        e.consumed = true;
        runCommand(hit, projectionWindow);
    }
}

void App::runCommand(const CommandHit& hit, bool projectionWindow) {
    if (hit.command == Command::Help) {
        shortcut("help");
        m_keysHelp = !m_keysHelp;
        return;
    }
    if (!m_session.isOpen()) return;
    const EventState& state = m_session.state();
    // The timer and the phase the room sees: those of the projected scope (0 = all teams).
    Id scope = m_session.projectorTeam;
    const Team* team = state.find<Team>(scope);
    const TimedSession* timer = m_session.timerFor(scope);
    Phase phase = team ? team->phase : (timer ? timer->phase : Phase::Diverge);
    switch (hit.command) {
    case Command::ToggleTimer:
        shortcut("toggle-timer");
        m_session.toggleTimer(scope, phase, m_settings.presetMinutes[static_cast<std::size_t>(phase)] * 60);
        break;
    case Command::AddMinute:
        shortcut("add-minute");
        if (timer) m_session.queue(ExtendTimer{timer->id, 60});
        break;
    case Command::RemoveMinute:
        shortcut("remove-minute");
        if (timer) m_session.queue(ShortenTimer{timer->id, 60}); // refused, with a message, under a minute left
        break;
    case Command::NextPhase: {
        shortcut("next-phase");
        if (!team && !state.teamsInOrder().empty() && !timer) phase = state.teamsInOrder().front()->phase;
        int next = static_cast<int>(phase) + 1;
        if (next >= static_cast<int>(kPhaseCodes.size())) break;
        if (team) {
            m_session.queue(SetPhase{scope, static_cast<Phase>(next)});
            break;
        }
        // For all teams, the key only moves forward: teams already at or past the next phase
        // stay where they are (taking one back asks first, on the Phases screen). One undo.
        std::vector<Action> steps;
        for (const Team* t : state.teamsInOrder())
            if (static_cast<int>(t->phase) < next) steps.push_back(SetPhase{t->id, static_cast<Phase>(next)});
        if (!steps.empty()) {
            std::string description = std::string(str(Str::KeysNextPhase));
            m_session.defer([steps, description](Engine& engine) { engine.applyBatch(steps, description); });
        }
        break;
    }
    case Command::ProjectionWindow:
        shortcut("projection-window");
        m_session.projectionWindow = !m_session.projectionWindow;
        break;
    case Command::BlankProjector:
        shortcut("blank-projector");
        m_session.projectorBlank = !m_session.projectorBlank;
        break;
    case Command::Screen:
    case Command::NextScreen: {
        if (projectionWindow || m_views.empty()) break;
        shortcut("screen");
        std::size_t count = m_views.size(), at = 0;
        for (std::size_t i = 0; i < count; ++i)
            if (m_views[i]->id() == m_session.view) at = i;
        std::size_t target = hit.command == Command::Screen ? static_cast<std::size_t>(hit.screen)
                                                             : (at + count + static_cast<std::size_t>(hit.screen + static_cast<int>(count))) % count;
        if (target < count) m_session.view = m_views[target]->id();
        break;
    }
    case Command::Help: break;
    }
}

void App::drawKeysHelp() {
    if (m_keysHelp && !ImGui::IsPopupOpen("##keys")) ImGui::OpenPopup("##keys");
    ImGui::SetNextWindowPos(ImGui::GetMainViewport()->GetCenter(), ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
    bool open = true;
    if (!ImGui::BeginPopupModal("##keys", &open, ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoTitleBar)) {
        m_keysHelp = false;
        return;
    }
    ImGui::PushFont(m_fonts.set().heading);
    ImGui::TextUnformatted(str(Str::KeysTitle));
    ImGui::PopFont();
    ImGui::TextDisabled("%s", str(Str::KeysIntro));
    auto row = [](const char* keys, Str what) {
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(keys);
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(str(what));
    };
    if (ImGui::BeginTable("##keytable", 2, ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingFixedFit)) {
        Command last = Command::Help;
        bool first = true;
        for (const Shortcut& s : shortcuts()) {
            if (!first && s.command == last) continue; // F1 and ? share one row
            row(s.keys, s.description);
            last = s.command;
            first = false;
        }
        ImGui::EndTable();
    }
    ImGui::Spacing();
    ImGui::PushFont(m_fonts.set().bold);
    ImGui::TextUnformatted(str(Str::KeysBoardTitle));
    ImGui::PopFont();
    if (ImGui::BeginTable("##boardkeys", 2, ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingFixedFit)) {
        row("N, double-clic", Str::KeysBoardNew);
        row("Entrée / Enter, F2", Str::KeysBoardEdit);
        row("Entrée, Échap / Enter, Esc", Str::KeysBoardEndEdit);
        row("F", Str::KeysBoardFit);
        row("Suppr / Del", Str::KeysBoardDelete);
        ImGui::EndTable();
    }
    // F1 and ? close it through the command table (runCommand toggles m_keysHelp): testing F1
    // here as well toggled it twice, so F1 never closed it. Escape closes it too.
    ImGuiIO& io = ImGui::GetIO();
    bool escape = io.KeyMap[ImGuiKey_Escape] >= 0 && ImGui::IsKeyPressed(io.KeyMap[ImGuiKey_Escape], false);
    if (ImGui::Button(str(Str::KeysClose)) || !open || escape) {
        m_keysHelp = false;
        ImGui::CloseCurrentPopup();
    }
    if (!m_keysHelp) ImGui::CloseCurrentPopup();
    ImGui::EndPopup();
}

void App::drawMainWindow() {
    ImGuiViewport* viewport = ImGui::GetMainViewport();
    ViewContext ctx = context();
    // The exhibition stand in full screen is the stand itself, not the projector.
    if (m_session.presentationFullScreen && m_session.isOpen() && m_session.view == ViewId::Stand) {
        if (View* v = view(ViewId::Stand)) v->draw(ctx, viewport->Pos, viewport->Size);
        drawToasts();
        handleKeyCommands(false);
        return;
    }
    if (m_session.presentationFullScreen && m_session.isOpen()) {
        ImGui::SetNextWindowPos(viewport->Pos);
        ImGui::SetNextWindowSize(viewport->Size);
        ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0, 0));
        ImGui::Begin("##presentation", nullptr,
                     ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                         ImGuiWindowFlags_NoBringToFrontOnFocus);
        drawPresentation(ctx, viewport->Pos, viewport->Size);
        ImGui::End();
        ImGui::PopStyleVar();
        drawToasts();
        handleKeyCommands(false);
        return;
    }
    drawMenuBar();
    float top = ImGui::GetFrameHeight();
    ImVec2 pos(viewport->Pos.x, viewport->Pos.y + top);
    ImVec2 size(viewport->Size.x, viewport->Size.y - top);
    if (!m_session.isOpen()) {
        drawOpenError(pos, size);
    } else {
        float sidebar = sidebarWidth();
        drawSidebar(pos, ImVec2(sidebar, size.y));
        if (View* v = view(m_session.view)) v->draw(ctx, ImVec2(pos.x + sidebar, pos.y), ImVec2(size.x - sidebar, size.y));
    }
    drawDialogs();
    drawToasts();
    handleKeyCommands(false);
}

void App::drawProjectionWindow() {
    ImGuiViewport* viewport = ImGui::GetMainViewport();
    ViewContext ctx = context();
    ImGui::SetNextWindowPos(viewport->Pos);
    ImGui::SetNextWindowSize(viewport->Size);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0, 0));
    ImGui::Begin("##projection", nullptr, ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings);
    drawPresentation(ctx, viewport->Pos, viewport->Size);
    ImGui::End();
    ImGui::PopStyleVar();
    handleKeyCommands(true);
}

void App::drawMenuBar() {
    if (!ImGui::BeginMainMenuBar()) return;
    if (ImGui::BeginMenu(str(Str::MenuFile))) {
        if (ImGui::MenuItem(str(Str::MenuNewEvent))) {
            m_eventDialogs.requestNew();
        }
        if (ImGui::MenuItem(str(Str::MenuOpen), "Ctrl+O")) m_eventDialogs.requestOpen();
        if (ImGui::BeginMenu(str(Str::MenuRecent))) {
            if (m_settings.recentFiles.empty()) ImGui::TextDisabled("%s", str(Str::MenuNoRecent));
            for (const auto& path : m_settings.recentFiles)
                if (ImGui::MenuItem(path.c_str())) m_session.requestOpen(path);
            ImGui::EndMenu();
        }
        ImGui::Separator();
        // Import, export and merge share one screen, opened on the right tab.
        auto files = [&](Str label, FilesTab tab) {
            if (ImGui::MenuItem(str(label), nullptr, false, m_session.isOpen())) {
                m_session.view = ViewId::Files;
                requestFilesTab(tab);
            }
        };
        files(Str::MenuImport, FilesTab::Import);
        files(Str::MenuExport, FilesTab::Export);
        files(Str::MenuMerge, FilesTab::Merge);
        if (ImGui::MenuItem(tr("Sauvegardes…", "Backups…").c_str(), nullptr, false, m_session.isOpen())) {
            m_backups = listBackups(m_session.engine()->path());
            m_backupsDialog = true;
        }
        ImGui::Separator();
        if (ImGui::MenuItem(str(Str::MenuQuit), "Ctrl+Q")) quitRequested = true;
        ImGui::EndMenu();
    }
    if (ImGui::BeginMenu(str(Str::MenuEdit))) {
        Engine* engine = m_session.engine();
        std::string undo = engine && engine->canUndo() ? strf(Str::MenuUndoFormat, engine->undoDescription()) : str(Str::MenuUndo);
        std::string redo = engine && engine->canRedo() ? strf(Str::MenuRedoFormat, engine->redoDescription()) : str(Str::MenuRedo);
        if (ImGui::MenuItem(undo.c_str(), "Ctrl+Z", false, engine && engine->canUndo())) m_session.requestUndo();
        if (ImGui::MenuItem(redo.c_str(), "Ctrl+Y", false, engine && engine->canRedo())) m_session.requestRedo();
        ImGui::EndMenu();
    }
    if (ImGui::BeginMenu(str(Str::MenuDisplay))) {
        if (ImGui::MenuItem(str(Str::MenuZoomIn), "Ctrl +")) setUiScale(m_settings.uiScale + 0.1f);
        if (ImGui::MenuItem(str(Str::MenuZoomOut), "Ctrl -")) setUiScale(m_settings.uiScale - 0.1f);
        if (ImGui::MenuItem(str(Str::MenuZoomReset), "Ctrl 0")) setUiScale(1.0f);
        ImGui::Separator();
        if (ImGui::MenuItem(str(Str::MenuFullScreen), "F11", m_session.presentationFullScreen))
            m_session.presentationFullScreen = !m_session.presentationFullScreen;
        if (ImGui::MenuItem(str(Str::MenuProjectionWindow), nullptr, m_session.projectionWindow))
            m_session.projectionWindow = !m_session.projectionWindow;
        ImGui::Separator();
        if (ImGui::BeginMenu(str(Str::MenuLanguage))) {
            if (ImGui::MenuItem(str(Str::LanguageFrench), nullptr, uiLanguage() == Language::French)) setLanguage(Language::French);
            if (ImGui::MenuItem(str(Str::LanguageEnglish), nullptr, uiLanguage() == Language::English)) setLanguage(Language::English);
            ImGui::EndMenu();
        }
        ImGui::EndMenu();
    }
    if (m_session.isOpen() && m_session.engine()->readOnly()) {
        ImGui::TextColored(ImColor(colours::kError), "  %s", str(Str::ReadOnlyBanner));
    }
    ImGui::EndMainMenuBar();
}

float App::sidebarWidth() const {
    // Wide enough for the longest screen name in the current language with its padding and a
    // scroll bar, so that no name is cut (« Tableau de bord »).
    const ImFont* bold = m_fonts.set().bold;
    const ImGuiStyle& style = ImGui::GetStyle();
    float widest = 0;
    if (bold)
        for (const auto& v : m_views) widest = std::max(widest, bold->CalcTextSizeA(bold->FontSize, FLT_MAX, 0, v->title()).x);
    return std::ceil(std::max(190.0f * m_settings.uiScale, widest + 2 * (style.FramePadding.x + style.WindowPadding.x) + style.ScrollbarSize));
}

void App::drawSidebar(ImVec2 pos, ImVec2 size) {
    ImGui::SetNextWindowPos(pos);
    ImGui::SetNextWindowSize(size);
    ImGui::PushStyleColor(ImGuiCol_WindowBg, IM_COL32(0x1F, 0x2A, 0x3A, 0xFF));
    // Scrolls, with a visible bar, when the screens do not all fit (1280x720, a large UI scale).
    ImGui::Begin("##sidebar", nullptr,
                 ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoMove |
                     ImGuiWindowFlags_NoSavedSettings);
    ImGui::PushFont(m_fonts.set().heading);
    ImGui::TextColored(ImVec4(1, 1, 1, 1), "Atelier");
    ImGui::PopFont();
    ImGui::Spacing();
    ImGui::PushFont(m_fonts.set().bold);
    float width = ImGui::GetContentRegionAvail().x;
    // Every screen in sight when the window is short (1280x720): the buttons give up their
    // extra height, down to one frame, before the list has to scroll.
    const ImGuiStyle& style = ImGui::GetStyle();
    float timerBlock = m_session.timerFor(Id{}) ? m_fonts.set().heading->FontSize * 2 + ImGui::GetTextLineHeightWithSpacing() + 4 * style.ItemSpacing.y : 0;
    float room = size.y - ImGui::GetCursorPosY() - style.WindowPadding.y - timerBlock;
    float fit = room / float(std::max<std::size_t>(1, m_views.size())) - style.ItemSpacing.y;
    float buttonHeight = std::clamp(fit, ImGui::GetFrameHeight(), ImGui::GetFrameHeight() * 1.5f);
    for (auto& v : m_views) {
        bool active = v->id() == m_session.view;
        ImGui::PushStyleColor(ImGuiCol_Button, active ? IM_COL32(0xFF, 0xFF, 0xFF, 0xFF) : IM_COL32(0x2C, 0x3C, 0x52, 0xFF));
        ImGui::PushStyleColor(ImGuiCol_Text, active ? IM_COL32(0x10, 0x18, 0x28, 0xFF) : IM_COL32(0xFF, 0xFF, 0xFF, 0xFF));
        ImGui::PushStyleVar(ImGuiStyleVar_ButtonTextAlign, ImVec2(0.0f, 0.5f));
        if (ImGui::Button(v->title(), ImVec2(width, buttonHeight))) m_session.view = v->id();
        recordLastItem((std::string("##sidebar:") + v->title()).c_str());
        ImGui::PopStyleVar();
        ImGui::PopStyleColor(2);
    }
    ImGui::PopFont();
    // The running all-teams timer stays in sight whatever the screen.
    if (const TimedSession* t = m_session.timerFor(Id{})) {
        Millis now = m_session.now();
        ImGui::Spacing();
        ImGui::PushFont(m_fonts.set().heading);
        std::string text = formatCountdown(timerRemaining(*t, now));
        ImGui::TextColored(ImColor(countdownColour(t, now, IM_COL32(255, 255, 255, 255))), "%s", text.c_str());
        // « PAUSE » on its own line: the sidebar is too narrow for both at heading size.
        if (timerState(*t, now) == TimerState::Paused) ImGui::TextColored(ImColor(colours::kWarning), "%s", str(Str::TimerPausedBadge));
        ImGui::PopFont();
        ImGui::TextColored(ImVec4(0.85f, 0.88f, 0.92f, 1), "%s", str(Str::AllTeams));
    }
    ImGui::End();
    ImGui::PopStyleColor();
}

void App::drawOpenError(ImVec2 pos, ImVec2 size) {
    ImGui::SetNextWindowPos(pos);
    ImGui::SetNextWindowSize(size);
    ImGui::Begin("##noevent", nullptr, ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings);
    if (!m_session.openError().empty()) {
        ImGui::PushFont(m_fonts.set().heading);
        ImGui::TextColored(ImColor(colours::kError), "%s", str(Str::ErrorOpenTitle));
        ImGui::PopFont();
        textWrapped(m_fonts.set().regular, m_session.openError());
        ImGui::Spacing();
    }
    textWrapped(m_fonts.set().regular, str(Str::NoEventOpen));
    if (ImGui::Button(str(Str::MenuOpen))) m_eventDialogs.requestOpen();
    ImGui::SameLine();
    if (ImGui::Button(str(Str::MenuNewEvent))) {
        m_eventDialogs.requestNew();
    }
    ImGui::End();
}

void App::drawDialogs() {
    m_eventDialogs.draw(m_session, &m_settings.recentFiles);
    drawBackupsDialog();
    drawKeysHelp();
    drawRuleBreaksDialog();
}

// A file whose rows break the rules (an older version, a hand edit) opens, and says so once:
// the first offences `atelier check` reports, and where the full list is.
void App::drawRuleBreaksDialog() {
    // Not in the frame that shows a file just opened: its checks run after it (Session::ruleBreaks).
    if (!m_session.isOpen() || m_session.ruleChecksPending() || m_session.ruleBreaks().empty()) return;
    if (!ImGui::IsPopupOpen("##rulebreaks")) ImGui::OpenPopup("##rulebreaks");
    ImGui::SetNextWindowPos(ImGui::GetMainViewport()->GetCenter(), ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
    if (!ImGui::BeginPopupModal("##rulebreaks", nullptr, ImGuiWindowFlags_AlwaysAutoResize)) return;
    ImGui::PushTextWrapPos(ImGui::GetFontSize() * 42.0f);
    ImGui::PushFont(m_fonts.set().bold);
    ImGui::TextColored(ImColor(colours::kError), "%s", str(Str::RuleBreaksTitle));
    ImGui::PopFont();
    ImGui::Spacing();
    ImGui::TextUnformatted(str(Str::RuleBreaksIntro));
    for (const std::string& line : m_session.ruleBreaks()) ImGui::BulletText("%s", line.c_str());
    if (m_session.moreRuleBreaks()) ImGui::TextUnformatted(str(Str::RuleBreaksMore));
    ImGui::Spacing();
    ImGui::TextUnformatted(strf(Str::RuleBreaksCheck, m_session.engine()->store().path()).c_str());
    ImGui::PopTextWrapPos();
    ImGui::Spacing();
    if (button(str(Str::RuleBreaksClose))) {
        m_session.dismissRuleBreaks();
        ImGui::CloseCurrentPopup();
    }
    ImGui::EndPopup();
}

// The rotating backups beside the event (core/storage/backup.hpp): newest first, one click restores one
// after the current state has been backed up in turn.
void App::drawBackupsDialog() {
    if (m_backupsDialog) {
        ImGui::OpenPopup("##backups");
        m_backupsDialog = false;
    }
    ImGui::SetNextWindowPos(ImGui::GetMainViewport()->GetCenter(), ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
    if (!ImGui::BeginPopupModal("##backups", nullptr, ImGuiWindowFlags_AlwaysAutoResize)) return;
    ImGui::TextUnformatted(tr("Sauvegardes automatiques (à chaque changement de phase et toutes les 5 minutes d'activité)",
                              "Automatic backups (at each phase change and every 5 minutes of activity)")
                               .c_str());
    if (m_session.isOpen() && !m_session.engine()->lastBackupError().empty())
        ImGui::TextColored(ImColor(colours::kError), "%s", m_session.engine()->lastBackupError().c_str());
    if (m_backups.empty()) ImGui::TextUnformatted(tr("Aucune sauvegarde pour l'instant.", "No backup yet.").c_str());
    bool writable = m_session.isOpen() && !m_session.engine()->readOnly();
    for (const auto& b : m_backups) {
        ImGui::PushID(b.name.c_str());
        std::string line = b.error.empty()
                               ? trf("{}  —  {} équipes, {} post-its, {} prototypes", "{}  —  {} teams, {} notes, {} prototypes",
                                     b.name, b.teams, b.notes, b.prototypes)
                               : b.name + "  —  " + b.error;
        ImGui::TextUnformatted(line.c_str());
        ImGui::SameLine();
        ImGui::BeginDisabled(!writable || !b.error.empty());
        if (ImGui::Button(tr("Restaurer", "Restore").c_str())) {
            std::string path = b.path;
            m_session.defer([this, path](Engine&) { m_session.restoreBackup(path); });
            ImGui::CloseCurrentPopup();
        }
        ImGui::EndDisabled();
        ImGui::PopID();
    }
    if (ImGui::Button(tr("Fermer", "Close").c_str())) ImGui::CloseCurrentPopup();
    ImGui::EndPopup();
}

void App::drawToasts() {
    auto& toasts = m_session.toasts();
    double now = ImGui::GetTime();
    std::erase_if(toasts, [&](const Toast& t) { return t.shownAt >= 0 && now - t.shownAt > (t.error ? 8.0 : 4.0); });
    ImGuiViewport* viewport = ImGui::GetMainViewport();
    float y = viewport->Pos.y + viewport->Size.y - 16;
    int index = 0;
    for (auto it = toasts.rbegin(); it != toasts.rend(); ++it, ++index) {
        Toast& t = *it;
        if (t.shownAt < 0) t.shownAt = now;
        ImGui::SetNextWindowPos(ImVec2(viewport->Pos.x + viewport->Size.x - 16, y), ImGuiCond_Always, ImVec2(1, 1));
        ImGui::SetNextWindowSizeConstraints(ImVec2(0, 0), ImVec2(viewport->Size.x * 0.45f, FLT_MAX));
        ImGui::PushStyleColor(ImGuiCol_WindowBg, t.error ? colours::kError : colours::kInfo);
        ImGui::PushStyleColor(ImGuiCol_Text, IM_COL32(255, 255, 255, 255));
        char name[24];
        std::snprintf(name, sizeof name, "##toast%d", index);
        ImGui::Begin(name, nullptr,
                     ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoSavedSettings |
                         ImGuiWindowFlags_NoFocusOnAppearing | ImGuiWindowFlags_NoNav);
        ImGui::PushTextWrapPos(viewport->Size.x * 0.42f);
        ImGui::TextUnformatted(t.text.c_str());
        ImGui::PopTextWrapPos();
        if (ImGui::IsWindowHovered() && ImGui::IsMouseClicked(0)) t.shownAt = -1000; // dismiss
        y -= ImGui::GetWindowHeight() + 8;
        ImGui::End();
        ImGui::PopStyleColor(2);
    }
}

void App::fontsHaveOpenEvent() {
    if (!m_session.isOpen()) return;
    const Engine* engine = m_session.engine();
    m_settings.addRecent(engine->path());
    m_fontEngine = engine->serial();
    m_fontRevision = engine->state().revision;
}

bool App::afterFrames() {
    bool changed = m_session.applyPending();
    auto now = std::chrono::steady_clock::now();
    // Phones' requests, on this (the engine's) thread; their actions stay off the undo history.
    if (m_session.participation) {
        if (!m_session.isOpen() || m_session.engine()->serial() != m_session.participationEngine) m_session.participation.reset();
        else if (m_session.participation->pump(*m_session.engine(), phoneDrainWaitSeconds(now) <= 0) > 0) {
            changed = true;
            m_lastPhoneDrain = now;
        }
    }
    if (changed || mouseButtonHeld()) {
        m_lastChange = now; // a drag may be under way: its drop is an action
    } else if (m_session.isOpen() && m_session.engine()->checkpointPending() &&
               std::chrono::duration<double>(now - m_lastChange).count() >= kCheckpointAfterIdleSeconds) {
        m_session.engine()->checkpoint();
    }
    if (m_session.isOpen()) {
        const Engine* engine = m_session.engine();
        if (engine->serial() != m_fontEngine) {
            m_settings.addRecent(engine->path());
            m_fonts.addEventText(engine->state());
        } else if (engine->state().revision != m_fontRevision) {
            // The rows the actions since changed, or everything when the engine cannot tell.
            bool known = engine->changedRowsSince(m_fontRevision, [&](const std::string& table, Id id) {
                m_fonts.addRowText(engine->state(), table, id);
            });
            if (!known) m_fonts.addEventText(engine->state());
        }
        m_fontEngine = engine->serial();
        m_fontRevision = engine->state().revision;
    }
    updateSound();
    for (const auto& toast : m_session.toasts()) m_fonts.addText(toast.text);
    m_session.pollRuleChecks();
    if (!m_session.ruleChecksPending())
        for (const auto& line : m_session.ruleBreaks()) m_fonts.addText(line);
    if (m_session.isOpen() && !m_session.ruleChecksPending() && !m_session.ruleBreaks().empty()) m_fonts.addText(m_session.engine()->store().path());
    return changed;
}

void App::updateSound() {
    if (!m_sound) return;
    m_sound->setMuted(m_settings.chimeMuted);
    m_sound->setDevice(m_settings.soundDevice);
    if (m_session.isOpen()) {
        const Engine* engine = m_session.engine();
        bool opened = engine->serial() != m_soundEngine;
        // A newly opened event: its timers that ended while it was closed stay silent.
        if (opened) m_sound->restart(m_session.now());
        if (opened || engine->state().revision != m_soundRevision || m_settings.chimeMinuteBefore != m_soundMinuteBefore)
            m_sound->schedule(audio::chimeDeadlines(engine->state(), m_settings.chimeMinuteBefore));
        m_soundEngine = engine->serial();
        m_soundRevision = engine->state().revision;
        m_soundMinuteBefore = m_settings.chimeMinuteBefore;
    } else if (m_soundEngine != 0) {
        m_sound->schedule({});
        m_soundEngine = 0;
    }
    if (std::string problem = m_sound->takeProblem(); !problem.empty()) m_session.notify(std::move(problem), true);
}

} // namespace atelier
