// Teams, members and phases.
#include "actions/action_apply.hpp"
#include "actions/phase_change.hpp"
#include "io/labels.hpp"

#include "rules/text_rules.hpp"

#include <array>

namespace atelier {

namespace {

// Distinct, readable on a projector; a new team takes the next one.
constexpr std::array<const char*, 14> kTeamColours{"#4C78A8", "#F58518", "#54A24B", "#E45756", "#72B7B2", "#EECA3B",
                                                   "#B279A2", "#FF9DA6", "#9D755D", "#BAB0AC", "#1F77B4", "#D62728",
                                                   "#2CA02C", "#9467BD"};

std::string phaseName(Phase p) {
    static constexpr std::array<const char*, 4> fr{"diverger", "sélectionner", "prototyper", "tester"};
    static constexpr std::array<const char*, 4> en{"diverge", "select", "prototype", "test"};
    return tr(fr[static_cast<int>(p)], en[static_cast<int>(p)]);
}

void checkTeam(const Team& t, const ActionContext& ctx) {
    if (t.challengeId) ctx.require<Challenge>(t.challengeId, "Défi", "Défi");
    rules::enforce(rules::checkRow(t, ctx.state()));
    rules::enforce(rules::checkTeamNameFree(t, ctx.state()));
}

void checkMember(const Member& m, const ActionContext& ctx) {
    ctx.require<Team>(m.teamId, "Équipe", "Team");
    rules::enforce(rules::checkRow(m, ctx.state()));
}

// A member's notes and dots belong to their team's board: moving them would leave a note
// signed, or a vote cast, by someone of another team (rules::checkRow(Note/Vote) refuse both).
void checkTeamChange(const Member& before, Id newTeam, const ActionContext& ctx) {
    if (before.teamId == newTeam) return;
    bool wrote = false, voted = false;
    for (const auto& [id, note] : ctx.state().notes) wrote = wrote || note.authorId == before.id;
    for (const auto& [id, vote] : ctx.state().votes) voted = voted || vote.memberId == before.id;
    if (wrote || voted)
        throw ValidationError(trf("{} a déjà écrit ou voté sur le mur de son équipe : pour changer d'équipe, retirez ce membre "
                                  "puis ajoutez-le à l'autre équipe.",
                                  "{} has already written or voted on their team's board: to change teams, remove this member "
                                  "and add them to the other team.",
                                  rules::shorten(before.name)));
}

void setPhase(Team team, Phase phase, ActionContext& ctx) {
    if (team.phase == phase) return;
    team.phase = phase;
    ctx.put(team);
    ctx.put(PhaseChange{newId(), team.id, phase, ctx.now()});
}

} // namespace

void run(const AddTeam& a, ActionContext& ctx) {
    Team team;
    team.id = ctx.newRowId<Team>(a.id);
    team.name = a.name;
    team.colour = a.colour.empty() ? kTeamColours[ctx.state().teams.size() % kTeamColours.size()] : a.colour;
    team.challengeId = a.challenge;
    checkTeam(team, ctx);
    ctx.put(team);
    ctx.put(PhaseChange{newId(), team.id, team.phase, ctx.now()});
}
std::string describe(const AddTeam& a, const EventState&) { return trf("Ajouter l'équipe « {} »", "Add the team \"{}\"", a.name); }

void run(const EditTeam& a, ActionContext& ctx) {
    Team team = ctx.require<Team>(a.team, "Équipe", "Team");
    if (a.name) team.name = *a.name;
    if (a.colour) team.colour = *a.colour;
    if (a.challenge) team.challengeId = *a.challenge;
    checkTeam(team, ctx);
    ctx.put(team);
}
std::string describe(const EditTeam& a, const EventState& s) {
    const Team* t = s.find<Team>(a.team);
    return trf("Modifier l'équipe « {} »", "Edit the team \"{}\"", t ? t->name : a.team.str());
}

void run(const DeleteTeam& a, ActionContext& ctx) {
    ctx.require<Team>(a.team, "Équipe", "Team");
    ctx.erase<Team>(a.team); // members, board, votes, prototypes go with it; undo brings them back
}
std::string describe(const DeleteTeam& a, const EventState& s) {
    const Team* t = s.find<Team>(a.team);
    return trf("Supprimer l'équipe « {} »", "Delete the team \"{}\"", t ? t->name : a.team.str());
}

void run(const AddMember& a, ActionContext& ctx) {
    Member m{ctx.newRowId<Member>(a.id), a.team, a.name, a.organisation, a.role};
    checkMember(m, ctx);
    ctx.put(m);
}
std::string describe(const AddMember& a, const EventState&) { return trf("Ajouter {}", "Add {}", a.name); }

void run(const EditMember& a, ActionContext& ctx) {
    Member m = ctx.require<Member>(a.member, "Membre", "Member");
    if (a.team) {
        ctx.require<Team>(*a.team, "Équipe", "Team");
        checkTeamChange(m, *a.team, ctx);
    }
    if (a.team) m.teamId = *a.team;
    if (a.name) m.name = *a.name;
    if (a.organisation) m.organisation = *a.organisation;
    if (a.role) m.role = *a.role;
    checkMember(m, ctx);
    ctx.put(m);
}
std::string describe(const EditMember& a, const EventState& s) {
    const Member* m = s.find<Member>(a.member);
    return trf("Modifier {}", "Edit {}", m ? m->name : a.member.str());
}

void run(const DeleteMember& a, ActionContext& ctx) {
    ctx.require<Member>(a.member, "Membre", "Member");
    ctx.erase<Member>(a.member); // their votes are given back; their notes stay, unsigned
}
std::string describe(const DeleteMember& a, const EventState& s) {
    const Member* m = s.find<Member>(a.member);
    return trf("Retirer {}", "Remove {}", m ? m->name : a.member.str());
}

void run(const SetPhase& a, ActionContext& ctx) {
    if (a.team) {
        setPhase(ctx.require<Team>(a.team, "Équipe", "Team"), a.phase, ctx);
    } else {
        if (ctx.state().teams.empty())
            throw ValidationError(tr("Aucune équipe : ajoutez des équipes avant de changer de phase.",
                                     "No team: add teams before changing the phase."));
        if (auto back = teamsTakenBack(ctx.state(), a.phase); !back.empty() && !a.backwards)
            throw ValidationError(trf("Passer toutes les équipes en phase « {} » ferait revenir en arrière : {}. Confirmez "
                                      "ce retour (backwards) ou changez la phase équipe par équipe.",
                                      "Moving every team to the \"{}\" phase would take back: {}. Confirm going back "
                                      "(backwards) or change the phase team by team.",
                                      phaseLabel(a.phase), namesWithPhases(back)));
        for (const auto& [id, team] : ctx.state().teams) setPhase(team, a.phase, ctx);
    }
}
std::string describe(const SetPhase& a, const EventState& s) {
    if (!a.team) return trf("Passer toutes les équipes en phase « {} »", "Move every team to the \"{}\" phase", phaseName(a.phase));
    const Team* t = s.find<Team>(a.team);
    return trf("Passer « {} » en phase « {} »", "Move \"{}\" to the \"{}\" phase", t ? t->name : a.team.str(), phaseName(a.phase));
}

} // namespace atelier
