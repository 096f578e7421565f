#pragma once
// What the app remembers between runs: UI scale, language, recent files, timer presets, the
// chime (mute, a minute before, the output) and the projection window (where, and what it showed).
// A small key=value file in $XDG_CONFIG_HOME/atelier/ (fallback ~/.config/atelier/).
#include "model/language.hpp"

#include <array>
#include <string>
#include <vector>

namespace atelier {

// The projection window as it was when the app quit, so that it comes back after a restart:
// its monitor (by name; the position when no monitor has that name), its size, full screen or
// not, and what it showed of which event.
struct ProjectionMemory {
    bool open = false;
    std::string monitor; // the GLFW monitor name
    int x = 0, y = 0, width = 0, height = 0; // in the virtual desktop; width 0 = never placed
    int monitorX = 0, monitorY = 0;          // that monitor's origin then: the window's place on it
    bool fullScreen = false;
    std::string event;             // the event file it showed (absolute path)
    std::string content = "timer"; // timer|defi|programme|board|vote
    long long team = 0, challenge = 0; // ids in that event; 0 = all teams, the team's défi
    int page = 0;
    bool operator==(const ProjectionMemory&) const = default;
};

struct Settings {
    float uiScale = 1.0f;
    Language language = Language::French;
    std::vector<std::string> recentFiles; // most recent first
    std::array<int, 4> presetMinutes{20, 15, 45, 30}; // per Phase
    bool chimeMuted = false;
    bool chimeMinuteBefore = false;
    std::string soundDevice; // OpenAL output name; empty = the system's default
    ProjectionMemory projection;

    void addRecent(const std::string& path);

    static constexpr float kMinScale = 0.5f;
    static constexpr float kMaxScale = 3.0f;
};

std::string settingsPath();            // $XDG_CONFIG_HOME/atelier/settings.ini
std::string defaultEventPath();        // $XDG_DATA_HOME/atelier/atelier.db
Settings loadSettings(const std::string& path);   // defaults when missing or unreadable
bool saveSettings(const Settings& settings, const std::string& path);

} // namespace atelier
