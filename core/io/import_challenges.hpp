#pragma once
// Importing défis from a spreadsheet: one row per défi, matched to existing défis by number,
// so a corrected file imported again updates rather than duplicates.
#include "io/csv_reader.hpp"
#include "io/import_plan.hpp"
#include "storage/state.hpp"

#include <string>

namespace atelier {

class Engine;

// Throws ImportError naming the line and column of the first bad row; touches nothing.
ImportPlan planChallengeImport(const EventState& state, const CsvTable& table, const std::string& fileName = {});
// Reads, plans and applies (all or nothing).
ImportSummary importChallengesFile(Engine& engine, const std::string& path);
// The empty template: the expected French headers, UTF-8 with BOM, `;`.
std::string challengeTemplate();

} // namespace atelier
