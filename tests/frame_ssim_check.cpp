// `frame_ssim_check FULL.png SMALL.png ZOOM COLUMNS COUNT MIN`: the board of COUNT notes (160x120 on
// the 220x160 grid of `atelier generate --board`, COLUMNS a row) rendered at 1:1 (FULL) and at
// ZOOM (SMALL), both with the same world point at the board's top-left corner. Each note of FULL
// is scaled down to the size it has in SMALL (an area filter) and compared with SMALL's note by
// structural similarity (SSIM on luminance, Wang et al.'s 11x11 Gaussian window). Prints each note's SSIM and the
// mean; exits 1 when the mean is below MIN (issue 17: text minified without aliasing asks for
// 0.9, which the test holds: 0.92 measured with glyphs baked near the size drawn; the
// unmipmapped atlas made 0.75).
#define STB_IMAGE_IMPLEMENTATION
#include <stb_image.h>
#define STB_IMAGE_RESIZE_IMPLEMENTATION
#include <stb_image_resize.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <vector>

namespace {

struct Grey {
    int w = 0, h = 0;
    std::vector<float> v;
    float at(int x, int y) const { return v[static_cast<std::size_t>(y) * w + x]; }
};

Grey load(const char* path) {
    int w = 0, h = 0, n = 0;
    unsigned char* p = stbi_load(path, &w, &h, &n, 3);
    if (!p) {
        std::fprintf(stderr, "%s: not a readable PNG\n", path);
        std::exit(2);
    }
    Grey g{w, h, std::vector<float>(static_cast<std::size_t>(w) * h)};
    for (std::size_t i = 0; i < g.v.size(); ++i) g.v[i] = 0.299f * p[i * 3] + 0.587f * p[i * 3 + 1] + 0.114f * p[i * 3 + 2];
    stbi_image_free(p);
    return g;
}

// The top-left corner of the yellow notes' bounding box (the first note's corner).
bool firstNote(const char* path, int& x0, int& y0) {
    int w = 0, h = 0, n = 0;
    unsigned char* p = stbi_load(path, &w, &h, &n, 3);
    if (!p) return false;
    x0 = w;
    y0 = h;
    for (int y = 0; y < h; ++y)
        for (int x = 0; x < w; ++x) {
            const unsigned char* c = p + (static_cast<std::size_t>(y) * w + x) * 3;
            if (std::abs(c[0] - 0xFF) < 4 && std::abs(c[1] - 0xE0) < 6 && std::abs(c[2] - 0x66) < 10) {
                x0 = std::min(x0, x);
                y0 = std::min(y0, y);
            }
        }
    stbi_image_free(p);
    return x0 < w && y0 < h;
}

Grey crop(const Grey& g, int x, int y, int w, int h) {
    Grey out{w, h, std::vector<float>(static_cast<std::size_t>(w) * h)};
    for (int j = 0; j < h; ++j)
        for (int i = 0; i < w; ++i) out.v[static_cast<std::size_t>(j) * w + i] = g.at(std::clamp(x + i, 0, g.w - 1), std::clamp(y + j, 0, g.h - 1));
    return out;
}

Grey shrink(const Grey& g, int w, int h) {
    Grey out{w, h, std::vector<float>(static_cast<std::size_t>(w) * h)};
    stbir_resize_float(g.v.data(), g.w, g.h, 0, out.v.data(), w, h, 0, 1);
    return out;
}

// SSIM as Wang et al. define it: an 11x11 Gaussian window (sigma 1.5), luminance in 0..255.
double ssim(const Grey& a, const Grey& b) {
    const double c1 = std::pow(0.01 * 255, 2), c2 = std::pow(0.03 * 255, 2);
    const int k = 11, r = k / 2;
    double weight[k][k], norm = 0;
    for (int j = 0; j < k; ++j)
        for (int i = 0; i < k; ++i) norm += weight[j][i] = std::exp(-((i - r) * (i - r) + (j - r) * (j - r)) / (2 * 1.5 * 1.5));
    double sum = 0;
    int windows = 0;
    for (int y = 0; y + k <= a.h; ++y)
        for (int x = 0; x + k <= a.w; ++x) {
            double ma = 0, mb = 0;
            for (int j = 0; j < k; ++j)
                for (int i = 0; i < k; ++i) ma += weight[j][i] * a.at(x + i, y + j), mb += weight[j][i] * b.at(x + i, y + j);
            ma /= norm;
            mb /= norm;
            double va = 0, vb = 0, cov = 0;
            for (int j = 0; j < k; ++j)
                for (int i = 0; i < k; ++i) {
                    double da = a.at(x + i, y + j) - ma, db = b.at(x + i, y + j) - mb;
                    va += weight[j][i] * da * da, vb += weight[j][i] * db * db, cov += weight[j][i] * da * db;
                }
            va /= norm;
            vb /= norm;
            cov /= norm;
            sum += ((2 * ma * mb + c1) * (2 * cov + c2)) / ((ma * ma + mb * mb + c1) * (va + vb + c2));
            ++windows;
        }
    return windows ? sum / windows : 0;
}

} // namespace

int main(int argc, char** argv) {
    if (argc != 7) {
        std::fprintf(stderr, "usage: frame_ssim_check FULL.png SMALL.png ZOOM COLUMNS COUNT MIN\n");
        return 2;
    }
    const double zoom = std::atof(argv[3]);
    const int columns = std::atoi(argv[4]), count = std::atoi(argv[5]);
    const double minimum = std::atof(argv[6]);
    Grey full = load(argv[1]), small = load(argv[2]);
    int fx = 0, fy = 0, sx = 0, sy = 0;
    if (!firstNote(argv[1], fx, fy) || !firstNote(argv[2], sx, sy)) {
        std::fprintf(stderr, "no note found in the renders\n");
        return 1;
    }
    // Inside each note, away from its rounded corners and shadow.
    const int inset = 4;
    const int fw = 160 - 2 * inset, fh = 120 - 2 * inset;
    const int sw = static_cast<int>(std::lround(fw * zoom)), sh = static_cast<int>(std::lround(fh * zoom));
    double total = 0;
    int compared = 0;
    for (int i = 0; i < count; ++i) {
        int cx = i % columns, cy = i / columns;
        int ax = fx + cx * 220 + inset, ay = fy + cy * 160 + inset;
        int bx = static_cast<int>(std::lround(sx + (cx * 220 + inset) * zoom)), by = static_cast<int>(std::lround(sy + (cy * 160 + inset) * zoom));
        if (ax + fw > full.w || ay + fh > full.h || bx + sw > small.w || by + sh > small.h) continue; // off screen in one render
        // The best of the placements one pixel around: rounding may put a note a pixel apart.
        Grey reference = shrink(crop(full, ax, ay, fw, fh), sw, sh);
        double s = -1;
        for (int dy = -1; dy <= 1; ++dy)
            for (int dx = -1; dx <= 1; ++dx) s = std::max(s, ssim(reference, crop(small, bx + dx, by + dy, sw, sh)));
        std::printf("note %d: SSIM %.3f\n", i + 1, s);
        total += s;
        ++compared;
    }
    if (compared == 0) {
        std::fprintf(stderr, "no note is on screen in both renders\n");
        return 1;
    }
    double mean = total / compared;
    std::printf("mean SSIM over %d notes: %.3f (at least %.2f)\n", compared, mean, minimum);
    return mean >= minimum ? 0 : 1;
}
