#include "participation/participant_view.hpp"
#include "participation/stand_codes.hpp"

#include "engine/engine.hpp"
#include "model/timer.hpp"

#include <algorithm>

namespace atelier::participation {

using nlohmann::json;

namespace {

json noteJson(const Note& note, const Team& team, const PrivateNotes& writtenInPrivate) {
    return json{{"id", note.id.str()},         {"text", note.text},
                {"colour", note.colour},       {"author", note.authorId.str()},
                {"cluster", note.clusterId.str()}, {"hidden", note.hidden},
                {"open", authorMayChange(note, team, writtenInPrivate)}};
}

json timerJson(const TimedSession* timer) {
    if (!timer) return nullptr;
    // Stored form, not a remaining time: the view stays the same while the countdown runs,
    // and the page counts down from the server's clock (`now` in every answer).
    return json{{"label", timer->label},
                {"state", codeOf(timer->state)},
                {"started_at", timer->startedAt},
                {"remaining_ms", timer->remainingMs}};
}

std::string dumpText(const json& value) { return value.dump(-1, ' ', false, json::error_handler_t::replace); }

std::shared_ptr<TeamView> makeTeamView(const EventState& state, const Team& team, const PrivateNotes& writtenInPrivate) {
    auto made = std::make_shared<TeamView>();
    TeamView& view = *made;
    json shared;
    shared["team"] = {{"id", team.id.str()}, {"name", team.name}, {"colour", team.colour}};
    shared["phase"] = codeOf(team.phase);
    shared["private_writing"] = team.privateWriting;
    const Challenge* challenge = team.challengeId ? state.find<Challenge>(team.challengeId) : nullptr;
    shared["challenge"] = challenge ? json{{"number", challenge->number}, {"question", challenge->question}} : json(nullptr);
    const TimedSession* timer = state.currentTimer(team.id);
    if (!timer) timer = state.currentTimer(Id{});
    shared["timer"] = timerJson(timer);
    json members = json::array();
    for (const Member* m : state.membersOfTeam(team.id)) members.push_back({{"id", m->id.str()}, {"name", m->name}});
    shared["members"] = members;

    json notes = json::array();
    int hiddenOthers = 0;
    for (const Note* note : state.notesOfTeam(team.id)) {
        if (note->hidden) {
            // A hidden note goes to its author's part only; the others learn that it exists.
            ++hiddenOthers;
            if (note->authorId) view.perMember[note->authorId]["notes"].push_back(noteJson(*note, team, writtenInPrivate));
            continue;
        }
        notes.push_back(noteJson(*note, team, writtenInPrivate));
    }
    shared["notes"] = notes;
    shared["hidden_notes"] = hiddenOthers;
    json clusters = json::array();
    for (const Cluster* c : state.clustersOfTeam(team.id)) clusters.push_back({{"id", c->id.str()}, {"title", c->title}});
    shared["clusters"] = clusters;

    const VoteRound* round = state.currentVoteRound(team.id);
    if (round && round->mode == VoteMode::Members) {
        json r{{"id", round->id.str()}, {"budget", round->budget}, {"cap", round->cap ? json(*round->cap) : json(nullptr)},
               {"closed", round->closed}, {"revealed", round->revealed}};
        if (round->revealed) {
            json totals = json::object();
            for (const auto& [id, vote] : state.votes)
                if (vote.roundId == round->id) totals[(vote.noteId ? vote.noteId : vote.clusterId).str()] = 0;
            for (auto& [target, total] : totals.items()) {
                Id targetId = Id::parse(target).value_or(Id{});
                total = state.votesFor(round->id, state.find<Note>(targetId) ? targetId : Id{},
                                       state.find<Cluster>(targetId) ? targetId : Id{});
            }
            r["totals"] = totals;
        }
        shared["vote"] = r;
        for (const auto& [id, vote] : state.votes)
            if (vote.roundId == round->id && vote.memberId)
                view.perMember[vote.memberId]["dots"][(vote.noteId ? vote.noteId : vote.clusterId).str()] = vote.count;
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

std::shared_ptr<const ParticipantSnapshot> makeSnapshot(const EventState& state, const ParticipantSnapshot* previous,
                                                        const PrivateNotes& writtenInPrivate,
                                                        const std::unordered_set<Id>* changedTeams, Id servedTeam) {
    auto snapshot = std::make_shared<ParticipantSnapshot>();
    snapshot->revision = state.revision;
    json teams = json::array();
    for (const Team* team : state.teamsInOrder()) {
        if (servedTeam && team->id != servedTeam) continue;
        const Challenge* challenge = team->challengeId ? state.find<Challenge>(team->challengeId) : nullptr;
        teams.push_back({{"id", team->id.str()}, {"name", team->name}, {"colour", team->colour},
                         {"challenge", challenge ? json(challenge->question) : json(nullptr)}});
        if (previous && changedTeams && !changedTeams->count(team->id)) {
            auto kept = previous->teams.find(team->id);
            if (kept != previous->teams.end()) {
                snapshot->teams.emplace(team->id, kept->second);
                continue;
            }
        }
        auto view = makeTeamView(state, *team, writtenInPrivate);
        view->revision = state.revision;
        if (previous) {
            auto old = previous->teams.find(team->id);
            if (old != previous->teams.end() && old->second->shared == view->shared && old->second->perMember == view->perMember) {
                snapshot->teams.emplace(team->id, old->second); // unchanged: the same view, its text already made
                continue;
            }
        }
        snapshot->teams.emplace(team->id, std::move(view));
    }
    snapshot->event = {{"name", state.event.name}, {"teams", teams}};
    for (const auto& [id, prototype] : state.prototypes) {
        std::string code = standCode(state.event, prototype.lineageId);
        auto [it, fresh] = snapshot->stands.try_emplace(code);
        const Prototype* current = state.find<Prototype>(it->second.prototype);
        if (fresh || !current || prototype.version > current->version) {
            const Team* team = state.find<Team>(prototype.teamId);
            it->second = StandView{prototype.id, prototype.title, team ? team->name : std::string()};
        }
    }
    return snapshot;
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

std::optional<std::unordered_set<Id>> teamsChangedSince(const Engine& engine, std::uint64_t since) {
    const EventState& state = engine.state();
    std::unordered_set<Id> teams;
    bool tied = true;
    auto teamOf = [&](const auto* row) {
        if (row) teams.insert(row->teamId);
        else tied = false; // deleted: its team is no longer known
    };
    bool known = engine.changedRowsSince(since, [&](const std::string& table, Id id) {
        if (!tied) return;
        if (table == "note") teamOf(state.find<Note>(id));
        else if (table == "cluster") teamOf(state.find<Cluster>(id));
        else if (table == "member") teamOf(state.find<Member>(id));
        else if (table == "vote_round") teamOf(state.find<VoteRound>(id));
        else if (table == "team") teams.insert(id);
        else if (table == "vote") {
            const Vote* vote = state.find<Vote>(id);
            teamOf(vote ? state.find<VoteRound>(vote->roundId) : nullptr);
        } else tied = false;
    });
    if (!known || !tied) return std::nullopt;
    return teams;
}

} // namespace atelier::participation
