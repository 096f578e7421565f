#pragma once
// Photos of prototypes as they enter an event: any PNG, JPEG, GIF, BMP … file is decoded,
// scaled down to at most kPhotoLongSide pixels on its long side and re-encoded as JPEG, so an
// event file stays small enough to copy between laptops. What is not an image, or is absurdly
// large, is refused with a message saying so. Also decodes stored photos for thumbnails.
#include "rules/limits.hpp"

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace atelier {

inline constexpr std::size_t kMaxPhotoFileBytes = 40u * 1024 * 1024; // a file given to import
inline constexpr int kPhotoLongSide = 1600;                          // stored photos, long side
inline constexpr int kPhotoJpegQuality = 85;

// Bytes ready for AddPhoto.
struct PhotoData {
    std::string bytes;
    std::string mime; // image/jpeg
    int width = 0, height = 0;
};

// Throws ValidationError naming the file and the problem. `name` is only used in messages.
PhotoData preparePhoto(std::string_view fileBytes, const std::string& name);
PhotoData preparePhotoFile(const std::string& path);

// "image/png" or "image/jpeg" from the bytes' signature; empty for anything else.
std::string photoMime(std::string_view bytes);

// Decoded RGBA pixels, scaled to fit in maxSide × maxSide (for a thumbnail texture). Empty
// pixels when the bytes are not an image.
struct PhotoPixels {
    int width = 0, height = 0;
    std::vector<unsigned char> rgba;
};
PhotoPixels decodePhoto(std::string_view bytes, int maxSide);

} // namespace atelier
