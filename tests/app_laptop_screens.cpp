// Every screen at laptop sizes (1280x720 and 1366x768), in French and English: each command a
// screen offers is drawn whole, on one line, inside the window; the words of its texts are never
// broken across lines; and no character is drawn as the font's fallback glyph. What was drawn is
// read back from the draw lists (drawn_text.hpp), so it does not matter which widget drew it.
//
// Adding a screen or a command: one entry in screens() below — the view, the commands (strings of
// strings.hpp) that must be in reach, and optionally what to set up first and the texts (or the
// words of texts) that must show whole. Commands every screen shares (the sidebar, the menus) are
// in sharedCommands().
#include "app_headless.hpp"
#include "drawn_text.hpp"

#include "presentation.hpp"
#include "strings.hpp"
#include "views/view_board.hpp"
#include "outcomes/outcome_focus.hpp"
#include "widgets.hpp"

#include <catch2/catch.hpp>

#include <functional>
#include <sstream>

// Entries name only what they need; the rest stays empty.
#pragma GCC diagnostic ignored "-Wmissing-field-initializers"

// Entries name only what they need; the rest stays empty.
#pragma GCC diagnostic ignored "-Wmissing-field-initializers"

using namespace atelier;
using namespace atelier::test;

namespace {

struct Screen {
    ViewId view;
    const char* name;
    std::vector<Str> commands;                                    // each drawn whole, inside the window
    std::function<void(Headless&)> setup;                         // run before drawing (optional)
    std::function<std::vector<std::string>(Headless&)> texts;     // each drawn whole on one line (optional)
    std::function<std::vector<std::string>(Headless&)> wordsOf;   // each word of these drawn whole (optional)
};

Id teamOfChallenge(Headless& h, int number) {
    for (const Team* t : h.state().teamsInOrder())
        if (const Challenge* c = h.state().find<Challenge>(t->challengeId); c && c->number == number) return t->id;
    return Id{};
}

// A countdown running for défi 1's team and one for all teams: the home card and the sidebar show them.
void runTimers(Headless& h) {
    if (!h.session().timerFor(Id{})) h.session().queue(StartTimer{{}, "Atelier", Phase::Diverge, Id{}, 1200});
    Id team = teamOfChallenge(h, 1);
    const TimedSession* t = h.session().timerFor(team);
    if (!t || !t->teamId) h.session().queue(StartTimer{{}, "Idéation", Phase::Diverge, team, 900});
    h.frames(2);
}

std::vector<Screen> screens() {
    return {
        {ViewId::Home, "home", {Str::HomeProgramme, Str::HomeChallenges, Str::ViewChallenge, Str::ButtonShowTeam}, runTimers,
         [](Headless& h) {
             // The card's countdown, whole.
             std::vector<std::string> out;
             if (const TimedSession* t = h.session().timerFor(teamOfChallenge(h, 1))) out.push_back(countdownLabel(*t, h.session().now()));
             return out;
         }},
        {ViewId::Challenge, "challenge", {Str::ChallengeAdd, Str::ChallengeMoveDown, Str::ChallengePagePrevious, Str::ChallengePageNext}},
        {ViewId::Teams, "teams", {Str::TeamsAdd}},
        {ViewId::Programme, "programme", {Str::SlotAdd}},
        {ViewId::Phases, "phases", {Str::PhasesSetAll, Str::PhasesTeam, Str::PhasesCurrent, Str::PhasesHistory},
         [](Headless& h) { // a history to show, with its arrows
             Id team = teamOfChallenge(h, 2);
             if (h.state().phaseHistory(team).size() < 2) {
                 h.session().queue(SetPhase{team, Phase::Select});
                 h.frames(2);
             }
             h.session().team = team;
         }},
        {ViewId::Board, "board", {Str::BoardFit, Str::BoardActualSize, Str::BoardPrivateWriting, Str::BoardAuthor, Str::BoardProject},
         [](Headless& h) { h.session().team = teamOfChallenge(h, 3); }},
        {ViewId::Votes, "votes", {Str::VoteToBoard}, [](Headless& h) { h.session().team = teamOfChallenge(h, 3); }},
        {ViewId::Prototypes, "prototypes", {Str::ProtoAdd}, [](Headless& h) { h.session().team = teamOfChallenge(h, 1); }},
        {ViewId::Stand, "stand", {}},
        // Eleven columns: the longer headers may end in « … » at 1280x720, never a word of the rows.
        {ViewId::Dashboard, "dashboard", {Str::DashColNumber, Str::DashColTeam, Str::DashColTheme, Str::DashColNotes},
         nullptr, nullptr,
         [](Headless& h) { // the first rows' themes (« Développer des dynamiques territoriales ») and team names, never cut mid-word
             std::vector<std::string> out;
             for (int number : {1, 2, 3}) {
                 const Team* t = h.state().find<Team>(teamOfChallenge(h, number));
                 out.push_back(t->name);
                 if (const Challenge* c = h.state().find<Challenge>(t->challengeId)) out.push_back(c->theme);
             }
             return out;
         }},
        {ViewId::Search, "search", {}},
        {ViewId::Files, "files", {Str::FilesImport, Str::FilesExport, Str::FilesMerge, Str::ButtonBrowse}},
        // The export tab: every export and both templates, each with its button.
        {ViewId::Files, "files (export)", {Str::FilesExportButton, Str::FilesTemplateButton},
         [](Headless& h) {
             requestFilesTab(FilesTab::Export);
             h.session().view = ViewId::Files;
             h.frames(2);
         }},
        {ViewId::Timer, "timer", {Str::TimerPresets}},
        {ViewId::Projector, "projector", {Str::ProjectorContent}},
    };
}

// On every screen: the menus and every screen of the sidebar.
std::vector<std::string> sharedCommands(App& app) {
    std::vector<std::string> out{str(Str::MenuFile), str(Str::MenuEdit), str(Str::MenuDisplay)};
    for (int v = 0; v < static_cast<int>(ViewId::Count); ++v)
        if (View* view = app.view(static_cast<ViewId>(v))) out.emplace_back(view->title());
    return out;
}

std::vector<std::string> words(const std::string& text) {
    std::vector<std::string> out;
    std::istringstream in(text);
    for (std::string w; in >> w;) out.push_back(w);
    return out;
}

struct Size {
    float width, height;
};

void checkScreen(Headless& h, const Screen& s, Size size, Language language) {
    h.app().setLanguage(language);
    ImGui::GetIO().DisplaySize = ImVec2(size.width, size.height);
    h.session().view = s.view;
    h.frames(2);
    if (s.setup) s.setup(h);
    h.session().view = s.view;
    h.frames(3); // sizes settle (auto-fit, scroll bars)
    DrawnText drawn = DrawnText::capture();
    INFO(s.name << " at " << size.width << "x" << size.height << (language == Language::French ? " in French" : " in English"));
    INFO("drawn:\n" << drawn.dump());
    REQUIRE(drawn.glyphCount() > 0);

    auto expectWhole = [&](const std::string& label, const char* what) {
        DrawnLabel l = drawn.find(label);
        INFO(what << " « " << label << " »" << (l.found ? " is drawn but cut or outside the window" : " is not drawn whole on one line"));
        CHECK(l.visible);
    };
    for (const std::string& c : sharedCommands(h.app())) expectWhole(c, "shared command");
    for (Str c : s.commands) expectWhole(str(c), "command");
    if (s.texts)
        for (const std::string& t : s.texts(h)) expectWhole(t, "text");
    if (s.wordsOf)
        for (const std::string& t : s.wordsOf(h))
            for (const std::string& w : words(t)) expectWhole(w, "word");
    // Every character has its glyph (no fallback box anywhere on the screen).
    auto missing = drawn.fallbackContexts();
    std::string contexts;
    for (const auto& m : missing) contexts += m + "\n";
    INFO("drawn with the fallback glyph:\n" << contexts);
    CHECK(missing.empty());
}

} // namespace

TEST_CASE("every screen at 1280x720 and 1366x768: every command drawn whole inside the window, no word broken, no glyph missing", "[app][laptop]") {
    Headless h;
    for (Size size : {Size{1280, 720}, Size{1366, 768}})
        for (Language language : {Language::French, Language::English})
            for (const Screen& s : screens()) checkScreen(h, s, size, language);
    h.app().setLanguage(Language::French);
}

TEST_CASE("the screen check sees a command pushed out of the window and a word broken across lines", "[app][laptop]") {
    // The checker itself: a label running past its window's edge is not visible, a word wrapped
    // in its middle is not found, a label on one line is.
    Headless h;
    ImGui::GetIO().DisplaySize = ImVec2(1280, 720);
    h.frames(2);
    ImGui::NewFrame();
    ImGui::SetNextWindowPos(ImVec2(1200, 10));
    ImGui::SetNextWindowSize(ImVec2(60, 60));
    ImGui::Begin("##probe", nullptr, ImGuiWindowFlags_NoDecoration);
    ImGui::TextUnformatted("Projeter le mur");
    ImGui::End();
    ImGui::SetNextWindowPos(ImVec2(10, 300));
    ImGui::SetNextWindowSize(ImVec2(300, 200));
    ImGui::Begin("##probe2", nullptr, ImGuiWindowFlags_NoDecoration);
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + ImGui::CalcTextSize("Dévelop").x);
    ImGui::TextWrapped("Développer");
    ImGui::PopTextWrapPos();
    ImGui::TextUnformatted("Tableau de bord");
    ImGui::End();
    ImGui::Render();
    DrawnText drawn = DrawnText::capture();
    CHECK_FALSE(drawn.find("Projeter le mur").visible); // its end is past the window's edge
    CHECK_FALSE(drawn.find("Développer").found);
    CHECK(drawn.find("Tableau de bord").visible);
    CHECK(drawn.find("Tableau##sidebar").visible); // the part before "##" is what shows
}
