#pragma once
// A headless ImGui frame loop around the real App and views: no window, no GL. Mouse and
// keyboard are simulated through ImGuiIO the way the GLFW backend feeds them.
#include "app.hpp"
#include "support.hpp"

#include <imgui.h>

#include <memory>
#include <string>

namespace atelier::test {

class Headless {
public:
    // Opens a copy of the demo event (created through actions) on a fake clock.
    Headless();
    ~Headless();
    Headless(const Headless&) = delete;
    Headless& operator=(const Headless&) = delete;

    App& app() { return *m_app; }
    Session& session() { return m_app->session(); }
    const EventState& state() { return m_app->session().state(); }
    FakeClock& clock() { return m_clock; }
    std::string path() const { return m_dir.file("event.db"); }

    void frame();
    void frames(int n) { for (int i = 0; i < n; ++i) frame(); }
    // Clicks the button or field drawn last frame with this label.
    void click(const std::string& label);
    void clickAt(ImVec2 pos);
    void type(const std::string& utf8);
    void key(int glfwKey, bool ctrl = false, bool shift = false);
    bool has(const std::string& label) const;

private:
    TempDir m_dir;
    FakeClock m_clock;
    std::unique_ptr<App> m_app;
    ImGuiContext* m_context = nullptr;
};

} // namespace atelier::test
