#pragma once
// The merge report in words, for the CLI and the app: what came in, the counts before and
// after, and every conflict with the rule that decided it.
#include "sync/merge.hpp"
#include "storage/state.hpp"

#include <string>

namespace atelier {

// "post-it « Un guichet unique »", "équipe « Équipe 3 »": a row named for a person.
std::string describeRow(const EventState& state, const std::string& table, Id id);

// "14 équipes, 120 post-its, 30 gommettes, 4 prototypes, 12 retours"
std::string contentCounts(const EventState& state);

std::string formatMergeReport(const std::string& fromPath, const MergeReport& report, const EventState& before,
                              const EventState& after);

} // namespace atelier
