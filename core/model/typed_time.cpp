#include "model/typed_time.hpp"

#include <cctype>
#include <chrono>
#include <cstdio>

namespace atelier {

namespace {

std::string trimmed(std::string_view s) {
    std::size_t a = 0, b = s.size();
    while (a < b && std::isspace(static_cast<unsigned char>(s[a]))) ++a;
    while (b > a && std::isspace(static_cast<unsigned char>(s[b - 1]))) --b;
    return std::string(s.substr(a, b - a));
}

// Reads 1 to `most` digits at `i`; nothing when there is none.
std::optional<int> digits(const std::string& s, std::size_t& i, std::size_t most) {
    std::size_t start = i;
    int value = 0;
    while (i < s.size() && i - start < most && std::isdigit(static_cast<unsigned char>(s[i]))) value = value * 10 + (s[i++] - '0');
    if (i == start) return std::nullopt;
    return value;
}

void skipSpaces(const std::string& s, std::size_t& i) {
    while (i < s.size() && s[i] == ' ') ++i;
}

std::optional<std::chrono::year_month_day> dateOf(int y, int m, int d) {
    std::chrono::year_month_day ymd{std::chrono::year{y}, std::chrono::month{static_cast<unsigned>(m)},
                                    std::chrono::day{static_cast<unsigned>(d)}};
    if (y < 1900 || y > 2999 || !ymd.ok()) return std::nullopt;
    return ymd;
}

std::string isoOf(const std::chrono::year_month_day& ymd) {
    char buffer[16];
    std::snprintf(buffer, sizeof buffer, "%04d-%02u-%02u", static_cast<int>(ymd.year()), static_cast<unsigned>(ymd.month()),
                  static_cast<unsigned>(ymd.day()));
    return buffer;
}

} // namespace

std::optional<std::string> parseTimeOfDay(std::string_view typed) {
    std::string s = trimmed(typed);
    std::size_t i = 0;
    auto hours = digits(s, i, 2);
    if (!hours) return std::nullopt;
    int minutes = 0;
    skipSpaces(s, i);
    if (i < s.size()) {
        char sep = s[i];
        if (sep != 'h' && sep != 'H' && sep != ':') return std::nullopt;
        ++i;
        skipSpaces(s, i);
        if (i < s.size()) {
            std::size_t from = i;
            auto m = digits(s, i, 2);
            if (!m || i - from != 2) return std::nullopt; // « 14h3 » is ambiguous
            minutes = *m;
        } else if (sep == ':') {
            return std::nullopt; // « 14: » is unfinished
        }
        skipSpaces(s, i);
        if (i != s.size()) return std::nullopt;
    }
    if (*hours > 23 || minutes > 59) return std::nullopt;
    char buffer[8];
    std::snprintf(buffer, sizeof buffer, "%02d:%02d", *hours, minutes);
    return std::string(buffer);
}

std::optional<std::string> parseDay(std::string_view typed) {
    std::string s = trimmed(typed);
    std::size_t i = 0;
    auto first = digits(s, i, 4);
    if (!first || i >= s.size()) return std::nullopt;
    char sep = s[i];
    bool iso = i == 4 && sep == '-';
    if (!iso && sep != '/' && sep != '.' && sep != '-') return std::nullopt;
    ++i;
    auto second = digits(s, i, 2);
    if (!second || i >= s.size() || s[i] != sep) return std::nullopt;
    ++i;
    auto third = digits(s, i, 4);
    if (!third || i != s.size()) return std::nullopt;
    std::optional<std::chrono::year_month_day> ymd = iso ? dateOf(*first, *second, *third) : dateOf(*third, *second, *first);
    if (!ymd) return std::nullopt;
    return isoOf(*ymd);
}

std::vector<std::string> daysBetween(const std::string& first, const std::string& last, std::size_t limit) {
    std::vector<std::string> days;
    auto a = parseDay(first), b = parseDay(last);
    if (!a || !b || *a != first || *b != last || last < first) return days;
    auto ymd = [](const std::string& iso) {
        return std::chrono::year_month_day{std::chrono::year{std::stoi(iso.substr(0, 4))},
                                           std::chrono::month{static_cast<unsigned>(std::stoi(iso.substr(5, 2)))},
                                           std::chrono::day{static_cast<unsigned>(std::stoi(iso.substr(8, 2)))}};
    };
    std::chrono::sys_days day{ymd(first)}, end{ymd(last)};
    for (; day <= end && days.size() < limit; day += std::chrono::days{1}) days.push_back(isoOf(std::chrono::year_month_day{day}));
    return days;
}

} // namespace atelier
