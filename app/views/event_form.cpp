#include "views/event_form.hpp"

#include "assets/time_zones.hpp"
#include "io/text_fold.hpp"
#include "model/typed_time.hpp"
#include "strings.hpp"
#include "widgets.hpp"

#include <imgui.h>
#include <imgui_stdlib.h>

namespace atelier {

std::string dayForTyping(const std::string& isoDay) {
    if (isoDay.size() != 10 || parseDay(isoDay) != isoDay) return isoDay;
    return isoDay.substr(8, 2) + "/" + isoDay.substr(5, 2) + "/" + isoDay.substr(0, 4);
}

namespace {
const TimeZoneChoice* choiceOf(const std::string& zone) {
    for (const auto& c : timeZoneChoices())
        if (c.zone == zone) return &c;
    return nullptr;
}
} // namespace

std::string timeZoneLabel(const std::string& zone) {
    const TimeZoneChoice* c = choiceOf(zone);
    if (!c || c->french.empty()) return zone;
    return (uiLanguage() == Language::French ? c->french : c->english) + " — " + zone;
}

bool timeZoneCombo(const char* label, const std::string& zone, std::string& out, float width) {
    static std::string search; // one combo is open at a time
    bool changed = false;
    ImGui::SetNextItemWidth(width);
    std::string current = timeZoneLabel(zone);
    if (ImGui::BeginCombo(label, current.c_str(), ImGuiComboFlags_HeightLarge)) {
        if (ImGui::IsWindowAppearing()) {
            search.clear();
            ImGui::SetKeyboardFocusHere();
        }
        ImGui::SetNextItemWidth(-1);
        ImGui::InputTextWithHint("##tzsearch", str(Str::EventTimeZoneSearch), &search);
        std::string wanted = foldText(search);
        bool french = true;
        for (const auto& c : timeZoneChoices()) {
            std::string shown = c.french.empty() ? c.zone : timeZoneLabel(c.zone);
            if (!wanted.empty() && foldText(shown).find(wanted) == std::string::npos) continue;
            // A line between France and its territories and the rest of the world.
            if (french && c.french.empty()) {
                french = false;
                if (wanted.empty()) ImGui::Separator();
            }
            if (ImGui::Selectable(shown.c_str(), c.zone == zone) && c.zone != zone) {
                out = c.zone;
                changed = true;
            }
        }
        ImGui::EndCombo();
    }
    recordLastItem(label);
    return changed;
}

std::optional<std::string> EventDraft::check(EventInfo& out) const {
    auto blank = [](const std::string& s) { return s.find_first_not_of(" \t") == std::string::npos; };
    if (blank(name)) return std::string(str(Str::EventNameMissing));
    out.name = name;
    out.organiser = organiser;
    out.place = place;
    out.timeZone = timeZone;
    auto day = [&](const std::string& typed, std::string& iso) -> std::optional<std::string> {
        if (blank(typed)) {
            iso.clear();
            return std::nullopt;
        }
        auto parsed = parseDay(typed);
        if (!parsed) return strf(Str::EventDayInvalid, typed);
        iso = *parsed;
        return std::nullopt;
    };
    if (auto problem = day(firstDay, out.firstDay)) return problem;
    if (auto problem = day(lastDay, out.lastDay)) return problem;
    if (!out.firstDay.empty() && !out.lastDay.empty() && out.lastDay < out.firstDay)
        return strf(Str::EventDaysReversed, dayForTyping(out.lastDay), dayForTyping(out.firstDay));
    return std::nullopt;
}

void EventDraft::draw(float labelWidth, float fieldWidth) {
    auto label = [&](Str s) {
        formRowLabel(str(s), labelWidth);
        ImGui::SetNextItemWidth(fieldWidth);
    };
    auto field = [&](Str s, const char* id, std::string& value, const char* hint = "") {
        label(s);
        ImGui::InputTextWithHint(id, hint, &value);
        recordLastItem(id);
    };
    field(Str::EventName, "##evname", name);
    field(Str::EventOrganiser, "##evorganiser", organiser);
    field(Str::EventPlace, "##evplace", place);
    field(Str::EventFirstDay, "##evfirst", firstDay, str(Str::EventDayHint));
    field(Str::EventLastDay, "##evlast", lastDay, str(Str::EventDayHint));
    formRowLabel(str(Str::EventTimeZone), labelWidth);
    timeZoneCombo("##evzone", timeZone, timeZone, fieldWidth);
}

} // namespace atelier
