#include "participation/rate_limit.hpp"

#include <algorithm>

namespace atelier::participation {

bool RateLimit::allow(const std::string& key, Millis now) {
    std::lock_guard lock(m_mutex);
    // Full buckets carry no information: drop them now and then so the map stays small.
    if (now - m_lastSweep > 60'000) {
        for (auto it = m_buckets.begin(); it != m_buckets.end();)
            it = (now - it->second.at) / 1000.0 * m_perSecond >= m_burst ? m_buckets.erase(it) : std::next(it);
        m_lastSweep = now;
    }
    auto [it, fresh] = m_buckets.try_emplace(key, Bucket{m_burst, now});
    Bucket& bucket = it->second;
    if (!fresh && now > bucket.at) bucket.tokens = std::min(m_burst, bucket.tokens + (now - bucket.at) / 1000.0 * m_perSecond);
    bucket.at = std::max(bucket.at, now);
    if (bucket.tokens < 1) return false;
    bucket.tokens -= 1;
    return true;
}

} // namespace atelier::participation
