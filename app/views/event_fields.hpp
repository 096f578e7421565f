#pragma once
// The open event's own fields — name, organiser, place, first and last day, time zone — each
// change one undoable action. Drawn at the top of the Programme screen, whose days they set.
#include "views/view.hpp"

#include <string>

namespace atelier {

class EventFields {
public:
    void draw(ViewContext& ctx);

private:
    std::string m_problem; // the last typed value refused, in the user's words
};

} // namespace atelier
