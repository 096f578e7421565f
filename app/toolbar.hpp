#pragma once
// A row of widgets that flows like words: each item goes on the current line when it fits and
// on the next one otherwise, so that a narrow window (1280x720, a large UI scale) wraps a
// toolbar instead of pushing its last commands out of sight.
#include <imgui.h>

namespace atelier {

class Toolbar {
public:
    // The row ends at the right edge of the current content region.
    Toolbar();
    // Call before each item with the width it will take (the first item never moves).
    void item(float width);
    // Widths of the usual items, as ImGui will draw them with the current font and style.
    static float buttonWidth(const char* label);
    static float checkboxWidth(const char* label);
    static float textWidth(const char* text);

private:
    float m_right = 0;
    bool m_first = true;
};

} // namespace atelier
