#include "rules/text_rules.hpp"

#include "model/language.hpp"

namespace atelier::rules {

namespace {

// Length of the well-formed sequence starting at `i`, or 0 when it is not one.
std::size_t sequenceLength(std::string_view s, std::size_t i) {
    auto byte = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
    unsigned char c = byte(i);
    if (c < 0x80) return 1;
    std::size_t length = 0;
    unsigned char low = 0x80, high = 0xBF; // allowed range of the second byte
    if (c >= 0xC2 && c <= 0xDF) length = 2;
    else if (c == 0xE0) { length = 3; low = 0xA0; }            // no overlong 3-byte form
    else if (c >= 0xE1 && c <= 0xEC) length = 3;
    else if (c == 0xED) { length = 3; high = 0x9F; }           // no UTF-16 surrogates
    else if (c >= 0xEE && c <= 0xEF) length = 3;
    else if (c == 0xF0) { length = 4; low = 0x90; }            // no overlong 4-byte form
    else if (c >= 0xF1 && c <= 0xF3) length = 4;
    else if (c == 0xF4) { length = 4; high = 0x8F; }           // nothing above U+10FFFF
    else return 0;                                             // C0, C1, F5..FF, stray continuation
    if (i + length > s.size()) return 0;
    if (byte(i + 1) < low || byte(i + 1) > high) return 0;
    for (std::size_t k = 2; k < length; ++k)
        if ((byte(i + k) & 0xC0) != 0x80) return 0;
    return length;
}

} // namespace

std::optional<std::size_t> firstInvalidUtf8(std::string_view text) {
    std::size_t i = 0;
    while (i < text.size()) {
        // Plain ASCII runs are the common case: skip them a byte at a time without the table.
        if (static_cast<unsigned char>(text[i]) < 0x80) { ++i; continue; }
        std::size_t n = sequenceLength(text, i);
        if (n == 0) return i;
        i += n;
    }
    return std::nullopt;
}

std::string shorten(std::string_view text, std::size_t maxBytes) {
    std::string out;
    std::size_t i = 0;
    while (i < text.size()) {
        std::size_t n = sequenceLength(text, i);
        std::size_t take = n == 0 ? 1 : n;
        if (out.size() + take > maxBytes) break;
        if (n == 0) out += '?';
        else out.append(text.substr(i, n));
        i += take;
    }
    if (i < text.size()) out += trf("… ({} octets)", "… ({} bytes)", text.size());
    return out;
}

} // namespace atelier::rules
