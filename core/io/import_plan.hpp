#pragma once
// What a spreadsheet import will do, computed from the file and the current state without
// touching the database (a GUI can show it before confirming), then applied as one batch of
// actions: one transaction, all or nothing, one undo entry.
#include "actions/actions.hpp"
#include "model/errors.hpp"
#include "io/text_encoding.hpp"

#include <string>
#include <vector>

namespace atelier {

class Engine;

struct ImportSummary {
    TextSource source = TextSource::Utf8;
    char separator = ';';
    int rows = 0;                              // data rows read
    int created = 0, updated = 0, unchanged = 0; // défis, or teams
    int membersCreated = 0, membersUpdated = 0, membersUnchanged = 0;
    std::vector<std::string> unknownColumns;   // ignored, as written in the file
    bool teams = false;                        // a teams import (else défis)

    // A few lines for the user: what was read, what changed, what was ignored.
    std::string text() const;
};

struct ImportPlan {
    std::vector<Action> actions; // empty when the file changes nothing
    std::string description;     // the undo entry ("Importer les défis de defis.csv")
    ImportSummary summary;
};

// Applies the plan as one batch (nothing when it is empty) and returns its summary.
ImportSummary applyImport(Engine& engine, const ImportPlan& plan);

// Helpers shared by the importers.
namespace importing {
// Throws ImportError "Ligne L, colonne « C » : message".
[[noreturn]] void fail(int line, const std::string& column, const std::string& message);
// Runs a check:: function, re-throwing its ValidationError with the line and column.
template <typename F> void checked(int line, const std::string& column, F&& f) {
    try {
        f();
    } catch (const ValidationError& e) {
        fail(line, column, e.what());
    }
}
std::string fileName(const std::string& path);
} // namespace importing

} // namespace atelier

