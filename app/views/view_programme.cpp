#include "views/view_programme.hpp"

#include "model/timezone.hpp"
#include "widgets.hpp"

#include <algorithm>
#include <set>

namespace atelier {

namespace {
int idKey(Id id) { return static_cast<int>(id.value ^ (id.value >> 32)); }

// Every day of the event: its declared span plus any day that has slots.
std::vector<std::string> eventDays(const EventState& state) {
    std::set<std::string> days;
    for (const auto& [id, s] : state.slots) days.insert(s.day);
    if (!state.event.firstDay.empty()) days.insert(state.event.firstDay);
    if (!state.event.lastDay.empty()) days.insert(state.event.lastDay);
    return {days.begin(), days.end()};
}
} // namespace

void ProgrammeView::drawContent(ViewContext& ctx) {
    Session& session = ctx.session;
    const EventState& state = session.state();
    auto days = eventDays(state);
    if (days.empty()) days.push_back(toLocalTime(session.now(), state.event.timeZone).day);
    if (std::find(days.begin(), days.end(), m_day) == days.end()) m_day = days.front();

    for (const auto& day : days) {
        bool selected = day == m_day;
        if (selected) ImGui::PushStyleColor(ImGuiCol_Button, ImGui::GetColorU32(ImGuiCol_ButtonActive));
        if (button(formatDay(day).c_str())) m_day = day;
        if (selected) ImGui::PopStyleColor();
        ImGui::SameLine();
    }
    ImGui::NewLine();
    ImGui::Separator();

    std::vector<const Slot*> slots;
    for (const Slot* s : state.slotsInOrder())
        if (s->day == m_day) slots.push_back(s);
    if (slots.empty()) ImGui::TextUnformatted(str(Str::NoSlots));
    std::string edited;
    if (!slots.empty() &&
        ImGui::BeginTable("##slots", 6, ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_SizingStretchProp)) {
        ImGui::TableSetupColumn(str(Str::SlotStart), ImGuiTableColumnFlags_WidthFixed, ImGui::GetFontSize() * 4);
        ImGui::TableSetupColumn(str(Str::SlotEnd), ImGuiTableColumnFlags_WidthFixed, ImGui::GetFontSize() * 4);
        ImGui::TableSetupColumn(str(Str::SlotTitle), ImGuiTableColumnFlags_WidthStretch, 5);
        ImGui::TableSetupColumn(str(Str::SlotKind), ImGuiTableColumnFlags_WidthStretch, 1.4f);
        ImGui::TableSetupColumn(str(Str::SlotRoom), ImGuiTableColumnFlags_WidthStretch, 1.6f);
        ImGui::TableSetupColumn("##actions", ImGuiTableColumnFlags_WidthFixed);
        ImGui::TableHeadersRow();
        for (const Slot* s : slots) {
            ImGui::PushID(idKey(s->id));
            ImGui::TableNextRow();
            EditSlot e;
            e.slot = s->id;
            bool changed = false;
            ImGui::TableNextColumn();
            if (editText("##start", s->start, edited)) { e.start = edited; changed = true; }
            ImGui::TableNextColumn();
            if (editText("##end", s->end, edited)) { e.end = edited; changed = true; }
            ImGui::TableNextColumn();
            if (editText("##title", s->title, edited)) { e.title = edited; changed = true; }
            ImGui::TableNextColumn();
            ImGui::SetNextItemWidth(-1);
            SlotKind kind = s->kind;
            if (enumCombo("##kind", s->kind, kind, slotKindName, static_cast<int>(kSlotKindCodes.size()))) { e.kind = kind; changed = true; }
            ImGui::TableNextColumn();
            if (editText("##room", s->room, edited)) { e.room = edited; changed = true; }
            ImGui::TableNextColumn();
            if (button(str(Str::SlotDelete))) session.queue(DeleteSlot{s->id});
            if (changed) session.queue(e);
            ImGui::PopID();
        }
        ImGui::EndTable();
    }
    ImGui::Spacing();
    if (button(str(Str::SlotAdd))) {
        AddSlot add;
        add.day = m_day;
        // After the last slot of the day, one hour long.
        add.start = slots.empty() ? "09:00" : slots.back()->end;
        int h = 0, m = 0;
        std::sscanf(add.start.c_str(), "%d:%d", &h, &m);
        char end[32];
        std::snprintf(end, sizeof end, "%02d:%02d", std::min(h + 1, 23), h + 1 > 23 ? 59 : m);
        add.end = end;
        add.title = str(Str::SlotNewTitle);
        add.kind = SlotKind::Workshop;
        session.queue(add);
    }
}

} // namespace atelier
