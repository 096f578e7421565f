#pragma once
// A screen of the app. draw() owns the ImGui window (Begin/End) filling the area it is given;
// each view writes only drawContent(). Views read the state and queue actions, never more.
#include "audio/sound_output.hpp"
#include "fonts.hpp"
#include "session.hpp"
#include "settings.hpp"
#include "strings.hpp"

#include <imgui.h>

#include <memory>
#include <vector>

namespace atelier {

// What a view may use while drawing.
struct ViewContext {
    Session& session;
    const FontSet& fonts;
    Settings& settings;
    float scale = 1.0f; // UI scale, for sizes not tied to the font
    audio::SoundOutput* sound = nullptr; // the chime's output; none in headless tests
};

class View {
public:
    View(ViewId id, Str title) : m_id(id), m_title(title) {}
    virtual ~View() = default;
    View(const View&) = delete;
    View& operator=(const View&) = delete;

    ViewId id() const { return m_id; }
    const char* title() const { return str(m_title); }
    // Draws the view as a borderless window over the given rectangle.
    void draw(ViewContext& ctx, ImVec2 pos, ImVec2 size);

protected:
    virtual void drawContent(ViewContext& ctx) = 0;
    virtual ImGuiWindowFlags windowFlags() const { return 0; }

private:
    ViewId m_id;
    Str m_title;
};

// Every screen, in menu order. Adding a screen: a ViewId, a title string and one line in
// makeViews().
std::vector<std::unique_ptr<View>> makeViews();

} // namespace atelier
