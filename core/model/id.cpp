#include "model/id.hpp"

#include <charconv>
#include <mutex>
#include <random>

namespace atelier {

std::optional<Id> Id::parse(const std::string& text) {
    std::int64_t v = 0;
    const char* begin = text.data();
    const char* end = begin + text.size();
    auto [ptr, ec] = std::from_chars(begin, end, v);
    if (text.empty() || ec != std::errc{} || ptr != end || v <= 0) return std::nullopt;
    return Id{v};
}

namespace {

std::mutex idMutex;

std::mt19937_64& idEngine() {
    static std::mt19937_64 engine = [] {
        std::random_device device;
        std::seed_seq seed{device(), device(), device(), device(), device(), device(), device(), device()};
        return std::mt19937_64(seed);
    }();
    return engine;
}

} // namespace

void seedIdsForTests(std::uint64_t seed) {
    std::lock_guard lock(idMutex);
    idEngine().seed(seed);
}

Id newId() {
    std::mt19937_64& engine = idEngine();
    std::lock_guard lock(idMutex);
    std::int64_t v = 0;
    while (v == 0) v = static_cast<std::int64_t>(engine() >> 1);
    return Id{v};
}

} // namespace atelier
