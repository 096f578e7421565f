#include "settings.hpp"

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>

namespace atelier {

namespace {

std::string xdgDir(const char* variable, const char* fallback) {
    if (const char* value = std::getenv(variable); value && *value) return value;
    const char* home = std::getenv("HOME");
    return std::string(home && *home ? home : ".") + "/" + fallback;
}

} // namespace

void Settings::addRecent(const std::string& path) {
    std::string absolute = path;
    std::error_code ec;
    if (auto p = std::filesystem::absolute(path, ec); !ec) absolute = p.lexically_normal().string();
    std::erase(recentFiles, absolute);
    recentFiles.insert(recentFiles.begin(), absolute);
    if (recentFiles.size() > 8) recentFiles.resize(8);
}

std::string settingsPath() { return xdgDir("XDG_CONFIG_HOME", ".config") + "/atelier/settings.ini"; }
std::string defaultEventPath() { return xdgDir("XDG_DATA_HOME", ".local/share") + "/atelier/atelier.db"; }

Settings loadSettings(const std::string& path) {
    Settings s;
    std::ifstream in(path);
    std::string line;
    while (std::getline(in, line)) {
        auto eq = line.find('=');
        if (eq == std::string::npos) continue;
        std::string key = line.substr(0, eq), value = line.substr(eq + 1);
        try {
            if (key == "ui_scale") s.uiScale = std::clamp(std::stof(value), Settings::kMinScale, Settings::kMaxScale);
            else if (key == "language") s.language = value == "en" ? Language::English : Language::French;
            else if (key == "recent" && !value.empty()) s.recentFiles.push_back(value);
            else if (key.starts_with("preset_")) {
                int phase = std::stoi(key.substr(7));
                if (phase >= 0 && phase < 4) s.presetMinutes[phase] = std::clamp(std::stoi(value), 1, 24 * 60);
            }
        } catch (const std::exception&) {
            // A hand-edited bad value keeps its default.
        }
    }
    return s;
}

bool saveSettings(const Settings& s, const std::string& path) {
    std::error_code ec;
    std::filesystem::create_directories(std::filesystem::path(path).parent_path(), ec);
    std::string tmp = path + ".tmp";
    {
        std::ofstream out(tmp, std::ios::trunc);
        if (!out) return false;
        out << "ui_scale=" << s.uiScale << "\n";
        out << "language=" << (s.language == Language::English ? "en" : "fr") << "\n";
        for (std::size_t i = 0; i < s.presetMinutes.size(); ++i) out << "preset_" << i << "=" << s.presetMinutes[i] << "\n";
        for (const auto& r : s.recentFiles) out << "recent=" << r << "\n";
        if (!out) return false;
    }
    std::filesystem::rename(tmp, path, ec);
    return !ec;
}

} // namespace atelier
