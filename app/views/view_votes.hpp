#pragma once
// Vote: the dot-voting round of one team (sélectionner). Open a round with a budget, a cap and
// a mode; follow who has voted; type paper-dot counts in tally mode; reveal; read the ranking
// and mark the piste retenue; show the results on the projector.
#include "views/view.hpp"

#include <unordered_map>

namespace atelier {

class VotesView final : public View {
public:
    VotesView() : View(ViewId::Votes, Str::ViewVotes) {}

private:
    void drawContent(ViewContext& ctx) override;
    void drawOpenRound(ViewContext& ctx, const Team& team);
    void drawRound(ViewContext& ctx, const Team& team, const VoteRound& round);
    void drawTally(ViewContext& ctx, const Team& team, const VoteRound& round);
    void drawRanking(ViewContext& ctx, const Team& team, const VoteRound& round);

    int m_budget = 3;
    bool m_capOn = false;
    int m_cap = 2;
    int m_mode = 0; // VoteMode
    std::unordered_map<Id, int> m_tallyEdits; // counts being typed, by note or cluster
};

} // namespace atelier
