#pragma once
// Text cut to a few wrapped lines for a fixed-size box (a home-screen card): when it does not
// fit, the last line kept ends in « … », so a reader sees that the text goes on.
#include <imgui.h>

#include <string>
#include <string_view>

namespace atelier {

// `text` wrapped as ImGui wraps it in `width` pixels with `font` at `size` pixels, at most
// `maxLines` lines, joined by '\n' (draw it without a wrap width). Cut text ends in "…".
std::string clipToLines(const ImFont* font, float size, float width, std::string_view text, int maxLines);

} // namespace atelier
