// Issue 14 in the real views, headless: the timer asks before replacing a countdown in use and
// brings it back; a phase and a free duration are chosen; « PAUSE » shows; the all-teams phase
// buttons ask before taking teams back.
#include "app_headless.hpp"

#include "model/timer.hpp"
#include "board/board_projection.hpp"
#include "presentation.hpp"
#include "timers/timer_scope.hpp"
#include "views/view_timer.hpp"

#include <catch2/catch.hpp>

using namespace atelier;
using atelier::test::Headless;

// Problem 1: « Nouveau minuteur » replaced a running all-teams timer at once, with no way back.
TEST_CASE("timer: a new countdown asks before replacing one in use, and the old one comes back", "[app]") {
    Headless h;
    h.session().view = ViewId::Timer;
    h.frames(2);
    h.click("Démarrer");
    const TimedSession* first = h.session().timerFor(Id{});
    REQUIRE(first);
    Id firstId = first->id;
    h.clock().advance(5 * 60 * 1000);
    h.frame();
    h.click("Nouveau minuteur");
    // Asked, not replaced.
    CHECK(h.session().timerFor(Id{})->id == firstId);
    REQUIRE(h.has("Annuler"));
    h.click("Annuler");
    CHECK(h.session().timerFor(Id{})->id == firstId);
    CHECK(h.session().timerFor(Id{})->state == TimerState::Running);

    h.click("Nouveau minuteur");
    REQUIRE(h.has("Remplacer"));
    h.click("Remplacer");
    const TimedSession* second = h.session().timerFor(Id{});
    REQUIRE(second->id != firstId);
    const TimedSession* old = h.state().find<TimedSession>(firstId);
    CHECK(old->state == TimerState::Paused);
    Millis left = old->remainingMs;
    CHECK(left == 15 * 60 * 1000);

    h.clock().advance(60 * 1000);
    h.frame();
    REQUIRE(h.has("timer:restore"));
    h.click("timer:restore");
    CHECK(h.session().timerFor(Id{})->id == firstId);
    CHECK(timerRemaining(*h.session().timerFor(Id{}), h.clock().now()) == left);
    h.click("Reprendre");
    CHECK(h.session().timerFor(Id{})->state == TimerState::Running);
}

// Problem 2: for all teams the last timer's phase was reused, and there was no free duration.
TEST_CASE("timer: the phase is chosen, all teams default to where most teams are, durations are typed", "[app]") {
    Headless h;
    h.session().engine()->apply(SetPhase{Id{}, Phase::Select, true});
    CHECK(defaultTimerPhase(h.state(), Id{}) == Phase::Select);
    h.session().view = ViewId::Timer;
    h.frames(2);
    h.click("timer:duration");
    h.type("1");
    h.click("Démarrer");
    const TimedSession* t = h.session().timerFor(Id{});
    REQUIRE(t);
    CHECK(t->phase == Phase::Select);
    CHECK(t->durationMs == 60 * 1000);

    // A typed « 7:30 » for the phase of the selected team.
    h.session().engine()->apply(FinishTimer{t->id});
    Id team = h.state().teamsInOrder().front()->id;
    h.session().engine()->apply(SetPhase{team, Phase::Test});
    h.session().team = team;
    h.frames(2);
    h.click("timer:duration");
    for (int i = 0; i < 4; ++i) h.key(259 /* GLFW_KEY_BACKSPACE */);
    h.type("7:30");
    h.frame();
    h.click("Démarrer");
    t = h.session().timerFor(team);
    REQUIRE(t);
    CHECK(t->teamId == team);
    CHECK(t->phase == Phase::Test);
    CHECK(t->durationMs == 450 * 1000);
}

TEST_CASE("timer: a duration that is not one is refused with a message, nothing started", "[app]") {
    Headless h;
    h.session().view = ViewId::Timer;
    h.frames(2);
    h.click("timer:duration");
    h.type("sept");
    auto before = h.state().timedSessions.size();
    h.click("Démarrer");
    CHECK(h.state().timedSessions.size() == before);
    CHECK(h.session().timerFor(Id{}) == nullptr);
}

// Problem 4: a paused timer looked like a frozen clock.
TEST_CASE("timer: a paused countdown reads PAUSE wherever it is shown as text", "[app]") {
    Headless h;
    h.session().view = ViewId::Timer;
    h.frames(2);
    h.click("Démarrer");
    h.click("Pause");
    const TimedSession* t = h.session().timerFor(Id{});
    REQUIRE(t->state == TimerState::Paused);
    CHECK(countdownLabel(*t, h.clock().now()) == "20:00  PAUSE");
    h.click("Reprendre");
    CHECK(countdownLabel(*h.session().timerFor(Id{}), h.clock().now()) == "20:00");
}

// Problem 9: the all-teams phase buttons moved teams back without asking.
TEST_CASE("phases: moving every team back asks first, naming the teams", "[app]") {
    Headless h;
    auto teams = h.state().teamsInOrder();
    REQUIRE(teams.size() >= 2);
    h.session().engine()->apply(SetPhase{teams[0]->id, Phase::Test});
    h.session().view = ViewId::Phases;
    h.frames(2);
    h.click("all:Sélectionner");
    CHECK(h.state().find<Team>(teams[0]->id)->phase == Phase::Test); // not yet
    REQUIRE(h.has("Annuler"));
    h.click("Annuler");
    CHECK(h.state().find<Team>(teams[0]->id)->phase == Phase::Test);
    h.click("all:Sélectionner");
    REQUIRE(h.has("Oui, revenir en arrière"));
    h.click("Oui, revenir en arrière");
    for (const auto& [id, team] : h.state().teams) CHECK(team.phase == Phase::Select);
}

namespace {
// Every vertex a drawing produced since `from`, inside the rectangle (nothing drawn past it).
bool allInside(const ImDrawList& list, int from, ImVec2 pos, ImVec2 size) {
    for (int i = from; i < list.VtxBuffer.Size; ++i) {
        ImVec2 p = list.VtxBuffer[i].pos;
        if (p.x < pos.x - 0.5f || p.y < pos.y - 0.5f || p.x > pos.x + size.x + 0.5f || p.y > pos.y + size.y + 0.5f) return false;
    }
    return true;
}
// The tallest glyph quad drawn since `from` (a capital or an accent): the type size as drawn.
// A glyph is four vertices textured from the font atlas (not its white pixel) forming an
// axis-aligned rectangle; shapes (note bodies, bars) use the white pixel and are skipped.
float tallestGlyph(const ImDrawList& list, int from) {
    ImVec2 white = ImGui::GetIO().Fonts->TexUvWhitePixel;
    float tallest = 0;
    for (int i = from; i + 3 < list.VtxBuffer.Size;) {
        const ImDrawVert* v = &list.VtxBuffer[i];
        bool textured = v[0].uv.x != white.x || v[0].uv.y != white.y;
        bool rect = v[0].pos.y == v[1].pos.y && v[2].pos.y == v[3].pos.y && v[0].pos.x == v[3].pos.x && v[1].pos.x == v[2].pos.x;
        if (textured && rect) {
            tallest = std::max(tallest, v[2].pos.y - v[0].pos.y);
            i += 4;
        } else {
            ++i;
        }
    }
    return tallest;
}
} // namespace

// Problem 5: at 1024x768 a défi brief was cut mid-sentence.
TEST_CASE("projector: a long brief is shown whole, in pages, at every projector size", "[app]") {
    Headless h;
    h.frame();
    Challenge c;
    c.number = 7;
    c.question = "Comment rendre l’accueil des usagers plus simple et plus humain dans nos mairies de quartier ?";
    c.owner = "Ville de Rennes";
    std::string para = "Les usagers attendent longtemps, ne savent pas à quel guichet s’adresser et repartent souvent sans "
                       "réponse. ";
    for (int i = 0; i < 6; ++i) c.stakes += para, c.obstacles += para, c.levers += para;
    const FontSet& fonts = h.app().fonts().set();
    const ImVec2 sizes[] = {{800, 600}, {1024, 768}, {1280, 720}, {1280, 800}, {1920, 1080}, {3840, 2160}};
    for (ImVec2 out : sizes) {
        INFO(out.x << "x" << out.y);
        ImVec2 pos(10, 10), area(out.x * 0.9f, out.y * 0.6f);
        int pages = drawChallengeBriefPage(nullptr, fonts, c, pos, area, 0, out.y);
        CHECK(pages > 1);
        for (int page = 0; page < pages; ++page) {
            ImDrawList list(ImGui::GetDrawListSharedData());
            list._ResetForNewFrame();
            list.PushClipRectFullScreen();
            list.PushTextureID(ImGui::GetIO().Fonts->TexID);
            drawChallengeBriefPage(&list, fonts, c, pos, area, page, out.y);
            CHECK(list.VtxBuffer.Size > 0);
            CHECK(allInside(list, 0, pos, area)); // no line cut at the bottom or the side
            CHECK(tallestGlyph(list, 0) >= out.y / 36.0f * 0.7f); // body type, not shrunk to fit
        }
        // The last page shown, then no further.
        CHECK(drawChallengeBriefPage(nullptr, fonts, c, pos, area, pages + 5, out.y) == pages);
    }
}

TEST_CASE("projector: B blanks it and the arrows turn the brief's pages", "[app]") {
    Headless h;
    h.session().view = ViewId::Projector;
    h.session().projectorContent = ProjectorContent::Challenge;
    h.frames(2);
    CHECK_FALSE(h.session().projectorBlank);
    h.key(66 /* GLFW_KEY_B */);
    CHECK(h.session().projectorBlank);
    h.key(66);
    CHECK_FALSE(h.session().projectorBlank);
    h.session().projectorPages = 3;
    h.key(262 /* GLFW_KEY_RIGHT */);
    CHECK(h.session().projectorPage >= 0);
}

// Problem 6: the projected board's note text was about 13 px at 1080p, grey lines when small.
TEST_CASE("projector: a 40-note board keeps note text at 1/45 of the output, in regions", "[app]") {
    Headless h;
    h.frame();
    Id team = h.state().teamsInOrder().front()->id;
    h.session().engine()->apply(SetPrivateWriting{team, false});
    for (int i = 0; i < 40; ++i) {
        AddNote n;
        n.team = team;
        n.text = "Idée " + std::to_string(i + 1) + " : un guichet unique";
        n.x = (i % 8) * 230.0;
        n.y = (i / 8) * 230.0;
        h.session().engine()->apply(n);
    }
    const FontSet& fonts = h.app().fonts().set();
    for (ImVec2 out : {ImVec2(800, 600), ImVec2(1024, 768), ImVec2(1280, 720), ImVec2(1920, 1080), ImVec2(3840, 2160)}) {
        INFO(out.x << "x" << out.y);
        ImVec2 pos(0, out.y * 0.3f), area(out.x, out.y * 0.7f);
        ImDrawList list(ImGui::GetDrawListSharedData());
        list._ResetForNewFrame();
        list.PushClipRectFullScreen();
        list.PushTextureID(ImGui::GetIO().Fonts->TexID);
        int regions = board::drawBoardOnProjector(&list, fonts, h.state(), team, pos, area, out.y, 0);
        CHECK(regions >= 1);
        if (out.y <= 1080) CHECK(regions > 1); // 40 notes do not fit at that size: shown in parts
        float tallest = tallestGlyph(list, 0);
        CHECK(tallest >= out.y / 45.0f * 0.7f);
    }
}

// At 1024x768 the countdown alone (a 0.42-of-the-height band) ran past both edges of the output:
// its size came from the height only. It now never grows wider than what it is given.
TEST_CASE("projector: the countdown fits the output's width at every projector size", "[app]") {
    Headless h;
    h.frame();
    const FontSet& fonts = h.app().fonts().set();
    const ImVec2 sizes[] = {{800, 600}, {1024, 768}, {1280, 720}, {1280, 800}, {1920, 1080}, {3840, 2160}};
    for (ImVec2 out : sizes) {
        for (Millis idle : {Millis{20} * 60000, Millis{125} * 60000}) { // « 20:00 », and a long « 2:05:00 »
            INFO(out.x << "x" << out.y << ", " << idle << " ms");
            float margin = out.y * 0.035f, width = out.x - 2 * margin;
            ImDrawList list(ImGui::GetDrawListSharedData());
            list._ResetForNewFrame();
            list.PushClipRectFullScreen();
            list.PushTextureID(ImGui::GetIO().Fonts->TexID);
            drawCountdown(&list, fonts, nullptr, 0, ImVec2(out.x / 2, out.y * 0.4f), out.y * 0.42f, IM_COL32_WHITE, idle, width);
            REQUIRE(list.VtxBuffer.Size > 0);
            CHECK(allInside(list, 0, ImVec2(margin, 0), ImVec2(width, out.y)));
            CHECK(tallestGlyph(list, 0) >= out.y / 36.0f); // still the largest thing in the room
        }
    }
}
