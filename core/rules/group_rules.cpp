#include "rules/group_rules.hpp"

#include "model/language.hpp"

#include <algorithm>

namespace atelier::rules {

Offences checkOpenRoundsOfTeam(Id team, const EventState& state) {
    Offences out;
    bool first = true;
    for (const auto& [id, r] : state.voteRounds) {
        if (r.teamId != team || r.closed) continue;
        if (first) {
            first = false;
            continue;
        }
        out.push_back({"vote_round", id, "closed",
                       std::string(tr("Une équipe a au plus un tour de vote ouvert.", "A team has at most one open vote round."))});
    }
    return out;
}

Offences checkDotsOfMember(Id round, Id member, const EventState& state) {
    Offences out;
    const VoteRound* r = state.find<VoteRound>(round);
    if (!r || !member) return out;
    long long dots = 0;
    Id lastVote;
    for (const auto& [id, v] : state.votes)
        if (v.roundId == round && v.memberId == member) {
            dots += v.count;
            lastVote = std::max(lastVote, id);
        }
    if (dots > r->budget)
        out.push_back({"vote", lastVote, "count",
                       trf("le membre {} a posé {} gommettes dans le tour {}, au plus {} par personne.",
                           "member {} has used {} dots in round {}, at most {} each.", member.str(), dots, round.str(), r->budget)});
    return out;
}

} // namespace atelier::rules
