#include "board/text_wrap.hpp"

#include <algorithm>
#include <cfloat>

namespace atelier::board {

namespace {

// Bytes of the UTF-8 sequence starting with `lead`.
std::uint32_t sequenceLength(unsigned char lead) {
    if (lead < 0x80) return 1;
    if ((lead >> 5) == 0x6) return 2;
    if ((lead >> 4) == 0xE) return 3;
    if ((lead >> 3) == 0x1E) return 4;
    return 1;
}

} // namespace

std::vector<TextLine> wrapText(const ImFont* font, float size, float width, std::string_view text) {
    std::vector<TextLine> lines;
    const char* base = text.data();
    const char* end = base + text.size();
    float scale = size / font->FontSize;
    const char* paragraph = base;
    while (true) {
        const char* paragraphEnd = paragraph;
        while (paragraphEnd < end && *paragraphEnd != '\n') ++paragraphEnd;
        const char* s = paragraph;
        if (s == paragraphEnd) lines.push_back({std::uint32_t(s - base), std::uint32_t(s - base)});
        while (s < paragraphEnd) {
            const char* eol = font->CalcWordWrapPositionA(scale, s, paragraphEnd, width);
            if (eol <= s) eol = s + sequenceLength(static_cast<unsigned char>(*s)); // always progress
            if (eol > paragraphEnd) eol = paragraphEnd;
            const char* lineEnd = eol;
            while (lineEnd > s && (lineEnd[-1] == ' ' || lineEnd[-1] == '\t')) --lineEnd;
            lines.push_back({std::uint32_t(s - base), std::uint32_t(lineEnd - base)});
            s = eol;
            while (s < paragraphEnd && (*s == ' ' || *s == '\t')) ++s;
        }
        if (paragraphEnd >= end) break;
        paragraph = paragraphEnd + 1;
        if (paragraph == end) lines.push_back({std::uint32_t(end - base), std::uint32_t(end - base)}); // trailing '\n'
    }
    return lines;
}

std::size_t lineOfOffset(const std::vector<TextLine>& lines, std::uint32_t offset) {
    for (std::size_t i = 0; i < lines.size(); ++i) {
        bool last = i + 1 == lines.size();
        if (offset <= lines[i].end && (last || offset < lines[i + 1].begin)) return i;
        if (!last && offset < lines[i + 1].begin) return i;
    }
    return lines.empty() ? 0 : lines.size() - 1;
}

std::uint32_t offsetAt(const ImFont* font, float size, float lineHeight, std::string_view text, const std::vector<TextLine>& lines,
                       ImVec2 local) {
    if (lines.empty()) return 0;
    int row = local.y <= 0 ? 0 : static_cast<int>(local.y / lineHeight);
    const TextLine& line = lines[std::min<std::size_t>(static_cast<std::size_t>(row), lines.size() - 1)];
    const char* base = text.data();
    float x = 0;
    for (std::uint32_t i = line.begin; i < line.end;) {
        std::uint32_t next = i + sequenceLength(static_cast<unsigned char>(base[i]));
        float w = font->CalcTextSizeA(size, FLT_MAX, 0, base + i, base + std::min(next, line.end)).x;
        if (local.x < x + w / 2) return i;
        x += w;
        i = next;
    }
    return line.end;
}

} // namespace atelier::board
