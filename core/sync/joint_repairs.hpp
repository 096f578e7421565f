#pragma once
// Rules that copies, each within them, can break together. After each replayed entry, the one
// validation (core/rules/: rules::checkRow on the rows the entry changed, the rules across rows
// on the groups they are in) says what is broken, so the merge and the actions can never
// disagree; each offence is then repaired by one written rule, and reported:
// - a member's dots in a round over its budget, or over its cap on one idea: the excess is
//   given back, from the dots written last (highest vote id first, the same on every copy);
// - two open vote rounds on one team: the round opened last stays open, the others close;
// - two défis of one event (or site) with the same number: the first (by id) keeps it, the
//   others take the next free numbers;
// - two teams of one event (or site) with the same name: the first (by id) keeps it, the
//   others get " (2)", " (3)";
// - a member moved to another team while they wrote or voted on their board on another copy:
//   they go back to the team of that work (as the actions refuse to move a member with work);
// - a note chosen as the piste retenue on one copy and a regroupement on another: the
//   regroupement stays chosen;
// - a version whose first version was deleted on another copy: the earliest version left heads
//   the lineage.
// Two members of one team may share a name: the actions accept it, so the merge leaves it (were
// the rules to forbid it, the offence would be repaired by " (2)", " (3)").
// An offence no rule repairs is reported as it is, for `atelier check` and a person to see.
#include "sync/merge.hpp"
#include "storage/state.hpp"

#include <string>
#include <vector>

namespace atelier {

class Store;

// A row a replayed entry changed (inserted, updated or deleted).
struct TouchedRow {
    std::string table;
    Id id;
};

class JointRules {
public:
    virtual ~JointRules() = default;
    // Repairs what the rows `touched` now break, in the open transaction of `store`; `state`
    // follows the file (every row a repair writes is read back into it). One line per repair.
    virtual void repair(Store& store, EventState& state, const std::vector<TouchedRow>& touched, MergeReport& report) = 0;
};

// The rules above.
JointRules& mergeJointRules();

} // namespace atelier
