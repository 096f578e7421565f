#pragma once
// Writes per device: a token bucket (5 a second, bursts of 20), so one phone, or a script
// holding its token, cannot flood the engine's thread. Thread-safe.
#include "model/model.hpp"

#include <mutex>
#include <string>
#include <unordered_map>

namespace atelier::participation {

class RateLimit {
public:
    explicit RateLimit(double perSecond = 5, double burst = 20) : m_perSecond(perSecond), m_burst(burst) {}
    // True (and one token taken) when `key` may write at `now`.
    bool allow(const std::string& key, Millis now);

private:
    struct Bucket {
        double tokens;
        Millis at;
    };
    double m_perSecond, m_burst;
    std::mutex m_mutex;
    std::unordered_map<std::string, Bucket> m_buckets;
    Millis m_lastSweep = 0;
};

} // namespace atelier::participation
