#include "sync/joint_repairs.hpp"

#include "model/errors.hpp"
#include "model/language.hpp"
#include "rules/group_rules.hpp"
#include "rules/row_rules.hpp"
#include "storage/store.hpp"

#include <SQLiteCpp/Statement.h>

#include <algorithm>
#include <map>
#include <set>
#include <string>
#include <tuple>
#include <vector>

namespace atelier {

namespace {

using RowRef = std::pair<std::string, Id>;

template <typename T> void checkOne(const EventState& state, Id id, rules::Offences& out) {
    if (const T* row = state.find<T>(id))
        for (rules::Offence& o : rules::checkRow(*row, state)) out.push_back(std::move(o));
}

// What the one validation says of these rows and of the groups they are in.
rules::Offences offencesOf(const std::set<RowRef>& rows, const EventState& state) {
    rules::Offences out;
    auto add = [&](rules::Offences found) {
        for (rules::Offence& o : found) out.push_back(std::move(o));
    };
    for (const auto& [table, id] : rows) {
        if (table == "slot") checkOne<Slot>(state, id, out);
        else if (table == "challenge") {
            checkOne<Challenge>(state, id, out);
            if (const Challenge* c = state.find<Challenge>(id)) add(rules::checkChallengeNumberFree(*c, state));
        } else if (table == "team") {
            checkOne<Team>(state, id, out);
            if (const Team* t = state.find<Team>(id)) add(rules::checkTeamNameFree(*t, state));
        } else if (table == "member") checkOne<Member>(state, id, out);
        else if (table == "phase_change") checkOne<PhaseChange>(state, id, out);
        else if (table == "cluster") checkOne<Cluster>(state, id, out);
        else if (table == "note") checkOne<Note>(state, id, out);
        else if (table == "vote_round") {
            checkOne<VoteRound>(state, id, out);
            if (const VoteRound* r = state.find<VoteRound>(id)) add(rules::checkOpenRoundsOfTeam(r->teamId, state));
        } else if (table == "vote") {
            checkOne<Vote>(state, id, out);
            if (const Vote* v = state.find<Vote>(id)) add(rules::checkDotsOfMember(v->roundId, v->memberId, state));
        } else if (table == "prototype") checkOne<Prototype>(state, id, out);
        else if (table == "feedback") checkOne<Feedback>(state, id, out);
        else if (table == "timed_session") checkOne<TimedSession>(state, id, out);
    }
    return out;
}

class RulesJointRepairs : public JointRules {
public:
    void repair(Store& store, EventState& state, const std::vector<TouchedRow>& touched, MergeReport& report) override {
        std::set<RowRef> rows;
        for (const auto& t : touched) rows.insert({t.table, t.id});
        // A member's work follows the member: a moved member's notes and dots are checked too;
        // and a prototype's later versions follow it.
        for (const auto& t : touched) {
            if (t.table == "prototype")
                for (const auto& [id, p] : state.prototypes)
                    if (p.lineageId == t.id) rows.insert({"prototype", id});
            if (t.table != "member") continue;
            for (const auto& [id, n] : state.notes)
                if (n.authorId == t.id) rows.insert({"note", id});
            for (const auto& [id, v] : state.votes)
                if (v.memberId == t.id) rows.insert({"vote", id});
        }
        Context c{store, state, report};
        for (int pass = 0; pass < 4; ++pass) {
            bool repaired = false;
            std::set<std::string> unrepaired;
            for (const rules::Offence& o : offencesOf(rows, state)) {
                if (fix(c, o, rows)) repaired = true;
                else unrepaired.insert(o.table + "|" + o.row.str() + "|" + o.message);
            }
            if (!repaired) {
                for (const rules::Offence& o : offencesOf(rows, state))
                    if (unrepaired.count(o.table + "|" + o.row.str() + "|" + o.message) && c.reported.insert(o.table + o.row.str() + o.message).second)
                        add(c, o.table, o.row, ConflictKind::Refused,
                            trf("Une règle n'est plus respectée après la fusion ({}) : à corriger à la main.",
                                "A rule no longer holds after the merge ({}): correct it by hand.", o.message));
                break;
            }
        }
    }

private:
    struct Context {
        Store& store;
        EventState& state;
        MergeReport& report;
        std::set<std::string> reported{};
    };

    static void add(Context& c, const std::string& table, Id id, ConflictKind kind, std::string what, int dots = 0) {
        c.report.conflicts.push_back({table, id, std::move(what), kind, dots, false});
    }

    static void write(Context& c, const std::string& table, Id id, const std::string& sql) {
        SQLite::Statement st(c.store.db(), sql);
        st.exec();
        c.store.reloadRow(table, id, c.state);
    }

    static std::string teamName(const EventState& s, Id team) {
        const Team* t = s.find<Team>(team);
        return t ? t->name : std::string();
    }

    // Dispatches an offence to its written rule; false when no rule repairs it.
    static bool fix(Context& c, const rules::Offence& o, std::set<RowRef>& rows) {
        if (o.table == "vote" && o.field == "count") return trimDots(c, o.row);
        if (o.table == "vote_round" && o.field == "closed") return closeOlderRounds(c, o.row);
        if (o.table == "challenge" && o.field == "number") return renumber(c, o.row);
        if (o.table == "team" && o.field == "name") return renameTeams(c, o.row);
        if ((o.table == "vote" && o.field == "member_id") || (o.table == "note" && o.field == "author_id"))
            return memberBackToWork(c, o.table, o.row, rows);
        if (o.table == "prototype" && o.field == "lineage_id") return reRoot(c, o.row);
        if (o.table == "team" && o.field == "selected_cluster_id") return oneSelection(c, o.row);
        if (o.table == "member" && o.field == "name") return renameMembers(c, o.row);
        return false;
    }

    // A member's dots in one round: each vote within the cap, the total within the budget, the
    // excess taken from the votes written last (highest id first).
    static bool trimDots(Context& c, Id voteId) {
        const Vote* v = c.state.find<Vote>(voteId);
        if (!v || !v->memberId) return false;
        const VoteRound* round = c.state.find<VoteRound>(v->roundId);
        if (!round) return false;
        std::vector<Vote> votes;
        long long total = 0;
        for (const auto& [id, other] : c.state.votes)
            if (other.roundId == v->roundId && other.memberId == v->memberId) {
                votes.push_back(other);
                total += other.count;
            }
        std::sort(votes.begin(), votes.end(), [](const Vote& a, const Vote& b) { return a.id > b.id; });
        const Member* member = c.state.find<Member>(v->memberId);
        std::string name = member ? member->name : std::string();
        bool changed = false;
        for (const Vote& vote : votes) {
            int keep = vote.count;
            if (round->cap && keep > *round->cap) keep = *round->cap;
            long long over = total - round->budget;
            if (over > 0) keep = static_cast<int>(std::max<long long>(0, keep - over));
            if (keep == vote.count) continue;
            int returned = vote.count - keep;
            total -= returned;
            write(c, "vote", vote.id,
                  keep == 0 ? "DELETE FROM vote WHERE id = " + std::to_string(vote.id.value)
                            : "UPDATE vote SET count = " + std::to_string(keep) + " WHERE id = " + std::to_string(vote.id.value));
            add(c, "vote", vote.id, ConflictKind::Repaired,
                trf("{} avait posé plus de gommettes que permis en votant sur deux copies : {}.",
                    "{} had used more dots than allowed by voting on two copies: {}.", name,
                    countOf(returned, "gommette rendue", "gommettes rendues", "dot given back", "dots given back")),
                returned);
            changed = true;
        }
        return changed;
    }

    static bool closeOlderRounds(Context& c, Id roundId) {
        const VoteRound* r = c.state.find<VoteRound>(roundId);
        if (!r) return false;
        Id team = r->teamId;
        std::vector<const VoteRound*> open;
        for (const auto& [id, other] : c.state.voteRounds)
            if (other.teamId == team && !other.closed) open.push_back(&other);
        if (open.size() < 2) return false;
        auto latest = *std::max_element(open.begin(), open.end(), [](const VoteRound* a, const VoteRound* b) {
            return std::tie(a->openedAt, a->id) < std::tie(b->openedAt, b->id);
        });
        std::vector<Id> toClose;
        for (const VoteRound* o : open)
            if (o != latest) toClose.push_back(o->id);
        std::sort(toClose.begin(), toClose.end());
        for (Id id : toClose) {
            write(c, "vote_round", id, "UPDATE vote_round SET closed = 1 WHERE id = " + std::to_string(id.value));
            add(c, "vote_round", id, ConflictKind::Repaired,
                trf("Deux votes étaient ouverts en même temps pour l'équipe « {} » : le plus ancien est clos, ses gommettes restent.",
                    "Two votes were open at once for team \"{}\": the older one is closed, its dots stay.", teamName(c.state, team)));
        }
        return true;
    }

    static bool renumber(Context& c, Id challengeId) {
        const Challenge* ch = c.state.find<Challenge>(challengeId);
        if (!ch) return false;
        int number = ch->number;
        Id site = ch->siteId;
        std::vector<Id> same;
        int highest = 0;
        for (const auto& [id, other] : c.state.challenges) {
            if (other.siteId != site) continue;
            highest = std::max(highest, other.number);
            if (other.number == number) same.push_back(id);
        }
        if (same.size() < 2) return false;
        std::sort(same.begin(), same.end());
        for (std::size_t i = 1; i < same.size(); ++i) {
            int next = ++highest;
            write(c, "challenge", same[i],
                  "UPDATE challenge SET number = " + std::to_string(next) + " WHERE id = " + std::to_string(same[i].value));
            add(c, "challenge", same[i], ConflictKind::Repaired,
                trf("Deux défis portaient le numéro {} : le second devient le défi {}.",
                    "Two défis had the number {}: the second becomes défi {}.", number, next));
        }
        return true;
    }

    static bool renameTeams(Context& c, Id teamId) {
        const Team* t = c.state.find<Team>(teamId);
        if (!t) return false;
        std::string name = t->name;
        Id site = t->siteId;
        std::vector<Id> same;
        std::set<std::string> taken;
        for (const auto& [id, other] : c.state.teams) {
            if (other.siteId != site) continue;
            taken.insert(other.name);
            if (other.name == name) same.push_back(id);
        }
        if (same.size() < 2) return false;
        std::sort(same.begin(), same.end());
        for (std::size_t i = 1; i < same.size(); ++i) {
            std::string renamed;
            for (int k = static_cast<int>(i) + 1;; ++k) {
                renamed = name + " (" + std::to_string(k) + ")";
                if (!taken.count(renamed)) break;
            }
            taken.insert(renamed);
            SQLite::Statement st(c.store.db(), "UPDATE team SET name = ? WHERE id = ?");
            st.bind(1, renamed);
            st.bind(2, same[i].value);
            st.exec();
            c.store.reloadRow("team", same[i], c.state);
            add(c, "team", same[i], ConflictKind::Repaired,
                trf("Deux équipes s'appelaient « {} » : la seconde s'appelle maintenant « {} ».",
                    "Two teams were called \"{}\": the second is now called \"{}\".", name, renamed));
        }
        return true;
    }

    static bool hasWorkOn(const EventState& s, Id member, Id team) {
        for (const auto& [id, v] : s.votes)
            if (v.memberId == member)
                if (const VoteRound* r = s.find<VoteRound>(v.roundId); r && r->teamId == team) return true;
        for (const auto& [id, n] : s.notes)
            if (n.authorId == member && n.teamId == team) return true;
        return false;
    }

    // A member moved to another team on one copy while they wrote or voted on their board on
    // another: they go back to the team of that work.
    static bool memberBackToWork(Context& c, const std::string& table, Id row, std::set<RowRef>& rows) {
        Id member, team;
        if (table == "vote") {
            const Vote* v = c.state.find<Vote>(row);
            const VoteRound* r = v ? c.state.find<VoteRound>(v->roundId) : nullptr;
            if (!r) return false;
            member = v->memberId;
            team = r->teamId;
        } else {
            const Note* n = c.state.find<Note>(row);
            if (!n) return false;
            member = n->authorId;
            team = n->teamId;
        }
        const Member* m = c.state.find<Member>(member);
        if (!m || m->teamId == team || !c.state.find<Team>(team)) return false;
        if (table == "note" && hasWorkOn(c.state, member, m->teamId)) {
            // Work on both boards: the member stays where they voted or wrote since; this note
            // keeps its text and no longer names its author.
            std::string who = m->name;
            const Note* n = c.state.find<Note>(row);
            std::string text = n ? n->text : std::string();
            write(c, "note", row, "UPDATE note SET author_id = NULL WHERE id = " + std::to_string(row.value));
            add(c, "note", row, ConflictKind::Repaired,
                trf("Le post-it « {} » ne nomme plus son auteur « {} » : changé d'équipe sur une copie, il avait écrit sur les "
                    "deux murs.",
                    "The note \"{}\" no longer names its author \"{}\": moved to another team on one copy, they had written on "
                    "both boards.",
                    text, who));
            return true;
        }
        if (table == "vote" && hasWorkOn(c.state, member, m->teamId)) {
            // Dots on both boards: the member stays where they are, with their work there; the
            // dots on the board of the team they left are given back (a voter is a member of
            // the voting team, and a dot cannot lose its voter as a note its author).
            const Vote* v = c.state.find<Vote>(row);
            int dots = v ? v->count : 0;
            std::string target;
            if (v && v->noteId)
                if (const Note* n = c.state.find<Note>(v->noteId)) target = trf("le post-it « {} »", "the note \"{}\"", n->text);
            if (v && v->clusterId)
                if (const Cluster* cl = c.state.find<Cluster>(v->clusterId))
                    target = trf("le regroupement « {} »", "the cluster \"{}\"", cl->title);
            std::string who = m->name, now = teamName(c.state, m->teamId), left = teamName(c.state, team);
            write(c, "vote", row, "DELETE FROM vote WHERE id = " + std::to_string(row.value));
            add(c, "vote", row, ConflictKind::Repaired,
                trf("{} de « {} » sur {} de l'équipe « {} » : changé d'équipe sur une copie pour l'équipe « {} », ce membre "
                    "avait voté sur les deux murs ; il reste dans l'équipe « {} ».",
                    "{} of \"{}\" on {} of team \"{}\": moved on one copy to team \"{}\", this member had voted on both "
                    "boards; they stay in team \"{}\".",
                    countOf(dots, "gommette rendue", "gommettes rendues", "dot given back", "dots given back"), who, target, left,
                    now, now),
                dots);
            return true;
        }
        std::string from = teamName(c.state, m->teamId), name = m->name;
        write(c, "member", member,
              "UPDATE member SET team_id = " + std::to_string(team.value) + " WHERE id = " + std::to_string(member.value));
        rows.insert({"member", member});
        for (const auto& [id, n] : c.state.notes) // their work elsewhere is checked again
            if (n.authorId == member) rows.insert({"note", id});
        for (const auto& [id, v] : c.state.votes)
            if (v.memberId == member) rows.insert({"vote", id});
        add(c, "member", member, ConflictKind::Repaired,
            trf("Le membre « {} » est resté dans l'équipe « {} » : il y avait écrit ou voté sur une copie pendant qu'une autre le "
                "mettait dans l'équipe « {} ».",
                "The member \"{}\" stayed in team \"{}\": they had written or voted there on one copy while another moved them to "
                "team \"{}\".",
                name, teamName(c.state, team), from));
        return true;
    }

    // A note chosen as the piste retenue on one copy, a regroupement on another: the
    // regroupement stays chosen (it holds notes), the note is named.
    static bool oneSelection(Context& c, Id teamId) {
        const Team* t = c.state.find<Team>(teamId);
        if (!t || !t->selectedNoteId || !t->selectedClusterId) return false;
        const Note* n = c.state.find<Note>(t->selectedNoteId);
        const Cluster* cl = c.state.find<Cluster>(t->selectedClusterId);
        std::string team = t->name, note = n ? n->text : std::string(), cluster = cl ? cl->title : std::string();
        write(c, "team", teamId, "UPDATE team SET selected_note_id = NULL WHERE id = " + std::to_string(teamId.value));
        add(c, "team", teamId, ConflictKind::Repaired,
            trf("L'équipe « {} » avait retenu sur deux copies le post-it « {} » et le regroupement « {} » : le regroupement reste "
                "la piste retenue.",
                "Team \"{}\" had chosen the note \"{}\" on one copy and the cluster \"{}\" on another: the cluster stays its "
                "chosen idea.",
                team, note, cluster));
        return true;
    }

    // A version whose first version was deleted on another copy: the earliest version left
    // heads the lineage (as a delete of the first version does on one copy).
    static bool reRoot(Context& c, Id prototypeId) {
        const Prototype* p = c.state.find<Prototype>(prototypeId);
        if (!p || p->lineageId == p->id || c.state.find<Prototype>(p->lineageId)) return false;
        Id lineage = p->lineageId;
        std::vector<const Prototype*> rest;
        for (const auto& [id, other] : c.state.prototypes)
            if (other.lineageId == lineage) rest.push_back(&other);
        std::sort(rest.begin(), rest.end(), [](const Prototype* x, const Prototype* y) {
            return std::tie(x->version, x->id) < std::tie(y->version, y->id);
        });
        Id head = rest.front()->id;
        std::string title = rest.front()->title;
        int version = rest.front()->version;
        std::vector<Id> ids;
        for (const Prototype* r : rest) ids.push_back(r->id);
        for (Id id : ids)
            write(c, "prototype", id,
                  "UPDATE prototype SET lineage_id = " + std::to_string(head.value) + " WHERE id = " + std::to_string(id.value));
        add(c, "prototype", head, ConflictKind::Repaired,
            trf("La première version du prototype « {} » avait été supprimée sur une copie pendant qu'une autre en faisait une "
                "nouvelle : la version {} est maintenant la première de la lignée.",
                "The first version of the prototype \"{}\" had been deleted on one copy while another made a new one: version {} "
                "now heads the lineage.",
                title, version));
        return true;
    }

    // Two members of one team with one name, should the rules ever forbid it (they do not yet:
    // the actions accept it, so the merge leaves such names as they are).
    static bool renameMembers(Context& c, Id memberId) {
        const Member* member = c.state.find<Member>(memberId);
        if (!member) return false;
        bool changed = false;
        for (Id team : {member->teamId}) {
            std::vector<const Member*> members;
            std::set<std::string> taken;
            for (const auto& [id, m] : c.state.members)
                if (m.teamId == team) {
                    members.push_back(&m);
                    taken.insert(m.name);
                }
            std::sort(members.begin(), members.end(), [](const Member* a, const Member* b) { return a->id < b->id; });
            std::map<std::string, int> seen;
            std::vector<std::pair<Id, std::pair<std::string, std::string>>> renames;
            for (const Member* m : members) {
                int n = ++seen[m->name];
                if (n == 1) continue;
                std::string renamed;
                for (int k = n;; ++k) {
                    renamed = m->name + " (" + std::to_string(k) + ")";
                    if (!taken.count(renamed)) break;
                }
                taken.insert(renamed);
                renames.push_back({m->id, {m->name, renamed}});
            }
            for (const auto& [id, names] : renames) {
                SQLite::Statement st(c.store.db(), "UPDATE member SET name = ? WHERE id = ?");
                st.bind(1, names.second);
                st.bind(2, id.value);
                st.exec();
                c.store.reloadRow("member", id, c.state);
                add(c, "member", id, ConflictKind::Repaired,
                    trf("Deux membres d'une équipe s'appelaient « {} » : le second s'appelle maintenant « {} ».",
                        "Two members of one team were called \"{}\": the second is now called \"{}\".", names.first, names.second));
                changed = true;
            }
        }
        return changed;
    }
};

} // namespace

JointRules& mergeJointRules() {
    static RulesJointRepairs rules;
    return rules;
}

} // namespace atelier
