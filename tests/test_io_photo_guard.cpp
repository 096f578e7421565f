// A picture whose header declares more than 40 megapixels is refused before any decoding: a
// PNG of a few dozen bytes may declare 30,000 × 30,000 pixels (3.6 GB once decoded).
#include "support.hpp"

#include "io/photo_import.hpp"
#include "model/errors.hpp"
#include "model/language.hpp"

#include <catch2/catch.hpp>

#include <cstdint>

using namespace atelier;

namespace {

std::uint32_t crc32(const std::string& bytes) {
    std::uint32_t c = 0xFFFFFFFFu;
    for (unsigned char b : bytes) {
        c ^= b;
        for (int k = 0; k < 8; ++k) c = (c >> 1) ^ (0xEDB88320u & (0u - (c & 1u)));
    }
    return c ^ 0xFFFFFFFFu;
}

void be32(std::string& out, std::uint32_t v) {
    for (int shift = 24; shift >= 0; shift -= 8) out += static_cast<char>((v >> shift) & 0xFF);
}

// The signature and an IHDR chunk only: what a decoder reads to learn the size.
std::string pngHeader(std::uint32_t width, std::uint32_t height) {
    std::string chunk = "IHDR";
    be32(chunk, width);
    be32(chunk, height);
    chunk += std::string("\x08\x02\x00\x00\x00", 5); // 8-bit RGB, no interlace
    std::string png("\x89PNG\r\n\x1a\n", 8);
    be32(png, 13);
    png += chunk;
    be32(png, crc32(chunk));
    return png;
}

} // namespace

TEST_CASE("a picture declaring over 40 megapixels is refused before decoding", "[photo]") {
    setMessageLanguage(Language::French);
    std::string bomb = pngHeader(30000, 30000);
    REQUIRE(bomb.size() < 100);
    CHECK_THROWS_WITH(preparePhoto(bomb, "bombe.png"),
                      Catch::Contains("« bombe.png » est trop grande (30000 × 30000 pixels") && Catch::Contains("40 mégapixels"));
    // Within each side's limit, but 8,000 × 6,000 = 48 megapixels: refused too.
    CHECK_THROWS_WITH(preparePhoto(pngHeader(8000, 6000), "grande.png"), Catch::Contains("40 mégapixels"));
    // The thumbnail decoder of stored photos applies the same guard: nothing decoded.
    PhotoPixels pixels = decodePhoto(bomb, 200);
    CHECK(pixels.rgba.empty());
    CHECK(pixels.width == 0);
    // Under the limit, the header alone is not an image: refused as undecodable, not as too big.
    CHECK_THROWS_WITH(preparePhoto(pngHeader(6000, 6000), "tronquee.png"), !Catch::Contains("mégapixels"));
}
