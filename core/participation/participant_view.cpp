#include "participation/participant_view.hpp"
#include "participation/team_notes.hpp"
#include "participation/stand_codes.hpp"

#include "engine/engine.hpp"
#include "model/timer.hpp"

#include <algorithm>
#include <tuple>

namespace atelier::participation {

using nlohmann::json;

namespace {

json noteJson(const TeamRows::NoteRow& row) {
    const Note& note = row.note;
    return json{{"id", note.id.str()},         {"text", note.text},
                {"colour", note.colour},       {"author", note.authorId.str()},
                {"cluster", note.clusterId.str()}, {"hidden", note.hidden},
                {"open", row.open}};
}

json timerJson(const std::optional<TimedSession>& timer) {
    if (!timer) return nullptr;
    // Stored form, not a remaining time: the view stays the same while the countdown runs,
    // and the page counts down from the server's clock (`now` in every answer).
    return json{{"label", timer->label},
                {"state", codeOf(timer->state)},
                {"started_at", timer->startedAt},
                {"remaining_ms", timer->remainingMs}};
}

std::string dumpText(const json& value) { return value.dump(-1, ' ', false, json::error_handler_t::replace); }

// `notes`: the team's notes, in the board's order.
TeamRows copyTeamRows(const EventState& state, const Team& team, const std::vector<const Note*>& notes, const PrivateNotes& writtenInPrivate) {
    TeamRows rows;
    rows.team = team;
    if (const Challenge* c = team.challengeId ? state.find<Challenge>(team.challengeId) : nullptr) rows.challenge = *c;
    const TimedSession* timer = state.currentTimer(team.id);
    if (!timer) timer = state.currentTimer(Id{});
    if (timer) rows.timer = *timer;
    for (const Member* m : state.membersOfTeam(team.id)) rows.members.push_back(*m);
    rows.notes.reserve(notes.size());
    for (const Note* note : notes) rows.notes.push_back({*note, authorMayChange(*note, team, writtenInPrivate)});
    for (const Cluster* c : state.clustersOfTeam(team.id)) rows.clusters.push_back(*c);
    const VoteRound* round = state.currentVoteRound(team.id);
    if (round && round->mode == VoteMode::Members) {
        rows.round = *round;
        std::unordered_map<Id, bool> targets; // voted id -> is a note
        for (const auto& [id, vote] : state.votes) {
            if (vote.roundId != round->id) continue;
            rows.votes.push_back(vote);
            if (round->revealed) targets.emplace(vote.noteId ? vote.noteId : vote.clusterId, true);
        }
        for (const auto& [target, unused] : targets)
            rows.totals.emplace_back(target, state.votesFor(round->id, state.find<Note>(target) ? target : Id{},
                                                            state.find<Cluster>(target) ? target : Id{}));
    }
    return rows;
}

std::shared_ptr<TeamView> makeTeamView(const TeamRows& rows) {
    auto made = std::make_shared<TeamView>();
    TeamView& view = *made;
    const Team& team = rows.team;
    json shared;
    shared["team"] = {{"id", team.id.str()}, {"name", team.name}, {"colour", team.colour}};
    shared["phase"] = codeOf(team.phase);
    shared["private_writing"] = team.privateWriting;
    shared["challenge"] = rows.challenge ? json{{"number", rows.challenge->number}, {"question", rows.challenge->question}} : json(nullptr);
    shared["timer"] = timerJson(rows.timer);
    json members = json::array();
    for (const Member& m : rows.members) members.push_back({{"id", m.id.str()}, {"name", m.name}});
    shared["members"] = members;

    json notes = json::array();
    int hiddenOthers = 0;
    for (const TeamRows::NoteRow& row : rows.notes) {
        if (row.note.hidden) {
            // A hidden note goes to its author's part only; the others learn that it exists.
            ++hiddenOthers;
            if (row.note.authorId) view.perMember[row.note.authorId]["notes"].push_back(noteJson(row));
            continue;
        }
        notes.push_back(noteJson(row));
    }
    shared["notes"] = notes;
    shared["hidden_notes"] = hiddenOthers;
    json clusters = json::array();
    for (const Cluster& c : rows.clusters) clusters.push_back({{"id", c.id.str()}, {"title", c.title}});
    shared["clusters"] = clusters;

    if (const auto& round = rows.round) {
        json r{{"id", round->id.str()}, {"budget", round->budget}, {"cap", round->cap ? json(*round->cap) : json(nullptr)},
               {"closed", round->closed}, {"revealed", round->revealed}};
        if (round->revealed) {
            json totals = json::object();
            for (const auto& [target, total] : rows.totals) totals[target.str()] = total;
            r["totals"] = totals;
        }
        shared["vote"] = r;
        for (const Vote& vote : rows.votes)
            if (vote.memberId) view.perMember[vote.memberId]["dots"][(vote.noteId ? vote.noteId : vote.clusterId).str()] = vote.count;
    } else {
        shared["vote"] = nullptr;
    }
    view.shared = std::move(shared);
    return made;
}

} // namespace

void TeamView::makeText() const {
    std::call_once(m_textOnce, [this] {
        json other = json::object();
        for (const auto& [key, value] : shared.items())
            if (key != "notes" && key != "members" && key != "hidden_notes") other[key] = value; // those three: per device
        std::string text = dumpText(other);
        m_otherText = text.size() > 2 ? text.substr(1, text.size() - 2) : std::string();
        m_notesText = shared.contains("notes") ? dumpText(shared["notes"]) : "[]";
    });
}

const std::string& TeamView::notesText() const {
    makeText();
    return m_notesText;
}

const std::string& TeamView::otherText() const {
    makeText();
    return m_otherText;
}

bool authorMayChange(const Note& note, const Team& team, const PrivateNotes& writtenInPrivate) {
    if (note.hidden) return true;
    return !writtenInPrivate.count(note.id) && !team.privateWriting && note.phase == team.phase;
}

SnapshotRows copyRows(const EventState& state, const PrivateNotes& writtenInPrivate, const std::unordered_set<Id>* changedTeams,
                      const std::unordered_set<Id>* knownTeams, Id servedTeam, const TeamNotes* teamNotes) {
    SnapshotRows rows;
    rows.revision = state.revision;
    rows.eventName = state.event.name;
    auto teams = state.teamsInOrder();
    if (servedTeam) // a team laptop's copy: its own team only
        std::erase_if(teams, [&](const Team* t) { return t->id != servedTeam; });
    std::unordered_map<Id, std::vector<const Note*>> notes; // of the teams copied, in one pass over the notes
    for (const Team* team : teams)
        if (!changedTeams || changedTeams->count(team->id) || (knownTeams && !knownTeams->count(team->id))) notes[team->id];
    if (teamNotes)
        for (auto& [team, list] : notes) list = teamNotes->of(team);
    else
        for (const auto& [id, note] : state.notes)
            if (auto it = notes.find(note.teamId); it != notes.end()) it->second.push_back(&note);
    for (auto& [team, list] : notes)
        std::sort(list.begin(), list.end(), [](const Note* a, const Note* b) { // EventState::notesOfTeam's order
            return std::tie(a->z, a->createdAt, a->id) < std::tie(b->z, b->createdAt, b->id);
        });
    for (const Team* team : teams) {
        const Challenge* challenge = team->challengeId ? state.find<Challenge>(team->challengeId) : nullptr;
        rows.teams.push_back({team->id, team->name, team->colour, challenge ? std::optional(challenge->question) : std::nullopt});
        if (auto it = notes.find(team->id); it != notes.end()) rows.changed.emplace(team->id, copyTeamRows(state, *team, it->second, writtenInPrivate));
    }
    for (const auto& [id, prototype] : state.prototypes) {
        std::string code = standCode(state.event, prototype.lineageId);
        auto [it, fresh] = rows.stands.try_emplace(code);
        const Prototype* current = state.find<Prototype>(it->second.prototype);
        if (fresh || !current || prototype.version > current->version) {
            const Team* team = state.find<Team>(prototype.teamId);
            it->second = StandView{prototype.id, prototype.title, team ? team->name : std::string()};
        }
    }
    return rows;
}

std::shared_ptr<const ParticipantSnapshot> buildSnapshot(const SnapshotRows& rows, const ParticipantSnapshot* previous) {
    auto snapshot = std::make_shared<ParticipantSnapshot>();
    snapshot->revision = rows.revision;
    json teams = json::array();
    for (const SnapshotRows::TeamEntry& entry : rows.teams) {
        teams.push_back({{"id", entry.id.str()}, {"name", entry.name}, {"colour", entry.colour},
                         {"challenge", entry.question ? json(*entry.question) : json(nullptr)}});
        const TeamView* old = nullptr;
        if (previous) {
            auto kept = previous->teams.find(entry.id);
            if (kept != previous->teams.end()) old = kept->second.get();
        }
        auto changed = rows.changed.find(entry.id);
        if (changed == rows.changed.end()) {
            if (old) snapshot->teams.emplace(entry.id, previous->teams.at(entry.id));
            continue; // neither changed nor known before: nothing to show (copyRows copies every team without a change set)
        }
        auto view = makeTeamView(changed->second);
        view->revision = rows.revision;
        if (old && old->shared == view->shared && old->perMember == view->perMember) {
            snapshot->teams.emplace(entry.id, previous->teams.at(entry.id)); // unchanged: the same view, its text already made
            continue;
        }
        snapshot->teams.emplace(entry.id, std::move(view));
    }
    snapshot->event = {{"name", rows.eventName}, {"teams", teams}};
    snapshot->stands = rows.stands;
    return snapshot;
}

std::shared_ptr<const ParticipantSnapshot> makeSnapshot(const EventState& state, const ParticipantSnapshot* previous,
                                                        const PrivateNotes& writtenInPrivate,
                                                        const std::unordered_set<Id>* changedTeams, Id servedTeam) {
    // Without a previous snapshot every team is made, whatever the change set says; with one,
    // also the teams it does not have.
    std::unordered_set<Id> known;
    if (previous)
        for (const auto& [id, view] : previous->teams) known.insert(id);
    return buildSnapshot(copyRows(state, writtenInPrivate, previous ? changedTeams : nullptr, previous ? &known : nullptr, servedTeam), previous);
}

std::string teamViewText(const ParticipantSnapshot& snapshot, Id team, Id member, std::uint64_t since, Millis now,
                         const std::vector<Id>& held, const std::string& eventName) {
    auto it = snapshot.teams.find(team);
    if (it == snapshot.teams.end()) return dumpText(json{{"team_gone", true}, {"now", now}, {"ok", true}, {"event", eventName}});
    const TeamView& view = *it->second;
    if (since != 0 && since == view.revision)
        return dumpText(json{{"unchanged", true}, {"revision", view.revision}, {"now", now}, {"ok", true}, {"event", eventName}});
    // The device's own small part; the board's notes come from the team's text.
    json mine = json::object();
    json members = view.shared.contains("members") ? view.shared["members"] : json::array();
    for (auto& m : members) {
        Id id = Id::parse(m["id"].get<std::string>()).value_or(Id{});
        m["held"] = std::find(held.begin(), held.end(), id) != held.end();
    }
    mine["members"] = std::move(members);
    const json* own = nullptr;
    if (member) {
        auto found = view.perMember.find(member);
        if (found != view.perMember.end()) own = &found->second;
    }
    std::string notes = view.notesText();
    std::int64_t ownHidden = 0;
    if (own && own->contains("notes") && !(*own)["notes"].empty()) {
        std::string ownNotes = dumpText((*own)["notes"]);
        notes = notes == "[]" ? ownNotes : notes.substr(0, notes.size() - 1) + "," + ownNotes.substr(1);
        ownHidden = static_cast<std::int64_t>((*own)["notes"].size());
    }
    // The count tells of the others' hidden notes: one's own are shown.
    mine["hidden_notes"] = std::max<std::int64_t>(0, view.shared.value("hidden_notes", std::int64_t{0}) - ownHidden);
    mine["my_dots"] = own && own->contains("dots") ? (*own)["dots"] : json::object();
    mine["member"] = member ? json(member.str()) : json(nullptr);
    mine["revision"] = view.revision;
    mine["now"] = now;
    mine["ok"] = true;
    mine["event"] = eventName;
    std::string small = dumpText(mine);
    const std::string& other = view.otherText();
    return "{" + other + (other.empty() ? "" : ",") + "\"notes\":" + notes + "," + small.substr(1);
}

json teamViewFor(const ParticipantSnapshot& snapshot, Id team, Id member, std::uint64_t since, Millis now,
                 const std::vector<Id>& held) {
    return json::parse(teamViewText(snapshot, team, member, since, now, held, ""));
}

} // namespace atelier::participation
