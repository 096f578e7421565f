#pragma once
// Text as it comes in from outside (a line of `apply`, a bundle, a CSV cell): is it UTF-8, and
// how to echo it back in a message without repeating a megabyte of it.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace atelier::rules {

// The offset (0-based) of the first byte that does not start or continue a well-formed UTF-8
// sequence (RFC 3629: no overlong forms, no encoded surrogates, nothing above U+10FFFF), or
// nullopt when the whole text is well formed.
std::optional<std::size_t> firstInvalidUtf8(std::string_view text);
inline bool isValidUtf8(std::string_view text) { return !firstInvalidUtf8(text); }

// At most `maxBytes` of `text` (cut on a character boundary, invalid bytes shown as '?'), with
// "… (N octets)" / "… (N bytes)" appended when it was cut: safe to put in any message.
inline constexpr std::size_t kEchoBytes = 80;
std::string shorten(std::string_view text, std::size_t maxBytes = kEchoBytes);

} // namespace atelier::rules
