#pragma once
// Rules that copies, each within them, can break together, repaired after a merge's replay by
// one written rule each, every repair reported:
// - a member's dots in a round over its budget, or over its cap on one idea: the excess is
//   given back, from the dots written last (highest vote id first, the same on every copy);
// - two open vote rounds on one team: the round opened last stays open, the others close;
// - two défis of one event with the same number: the first (by id) keeps it, the others take
//   the next free numbers;
// - two members of one team with the same name: the second and further get " (2)", " (3)".
// The detection is its own unit behind this small interface so that the shared rules of
// core/rules/ (issue 12), once landed, can take its place.
#include "sync/merge.hpp"

struct sqlite3;

namespace atelier {

class JointRules {
public:
    virtual ~JointRules() = default;
    // Repairs what the merged content breaks, in the open transaction; adds one line per repair.
    virtual void repair(sqlite3* db, MergeReport& report) = 0;
};

// The rules above.
JointRules& mergeJointRules();

} // namespace atelier
