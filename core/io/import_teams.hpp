#pragma once
// Importing teams and their members from a spreadsheet: one row per member (the team's columns
// repeated, or given once), or a row with a team and no member. Teams are matched by name,
// members by name within their team (case, accents and spacing ignored), so a corrected file
// imported again updates rather than duplicates. A team's défi is referenced by its number.
#include "io/csv_reader.hpp"
#include "io/import_plan.hpp"
#include "storage/state.hpp"

#include <optional>
#include <string>

namespace atelier {

class Engine;

// Throws ImportError naming the line and column of the first bad row; touches nothing.
ImportPlan planTeamImport(const EventState& state, const CsvTable& table, const std::string& fileName = {});
ImportSummary importTeamsFile(Engine& engine, const std::string& path);
std::string teamTemplate();

// "facilitatrice", "Porteur du défi", "expert·e", "participant" … (French or English, any case).
std::optional<Role> parseRole(const std::string& text);
// "#54A24B", "54a24b", or a colour name ("vert", "bleu", "green" …) → "#RRGGBB".
std::optional<std::string> parseColour(const std::string& text);

} // namespace atelier
