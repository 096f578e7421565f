#include "summary.hpp"

#include "model/language.hpp"
#include "model/timer.hpp"
#include "model/timezone.hpp"

#include <array>
#include <optional>
#include <sstream>

namespace atelier {

namespace {

std::string phaseLabel(Phase p) {
    static constexpr std::array<const char*, 4> fr{"diverger", "sélectionner", "prototyper", "tester"};
    static constexpr std::array<const char*, 4> en{"diverge", "select", "prototype", "test"};
    return tr(fr[static_cast<int>(p)], en[static_cast<int>(p)]);
}

std::string slotKindLabel(SlotKind k) {
    static constexpr std::array<const char*, 5> fr{"conférence", "atelier", "retour collectif", "exposition", "autre"};
    static constexpr std::array<const char*, 5> en{"talk", "workshop", "debrief", "exhibition", "other"};
    return tr(fr[static_cast<int>(k)], en[static_cast<int>(k)]);
}

struct TeamCounts {
    std::size_t notes = 0, votes = 0, prototypes = 0, feedback = 0;
};

TeamCounts countsOf(const EventState& s, Id teamId) {
    TeamCounts c;
    for (const auto& [id, n] : s.notes) c.notes += n.teamId == teamId;
    for (const auto& [id, v] : s.votes) {
        const VoteRound* r = s.find<VoteRound>(v.roundId);
        if (r && r->teamId == teamId) c.votes += static_cast<std::size_t>(v.count);
    }
    for (const auto& [id, p] : s.prototypes) c.prototypes += p.teamId == teamId;
    for (const auto& [id, f] : s.feedback) {
        const Prototype* p = s.find<Prototype>(f.prototypeId);
        c.feedback += p && p->teamId == teamId;
    }
    return c;
}

void describeTeam(std::ostringstream& out, const EventState& s, const Team& team, Millis now) {
    TeamCounts c = countsOf(s, team.id);
    out << "    " << tr("Équipe : ", "Team: ") << team.name << " — " << tr("phase ", "phase ") << phaseLabel(team.phase)
        << " — " << trf("{} membres", "{} members", s.membersOfTeam(team.id).size()) << "\n";
    out << "    " << trf("post-its {} · gommettes {} · prototypes {} · retours {}", "notes {} · dots {} · prototypes {} · feedback {}",
                         c.notes, c.votes, c.prototypes, c.feedback)
        << "\n";
    if (const Note* n = s.find<Note>(team.selectedNoteId)) out << "    " << tr("Piste retenue : ", "Selected idea: ") << n->text << "\n";
    if (const Cluster* cl = s.find<Cluster>(team.selectedClusterId))
        out << "    " << tr("Piste retenue : ", "Selected idea: ") << cl->title << "\n";
    if (const TimedSession* t = s.currentTimer(team.id); t && timerState(*t, now) != TimerState::Finished)
        out << "    " << tr("Minuteur : ", "Timer: ") << formatCountdown(timerRemaining(*t, now)) << "\n";
}

} // namespace

std::string eventSummary(const EventState& s, Millis now) {
    std::ostringstream out;
    const EventInfo& e = s.event;
    out << e.name << "\n";
    if (!e.organiser.empty()) out << tr("Organisateur : ", "Organiser: ") << e.organiser << "\n";
    if (!e.place.empty()) out << tr("Lieu : ", "Place: ") << e.place << "\n";
    if (!e.firstDay.empty())
        out << trf("Dates : du {} au {}", "Dates: {} to {}", e.firstDay, e.lastDay.empty() ? e.firstDay : e.lastDay) << "\n";
    LocalTime local = toLocalTime(now, e.timeZone);
    out << trf("Fuseau : {} (il est {} le {})", "Time zone: {} (it is {} on {})", e.timeZone, local.hourMinute, local.day) << "\n";

    out << "\n" << trf("Programme ({})", "Programme ({})", countOf(static_cast<long long>(s.slots.size()), "créneau", "créneaux", "slot", "slots")) << "\n";
    std::string day;
    for (const Slot* slot : s.slotsInOrder()) {
        if (slot->day != day) out << "  " << (day = slot->day) << "\n";
        bool current = slot->day == local.day && slot->start <= local.hourMinute && local.hourMinute < slot->end;
        out << (current ? "  ▶ " : "    ") << slot->start << "–" << slot->end << "  " << slot->title << " ("
            << slotKindLabel(slot->kind) << (slot->room.empty() ? "" : ", " + slot->room) << ")\n";
    }

    if (!s.sites.empty()) {
        out << "\n" << trf("Sites réunis dans ce fichier de revue ({})", "Sites gathered in this review file ({})", s.sites.size())
            << "\n";
        for (const EventInfo* site : s.sitesInOrder()) {
            std::size_t challenges = 0, teams = 0;
            for (const auto& [id, c] : s.challenges) challenges += c.siteId == site->id;
            for (const auto& [id, t] : s.teams) teams += t.siteId == site->id;
            out << "  " << site->name << (site->place.empty() ? "" : " (" + site->place + ")") << " — "
                << trf("{}, {}", "{}, {}", countOf(static_cast<long long>(challenges), "défi", "défis", "défi", "défis"), countOf(static_cast<long long>(teams), "équipe", "équipes", "team", "teams")) << "\n";
        }
    }
    out << "\n" << trf("Défis ({})", "Défis ({})", s.challenges.size()) << "\n";
    std::optional<Id> currentSite;
    for (const Challenge* c : s.challengesInOrder()) {
        if (!s.sites.empty() && currentSite != c->siteId) {
            currentSite = c->siteId;
            out << " " << trf("Site « {} »", "Site \"{}\"", s.siteName(c->siteId)) << "\n";
        }
        out << "  " << trf("Défi {} — {}", "Défi {} — {}", c->number, c->question) << "\n";
        if (!c->owner.empty()) out << "    " << tr("Porteur : ", "Owner: ") << c->owner << "\n";
        bool any = false;
        for (const Team* t : s.teamsInOrder())
            if (t->challengeId == c->id) {
                describeTeam(out, s, *t, now);
                any = true;
            }
        if (!any) out << "    " << tr("Aucune équipe", "No team") << "\n";
    }
    std::vector<const Team*> loose;
    for (const Team* t : s.teamsInOrder())
        if (!s.find<Challenge>(t->challengeId)) loose.push_back(t);
    if (!loose.empty()) {
        out << "\n" << tr("Équipes sans défi", "Teams without a défi") << "\n";
        for (const Team* t : loose) describeTeam(out, s, *t, now);
    }
    std::size_t dots = 0;
    for (const auto& [id, v] : s.votes) dots += static_cast<std::size_t>(v.count);
    out << "\n"
        << trf("Total : {}, {}, {}, {}, {}, {}", "Total: {}, {}, {}, {}, {}, {}", countOf(static_cast<long long>(s.teams.size()), "équipe", "équipes", "team", "teams"), countOf(static_cast<long long>(s.members.size()), "membre", "membres", "member", "members"),
               countOf(static_cast<long long>(s.notes.size()), "post-it", "post-its", "note", "notes"), countOf(static_cast<long long>(dots), "gommette", "gommettes", "dot", "dots"), countOf(static_cast<long long>(s.prototypes.size()), "prototype", "prototypes", "prototype", "prototypes"),
               countOf(static_cast<long long>(s.feedback.size()), "retour", "retours", "feedback", "feedback"))
        << "\n";
    return out.str();
}

} // namespace atelier
