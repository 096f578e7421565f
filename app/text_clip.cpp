#include "text_clip.hpp"

#include "board/text_wrap.hpp"

#include <algorithm>

namespace atelier {

namespace {

bool isContinuation(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

float widthOf(const ImFont* font, float size, std::string_view s) {
    return font->CalcTextSizeA(size, 1e9f, 0.0f, s.data(), s.data() + s.size()).x;
}

} // namespace

std::string clipToLines(const ImFont* font, float size, float width, std::string_view text, int maxLines) {
    if (maxLines < 1) return {};
    while (!text.empty() && (text.back() == ' ' || text.back() == '\n' || text.back() == '\t' || text.back() == '\r'))
        text.remove_suffix(1); // trailing blank lines are not more text
    auto lines = board::wrapText(font, size, width, text);
    std::string out;
    const std::size_t kept = std::min(lines.size(), static_cast<std::size_t>(maxLines));
    for (std::size_t i = 0; i < kept; ++i) {
        if (i) out += '\n';
        out.append(text.substr(lines[i].begin, lines[i].end - lines[i].begin));
    }
    if (lines.size() <= kept) return out;
    // Cut: the last line gives up characters, then its trailing blanks and punctuation, until
    // it holds the ellipsis too.
    static constexpr std::string_view kEllipsis = "…";
    std::size_t lineStart = out.rfind('\n');
    lineStart = lineStart == std::string::npos ? 0 : lineStart + 1;
    auto trim = [&] {
        while (out.size() > lineStart && (out.back() == ' ' || out.back() == ',' || out.back() == ';' || out.back() == ':'))
            out.pop_back();
    };
    trim();
    while (out.size() > lineStart && widthOf(font, size, std::string_view(out).substr(lineStart)) + widthOf(font, size, kEllipsis) > width) {
        while (out.size() > lineStart && isContinuation(out.back())) out.pop_back(); // one whole character:
        if (out.size() > lineStart) out.pop_back();                                  // its lead byte last
        trim();
    }
    return out + std::string(kEllipsis);
}

} // namespace atelier
