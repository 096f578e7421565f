// `frame_same_check A.png B.png MAX_DIFFERENT_FRACTION [X0 Y0 X1 Y1]`: two renders of the same
// view must be the same picture (within the rectangle, when given). Counts the pixels where a channel differs by more than 24 (of 255): rounding in
// blending may move a channel by a few, a note or a glyph out of place moves it by much more.
// Exits 1 when the images differ in size or in more than MAX_DIFFERENT_FRACTION of their pixels.
#define STB_IMAGE_IMPLEMENTATION
#include <stb_image.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>

int main(int argc, char** argv) {
    if (argc != 4 && argc != 8) {
        std::fprintf(stderr, "usage: frame_same_check A.png B.png MAX_DIFFERENT_FRACTION [X0 Y0 X1 Y1]\n");
        return 2;
    }
    int aw = 0, ah = 0, bw = 0, bh = 0, n = 0;
    unsigned char* a = stbi_load(argv[1], &aw, &ah, &n, 3);
    unsigned char* b = stbi_load(argv[2], &bw, &bh, &n, 3);
    if (!a || !b) {
        std::fprintf(stderr, "%s: not a readable PNG\n", a ? argv[2] : argv[1]);
        return 2;
    }
    if (aw != bw || ah != bh) {
        std::printf("FAIL: %dx%d against %dx%d\n", aw, ah, bw, bh);
        return 1;
    }
    int x0 = 0, y0 = 0, x1 = aw, y1 = ah;
    if (argc == 8) {
        x0 = std::max(0, std::atoi(argv[4]));
        y0 = std::max(0, std::atoi(argv[5]));
        x1 = std::min(aw, std::atoi(argv[6]));
        y1 = std::min(ah, std::atoi(argv[7]));
    }
    long different = 0, total = 0;
    for (int y = y0; y < y1; ++y)
        for (int x = x0; x < x1; ++x, ++total) {
            const long i = static_cast<long>(y) * aw + x;
            for (int c = 0; c < 3; ++c)
                if (std::abs(int(a[i * 3 + c]) - int(b[i * 3 + c])) > 24) {
                    ++different;
                    break;
                }
        }
    if (total == 0) {
        std::printf("FAIL: the rectangle holds no pixel\n");
        return 1;
    }
    stbi_image_free(a);
    stbi_image_free(b);
    const double fraction = double(different) / double(total), limit = std::atof(argv[3]);
    std::printf("%s %ld of %ld pixels differ (%.4f %%, at most %.4f %%)\n", fraction <= limit ? "ok  " : "FAIL", different, total,
                fraction * 100, limit * 100);
    return fraction <= limit ? 0 : 1;
}
