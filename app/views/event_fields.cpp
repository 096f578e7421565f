#include "views/event_fields.hpp"

#include "model/typed_time.hpp"
#include "theme.hpp"
#include "views/event_form.hpp"
#include "widgets.hpp"

#include <algorithm>

namespace atelier {

void EventFields::draw(ViewContext& ctx) {
    Session& session = ctx.session;
    const EventInfo& event = session.state().event;
    ImGui::TextDisabled("%s", str(Str::EventEditHint));

    float labelWidth = ImGui::GetFontSize() * 8;
    float fieldWidth = std::min(ImGui::GetContentRegionAvail().x - labelWidth, ImGui::GetFontSize() * 30);
    std::string edited;
    auto text = [&](Str s, const char* id, const std::string& value, std::optional<std::string> EditEvent::*member) {
        if (formRowText(str(s), id, value, edited, labelWidth, fieldWidth)) {
            EditEvent e;
            e.*member = edited;
            session.queue(e);
            m_problem.clear();
        }
    };
    text(Str::EventName, "##evname", event.name, &EditEvent::name);
    text(Str::EventOrganiser, "##evorganiser", event.organiser, &EditEvent::organiser);
    text(Str::EventPlace, "##evplace", event.place, &EditEvent::place);
    auto day = [&](Str s, const char* id, const std::string& value, std::optional<std::string> EditEvent::*member) {
        if (formRowText(str(s), id, dayForTyping(value), edited, labelWidth, fieldWidth)) {
            EditEvent e;
            if (edited.find_first_not_of(' ') == std::string::npos) {
                e.*member = std::string();
            } else if (auto parsed = parseDay(edited)) {
                e.*member = *parsed;
            } else {
                m_problem = strf(Str::EventDayInvalid, edited); // nothing saved
                return;
            }
            session.queue(e);
            m_problem.clear();
        }
        ImGui::SameLine();
        ImGui::TextDisabled("%s", value.empty() ? str(Str::EventDayHint) : formatDay(value).c_str());
    };
    day(Str::EventFirstDay, "##evfirst", event.firstDay, &EditEvent::firstDay);
    day(Str::EventLastDay, "##evlast", event.lastDay, &EditEvent::lastDay);
    formRowLabel(str(Str::EventTimeZone), labelWidth);
    std::string zone;
    if (timeZoneCombo("##evzone", event.timeZone, zone, fieldWidth)) {
        EditEvent e;
        e.timeZone = zone;
        session.queue(e);
    }
    if (!m_problem.empty()) {
        ImGui::Spacing();
        textWrapped(ctx.fonts.regular, m_problem, colours::kError);
    }
}

} // namespace atelier
