// Dot voting and the selected idea (piste retenue).
//
// Rules: a member spends at most the round's budget; with a cap, a member puts at most `cap`
// dots on one note or cluster. Votes on a note follow it between clusters (they reference the
// note). Deleting a voted note or dissolving a voted cluster deletes those votes, which gives
// the dots back to their members; undo restores them.
#include "actions/action_apply.hpp"

namespace atelier {

namespace {

struct Target {
    Id note;
    Id cluster;
};

const VoteRound& requireOpenRound(const ActionContext& ctx, Id roundId) {
    const VoteRound& round = ctx.require<VoteRound>(roundId, "Tour de vote", "Vote round");
    if (round.closed)
        throw ValidationError(tr("Ce tour de vote est clos : ouvrez un nouveau tour pour voter encore.",
                                 "This vote round is closed: open a new round to vote again."));
    return round;
}

// The note or cluster voted on: exactly one, on the round's board.
Target requireTarget(const ActionContext& ctx, const VoteRound& round, Id note, Id cluster) {
    if (bool(note) == bool(cluster))
        throw ValidationError(tr("Votez pour un post-it ou pour un regroupement (l'un des deux).",
                                 "Vote for a note or for a cluster (one of the two)."));
    Id teamId = note ? ctx.require<Note>(note, "Post-it", "Note").teamId
                     : ctx.require<Cluster>(cluster, "Regroupement", "Cluster").teamId;
    if (teamId != round.teamId)
        throw ValidationError(tr("Ce post-it est sur le mur d'une autre équipe que ce vote.",
                                 "This note is on another team's board than this vote."));
    return {note, cluster};
}

const Vote* findVote(const EventState& state, Id roundId, Id memberId, Target target) {
    for (const auto& [id, vote] : state.votes)
        if (vote.roundId == roundId && vote.memberId == memberId && vote.noteId == target.note &&
            vote.clusterId == target.cluster)
            return &vote;
    return nullptr;
}

const Member& requireVoter(const ActionContext& ctx, const VoteRound& round, Id memberId) {
    if (round.mode != VoteMode::Members)
        throw ValidationError(tr("Ce tour est en mode décompte : saisissez le nombre de gommettes avec set_tally.",
                                 "This round is in tally mode: type the number of dots with set_tally."));
    const Member& member = ctx.require<Member>(memberId, "Membre", "Member");
    if (member.teamId != round.teamId)
        throw ValidationError(trf("{} n'est pas membre de l'équipe qui vote.", "{} is not a member of the voting team.", member.name));
    return member;
}

std::string dots(int n) { return n == 1 ? std::string(tr("1 gommette", "1 dot")) : trf("{} gommettes", "{} dots", n); }

} // namespace

void run(const OpenVoteRound& a, ActionContext& ctx) {
    const Team& team = ctx.require<Team>(a.team, "Équipe", "Team");
    VoteRound opened{Id{}, team.id, a.budget, a.cap, a.mode, false, false, ctx.now()};
    rules::enforce(rules::checkRow(opened, ctx.state()));
    for (const auto& [id, round] : ctx.state().voteRounds)
        if (round.teamId == team.id && !round.closed) {
            VoteRound closed = round; // one open round per team: the new one replaces it
            closed.closed = true;
            ctx.put(closed);
        }
    opened.id = ctx.newRowId<VoteRound>(a.id);
    ctx.put(opened);
}
std::string describe(const OpenVoteRound& a, const EventState&) {
    return trf("Ouvrir un vote ({} par personne)", "Open a vote ({} each)", dots(a.budget));
}

void run(const CastVote& a, ActionContext& ctx) {
    const VoteRound& round = requireOpenRound(ctx, a.round);
    const Member& member = requireVoter(ctx, round, a.member);
    Target target = requireTarget(ctx, round, a.note, a.cluster);
    check::range(a.count, "count", 1, kMaxDots);
    int used = ctx.state().votesUsedBy(round.id, member.id);
    if (used + a.count > round.budget)
        throw ValidationError(trf("{} a déjà posé {} sur {} : plus assez de gommettes pour en poser {}.",
                                  "{} has already used {} of {}: not enough dots left to add {}.", member.name, dots(used),
                                  round.budget, a.count));
    const Vote* existing = findVote(ctx.state(), round.id, member.id, target);
    int onTarget = existing ? existing->count : 0;
    if (round.cap && onTarget + a.count > *round.cap)
        throw ValidationError(trf("{} a déjà {} sur cette idée : au plus {} par idée.", "{} already has {} on this idea: at most {} per idea.",
                                  member.name, dots(onTarget), *round.cap));
    Vote vote = existing ? *existing : Vote{newId(), round.id, member.id, target.note, target.cluster, 0};
    vote.count += a.count;
    rules::enforce(rules::checkRow(vote, ctx.state()));
    ctx.put(vote);
}
std::string describe(const CastVote& a, const EventState& s) {
    const Member* m = s.find<Member>(a.member);
    return trf("Vote de {} ({})", "Vote by {} ({})", m ? m->name : a.member.str(), dots(a.count));
}

void run(const WithdrawVote& a, ActionContext& ctx) {
    const VoteRound& round = requireOpenRound(ctx, a.round);
    const Member& member = requireVoter(ctx, round, a.member);
    Target target = requireTarget(ctx, round, a.note, a.cluster);
    check::range(a.count, "count", 1, kMaxDots);
    const Vote* existing = findVote(ctx.state(), round.id, member.id, target);
    int onTarget = existing ? existing->count : 0;
    if (a.count > onTarget)
        throw ValidationError(trf("{} n'a que {} sur cette idée.", "{} has only {} on this idea.", member.name, dots(onTarget)));
    Vote vote = *existing;
    vote.count -= a.count;
    if (vote.count == 0) ctx.erase<Vote>(vote.id);
    else ctx.put(vote);
}
std::string describe(const WithdrawVote& a, const EventState& s) {
    const Member* m = s.find<Member>(a.member);
    return trf("Retirer {} de {}", "Take back {} from {}", dots(a.count), m ? m->name : a.member.str());
}

void run(const SetTally& a, ActionContext& ctx) {
    const VoteRound& round = requireOpenRound(ctx, a.round);
    if (round.mode != VoteMode::Tally)
        throw ValidationError(tr("Ce tour est en mode vote des membres : chaque membre vote avec cast_vote.",
                                 "This round is in members mode: each member votes with cast_vote."));
    Target target = requireTarget(ctx, round, a.note, a.cluster);
    check::range(a.count, "count", 0, kMaxDots);
    const Vote* existing = findVote(ctx.state(), round.id, Id{}, target);
    if (a.count == 0) {
        if (existing) ctx.erase<Vote>(existing->id);
        return;
    }
    Vote vote = existing ? *existing : Vote{newId(), round.id, Id{}, target.note, target.cluster, 0};
    vote.count = a.count;
    rules::enforce(rules::checkRow(vote, ctx.state()));
    ctx.put(vote);
}
std::string describe(const SetTally& a, const EventState&) {
    return trf("Compter {}", "Count {}", dots(a.count));
}

void run(const RevealVotes& a, ActionContext& ctx) {
    VoteRound round = ctx.require<VoteRound>(a.round, "Tour de vote", "Vote round");
    round.revealed = a.revealed;
    ctx.put(round);
}
std::string describe(const RevealVotes& a, const EventState&) {
    return a.revealed ? std::string(tr("Dévoiler les votes", "Reveal the votes")) : std::string(tr("Masquer les votes", "Hide the votes"));
}

void run(const CloseVoteRound& a, ActionContext& ctx) {
    VoteRound round = ctx.require<VoteRound>(a.round, "Tour de vote", "Vote round");
    round.closed = true;
    ctx.put(round);
}
std::string describe(const CloseVoteRound&, const EventState&) { return std::string(tr("Clore le vote", "Close the vote")); }

void run(const SelectIdea& a, ActionContext& ctx) {
    Team team = ctx.require<Team>(a.team, "Équipe", "Team");
    if (a.note && a.cluster)
        throw ValidationError(tr("Retenez un post-it ou un regroupement, pas les deux.", "Select a note or a cluster, not both."));
    if (a.note && ctx.require<Note>(a.note, "Post-it", "Note").teamId != team.id)
        throw ValidationError(tr("Ce post-it est sur le mur d'une autre équipe.", "This note is on another team's board."));
    if (a.cluster && ctx.require<Cluster>(a.cluster, "Regroupement", "Cluster").teamId != team.id)
        throw ValidationError(tr("Ce regroupement est sur le mur d'une autre équipe.", "This cluster is on another team's board."));
    team.selectedNoteId = a.note;
    team.selectedClusterId = a.cluster;
    team.selectedAt = (a.note || a.cluster) ? ctx.now() : 0;
    ctx.put(team);
}
std::string describe(const SelectIdea& a, const EventState&) {
    return (a.note || a.cluster) ? std::string(tr("Choisir la piste retenue", "Select the idea"))
                                 : std::string(tr("Annuler la piste retenue", "Clear the selected idea"));
}

} // namespace atelier
