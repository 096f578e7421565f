#include "storage/state.hpp"

#include <algorithm>
#include <tuple>

namespace atelier {

namespace {

template <typename T, typename Pred, typename Less>
std::vector<const T*> collect(const Rows<T>& rows, Pred keep, Less less) {
    std::vector<const T*> out;
    for (const auto& [id, row] : rows)
        if (keep(row)) out.push_back(&row);
    std::sort(out.begin(), out.end(), [&](const T* a, const T* b) {
        if (less(*a, *b)) return true;
        if (less(*b, *a)) return false;
        return a->id < b->id; // total order: ties never depend on hashing
    });
    return out;
}

constexpr auto all = [](const auto&) { return true; };

} // namespace

std::vector<const EventInfo*> EventState::sitesInOrder() const {
    return collect(sites, all, [](const EventInfo& a, const EventInfo& b) { return a.name < b.name; });
}

const EventInfo* EventState::site(Id siteId) const {
    auto it = sites.find(siteId);
    return it == sites.end() ? nullptr : &it->second;
}

const std::string& EventState::siteName(Id siteId) const {
    const EventInfo* s = site(siteId);
    return s ? s->name : event.name;
}

namespace {
// The file's own rows first, then each site's, sites by name.
std::tuple<bool, std::string, Id> siteKey(const EventState& state, Id siteId) {
    if (!siteId) return {false, {}, Id{}};
    return {true, state.siteName(siteId), siteId};
}
} // namespace

std::vector<const Slot*> EventState::slotsInOrder() const {
    return collect(slots, all, [this](const Slot& a, const Slot& b) {
        return std::tuple_cat(siteKey(*this, a.siteId), std::tie(a.day, a.start, a.end, a.title)) <
               std::tuple_cat(siteKey(*this, b.siteId), std::tie(b.day, b.start, b.end, b.title));
    });
}

std::vector<const Challenge*> EventState::challengesInOrder() const {
    if (sites.empty())
        return collect(challenges, all, [](const Challenge& a, const Challenge& b) { return a.number < b.number; });
    return collect(challenges, all, [this](const Challenge& a, const Challenge& b) {
        return std::tuple_cat(siteKey(*this, a.siteId), std::tie(a.number)) <
               std::tuple_cat(siteKey(*this, b.siteId), std::tie(b.number));
    });
}

std::vector<const Team*> EventState::teamsInOrder() const {
    auto numberOf = [this](const Team& t) {
        const Challenge* c = find<Challenge>(t.challengeId);
        return c ? c->number : 1 << 30;
    };
    if (sites.empty())
        return collect(teams, all, [&](const Team& a, const Team& b) {
            return std::make_tuple(numberOf(a), a.name) < std::make_tuple(numberOf(b), b.name);
        });
    return collect(teams, all, [&](const Team& a, const Team& b) {
        return std::tuple_cat(siteKey(*this, a.siteId), std::make_tuple(numberOf(a), a.name)) <
               std::tuple_cat(siteKey(*this, b.siteId), std::make_tuple(numberOf(b), b.name));
    });
}

std::vector<const Member*> EventState::membersOfTeam(Id teamId) const {
    return collect(
        members, [&](const Member& m) { return m.teamId == teamId; },
        [](const Member& a, const Member& b) { return std::tie(a.role, a.name) < std::tie(b.role, b.name); });
}

std::vector<const Note*> EventState::notesOfTeam(Id teamId) const {
    // collect()'s order (z, then creation, then id), sorted on keys copied out of the rows: a
    // comparison that reads two rows scattered in memory made sorting a 50,000-note board a
    // third of its layout (issue 17, the first frame).
    struct Keyed {
        std::int64_t z;
        Millis createdAt;
        Id id;
        const Note* note;
    };
    std::vector<Keyed> keyed;
    for (const auto& [id, n] : notes)
        if (n.teamId == teamId) keyed.push_back({n.z, n.createdAt, n.id, &n});
    std::sort(keyed.begin(), keyed.end(),
              [](const Keyed& a, const Keyed& b) { return std::tie(a.z, a.createdAt, a.id) < std::tie(b.z, b.createdAt, b.id); });
    std::vector<const Note*> out;
    out.reserve(keyed.size());
    for (const Keyed& k : keyed) out.push_back(k.note);
    return out;
}

std::vector<const Cluster*> EventState::clustersOfTeam(Id teamId) const {
    return collect(
        clusters, [&](const Cluster& c) { return c.teamId == teamId; },
        [](const Cluster& a, const Cluster& b) { return a.title < b.title; });
}

std::vector<const PhaseChange*> EventState::phaseHistory(Id teamId) const {
    return collect(
        phaseChanges, [&](const PhaseChange& p) { return p.teamId == teamId; },
        [](const PhaseChange& a, const PhaseChange& b) { return a.at < b.at; });
}

std::vector<const Prototype*> EventState::prototypesOfTeam(Id teamId) const {
    return collect(
        prototypes, [&](const Prototype& p) { return p.teamId == teamId; },
        [this](const Prototype& a, const Prototype& b) {
            const Prototype* rootA = find<Prototype>(a.lineageId);
            const Prototype* rootB = find<Prototype>(b.lineageId);
            Millis createdA = rootA ? rootA->createdAt : a.createdAt;
            Millis createdB = rootB ? rootB->createdAt : b.createdAt;
            return std::tie(createdA, a.lineageId, a.version) < std::tie(createdB, b.lineageId, b.version);
        });
}

std::vector<const Feedback*> EventState::feedbackOf(Id prototypeId) const {
    return collect(
        feedback, [&](const Feedback& f) { return f.prototypeId == prototypeId; },
        [](const Feedback& a, const Feedback& b) { return a.at < b.at; });
}

const Team* EventState::teamOfChallenge(Id challengeId) const {
    const Team* best = nullptr;
    for (const auto& [id, team] : teams)
        if (team.challengeId == challengeId && (!best || team.name < best->name)) best = &team;
    return best;
}

const Team* EventState::teamByReference(const std::string& reference) const {
    if (auto id = Id::parse(reference)) {
        if (const Team* t = find<Team>(*id)) return t;
        for (const Team* t : teamsInOrder()) {
            const Challenge* c = find<Challenge>(t->challengeId);
            if (c && c->number == id->value) return t;
        }
    }
    for (const auto& [id, team] : teams)
        if (team.name == reference) return &team;
    return nullptr;
}

const VoteRound* EventState::currentVoteRound(Id teamId) const {
    const VoteRound* best = nullptr;
    for (const auto& [id, round] : voteRounds)
        if (round.teamId == teamId &&
            (!best || std::tie(round.openedAt, round.id) > std::tie(best->openedAt, best->id)))
            best = &round;
    return best;
}

const TimedSession* EventState::currentTimer(Id teamId) const {
    const TimedSession* best = nullptr;
    for (const auto& [id, timer] : timedSessions)
        if (timer.teamId == teamId && (teamId || !timer.siteId) && // all-teams timers of other sites ran there
            (!best || std::tie(timer.createdAt, timer.id) > std::tie(best->createdAt, best->id)))
            best = &timer;
    return best;
}

int EventState::votesFor(Id roundId, Id noteId, Id clusterId) const {
    int total = 0;
    for (const auto& [id, vote] : votes)
        if (vote.roundId == roundId && vote.noteId == noteId && vote.clusterId == clusterId) total += vote.count;
    return total;
}

int EventState::votesUsedBy(Id roundId, Id memberId) const {
    int total = 0;
    for (const auto& [id, vote] : votes)
        if (vote.roundId == roundId && vote.memberId == memberId) total += vote.count;
    return total;
}

} // namespace atelier
