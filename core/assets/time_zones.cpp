#include "assets/time_zones.hpp"

#include "assets/assets.hpp"

#include <sstream>

namespace atelier {

const std::vector<TimeZoneChoice>& timeZoneChoices() {
    static const std::vector<TimeZoneChoice> choices = [] {
        std::vector<TimeZoneChoice> list;
        auto file = assets::find("timezones/zones.tsv");
        if (!file) return std::vector<TimeZoneChoice>{{"Europe/Paris", "France métropolitaine", "Metropolitan France"}};
        std::istringstream in{std::string(file->text())};
        std::string line;
        while (std::getline(in, line)) {
            if (line.empty() || line.front() == '#') continue;
            TimeZoneChoice choice;
            std::istringstream fields(line);
            std::getline(fields, choice.zone, '\t');
            std::getline(fields, choice.french, '\t');
            std::getline(fields, choice.english, '\t');
            list.push_back(std::move(choice));
        }
        return list;
    }();
    return choices;
}

} // namespace atelier
