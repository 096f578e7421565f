#pragma once
// The font atlas's mipmap levels, made on the CPU: glGenerateMipmap on llvmpipe compiles and
// runs a blit shader, 110–180 ms of the first frame on this machine (issue 17), for 1.5 MB of
// one-channel texels that a box filter halves in about a millisecond.
#include <cstdint>
#include <vector>

namespace atelier {

struct MipLevel {
    int width = 0, height = 0;
    std::vector<std::uint8_t> texels; // one byte a texel, rows packed
};

// Halves `source` (one byte a texel, rows packed) in each direction, as OpenGL sizes a level
// (floor, at least 1): each texel is the mean of the 2x2 block under it, rounded; an odd last
// column or row of the source is left out, as a box filter does.
MipLevel halveLevel(const std::uint8_t* source, int width, int height);

// Levels 1 … `levels` below a width x height level 0 (fewer when the texture reaches 1x1).
std::vector<MipLevel> mipLevels(const std::uint8_t* level0, int width, int height, int levels);

} // namespace atelier
