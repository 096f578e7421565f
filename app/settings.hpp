#pragma once
// What the app remembers between runs: UI scale, language, recent files, timer presets.
// A small key=value file in $XDG_CONFIG_HOME/atelier/ (fallback ~/.config/atelier/).
#include "model/language.hpp"

#include <array>
#include <string>
#include <vector>

namespace atelier {

struct Settings {
    float uiScale = 1.0f;
    Language language = Language::French;
    std::vector<std::string> recentFiles; // most recent first
    std::array<int, 4> presetMinutes{20, 15, 45, 30}; // per Phase

    void addRecent(const std::string& path);

    static constexpr float kMinScale = 0.5f;
    static constexpr float kMaxScale = 3.0f;
};

std::string settingsPath();            // $XDG_CONFIG_HOME/atelier/settings.ini
std::string defaultEventPath();        // $XDG_DATA_HOME/atelier/atelier.db
Settings loadSettings(const std::string& path);   // defaults when missing or unreadable
bool saveSettings(const Settings& settings, const std::string& path);

} // namespace atelier
