// Issue 15, problems 3 and 4: menus and drop-downs never eat a click, and the single-key
// commands work from any screen, on AZERTY as on QWERTY, never while typing.
#include "app_headless.hpp"
#include "keys.hpp"
#include "model/timer.hpp"
#include "widgets.hpp"

#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>
#include <catch2/catch.hpp>

namespace atelier::test {

namespace {

// A bare ImGui frame loop: one window with a checkbox under a combo that drops over it.
struct PopupBench {
    ImGuiContext* context = ImGui::CreateContext();
    bool checked = false;
    bool comboOpen = false;
    PopupBench() {
        ImGuiIO& io = ImGui::GetIO();
        io.IniFilename = nullptr;
        io.DisplaySize = ImVec2(800, 600);
        io.DeltaTime = 1.0f / 60.0f;
        io.KeyMap[ImGuiKey_Escape] = GLFW_KEY_ESCAPE;
        unsigned char* pixels = nullptr;
        int w = 0, h = 0;
        io.Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);
    }
    ~PopupBench() { ImGui::DestroyContext(context); }
    ImVec2 checkbox{0, 0}, combo{0, 0};
    void frame() {
        ImGui::NewFrame();
        closePopupsBeforeWidgets();
        ImGui::SetNextWindowPos(ImVec2(0, 0));
        ImGui::SetNextWindowSize(ImVec2(800, 600));
        ImGui::Begin("bench", nullptr, ImGuiWindowFlags_NoDecoration);
        comboOpen = ImGui::BeginCombo("##c", "choix");
        if (comboOpen) {
            ImGui::Selectable("un");
            ImGui::EndCombo();
        }
        combo = ImGui::GetItemRectMin();
        ImGui::SetCursorPos(ImVec2(400, 300)); // away from the list the combo drops
        ImGui::Checkbox("Écriture individuelle", &checked);
        checkbox = ImVec2((ImGui::GetItemRectMin().x + ImGui::GetItemRectMax().x) / 2, ImGui::GetItemRectMin().y + 5);
        ImGui::End();
        ImGui::Render();
    }
    void click(ImVec2 p) {
        ImGuiIO& io = ImGui::GetIO();
        io.MousePos = p;
        frame();
        io.MouseDown[0] = true;
        frame();
        io.MouseDown[0] = false;
        frame();
    }
};

} // namespace

TEST_CASE("a click outside an open drop-down reaches the widget it was aimed at", "[app][popups]") {
    PopupBench b;
    b.frame();
    b.click(ImVec2(b.combo.x + 10, b.combo.y + 5));
    REQUIRE(b.comboOpen);
    b.click(b.checkbox); // ONE click: closes the list and ticks the box
    CHECK_FALSE(b.comboOpen);
    CHECK(b.checked);
}

TEST_CASE("Escape closes a drop-down and the next click counts", "[app][popups]") {
    PopupBench b;
    b.frame();
    b.click(ImVec2(b.combo.x + 10, b.combo.y + 5));
    REQUIRE(b.comboOpen);
    ImGuiIO& io = ImGui::GetIO();
    io.KeysDown[GLFW_KEY_ESCAPE] = true;
    b.frame();
    io.KeysDown[GLFW_KEY_ESCAPE] = false;
    b.frame();
    CHECK_FALSE(b.comboOpen);
    b.click(b.checkbox);
    CHECK(b.checked);
}

TEST_CASE("the app's menus give the click after them back: a menu open, a click on a sidebar screen switches to it", "[app][popups]") {
    Headless h;
    h.frames(2);
    h.session().view = ViewId::Home;
    h.frames(2);
    h.clickAt(ImVec2(40, 8)); // « Fichier » in the menu bar
    REQUIRE(ImGui::IsPopupOpen("", ImGuiPopupFlags_AnyPopupId));
    // The sidebar's « Mur » button, one click while the menu is open.
    REQUIRE(h.has("##sidebar:Mur"));
    h.click("##sidebar:Mur");
    CHECK_FALSE(ImGui::IsPopupOpen("", ImGuiPopupFlags_AnyPopupId));
    CHECK(h.session().view == ViewId::Board);
}

TEST_CASE("single-key commands work from every screen, by character on AZERTY and QWERTY, never while typing", "[app][keys]") {
    Headless h;
    h.frames(2);
    // Screens by position: Alt+6 is the sixth sidebar screen (the board) whatever the layout.
    h.session().view = ViewId::Home;
    inputLog().key(GLFW_KEY_MINUS, GLFW_MOD_ALT, GLFW_KEY_6); // AZERTY's 6 key prints « - »
    h.frames(2);
    CHECK(h.session().view == ViewId::Board);
    inputLog().key(GLFW_KEY_TAB, GLFW_MOD_CONTROL, GLFW_KEY_TAB);
    h.frames(2);
    CHECK(h.session().view == ViewId::Votes);

    // Space starts the projected (all-teams) timer from the vote screen; « + » adds a minute.
    REQUIRE_FALSE(h.session().timerFor(Id{}));
    inputLog().key(GLFW_KEY_SPACE, 0, GLFW_KEY_SPACE);
    h.frames(2);
    const TimedSession* timer = h.session().timerFor(Id{});
    REQUIRE(timer);
    Millis extended = timer->extensionMs;
    inputLog().key(GLFW_KEY_EQUAL, GLFW_MOD_SHIFT, GLFW_KEY_EQUAL); // « + » typed: the character decides
    inputLog().character('+');
    h.frames(2);
    CHECK(h.session().timerFor(Id{})->extensionMs == extended + 60000);

    // Page Down moves every team to the next phase.
    Phase before = h.state().teamsInOrder().front()->phase;
    inputLog().key(GLFW_KEY_PAGE_DOWN, 0, GLFW_KEY_PAGE_DOWN);
    h.frames(2);
    CHECK(static_cast<int>(h.state().teamsInOrder().back()->phase) == static_cast<int>(before) + 1);

    // F5 the projection window, F1 and ? the help overlay.
    inputLog().key(GLFW_KEY_F5, 0, GLFW_KEY_F5);
    h.frames(2);
    CHECK(h.session().projectionWindow);
    inputLog().character('?');
    h.frames(2);
    CHECK(h.app().keysHelpShown());
    inputLog().key(GLFW_KEY_F1, 0, GLFW_KEY_F1);
    h.frames(2);
    CHECK_FALSE(h.app().keysHelpShown());

    // While a note is typed, the same keys are text: nothing fires.
    h.session().view = ViewId::Board;
    h.frames(2);
    ImGui::GetIO().MousePos = ImVec2(900, 600);
    h.frames(1);
    inputLog().key(GLFW_KEY_N, 0, GLFW_KEY_N);
    inputLog().character('n');
    h.frames(1);
    const TimedSession* now = h.session().timerFor(Id{});
    Millis duration = now->extensionMs;
    bool window = h.session().projectionWindow;
    inputLog().key(GLFW_KEY_SPACE, 0, GLFW_KEY_SPACE);
    inputLog().character(' ');
    inputLog().character('+');
    inputLog().key(GLFW_KEY_F5, 0, GLFW_KEY_F5);
    inputLog().key(GLFW_KEY_1, GLFW_MOD_ALT, GLFW_KEY_1);
    h.frames(2);
    CHECK(h.session().view == ViewId::Board);
    CHECK(h.session().timerFor(Id{})->extensionMs == duration);
    CHECK(h.session().projectionWindow == window);
    CHECK(timerState(*h.session().timerFor(Id{}), h.session().now()) == TimerState::Running);
}

TEST_CASE("every single-key command is in the help overlay's table, with a description in both languages", "[app][keys]") {
    for (Command c : {Command::ToggleTimer, Command::AddMinute, Command::RemoveMinute, Command::NextPhase, Command::ProjectionWindow,
                      Command::BlankProjector, Command::Screen, Command::NextScreen, Command::Help}) {
        bool listed = false;
        for (const Shortcut& s : shortcuts()) listed = listed || s.command == c;
        CHECK(listed);
    }
}

TEST_CASE("F1 opens the shortcuts overlay and F1 again or Escape closes it, with keys delivered as GLFW does (to ImGui and to the input log)", "[app][keys]") {
    Headless h;
    h.frames(2);
    ImGuiIO& io = ImGui::GetIO();
    auto press = [&](int key) {
        io.KeysDown[key] = true;
        inputLog().key(key, 0, key);
        h.frame();
        io.KeysDown[key] = false;
        h.frames(2);
    };
    press(GLFW_KEY_F1);
    CHECK(h.app().keysHelpShown());
    press(GLFW_KEY_F1);
    CHECK_FALSE(h.app().keysHelpShown());
    press(GLFW_KEY_F1);
    REQUIRE(h.app().keysHelpShown());
    press(GLFW_KEY_ESCAPE);
    CHECK_FALSE(h.app().keysHelpShown());
    // Closed, the shortcuts work again: Alt+6 goes to the board.
    inputLog().key(GLFW_KEY_MINUS, GLFW_MOD_ALT, GLFW_KEY_6);
    h.frames(2);
    CHECK(h.session().view == ViewId::Board);
}

} // namespace atelier::test
