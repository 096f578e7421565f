#include "participation/stand_codes.hpp"
#include "participation/join_code.hpp"
#include "participation/secret_text.hpp"

#include <cstdint>

namespace atelier::participation {

namespace {

std::uint64_t mix(std::uint64_t x) { // splitmix64's finaliser
    x += 0x9E3779B97F4A7C15ull;
    x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ull;
    x = (x ^ (x >> 27)) * 0x94D049BB133111EBull;
    return x ^ (x >> 31);
}

} // namespace

std::string standCode(const EventInfo& event, Id lineageId) {
    std::uint64_t h = mix(mix(static_cast<std::uint64_t>(event.id.value)) ^ static_cast<std::uint64_t>(lineageId.value));
    std::string code;
    for (std::size_t i = 0; i < kStandCodeLength; ++i) {
        code.push_back(kCodeAlphabet[h % kCodeAlphabet.size()]);
        h /= kCodeAlphabet.size();
        if (h == 0) h = mix(h + i);
    }
    return code;
}

const Prototype* prototypeOfStand(const EventState& state, const std::string& code) {
    std::string wanted = normaliseCode(code);
    if (wanted.size() != kStandCodeLength) return nullptr;
    const Prototype* latest = nullptr;
    for (const auto& [id, prototype] : state.prototypes)
        if (standCode(state.event, prototype.lineageId) == wanted && (!latest || prototype.version > latest->version))
            latest = &prototype;
    return latest;
}

} // namespace atelier::participation
