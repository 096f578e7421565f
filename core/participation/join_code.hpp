#pragma once
// The event's join code: asked with every request from a phone, renewable by the facilitator
// (a code seen on a photo of the projector stops working). Kept in memory only: never in the
// event file, its journal, a bundle, a report or a copy. Thread-safe: HTTP threads check it.
#include <mutex>
#include <string>
#include <vector>

namespace atelier::participation {

enum class CodeCheck { Valid, Missing, Old, Wrong };

class JoinCodes {
public:
    JoinCodes(); // a fresh random code
    explicit JoinCodes(std::string fixedCode); // for tests and `serve --code`
    std::string current() const;
    // A new code; the one before becomes "old" (the page says it was replaced).
    std::string renew();
    // Case and spaces do not matter: a code is typed on a phone.
    CodeCheck check(const std::string& given) const;

    static constexpr std::size_t kLength = 6;

private:
    mutable std::mutex m_mutex;
    std::string m_current;
    std::vector<std::string> m_old;
};

// Upper case, without spaces or dashes: how a code typed by a person is compared.
std::string normaliseCode(const std::string& typed);
// The French or English sentence for a refused code (current message language).
std::string codeMessage(CodeCheck check);

} // namespace atelier::participation
