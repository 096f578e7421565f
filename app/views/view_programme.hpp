#pragma once
// Programme: the event's own fields (its days, its time zone), then a tab per day of the event
// with its slots; a slot is edited as a whole (day, start, end, title, kind, room) and saved as
// one action, its times typed as people write them (« 14h », « 14h30 », « 14:30 »).
#include "views/event_fields.hpp"
#include "views/view.hpp"

#include <string>
#include <vector>

namespace atelier {

// Every day of the event: from its first to its last day, plus any other day that has slots.
std::vector<std::string> programmeDays(const EventState& state);

class ProgrammeView final : public View {
public:
    ProgrammeView() : View(ViewId::Programme, Str::ViewProgramme) {}

private:
    void drawContent(ViewContext& ctx) override;
    void drawSlots(ViewContext& ctx, const std::vector<std::string>& days);
    void drawEditor(ViewContext& ctx, const std::vector<std::string>& days);
    void edit(const Slot& slot);

    EventFields m_eventFields;
    std::string m_day;       // the day shown
    std::string m_selectDay; // a day to bring to the front next frame (a slot moved there)
    // The slot being edited, as typed so far.
    Id m_editing;
    Id m_loadEditing; // a slot just added: load it into the editor once it exists
    std::string m_editDay, m_editStart, m_editEnd, m_editTitle, m_editRoom;
    SlotKind m_editKind = SlotKind::Workshop;
    std::string m_problem;
};

} // namespace atelier
