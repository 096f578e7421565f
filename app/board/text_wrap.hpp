#pragma once
// Word wrapping of note texts into lines, computed once per text and width (not per frame):
// widths scale linearly with the font size, so one layout serves every zoom level.
#include <imgui.h>

#include <cstdint>
#include <string_view>
#include <vector>

namespace atelier::board {

// A line of a text: bytes [begin, end).
struct TextLine {
    std::uint32_t begin = 0, end = 0;
};

// Lines of `text` drawn with `font` at `size` pixels inside `width` pixels: breaks at '\n' and
// between words (inside a word too long for the line); the blanks a wrap falls on are dropped.
std::vector<TextLine> wrapText(const ImFont* font, float size, float width, std::string_view text);

// The line holding byte `offset` (a caret), given lines from wrapText.
std::size_t lineOfOffset(const std::vector<TextLine>& lines, std::uint32_t offset);

// The byte offset nearest to `local` (pixels from the text's top-left, lines `lineHeight`
// apart) in `text` laid out as `lines`: where a mouse click puts the caret.
std::uint32_t offsetAt(const ImFont* font, float size, float lineHeight, std::string_view text, const std::vector<TextLine>& lines,
                       ImVec2 local);

} // namespace atelier::board
