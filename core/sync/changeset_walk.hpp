#pragma once
// Walking the changes of a changeset one row at a time, with SQLite's changeset iterator.
#include "sync/changeset.hpp"

#include <sqlite3.h>

namespace atelier {

struct ChangeStep {
    const char* table = nullptr;
    int columns = 0;
    int op = 0; // SQLITE_INSERT, SQLITE_UPDATE or SQLITE_DELETE
    sqlite3_changeset_iter* it = nullptr; // for sqlite3changeset_old / _new
};

// Calls visit(step) for every changed row, in the changeset's order. A changeset that cannot
// be read visits nothing.
template <typename Visit> void walkChanges(const Changeset& changes, Visit&& visit) {
    if (changes.empty()) return;
    sqlite3_changeset_iter* it = nullptr;
    if (sqlite3changeset_start(&it, static_cast<int>(changes.bytes().size()), const_cast<char*>(changes.bytes().data())) != SQLITE_OK)
        return;
    while (sqlite3changeset_next(it) == SQLITE_ROW) {
        ChangeStep step;
        int indirect = 0;
        step.it = it;
        sqlite3changeset_op(it, &step.table, &step.columns, &step.op, &indirect);
        visit(step);
    }
    sqlite3changeset_finalize(it);
}

// The id (first column) of an inserted row, or 0.
inline std::int64_t insertedId(const ChangeStep& step) {
    sqlite3_value* id = nullptr;
    if (step.op != SQLITE_INSERT || sqlite3changeset_new(step.it, 0, &id) != SQLITE_OK || !id) return 0;
    return sqlite3_value_int64(id);
}

} // namespace atelier
