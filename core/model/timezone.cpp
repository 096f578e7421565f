#include "model/timezone.hpp"

#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <fstream>
#include <mutex>
#include <optional>

namespace atelier {

namespace {

std::mutex g_tzMutex;

// The zone's compiled rules ship in tzdata; a real zone file starts with "TZif".
bool zoneFileExists(const std::string& name) {
    if (name.empty() || name.front() == '/' || name.find("..") != std::string::npos) return false;
    std::ifstream in("/usr/share/zoneinfo/" + name, std::ios::binary);
    char magic[4] = {};
    return in.read(magic, 4) && std::string(magic, 4) == "TZif";
}

} // namespace

bool isKnownTimeZone(const std::string& name) { return name == "UTC" || zoneFileExists(name); }

LocalTime toLocalTime(Millis utc, const std::string& zone) {
    std::time_t seconds = static_cast<std::time_t>(utc / 1000);
    std::tm parts{};
    {
        // localtime_r reads TZ: switch it for this call only, under a lock.
        std::lock_guard lock(g_tzMutex);
        std::optional<std::string> previous;
        if (const char* tz = std::getenv("TZ")) previous = tz;
        ::setenv("TZ", (isKnownTimeZone(zone) ? zone : std::string("Europe/Paris")).c_str(), 1);
        ::tzset();
        ::localtime_r(&seconds, &parts);
        if (previous) ::setenv("TZ", previous->c_str(), 1);
        else ::unsetenv("TZ");
        ::tzset();
    }
    LocalTime local;
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", parts.tm_year + 1900, parts.tm_mon + 1, parts.tm_mday);
    local.day = buffer;
    std::snprintf(buffer, sizeof buffer, "%02d:%02d", parts.tm_hour, parts.tm_min);
    local.hourMinute = buffer;
    local.secondsOfDay = parts.tm_hour * 3600 + parts.tm_min * 60 + parts.tm_sec;
    local.utcOffsetMinutes = static_cast<int>(parts.tm_gmtoff / 60);
    return local;
}

} // namespace atelier
