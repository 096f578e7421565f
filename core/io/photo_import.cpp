#include "io/photo_import.hpp"

#include "model/errors.hpp"
#include "model/language.hpp"

#include <stb_image.h>
#include <stb_image_resize.h>
#include <stb_image_write.h>

#include <algorithm>
#include <cstdint>
#include <limits>
#include <filesystem>
#include <fstream>
#include <memory>

namespace atelier {

namespace {

struct StbFree {
    void operator()(unsigned char* p) const { stbi_image_free(p); }
};
using StbPixels = std::unique_ptr<unsigned char, StbFree>;

// Scale so the long side is at most `maxSide`; never enlarges.
void fit(int width, int height, int maxSide, int& outWidth, int& outHeight) {
    outWidth = width;
    outHeight = height;
    int longSide = std::max(width, height);
    if (longSide <= maxSide) return;
    double k = static_cast<double>(maxSide) / longSide;
    outWidth = std::max(1, static_cast<int>(width * k + 0.5));
    outHeight = std::max(1, static_cast<int>(height * k + 0.5));
}

bool overPixelLimit(int w, int h) {
    return w > kMaxPhotoFileSide || h > kMaxPhotoFileSide ||
           static_cast<std::int64_t>(w) * h > static_cast<std::int64_t>(kMaxPhotoMegapixels) * 1000000;
}

// A PNG's size from its IHDR chunk, read by hand: stb calls a huge one "unreadable", and the
// user should hear "too big" instead.
bool pngDeclaredSize(std::string_view b, int& w, int& h) {
    if (b.size() < 24 || b.substr(0, 8) != std::string_view("\x89PNG\r\n\x1a\n", 8) || b.substr(12, 4) != "IHDR") return false;
    auto be32 = [&](std::size_t at) {
        std::uint64_t v = 0;
        for (std::size_t k = 0; k < 4; ++k) v = (v << 8) | static_cast<unsigned char>(b[at + k]);
        return static_cast<int>(std::min<std::uint64_t>(v, static_cast<std::uint64_t>(std::numeric_limits<int>::max())));
    };
    w = be32(16);
    h = be32(20);
    return true;
}

// The size the header declares, read without decoding; false when it is not an image stb reads.
bool declaredSize(std::string_view bytes, int& w, int& h) {
    int channels = 0;
    if (pngDeclaredSize(bytes, w, h) && overPixelLimit(w, h)) return true;
    return !bytes.empty() && bytes.size() <= static_cast<std::size_t>(std::numeric_limits<int>::max()) &&
           stbi_info_from_memory(reinterpret_cast<const stbi_uc*>(bytes.data()), static_cast<int>(bytes.size()), &w, &h,
                                 &channels) != 0;
}


// Decodes to RGBA and scales; null when stb cannot read it, or when the header declares more
// pixels than the limit (a PNG of a few kilobytes may declare 30,000 × 30,000: 3.6 GB decoded).
std::vector<unsigned char> decodeScaled(std::string_view bytes, int maxSide, int& width, int& height) {
    int w = 0, h = 0, channels = 0;
    if (!declaredSize(bytes, w, h) || overPixelLimit(w, h)) return {};
    StbPixels pixels(stbi_load_from_memory(reinterpret_cast<const stbi_uc*>(bytes.data()), static_cast<int>(bytes.size()),
                                           &w, &h, &channels, 4));
    if (!pixels || w <= 0 || h <= 0) return {};
    fit(w, h, maxSide, width, height);
    std::vector<unsigned char> out(static_cast<std::size_t>(width) * static_cast<std::size_t>(height) * 4);
    if (width == w && height == h) {
        std::copy(pixels.get(), pixels.get() + out.size(), out.begin());
    } else if (!stbir_resize_uint8_srgb(pixels.get(), w, h, 0, out.data(), width, height, 0, 4, 3, 0)) {
        return {};
    }
    return out;
}

void appendBytes(void* context, void* data, int size) {
    static_cast<std::string*>(context)->append(static_cast<const char*>(data), static_cast<std::size_t>(size));
}

ValidationError tooLarge(const std::string& name, std::size_t size) {
    return ValidationError(trf("« {} » est trop lourd ({} Mo, au plus {} Mo). Réduisez la photo avant de l'ajouter.",
                               "\"{}\" is too large ({} MB, at most {} MB). Make the photo smaller before adding it.", name,
                               size / (1024 * 1024), kMaxPhotoFileBytes / (1024 * 1024)));
}

} // namespace

std::string photoMime(std::string_view b) {
    if (b.size() >= 8 && b.substr(0, 8) == std::string_view("\x89PNG\r\n\x1a\n", 8)) return "image/png";
    if (b.size() >= 3 && static_cast<unsigned char>(b[0]) == 0xFF && static_cast<unsigned char>(b[1]) == 0xD8 &&
        static_cast<unsigned char>(b[2]) == 0xFF)
        return "image/jpeg";
    return {};
}

PhotoData preparePhoto(std::string_view fileBytes, const std::string& name) {
    if (fileBytes.size() > kMaxPhotoFileBytes) throw tooLarge(name, fileBytes.size());
    int w = 0, h = 0;
    if (!declaredSize(fileBytes, w, h))
        throw ValidationError(trf("« {} » n'est pas une image lisible (PNG, JPEG, GIF ou BMP attendu).",
                                  "\"{}\" is not a readable image (PNG, JPEG, GIF or BMP expected).", name));
    // Refused on the header's word, before any decoding.
    if (overPixelLimit(w, h))
        throw ValidationError(trf("« {} » est trop grande ({} × {} pixels ; au plus {} mégapixels et {} de côté). "
                                  "Réduisez-la avant de l'ajouter.",
                                  "\"{}\" is too big ({} × {} pixels; at most {} megapixels and {} a side). "
                                  "Make it smaller before adding it.",
                                  name, w, h, kMaxPhotoMegapixels, kMaxPhotoFileSide));
    PhotoData photo;
    std::vector<unsigned char> rgba = decodeScaled(fileBytes, kPhotoLongSide, photo.width, photo.height);
    if (rgba.empty())
        throw ValidationError(trf("« {} » n'a pas pu être décodée : {}.", "\"{}\" could not be decoded: {}.", name,
                                  stbi_failure_reason() ? stbi_failure_reason() : "?"));
    // JPEG has no transparency: see-through parts become white, as on paper.
    std::vector<unsigned char> rgb(static_cast<std::size_t>(photo.width) * static_cast<std::size_t>(photo.height) * 3);
    for (std::size_t i = 0, j = 0; i < rgba.size(); i += 4, j += 3) {
        unsigned a = rgba[i + 3];
        for (std::size_t c = 0; c < 3; ++c) rgb[j + c] = static_cast<unsigned char>((rgba[i + c] * a + 255u * (255u - a)) / 255u);
    }
    if (!stbi_write_jpg_to_func(appendBytes, &photo.bytes, photo.width, photo.height, 3, rgb.data(), kPhotoJpegQuality))
        throw ValidationError(trf("« {} » n'a pas pu être convertie en JPEG.", "\"{}\" could not be converted to JPEG.", name));
    photo.mime = "image/jpeg";
    return photo;
}

PhotoData preparePhotoFile(const std::string& path) {
    std::ifstream in(path, std::ios::binary | std::ios::ate);
    if (!in)
        throw ValidationError(trf("Impossible d'ouvrir « {} ».", "Cannot open \"{}\".", path));
    auto size = static_cast<std::size_t>(in.tellg());
    if (size > kMaxPhotoFileBytes) throw tooLarge(path, size); // not read into memory
    std::string bytes(size, '\0');
    in.seekg(0);
    in.read(bytes.data(), static_cast<std::streamsize>(size));
    return preparePhoto(bytes, std::filesystem::path(path).filename().string());
}

PhotoPixels decodePhoto(std::string_view bytes, int maxSide) {
    PhotoPixels out;
    out.rgba = decodeScaled(bytes, maxSide, out.width, out.height);
    if (out.rgba.empty()) out.width = out.height = 0;
    return out;
}

} // namespace atelier
