#include "font_mipmaps.hpp"

#include <algorithm>

namespace atelier {

MipLevel halveLevel(const std::uint8_t* source, int width, int height) {
    MipLevel out;
    out.width = std::max(1, width / 2);
    out.height = std::max(1, height / 2);
    out.texels.resize(static_cast<std::size_t>(out.width) * static_cast<std::size_t>(out.height));
    for (int y = 0; y < out.height; ++y) {
        // A source one texel wide or tall has no second column or row: the texel counts twice.
        const std::uint8_t* top = source + static_cast<std::size_t>(std::min(2 * y, height - 1)) * static_cast<std::size_t>(width);
        const std::uint8_t* bottom = source + static_cast<std::size_t>(std::min(2 * y + 1, height - 1)) * static_cast<std::size_t>(width);
        std::uint8_t* row = out.texels.data() + static_cast<std::size_t>(y) * static_cast<std::size_t>(out.width);
        for (int x = 0; x < out.width; ++x) {
            const int x0 = std::min(2 * x, width - 1), x1 = std::min(2 * x + 1, width - 1);
            row[x] = static_cast<std::uint8_t>((top[x0] + top[x1] + bottom[x0] + bottom[x1] + 2) / 4);
        }
    }
    return out;
}

std::vector<MipLevel> mipLevels(const std::uint8_t* level0, int width, int height, int levels) {
    std::vector<MipLevel> out;
    const std::uint8_t* source = level0;
    for (int i = 0; i < levels && (width > 1 || height > 1); ++i) {
        out.push_back(halveLevel(source, width, height));
        source = out.back().texels.data();
        width = out.back().width;
        height = out.back().height;
    }
    return out;
}

} // namespace atelier
