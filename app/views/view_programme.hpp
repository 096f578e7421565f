#pragma once
// Programme: the agenda slots of each day, edited in place; add and delete slots.
#include "views/view.hpp"

#include <string>

namespace atelier {

class ProgrammeView final : public View {
public:
    ProgrammeView() : View(ViewId::Programme, Str::ViewProgramme) {}

private:
    void drawContent(ViewContext& ctx) override;
    std::string m_day; // the day shown
};

} // namespace atelier
