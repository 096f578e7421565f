#pragma once
// The files of assets/ (demo event, sounds, stylesheet, icon, participant page), embedded in
// the binary at build time (cmake/embed_assets.cmake), so the program runs the same from the
// build tree and once installed, and never looks for a data folder.
#include <cstddef>
#include <optional>
#include <string_view>
#include <vector>

namespace atelier::assets {

struct Embedded {
    std::string_view name; // relative to assets/, with '/' separators: "sounds/chime.wav"
    const unsigned char* data;
    std::size_t size;
    std::string_view text() const { return {reinterpret_cast<const char*>(data), size}; }
};

// Every embedded file, sorted by name.
const std::vector<Embedded>& all();

// The file of that name, or nothing.
inline std::optional<Embedded> find(std::string_view name) {
    for (const Embedded& e : all())
        if (e.name == name) return e;
    return std::nullopt;
}

} // namespace atelier::assets
