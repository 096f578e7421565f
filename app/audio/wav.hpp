#pragma once
// Reads a WAV file held in memory (the chimes of assets/sounds/, and in tests the file OpenAL
// Soft's wave backend wrote): 16-bit PCM, or 32-bit float converted to 16 bits.
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace atelier::audio {

struct Pcm {
    int rate = 0;
    int channels = 0;
    std::vector<std::int16_t> samples; // interleaved
    std::string error;                 // empty when read
    bool ok() const { return error.empty(); }
    std::size_t frames() const { return channels > 0 ? samples.size() / static_cast<std::size_t>(channels) : 0; }
};

Pcm decodeWav(const unsigned char* data, std::size_t size);

} // namespace atelier::audio
