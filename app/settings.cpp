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

void readProjection(ProjectionMemory& p, const std::string& key, const std::string& value) {
    if (key == "open") p.open = value == "1";
    else if (key == "monitor") p.monitor = value;
    else if (key == "x") p.x = std::stoi(value);
    else if (key == "y") p.y = std::stoi(value);
    else if (key == "width") p.width = std::clamp(std::stoi(value), 0, 16384);
    else if (key == "height") p.height = std::clamp(std::stoi(value), 0, 16384);
    else if (key == "monitor_x") p.monitorX = std::stoi(value);
    else if (key == "monitor_y") p.monitorY = std::stoi(value);
    else if (key == "full_screen") p.fullScreen = value == "1";
    else if (key == "event") p.event = value;
    else if (key == "content") p.content = value;
    else if (key == "team") p.team = std::stoll(value);
    else if (key == "challenge") p.challenge = std::stoll(value);
    else if (key == "page") p.page = std::clamp(std::stoi(value), 0, 10000);
}

void writeProjection(std::ostream& out, const ProjectionMemory& p) {
    out << "projection_open=" << (p.open ? 1 : 0) << "\n";
    out << "projection_monitor=" << p.monitor << "\n";
    out << "projection_x=" << p.x << "\nprojection_y=" << p.y << "\n";
    out << "projection_width=" << p.width << "\nprojection_height=" << p.height << "\n";
    out << "projection_monitor_x=" << p.monitorX << "\nprojection_monitor_y=" << p.monitorY << "\n";
    out << "projection_full_screen=" << (p.fullScreen ? 1 : 0) << "\n";
    out << "projection_event=" << p.event << "\n";
    out << "projection_content=" << p.content << "\n";
    out << "projection_team=" << p.team << "\nprojection_challenge=" << p.challenge << "\n";
    out << "projection_page=" << p.page << "\n";
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
            else if (key == "chime_muted") s.chimeMuted = value == "1";
            else if (key == "chime_minute_before") s.chimeMinuteBefore = value == "1";
            else if (key == "sound_device") s.soundDevice = value;
            else if (key.starts_with("projection_")) readProjection(s.projection, key.substr(11), value);
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
        out << "chime_muted=" << (s.chimeMuted ? 1 : 0) << "\n";
        out << "chime_minute_before=" << (s.chimeMinuteBefore ? 1 : 0) << "\n";
        out << "sound_device=" << s.soundDevice << "\n";
        writeProjection(out, s.projection);
        for (const auto& r : s.recentFiles) out << "recent=" << r << "\n";
        if (!out) return false;
    }
    std::filesystem::rename(tmp, path, ec);
    return !ec;
}

} // namespace atelier
