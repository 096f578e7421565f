#include "app_headless.hpp"

#include "demo.hpp"
#include "widgets.hpp"

#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>
#include <catch2/catch.hpp>

namespace atelier::test {

Headless::Headless() {
    createDemoEvent(path(), m_clock); // the engine it returns closes at once: the app reopens the file
    Settings settings;                // defaults, French; never the user's file
    m_app = std::make_unique<App>(m_clock, settings);
    m_context = ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;
    io.DisplaySize = ImVec2(1600, 1000);
    io.DeltaTime = 1.0f / 60.0f;
    io.BackendFlags |= ImGuiBackendFlags_RendererHasVtxOffset;
    // The same key map as the GLFW backend: KeysDown is indexed by GLFW key codes.
    io.KeyMap[ImGuiKey_Tab] = GLFW_KEY_TAB;
    io.KeyMap[ImGuiKey_LeftArrow] = GLFW_KEY_LEFT;
    io.KeyMap[ImGuiKey_RightArrow] = GLFW_KEY_RIGHT;
    io.KeyMap[ImGuiKey_UpArrow] = GLFW_KEY_UP;
    io.KeyMap[ImGuiKey_DownArrow] = GLFW_KEY_DOWN;
    io.KeyMap[ImGuiKey_Home] = GLFW_KEY_HOME;
    io.KeyMap[ImGuiKey_End] = GLFW_KEY_END;
    io.KeyMap[ImGuiKey_Delete] = GLFW_KEY_DELETE;
    io.KeyMap[ImGuiKey_Backspace] = GLFW_KEY_BACKSPACE;
    io.KeyMap[ImGuiKey_Space] = GLFW_KEY_SPACE;
    io.KeyMap[ImGuiKey_Enter] = GLFW_KEY_ENTER;
    io.KeyMap[ImGuiKey_Escape] = GLFW_KEY_ESCAPE;
    io.KeyMap[ImGuiKey_A] = GLFW_KEY_A;
    io.KeyMap[ImGuiKey_C] = GLFW_KEY_C;
    io.KeyMap[ImGuiKey_V] = GLFW_KEY_V;
    io.KeyMap[ImGuiKey_X] = GLFW_KEY_X;
    io.KeyMap[ImGuiKey_Y] = GLFW_KEY_Y;
    io.KeyMap[ImGuiKey_Z] = GLFW_KEY_Z;
    m_app->session().open(path());
    REQUIRE(m_app->session().isOpen());
    m_app->afterFrames(); // notes the event's characters for the atlas
    m_app->fonts().build(*io.Fonts);
    m_app->applyStyle(ImGui::GetStyle());
    recordItemRects(true);
    frames(2);
}

Headless::~Headless() {
    recordItemRects(false);
    ImGui::DestroyContext(m_context);
}

void Headless::frame() {
    ImGui::SetCurrentContext(m_context);
    if (m_app->fonts().dirty()) m_app->fonts().build(*ImGui::GetIO().Fonts);
    ImGui::NewFrame();
    m_app->handleShortcuts(false);
    m_app->drawMainWindow();
    ImGui::Render();
    m_app->afterFrames();
}

bool Headless::has(const std::string& label) const { return itemRects().count(label) > 0; }

void Headless::clickAt(ImVec2 pos) {
    ImGuiIO& io = ImGui::GetIO();
    io.MousePos = pos;
    frame();
    io.MouseDown[0] = true;
    frame();
    io.MouseDown[0] = false;
    frame();
    frame();
}

void Headless::click(const std::string& label) {
    auto it = itemRects().find(label);
    INFO("no item labelled " << label);
    REQUIRE(it != itemRects().end());
    clickAt(it->second.center());
}

void Headless::type(const std::string& utf8) {
    ImGui::GetIO().AddInputCharactersUTF8(utf8.c_str());
    frame();
}

void Headless::key(int glfwKey, bool ctrl, bool shift) {
    ImGuiIO& io = ImGui::GetIO();
    io.KeyCtrl = ctrl;
    io.KeyShift = shift;
    io.KeysDown[glfwKey] = true;
    frame();
    io.KeysDown[glfwKey] = false;
    io.KeyCtrl = io.KeyShift = false;
    frame();
    frame();
}

} // namespace atelier::test
