#include "engine/changed_teams.hpp"

namespace atelier {

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

} // namespace atelier
