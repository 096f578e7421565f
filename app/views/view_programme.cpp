#include "views/view_programme.hpp"

#include "model/timezone.hpp"
#include "model/typed_time.hpp"
#include "theme.hpp"
#include "widgets.hpp"

#include <imgui_stdlib.h>

#include <algorithm>
#include <set>

namespace atelier {

namespace {
int idKey(Id id) { return static_cast<int>(id.value ^ (id.value >> 32)); }

// One hour after `start` ("09:00" → "10:00"), kept within the day.
std::string hourAfter(const std::string& start) {
    int h = 0, m = 0;
    std::sscanf(start.c_str(), "%d:%d", &h, &m);
    char end[32];
    std::snprintf(end, sizeof end, "%02d:%02d", std::min(h + 1, 23), h + 1 > 23 ? 59 : m);
    return end;
}
} // namespace

std::vector<std::string> programmeDays(const EventState& state) {
    std::set<std::string> days;
    for (const auto& d : daysBetween(state.event.firstDay, state.event.lastDay)) days.insert(d);
    for (const auto& [id, s] : state.slots) days.insert(s.day);
    if (!state.event.firstDay.empty()) days.insert(state.event.firstDay);
    if (!state.event.lastDay.empty()) days.insert(state.event.lastDay);
    return {days.begin(), days.end()};
}

void ProgrammeView::drawContent(ViewContext& ctx) {
    Session& session = ctx.session;
    const EventState& state = session.state();
    bool undated = state.event.firstDay.empty() || state.event.lastDay.empty();
    ImGui::SetNextItemOpen(undated, ImGuiCond_Appearing);
    ImGui::PushFont(ctx.fonts.bold);
    bool open = ImGui::CollapsingHeader(str(Str::EventHeading));
    ImGui::PopFont();
    if (open) {
        m_eventFields.draw(ctx);
        ImGui::Separator();
    }

    auto days = programmeDays(state);
    if (days.empty()) {
        days.push_back(toLocalTime(session.now(), state.event.timeZone).day);
        ImGui::TextWrapped("%s", str(Str::ProgrammeNoDays));
    }
    if (std::find(days.begin(), days.end(), m_day) == days.end()) m_day = days.front();

    if (m_loadEditing)
        if (const Slot* s = state.find<Slot>(m_loadEditing)) {
            edit(*s);
            m_loadEditing = Id{};
        }
    if (m_editing && !state.find<Slot>(m_editing)) m_editing = Id{}; // deleted, or undone

    if (ImGui::BeginTabBar("##days", ImGuiTabBarFlags_FittingPolicyScroll)) {
        for (const auto& day : days) {
            ImGuiTabItemFlags flags = day == m_selectDay ? ImGuiTabItemFlags_SetSelected : 0;
            std::string label = formatDay(day) + "###" + day;
            if (ImGui::BeginTabItem(label.c_str(), nullptr, flags)) {
                if (m_selectDay.empty() || m_selectDay == day) m_day = day;
                ImGui::EndTabItem();
            }
            recordLastItem(day.c_str());
        }
        ImGui::EndTabBar();
    }
    m_selectDay.clear();
    drawSlots(ctx, days);
    if (m_editing) {
        ImGui::Spacing();
        ImGui::Separator();
        drawEditor(ctx, days);
    }
}

void ProgrammeView::edit(const Slot& slot) {
    m_editing = slot.id;
    m_editDay = slot.day;
    m_editStart = slot.start;
    m_editEnd = slot.end;
    m_editTitle = slot.title;
    m_editKind = slot.kind;
    m_editRoom = slot.room;
    m_problem.clear();
}

void ProgrammeView::drawSlots(ViewContext& ctx, const std::vector<std::string>&) {
    Session& session = ctx.session;
    const EventState& state = session.state();
    std::vector<const Slot*> slots;
    for (const Slot* s : state.slotsInOrder())
        if (s->day == m_day) slots.push_back(s);
    if (slots.empty()) ImGui::TextUnformatted(str(Str::NoSlots));
    // The editor takes the lower part when open; the list scrolls above it.
    float editorHeight = m_editing ? ImGui::GetFrameHeightWithSpacing() * 6.5f : ImGui::GetFrameHeightWithSpacing() * 1.5f;
    float listHeight = std::max(ImGui::GetFrameHeightWithSpacing() * 3, ImGui::GetContentRegionAvail().y - editorHeight);
    if (!slots.empty() && ImGui::BeginTable("##slots", 5,
                                            ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_SizingStretchProp |
                                                ImGuiTableFlags_ScrollY,
                                            ImVec2(0, listHeight))) {
        ImGui::TableSetupScrollFreeze(0, 1);
        ImGui::TableSetupColumn(str(Str::SlotStart), ImGuiTableColumnFlags_WidthFixed, ImGui::GetFontSize() * 6);
        ImGui::TableSetupColumn(str(Str::SlotTitle), ImGuiTableColumnFlags_WidthStretch, 5);
        ImGui::TableSetupColumn(str(Str::SlotKind), ImGuiTableColumnFlags_WidthStretch, 1.6f);
        ImGui::TableSetupColumn(str(Str::SlotRoom), ImGuiTableColumnFlags_WidthStretch, 1.6f);
        ImGui::TableSetupColumn("##actions", ImGuiTableColumnFlags_WidthFixed);
        ImGui::TableHeadersRow();
        for (const Slot* s : slots) {
            ImGui::PushID(idKey(s->id));
            ImGui::TableNextRow();
            if (s->id == m_editing) ImGui::TableSetBgColor(ImGuiTableBgTarget_RowBg0, ImGui::GetColorU32(ImGuiCol_Header));
            ImGui::TableNextColumn();
            ImGui::AlignTextToFramePadding();
            ImGui::Text("%s – %s", s->start.c_str(), s->end.c_str());
            ImGui::TableNextColumn();
            textOneLine(s->title);
            ImGui::TableNextColumn();
            textOneLine(slotKindName(s->kind));
            ImGui::TableNextColumn();
            textOneLine(s->room);
            ImGui::TableNextColumn();
            if (button(str(Str::SlotEdit))) edit(*s);
            ImGui::SameLine();
            if (button(str(Str::SlotDelete))) session.queue(DeleteSlot{s->id});
            ImGui::PopID();
        }
        ImGui::EndTable();
    }
    ImGui::Spacing();
    if (button(str(Str::SlotAdd))) {
        AddSlot add;
        add.day = m_day;
        add.start = slots.empty() ? "09:00" : slots.back()->end; // after the day's last slot, one hour long
        add.end = hourAfter(add.start);
        add.title = str(Str::SlotNewTitle);
        add.kind = SlotKind::Workshop;
        session.queue(add, [this](const std::vector<Id>& created) {
            if (!created.empty()) m_loadEditing = created.front();
        });
    }
}

void ProgrammeView::drawEditor(ViewContext& ctx, const std::vector<std::string>& days) {
    Session& session = ctx.session;
    ImGui::PushID("##editor");
    ImGui::PushFont(ctx.fonts.bold);
    ImGui::TextUnformatted(str(Str::SlotEditorTitle));
    ImGui::PopFont();
    float em = ImGui::GetFontSize();
    auto labelled = [&](Str label, float width) {
        ImGui::BeginGroup();
        ImGui::TextUnformatted(str(label));
        ImGui::SetNextItemWidth(width);
    };
    labelled(Str::SlotDay, em * 13);
    std::string dayLabel = formatDay(m_editDay);
    if (ImGui::BeginCombo("##slotday", dayLabel.c_str())) {
        for (const auto& day : days)
            if (ImGui::Selectable(formatDay(day).c_str(), day == m_editDay)) m_editDay = day;
        ImGui::EndCombo();
    }
    recordLastItem("##slotday");
    ImGui::EndGroup();
    ImGui::SameLine();
    labelled(Str::SlotStart, em * 5);
    ImGui::InputTextWithHint("##slotstart", "14h30", &m_editStart);
    recordLastItem("##slotstart");
    ImGui::EndGroup();
    ImGui::SameLine();
    labelled(Str::SlotEnd, em * 5);
    ImGui::InputTextWithHint("##slotend", "15h30", &m_editEnd);
    recordLastItem("##slotend");
    ImGui::EndGroup();
    ImGui::SameLine();
    float rest = ImGui::GetContentRegionAvail().x;
    labelled(Str::SlotTitle, std::max(em * 10, rest));
    ImGui::InputText("##slottitle", &m_editTitle);
    recordLastItem("##slottitle");
    ImGui::EndGroup();
    labelled(Str::SlotKind, em * 13);
    enumCombo("##slotkind", m_editKind, m_editKind, slotKindName, static_cast<int>(kSlotKindCodes.size()));
    recordLastItem("##slotkind");
    ImGui::EndGroup();
    ImGui::SameLine();
    labelled(Str::SlotRoom, em * 13);
    ImGui::InputText("##slotroom", &m_editRoom);
    recordLastItem("##slotroom");
    ImGui::EndGroup();
    ImGui::SameLine();
    ImGui::BeginGroup();
    ImGui::TextDisabled("%s", str(Str::SlotTimeHint));
    bool save = button(str(Str::SlotSave));
    ImGui::SameLine();
    bool cancel = button(str(Str::ButtonCancel));
    ImGui::EndGroup();
    if (save) {
        // Checked here first so the message speaks of what was typed, and nothing is saved.
        auto start = parseTimeOfDay(m_editStart), end = parseTimeOfDay(m_editEnd);
        if (!start) m_problem = strf(Str::SlotStartInvalid, m_editStart);
        else if (!end) m_problem = strf(Str::SlotEndInvalid, m_editEnd);
        else if (*end < *start) m_problem = strf(Str::SlotEndBeforeStart, *end, *start);
        else if (m_editTitle.find_first_not_of(" \t") == std::string::npos) m_problem = str(Str::SlotTitleMissing);
        else {
            m_problem.clear();
            EditSlot e;
            e.slot = m_editing;
            e.day = m_editDay;
            e.start = *start;
            e.end = *end;
            e.title = m_editTitle;
            e.kind = m_editKind;
            e.room = m_editRoom;
            std::string day = m_editDay;
            session.queue(e, [this, day](const std::vector<Id>&) {
                m_editing = Id{};
                m_selectDay = day; // follow the slot to its day
            });
        }
    }
    if (cancel) {
        m_editing = Id{};
        m_problem.clear();
    }
    if (!m_problem.empty()) textWrapped(ctx.fonts.regular, m_problem, colours::kError);
    ImGui::PopID();
}

} // namespace atelier
