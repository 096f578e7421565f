#pragma once
// The rules a row must satisfy, whoever writes it: the actions (through rules::enforce), the CSV
// imports (they run actions), the JSON bundle import (rules::checkState on the whole bundle
// before a byte is written), the merge's repairs. Each returns the offences it finds, empty
// when the row is good; references are looked up in `state` (which may already hold the row).
//
//   rules::Offences found = rules::checkRow(note, state);        // one row
//   rules::Offences all = rules::checkState(state, 20);          // every row + cross-row rules
//   rules::enforce(found);                                       // throws the first as ValidationError
#include "storage/state.hpp"

#include <string>
#include <vector>

namespace atelier::rules {

struct Offence {
    std::string table; // "note"
    Id row;            // the row's id
    std::string field; // "text"; empty when the offence is about the row as a whole
    std::string message; // what is wrong, French or English (value shortened)
};
using Offences = std::vector<Offence>;

Offences checkRow(const EventInfo& event, const EventState& state);
Offences checkRow(const Slot& slot, const EventState& state);
Offences checkRow(const Challenge& challenge, const EventState& state);
Offences checkRow(const Team& team, const EventState& state);
Offences checkRow(const Member& member, const EventState& state);
Offences checkRow(const PhaseChange& change, const EventState& state);
Offences checkRow(const Cluster& cluster, const EventState& state);
Offences checkRow(const Note& note, const EventState& state);
Offences checkRow(const VoteRound& round, const EventState& state);
Offences checkRow(const Vote& vote, const EventState& state);
Offences checkRow(const Prototype& prototype, const EventState& state);
Offences checkRow(const Photo& photo, const EventState& state);
Offences checkRow(const Feedback& feedback, const EventState& state);
Offences checkRow(const TimedSession& timer, const EventState& state);
// A photo's stored bytes: not too heavy, and the image its mime type says.
Offences checkPhotoBytes(const Photo& photo, std::string_view bytes);

// Rules across rows, one row at a time (for an action about to write it).
Offences checkTeamNameFree(const Team& team, const EventState& state);           // no other team has its name
Offences checkChallengeNumberFree(const Challenge& challenge, const EventState& state); // nor another défi its number

// Every row of `state` and every rule across rows (unique names and numbers, each member's
// dots within the round's budget, one open round per team), stopping after `limit` offences.
// Linear in the number of rows.
Offences checkState(const EventState& state, std::size_t limit = 20);

// Throws the first offence as a ValidationError (its message); nothing when there is none.
void enforce(const Offences& offences);

} // namespace atelier::rules
