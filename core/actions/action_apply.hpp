#pragma once
// The rules of each action (validation and rows written) and its description in words.
// Implemented per domain: apply_programme.cpp, apply_teams.cpp, apply_board.cpp,
// apply_votes.cpp, apply_prototypes.cpp, apply_timers.cpp, apply_photos.cpp.
#include "actions/action_context.hpp"
#include "actions/actions.hpp"
#include "rules/row_rules.hpp"

namespace atelier {

void runAction(const Action& action, ActionContext& context);
std::string describeAction(const Action& action, const EventState& state);
void validateEventInfo(const EventInfo& event);

// Per-action entry points, one overload per action type.
#define ATELIER_DECLARE(T)                                                                                             \
    void run(const T&, ActionContext&);                                                                                \
    std::string describe(const T&, const EventState&);
ATELIER_DECLARE(EditEvent) ATELIER_DECLARE(AddSlot) ATELIER_DECLARE(EditSlot) ATELIER_DECLARE(DeleteSlot)
ATELIER_DECLARE(AddChallenge) ATELIER_DECLARE(EditChallenge) ATELIER_DECLARE(DeleteChallenge)
ATELIER_DECLARE(AddTeam) ATELIER_DECLARE(EditTeam) ATELIER_DECLARE(DeleteTeam) ATELIER_DECLARE(AddMember)
ATELIER_DECLARE(EditMember) ATELIER_DECLARE(DeleteMember) ATELIER_DECLARE(SetPhase)
ATELIER_DECLARE(AddNote) ATELIER_DECLARE(EditNote) ATELIER_DECLARE(MoveNotes) ATELIER_DECLARE(RecolourNotes)
ATELIER_DECLARE(DeleteNotes) ATELIER_DECLARE(AddCluster) ATELIER_DECLARE(EditCluster) ATELIER_DECLARE(MoveCluster)
ATELIER_DECLARE(DissolveCluster) ATELIER_DECLARE(SetPrivateWriting) ATELIER_DECLARE(RevealNotes)
ATELIER_DECLARE(OpenVoteRound) ATELIER_DECLARE(CastVote) ATELIER_DECLARE(WithdrawVote) ATELIER_DECLARE(SetTally)
ATELIER_DECLARE(RevealVotes) ATELIER_DECLARE(CloseVoteRound) ATELIER_DECLARE(SelectIdea)
ATELIER_DECLARE(AddPrototype) ATELIER_DECLARE(EditPrototype) ATELIER_DECLARE(AddPrototypeVersion)
ATELIER_DECLARE(DeletePrototype) ATELIER_DECLARE(AddFeedback)
ATELIER_DECLARE(StartTimer) ATELIER_DECLARE(PauseTimer) ATELIER_DECLARE(ResumeTimer) ATELIER_DECLARE(ExtendTimer) ATELIER_DECLARE(ShortenTimer)
ATELIER_DECLARE(ResetTimer) ATELIER_DECLARE(FinishTimer) ATELIER_DECLARE(RestoreTimer)
ATELIER_DECLARE(AddPhoto) ATELIER_DECLARE(DeletePhoto)
#undef ATELIER_DECLARE

} // namespace atelier
