#pragma once
// Full-text search across an event: notes, prototypes (title, description, learning goal),
// visitors' feedback and défis. SQLite FTS5 tables (schema v2) hold folded text, kept up to date
// by triggers, so actions, undo/redo and merges (all plain SQL writes) keep the index right.
#include "model/model.hpp"

#include <array>
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

struct sqlite3;
namespace SQLite {
class Database;
}

namespace atelier {

class Store;

enum class SearchKind { Challenge, Note, Prototype, Feedback };
inline constexpr std::array<std::string_view, 4> kSearchKindCodes{"challenge", "note", "prototype", "feedback"};

// A range of bytes within a hit's snippet.
struct TextRange {
    std::size_t start = 0, length = 0;
    bool operator==(const TextRange&) const = default;
};

struct SearchHit {
    SearchKind kind = SearchKind::Note;
    Id id;          // the row of that kind
    Id teamId;      // its team (for a défi: the team working on it), 0 when none
    std::string title;   // prototype title, "Défi n°3"; empty for notes and feedback
    std::string snippet; // the original text around the first match, "…" where it was cut
    // Every place the query matches within snippet, in order and apart, for highlighting: each
    // term as the search itself matches it (folded, its words in a row, the last as a prefix).
    std::vector<TextRange> matches;
    std::size_t matchStart = 0, matchLength = 0; // the first of matches (0, 0 when none)
};

// Registers atelier_fold(text, …) on a connection: the folding of foldText() over its arguments
// joined by newlines. The index triggers call it, so every connection writing an event needs it
// (Store::configure does it).
void registerSearchFunctions(sqlite3* db);

// Bulk writes (a bundle import) pause the index triggers on their connection, then rebuild the
// whole index in one pass, inside their transaction: one FTS5 write instead of one per row.
void setSearchIndexing(sqlite3* db, bool on);
void rebuildSearchIndex(SQLite::Database& db);

// The FTS5 query for what a user typed: folded, split on spaces, each term quoted (so quotes,
// apostrophes and hyphens never break the syntax) and matched as a prefix; all terms must match.
// Empty when nothing searchable remains (a lone quote).
std::string searchQuery(const std::string& userText);

// The ranges of `text` (bytes) that the query matches, found as the search finds them: folded
// (accents, case, ligatures), each term's words in a row as whole tokens, the last one as a prefix.
std::vector<TextRange> matchRanges(const std::string& text, const std::string& userText);

// Best matches first (bm25), at most `limit`. Nothing searchable gives no hits, never an error.
std::vector<SearchHit> searchEvent(Store& store, const std::string& userText, int limit = 50);

} // namespace atelier
