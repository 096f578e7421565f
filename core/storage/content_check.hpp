#pragma once
// What `atelier check` says about an event's rows, beyond SQLite's integrity: every row that
// breaks a rule of Atelier (limits, colours, ranges, references within the right team and
// round, vote budgets and caps), one line each. Written as SQL queries over the tables, on
// purpose apart from the validation code (rules/row_rules.hpp), so each can catch the other's
// mistakes: a file written by an older version, edited by hand, or let in by a bug.
#include <SQLiteCpp/Database.h>

#include <cstddef>
#include <string>
#include <vector>

namespace atelier {

struct RuleBreak {
    std::string table;
    std::int64_t id = 0;
    std::string problem; // French or English, no value quoted whole
    std::string text() const; // "table « note », id 123 : …"
};

// At most `limit` offences, table by table. Reads only (works on a read-only or full disk).
std::vector<RuleBreak> findRuleBreaks(SQLite::Database& db, std::size_t limit = 200);

} // namespace atelier
