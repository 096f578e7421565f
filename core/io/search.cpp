#include "io/search.hpp"

#include "model/errors.hpp"
#include "io/text_fold.hpp"
#include "model/language.hpp"
#include "storage/store.hpp"

#include <SQLiteCpp/Exception.h>
#include <sqlite3.h>

#include <algorithm>
#include <mutex>
#include <unordered_map>

namespace atelier {

namespace {

void foldFunction(sqlite3_context* context, int argc, sqlite3_value** argv) {
    std::string joined;
    for (int i = 0; i < argc; ++i) {
        const unsigned char* text = sqlite3_value_text(argv[i]);
        if (i) joined += '\n';
        if (text) joined.append(reinterpret_cast<const char*>(text), static_cast<std::size_t>(sqlite3_value_bytes(argv[i])));
    }
    std::string folded = foldText(joined);
    sqlite3_result_text(context, folded.data(), static_cast<int>(folded.size()), SQLITE_TRANSIENT);
}

// Whether the index triggers run, per connection (a bulk writer pauses them). SQLite gives no
// way back from a connection to a function's user data, hence this small registry.
std::mutex g_indexingMutex;
std::unordered_map<sqlite3*, bool> g_indexing;

void indexingFunction(sqlite3_context* context, int, sqlite3_value**) {
    sqlite3* db = sqlite3_context_db_handle(context);
    std::lock_guard lock(g_indexingMutex);
    auto it = g_indexing.find(db);
    sqlite3_result_int(context, it == g_indexing.end() || it->second ? 1 : 0);
}

void forgetConnection(void* db) {
    std::lock_guard lock(g_indexingMutex);
    g_indexing.erase(static_cast<sqlite3*>(db));
}

bool isWordByte(unsigned char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c >= 0x80; }

// The words of folded text, as FTS5's unicode61 tokenizer would roughly split them.
std::vector<std::string> wordsOf(const std::string& folded) {
    std::vector<std::string> words;
    std::string current;
    for (char c : folded) {
        if (isWordByte(static_cast<unsigned char>(c))) current += c;
        else if (!current.empty()) words.push_back(std::move(current)), current.clear();
    }
    if (!current.empty()) words.push_back(std::move(current));
    return words;
}

std::vector<std::string> terms(const std::string& userText) {
    std::vector<std::string> out;
    std::string folded = foldText(userText), current;
    for (char c : folded) {
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
            if (!current.empty()) out.push_back(std::move(current)), current.clear();
        } else {
            current += c;
        }
    }
    if (!current.empty()) out.push_back(std::move(current));
    // A term without any letter or digit would be an empty phrase: leave it out.
    std::erase_if(out, [](const std::string& t) { return wordsOf(t).empty(); });
    return out;
}

bool continuation(unsigned char c) { return (c & 0xC0) == 0x80; }

// The original text around the first place one of the query words starts a word.
void makeSnippet(const std::string& text, const std::vector<std::string>& words, SearchHit& hit) {
    std::vector<std::size_t> origins;
    std::string folded = foldText(text, origins);
    std::size_t bestAt = std::string::npos, bestLength = 0;
    bool anyLong = std::any_of(words.begin(), words.end(), [](const std::string& w) { return w.size() > 1; });
    for (const auto& word : words) {
        if (anyLong && word.size() < 2) continue;
        for (std::size_t at = folded.find(word); at != std::string::npos; at = folded.find(word, at + 1)) {
            if (at > 0 && isWordByte(static_cast<unsigned char>(folded[at - 1]))) continue;
            if (at < bestAt || (at == bestAt && word.size() > bestLength)) bestAt = at, bestLength = word.size();
            break;
        }
    }
    std::size_t matchFrom = 0, matchTo = 0;
    if (bestAt != std::string::npos) {
        std::size_t end = bestAt + bestLength;
        while (end < folded.size() && origins[end] == origins[end - 1]) ++end; // whole character
        matchFrom = origins[bestAt];
        matchTo = origins[end];
    }
    constexpr std::size_t kBefore = 40, kAfter = 120;
    std::size_t from = matchFrom > kBefore ? matchFrom - kBefore : 0;
    while (from > 0 && continuation(static_cast<unsigned char>(text[from]))) --from;
    if (from > 0) { // start at a word when one begins close by
        std::size_t space = text.find_first_of(" \n", from);
        if (space != std::string::npos && space < matchFrom) from = space + 1;
    }
    std::size_t to = std::min(text.size(), matchTo + kAfter);
    while (to < text.size() && continuation(static_cast<unsigned char>(text[to]))) --to;
    std::string snippet = text.substr(from, to - from);
    for (char& c : snippet)
        if (c == '\n' || c == '\r' || c == '\t') c = ' ';
    std::string prefix = from > 0 ? "…" : "";
    hit.snippet = prefix + snippet + (to < text.size() ? "…" : "");
    hit.matchStart = matchTo > matchFrom ? prefix.size() + (matchFrom - from) : 0;
    hit.matchLength = matchTo - matchFrom;
}

} // namespace

void registerSearchFunctions(sqlite3* db) {
    int rc = sqlite3_create_function_v2(db, "atelier_fold", -1, SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS, nullptr,
                                        foldFunction, nullptr, nullptr, nullptr);
    if (rc == SQLITE_OK) {
        {
            std::lock_guard lock(g_indexingMutex);
            g_indexing[db] = true;
        }
        // The destructor runs when the connection closes: the registry forgets it then.
        rc = sqlite3_create_function_v2(db, "atelier_indexing", 0, SQLITE_UTF8 | SQLITE_INNOCUOUS, db, indexingFunction,
                                        nullptr, nullptr, forgetConnection);
    }
    if (rc != SQLITE_OK)
        throw StorageError(trf("Impossible de préparer la recherche ({}).", "Cannot set up search ({}).", sqlite3_errstr(rc)));
}

void setSearchIndexing(sqlite3* db, bool on) {
    std::lock_guard lock(g_indexingMutex);
    g_indexing[db] = on;
}

void rebuildSearchIndex(SQLite::Database& db) {
    db.exec(R"SQL(
DELETE FROM search_note;
DELETE FROM search_prototype;
DELETE FROM search_feedback;
DELETE FROM search_challenge;
INSERT INTO search_note(rowid, body) SELECT id, atelier_fold(text) FROM note;
INSERT INTO search_prototype(rowid, body) SELECT id, atelier_fold(title, description, learning_goal) FROM prototype;
INSERT INTO search_feedback(rowid, body) SELECT id, atelier_fold(text) FROM feedback;
INSERT INTO search_challenge(rowid, body)
  SELECT id, atelier_fold(question, owner, territory, stakes, stakeholders, obstacles, levers, theme) FROM challenge;
)SQL");
}

std::string searchQuery(const std::string& userText) {
    std::string query;
    for (const auto& term : terms(userText)) {
        std::string quoted = "\"";
        for (char c : term) quoted += c == '"' ? std::string("\"\"") : std::string(1, c);
        query += (query.empty() ? "" : " ") + quoted + "\"*";
    }
    return query;
}

std::vector<SearchHit> searchEvent(Store& store, const std::string& userText, int limit) {
    std::vector<SearchHit> hits;
    std::string query = searchQuery(userText);
    if (query.empty() || limit <= 0) return hits;
    std::vector<std::string> words;
    for (const auto& term : terms(userText))
        for (auto& w : wordsOf(term)) words.push_back(std::move(w));
    // bm25 scores of different tables are comparable enough to interleave; ties by kind and id.
    static const std::string sql = R"SQL(
SELECT 1, n.id, n.team_id, '', n.text, bm25(search_note) AS score
  FROM search_note JOIN note n ON n.id = search_note.rowid WHERE search_note MATCH ?1
UNION ALL
SELECT 2, p.id, p.team_id, p.title, p.title || char(10) || p.description || char(10) || p.learning_goal,
       bm25(search_prototype)
  FROM search_prototype JOIN prototype p ON p.id = search_prototype.rowid WHERE search_prototype MATCH ?1
UNION ALL
SELECT 3, f.id, p.team_id, p.title, f.text, bm25(search_feedback)
  FROM search_feedback JOIN feedback f ON f.id = search_feedback.rowid JOIN prototype p ON p.id = f.prototype_id
 WHERE search_feedback MATCH ?1
UNION ALL
SELECT 0, c.id, (SELECT t.id FROM team t WHERE t.challenge_id = c.id ORDER BY t.name LIMIT 1), c.number,
       c.question || char(10) || c.owner || char(10) || c.territory || char(10) || c.stakes || char(10) ||
       c.stakeholders || char(10) || c.obstacles || char(10) || c.levers || char(10) || c.theme,
       bm25(search_challenge)
  FROM search_challenge JOIN challenge c ON c.id = search_challenge.rowid WHERE search_challenge MATCH ?1
ORDER BY 6, 1, 2 LIMIT ?2
)SQL";
    try {
        SQLite::Statement& st = store.statement(sql);
        st.bind(1, query);
        st.bind(2, limit);
        while (st.executeStep()) {
            SearchHit hit;
            hit.kind = static_cast<SearchKind>(st.getColumn(0).getInt());
            hit.id = Id{st.getColumn(1).getInt64()};
            hit.teamId = st.getColumn(2).isNull() ? Id{} : Id{st.getColumn(2).getInt64()};
            hit.title = hit.kind == SearchKind::Challenge
                            ? trf("Défi n°{}", "Défi #{}", st.getColumn(3).getInt())
                            : st.getColumn(3).getString();
            makeSnippet(st.getColumn(4).getString(), words, hit);
            hits.push_back(std::move(hit));
        }
    } catch (const SQLite::Exception& e) {
        throw StorageError(trf("La recherche a échoué ({}).", "Search failed ({}).", e.what()));
    }
    return hits;
}

} // namespace atelier
