#pragma once
// Événement: the event's own fields — name, organiser, place, first and last day, time zone —
// each change one undoable action.
#include "views/view.hpp"

#include <string>

namespace atelier {

class EventView final : public View {
public:
    EventView() : View(ViewId::Event, Str::ViewEvent) {}

private:
    void drawContent(ViewContext& ctx) override;
    std::string m_problem; // the last typed value refused, in the user's words
};

} // namespace atelier
