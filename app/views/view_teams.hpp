#pragma once
// Teams: list of teams; for the selected one its name, colour, défi and members with their
// roles. Every edit is an action (undoable with Ctrl+Z).
#include "views/view.hpp"

#include <string>

namespace atelier {

class TeamsView final : public View {
public:
    TeamsView() : View(ViewId::Teams, Str::ViewTeams) {}

private:
    void drawContent(ViewContext& ctx) override;
    void drawTeam(ViewContext& ctx, const Team& team);

    std::string m_newMember, m_newOrganisation;
    Role m_newRole = Role::Participant;
    Id m_lastAddedMember;       // highlighted in the table
    bool m_focusNewName = false; // back to the name field after adding, for the next member
};

} // namespace atelier
