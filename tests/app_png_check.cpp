// `app_png_check FILE WIDTH HEIGHT`: exits 0 when the PNG exists, has that size and is not a
// single colour (a blank or failed render). Used by the screenshot smoke tests.
#define STB_IMAGE_IMPLEMENTATION
#include <stb_image.h>

#include <cstdio>
#include <cstdlib>
#include <set>

int main(int argc, char** argv) {
    if (argc != 4) {
        std::fprintf(stderr, "usage: app_png_check FILE WIDTH HEIGHT\n");
        return 2;
    }
    int w = 0, h = 0, n = 0;
    unsigned char* pixels = stbi_load(argv[1], &w, &h, &n, 3);
    if (!pixels) {
        std::fprintf(stderr, "%s: not a readable PNG\n", argv[1]);
        return 1;
    }
    int wantW = std::atoi(argv[2]), wantH = std::atoi(argv[3]);
    std::set<unsigned> colours;
    for (long i = 0; i < static_cast<long>(w) * h && colours.size() < 16; i += 97)
        colours.insert(pixels[i * 3] << 16 | pixels[i * 3 + 1] << 8 | pixels[i * 3 + 2]);
    stbi_image_free(pixels);
    if (w != wantW || h != wantH) {
        std::fprintf(stderr, "%s: %dx%d, expected %dx%d\n", argv[1], w, h, wantW, wantH);
        return 1;
    }
    if (colours.size() < 2) {
        std::fprintf(stderr, "%s: a single colour\n", argv[1]);
        return 1;
    }
    std::printf("%s: %dx%d, %zu+ colours\n", argv[1], w, h, colours.size());
    return 0;
}
