#pragma once
// What the last frame drew as text, read back from ImGui's draw lists: every glyph quad is
// matched to its font glyph by its texture coordinates. A test finds a label on screen this way
// whatever widget drew it (button, menu, tab, checkbox, table header, text on a draw list),
// checks that it is whole, on one line and inside the window, and sees every missing glyph
// (drawn as the font's fallback glyph).
#include <imgui.h>

#include <string>
#include <vector>

namespace atelier::test {

struct DrawnGlyph {
    unsigned codepoint = 0;
    ImVec2 min, max;   // the quad on screen
    ImVec4 clip;       // its draw command's clip rectangle
    float lineTop = 0; // the top of its line (the quad less the glyph's offset)
    bool fallback = false; // the font's glyph for a character it does not have
    float cut = 0;         // pixels of it clipped away (a sliver of a descender is not a loss)
};

// Where a label was found, and how.
struct DrawnLabel {
    bool found = false;   // all its glyphs, in order, on one line
    bool visible = false; // and every one inside its clip rectangle and the display
    ImVec2 min, max;
};

class DrawnText {
public:
    // Reads ImGui::GetDrawData(): call after ImGui::Render().
    static DrawnText capture();

    // `label` as a widget shows it: the part before "##", spaces ignored (they draw nothing).
    // The best occurrence: a visible one when there is one.
    DrawnLabel find(const std::string& label) const;
    // Code points the fonts had no glyph for, drawn as the fallback glyph, in drawing order.
    std::vector<std::string> fallbackContexts() const;
    std::size_t glyphCount() const;
    // Every line of text drawn, spaces left out (for messages).
    std::string dump() const;

private:
    std::vector<std::vector<DrawnGlyph>> m_runs; // one per draw command, in drawing order
    ImVec2 m_display{0, 0};
};

} // namespace atelier::test
