#include "io/text_fold.hpp"

#include <array>

namespace atelier {

namespace {

// Base letters of U+0100..U+017F (Latin Extended-A) in code point order; '*' marks the two
// ligature pairs handled apart (Ĳ ĳ, Œ œ).
constexpr std::string_view kLatinExtendedA = "aaaaaaccccccccddddeeeeeeeeeegggggggghhhhiiiiiiiiii**jjkkkllllllllllnnnnnnnnnoooooo"
                                             "**rrrrrrssssssssttttttuuuuuuuuuuuuwwyyyzzzzzzs";
static_assert(kLatinExtendedA.size() == 0x80);

// Base letters of U+00C0..U+00FF; '*' marks characters handled apart, '=' characters kept.
constexpr std::string_view kLatin1 = "aaaaaa*ceeeeiiiidnooooo=ouuuuy**"
                                     "aaaaaa*ceeeeiiiidnooooo=ouuuuy*y";
static_assert(kLatin1.size() == 0x40);

// Decodes one UTF-8 character at s[i]; returns its length, or 0 when the bytes are invalid.
std::size_t decode(std::string_view s, std::size_t i, char32_t& cp) {
    auto c = static_cast<unsigned char>(s[i]);
    std::size_t len = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
    if (len == 0 || i + len > s.size()) return 0;
    cp = len == 1 ? c : len == 2 ? (c & 0x1F) : len == 3 ? (c & 0x0F) : (c & 0x07);
    for (std::size_t k = 1; k < len; ++k) {
        auto b = static_cast<unsigned char>(s[i + k]);
        if ((b >> 6) != 0x2) return 0;
        cp = (cp << 6) | (b & 0x3F);
    }
    return len;
}

// The folded spelling of a non-ASCII character, or empty to keep it; "\x01" means drop it.
std::string_view foldedOf(char32_t cp) {
    if (cp >= 0xC0 && cp <= 0xFF) {
        char base = kLatin1[cp - 0xC0];
        if (base == '=') return {};
        if (base != '*') return {&kLatin1[cp - 0xC0], 1};
        switch (cp) {
        case 0xC6: case 0xE6: return "ae";
        case 0xDE: case 0xFE: return "th";
        case 0xDF: return "ss";
        default: return {};
        }
    }
    if (cp >= 0x100 && cp <= 0x17F) {
        char base = kLatinExtendedA[cp - 0x100];
        if (base != '*') return {&kLatinExtendedA[cp - 0x100], 1};
        return cp <= 0x133 ? "ij" : "oe";
    }
    if (cp >= 0x300 && cp <= 0x36F) return "\x01"; // combining accents of decomposed text
    switch (cp) {
    case 0x2019: case 0x2018: case 0x02BC: case 0x00B4: case 0x2032: return "'";
    case 0x00A0: case 0x202F: case 0x2007: case 0x2009: return " ";
    case 0x2010: case 0x2011: case 0x2013: case 0x2014: return "-";
    case 0xFB00: return "ff";
    case 0xFB01: return "fi";
    case 0xFB02: return "fl";
    case 0x0192: return "f";
    default: return {};
    }
}

std::string fold(std::string_view s, std::vector<std::size_t>* origins) {
    std::string out;
    out.reserve(s.size());
    if (origins) {
        origins->clear();
        origins->reserve(s.size() + 1);
    }
    auto emit = [&](std::string_view piece, std::size_t from) {
        out.append(piece);
        if (origins) origins->insert(origins->end(), piece.size(), from);
    };
    std::size_t i = 0;
    while (i < s.size()) {
        auto c = static_cast<unsigned char>(s[i]);
        if (c < 0x80) {
            char lower = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : static_cast<char>(c);
            emit({&lower, 1}, i);
            ++i;
            continue;
        }
        char32_t cp = 0;
        std::size_t len = decode(s, i, cp);
        if (len == 0) { // not UTF-8: keep the byte
            emit(s.substr(i, 1), i);
            ++i;
            continue;
        }
        std::string_view folded = foldedOf(cp);
        if (folded.empty()) emit(s.substr(i, len), i);
        else if (folded != "\x01") emit(folded, i);
        i += len;
    }
    if (origins) origins->push_back(s.size());
    return out;
}

} // namespace

std::string foldText(std::string_view utf8) { return fold(utf8, nullptr); }

std::string foldText(std::string_view utf8, std::vector<std::size_t>& origins) { return fold(utf8, &origins); }

std::string foldKey(std::string_view utf8) {
    std::string folded = foldText(utf8), key;
    for (char c : folded) {
        auto u = static_cast<unsigned char>(c);
        if ((u >= 'a' && u <= 'z') || (u >= '0' && u <= '9')) key += c;
    }
    return key;
}

std::string nameKey(std::string_view utf8) {
    std::string folded = foldText(utf8), key;
    for (char c : folded) {
        bool space = c == ' ' || c == '\t' || c == '\n' || c == '\r';
        if (space) {
            if (!key.empty() && key.back() != ' ') key += ' ';
        } else {
            key += c;
        }
    }
    if (!key.empty() && key.back() == ' ') key.pop_back();
    return key;
}

} // namespace atelier
