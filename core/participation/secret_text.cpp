#include "participation/secret_text.hpp"

#include <mutex>
#include <random>

namespace atelier::participation {

namespace {

std::mutex randomMutex;

unsigned int systemRandom() {
    static std::random_device device;
    std::lock_guard lock(randomMutex);
    return device();
}

} // namespace

std::string randomCode(std::size_t length) {
    std::string code;
    const auto n = static_cast<unsigned int>(kCodeAlphabet.size());
    // Rejection keeps every character equally likely.
    const unsigned int limit = (0xFFFFFFFFu / n) * n;
    while (code.size() < length) {
        unsigned int r = systemRandom();
        if (r >= limit) continue;
        code.push_back(kCodeAlphabet[r % n]);
    }
    return code;
}

std::string randomToken() {
    static constexpr char kHex[] = "0123456789abcdef";
    std::string token;
    for (int word = 0; word < 4; ++word) {
        unsigned int r = systemRandom();
        for (int nibble = 0; nibble < 8; ++nibble) token.push_back(kHex[(r >> (4 * nibble)) & 0xF]);
    }
    return token;
}

} // namespace atelier::participation
