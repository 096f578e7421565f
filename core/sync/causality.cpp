#include "sync/causality.hpp"

#include "sync/journal.hpp"

#include <charconv>
#include <tuple>

namespace atelier {

std::string formatVersionVector(const VersionVector& seen) {
    std::string out;
    for (const auto& [origin, seq] : seen) {
        if (!out.empty()) out += ';';
        out += std::to_string(origin) + ':' + std::to_string(seq);
    }
    return out;
}

std::optional<VersionVector> parseVersionVector(const std::string& text) {
    VersionVector out;
    const char* p = text.data();
    const char* end = p + text.size();
    while (p < end) {
        std::int64_t origin = 0, seq = 0;
        auto r1 = std::from_chars(p, end, origin);
        if (r1.ec != std::errc{} || r1.ptr == end || *r1.ptr != ':') return std::nullopt;
        auto r2 = std::from_chars(r1.ptr + 1, end, seq);
        if (r2.ec != std::errc{} || seq < 0) return std::nullopt;
        out[origin] = seq;
        p = r2.ptr;
        if (p < end) {
            if (*p != ';') return std::nullopt;
            ++p;
        }
    }
    return out;
}

bool happenedBefore(const JournalEntry& a, const JournalEntry& b) {
    if (a.id == b.id) return false;
    if (!b.seen) return !a.seen && entryBefore(a, b); // two old entries: their time order
    auto it = b.seen->find(a.origin.value);
    return a.seq <= (it == b.seen->end() ? 0 : it->second);
}

namespace {

std::int64_t depth(const JournalEntry& e) {
    std::int64_t sum = 0;
    for (const auto& [origin, seq] : *e.seen) sum += seq;
    return sum;
}

} // namespace

bool replayBefore(const JournalEntry& a, const JournalEntry& b) {
    if (!a.seen || !b.seen) {
        if (a.seen) return false; // old entries first: none of them saw a new one
        if (b.seen) return true;
        return entryBefore(a, b);
    }
    return std::make_tuple(depth(a), a.id) < std::make_tuple(depth(b), b.id);
}

} // namespace atelier
