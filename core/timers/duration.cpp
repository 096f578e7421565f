#include "timers/duration.hpp"

#include "model/language.hpp"

#include <cctype>
#include <cmath>
#include <vector>

namespace atelier {

namespace {

std::string lower(std::string_view text) {
    std::string out;
    for (char c : text) out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

// A number with an optional decimal part ("7", "7.5", "7,5").
bool readNumber(const std::string& s, std::size_t& i, double& value) {
    std::size_t start = i;
    while (i < s.size() && std::isdigit(static_cast<unsigned char>(s[i]))) ++i;
    if (i < s.size() && (s[i] == '.' || s[i] == ',') && i + 1 < s.size() && std::isdigit(static_cast<unsigned char>(s[i + 1]))) {
        ++i;
        while (i < s.size() && std::isdigit(static_cast<unsigned char>(s[i]))) ++i;
    }
    if (i == start) return false;
    std::string number = s.substr(start, i - start);
    for (char& c : number)
        if (c == ',') c = '.';
    value = std::stod(number);
    return true;
}

void skipSpaces(const std::string& s, std::size_t& i) {
    while (i < s.size() && std::isspace(static_cast<unsigned char>(s[i]))) ++i;
}

// The unit after a number: 'h', 'm', 's', or 0 when none.
char readUnit(const std::string& s, std::size_t& i) {
    skipSpaces(s, i);
    std::size_t start = i;
    while (i < s.size() && std::isalpha(static_cast<unsigned char>(s[i]))) ++i;
    std::string word = s.substr(start, i - start);
    if (word.empty()) return 0;
    for (const char* h : {"h", "heure", "heures", "hour", "hours"})
        if (word == h) return 'h';
    for (const char* m : {"m", "mn", "min", "mins", "minute", "minutes"})
        if (word == m) return 'm';
    for (const char* sec : {"s", "sec", "secs", "seconde", "secondes", "second", "seconds"})
        if (word == sec) return 's';
    i = start;
    return '?';
}

ParsedDuration fail(std::string_view text) {
    return {0, trf("Durée « {} » non comprise : tapez des minutes (« 7 »), minutes:secondes (« 7:30 ») ou des "
                   "secondes (« 90 s »).",
                   "Duration \"{}\" not understood: type minutes (\"7\"), minutes:seconds (\"7:30\") or seconds (\"90 s\").",
                   std::string(text))};
}

} // namespace

ParsedDuration parseDuration(std::string_view input, int maxSeconds) {
    std::string s = lower(input);
    std::size_t i = 0;
    skipSpaces(s, i);
    if (i == s.size()) return {0, tr("Durée vide : tapez par exemple « 7 », « 7:30 » ou « 90 s ».",
                                     "Empty duration: type for example \"7\", \"7:30\" or \"90 s\".")};
    double total = 0;
    if (s.find(':') != std::string::npos) {
        // m:ss or h:mm:ss, whole numbers, the later fields below 60.
        std::vector<double> parts;
        while (true) {
            skipSpaces(s, i);
            std::size_t start = i;
            while (i < s.size() && std::isdigit(static_cast<unsigned char>(s[i]))) ++i;
            if (i == start) return fail(input);
            parts.push_back(std::stod(s.substr(start, i - start)));
            skipSpaces(s, i);
            if (i < s.size() && s[i] == ':') { ++i; continue; }
            break;
        }
        skipSpaces(s, i);
        if (i != s.size() || parts.size() > 3) return fail(input);
        for (std::size_t k = 1; k < parts.size(); ++k)
            if (parts[k] >= 60) return fail(input);
        for (double p : parts) total = total * 60 + p; // m:ss, or h:mm:ss
    } else {
        // Numbers each with a unit ("1 h 30", "7 min 30 s"); a bare number is minutes, or the
        // unit below the previous one ("1 h 30" = 1 h 30 min).
        char previous = 0;
        while (true) {
            skipSpaces(s, i);
            if (i == s.size()) break;
            double value = 0;
            if (!readNumber(s, i, value)) return fail(input);
            char unit = readUnit(s, i);
            if (unit == '?') return fail(input);
            if (!unit) unit = previous == 'h' ? 'm' : previous == 'm' ? 's' : previous == 0 ? 'm' : '?';
            if (unit == '?' || (previous && (unit == previous || (previous == 'm' && unit == 'h') || previous == 's')))
                return fail(input);
            total += value * (unit == 'h' ? 3600 : unit == 'm' ? 60 : 1);
            previous = unit;
        }
    }
    long long seconds = std::llround(total);
    if (seconds < 1)
        return {0, tr("Une durée nulle ne se décompte pas : tapez au moins une seconde (« 30 s »).",
                      "A zero duration cannot count down: type at least one second (\"30 s\").")};
    if (seconds > maxSeconds)
        return {0, trf("Durée trop longue ({}) : le maximum est {}.", "Duration too long ({}): the maximum is {}.",
                       formatDuration(static_cast<int>(std::min<long long>(seconds, 1LL << 30))), formatDuration(maxSeconds))};
    return {static_cast<int>(seconds), {}};
}

std::string formatDuration(int seconds) {
    int h = seconds / 3600, m = (seconds / 60) % 60, s = seconds % 60;
    std::string out;
    if (h) out += std::to_string(h) + " h";
    if (m) out += (out.empty() ? "" : " ") + std::to_string(m) + " min";
    if (s || out.empty()) out += (out.empty() ? "" : " ") + std::to_string(s) + " s";
    return out;
}

} // namespace atelier
