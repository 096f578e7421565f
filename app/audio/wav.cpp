#include "audio/wav.hpp"

#include <algorithm>
#include <cmath>
#include <cstring>

namespace atelier::audio {

namespace {

std::uint32_t u32(const unsigned char* p) { return p[0] | (p[1] << 8) | (p[2] << 16) | (std::uint32_t{p[3]} << 24); }
std::uint16_t u16(const unsigned char* p) { return static_cast<std::uint16_t>(p[0] | (p[1] << 8)); }

constexpr std::uint16_t kPcm = 1, kFloat = 3, kExtensible = 0xFFFE;

} // namespace

Pcm decodeWav(const unsigned char* data, std::size_t size) {
    Pcm out;
    if (size < 12 || std::memcmp(data, "RIFF", 4) != 0 || std::memcmp(data + 8, "WAVE", 4) != 0) {
        out.error = "not a RIFF/WAVE file";
        return out;
    }
    std::uint16_t format = 0, bits = 0;
    std::size_t at = 12;
    while (at + 8 <= size) {
        const unsigned char* chunk = data + at;
        std::size_t length = u32(chunk + 4);
        std::size_t body = at + 8;
        // A writer still running (or killed) leaves the data size at 0 or unset: take the rest.
        if (std::memcmp(chunk, "data", 4) == 0 && (length == 0 || body + length > size)) length = size - body;
        if (body + length > size) break;
        if (std::memcmp(chunk, "fmt ", 4) == 0 && length >= 16) {
            format = u16(data + body);
            out.channels = u16(data + body + 2);
            out.rate = static_cast<int>(u32(data + body + 4));
            bits = u16(data + body + 14);
            if (format == kExtensible && length >= 26) format = u16(data + body + 24); // the sub-format GUID's first two bytes
        } else if (std::memcmp(chunk, "data", 4) == 0) {
            if (out.channels <= 0 || out.rate <= 0) break;
            if (format == kPcm && bits == 16) {
                out.samples.resize(length / 2);
                for (std::size_t i = 0; i < out.samples.size(); ++i)
                    out.samples[i] = static_cast<std::int16_t>(u16(data + body + 2 * i));
            } else if (format == kFloat && bits == 32) {
                out.samples.resize(length / 4);
                for (std::size_t i = 0; i < out.samples.size(); ++i) {
                    std::uint32_t raw = u32(data + body + 4 * i);
                    float f = 0;
                    std::memcpy(&f, &raw, sizeof f);
                    out.samples[i] = static_cast<std::int16_t>(std::lround(std::clamp(f, -1.0f, 1.0f) * 32767.0f));
                }
            } else {
                out.error = "only 16-bit PCM and 32-bit float WAV files are read";
                return out;
            }
            return out;
        }
        at = body + length + (length & 1); // chunks are padded to even sizes
    }
    out.error = "no sound data in the WAV file";
    return out;
}

} // namespace atelier::audio
