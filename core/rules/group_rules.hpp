#pragma once
// The rules across rows of rules::checkState, for one group at a time: a merge that changed a
// few rows checks only the groups those rows are in, instead of the whole event after every
// replayed change. Same rules, same messages as checkState (row_rules.cpp).
#include "rules/row_rules.hpp"

namespace atelier::rules {

// A team has at most one open vote round: one offence per open round beyond the first.
Offences checkOpenRoundsOfTeam(Id team, const EventState& state);

// A member's dots in one round stay within its budget: one offence, on the member's latest
// vote, when they do not.
Offences checkDotsOfMember(Id round, Id member, const EventState& state);

} // namespace atelier::rules
