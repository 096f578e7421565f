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

// The code point at `i` of UTF-8 text and its length in bytes; an invalid byte counts as one
// character of its own (foldText keeps such bytes as they are).
std::size_t codePointAt(std::string_view s, std::size_t i, char32_t& cp) {
    auto c = static_cast<unsigned char>(s[i]);
    std::size_t len = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
    cp = c;
    if (len <= 1 || i + len > s.size()) return 1;
    char32_t value = len == 2 ? (c & 0x1F) : len == 3 ? (c & 0x0F) : (c & 0x07);
    for (std::size_t k = 1; k < len; ++k) {
        auto b = static_cast<unsigned char>(s[i + k]);
        if ((b >> 6) != 0x2) return 1;
        value = (value << 6) | (b & 0x3F);
    }
    cp = value;
    return len;
}

// Whether FTS5's unicode61 tokenizer keeps this character inside a token (letters, digits,
// other scripts) rather than splitting on it (spaces, punctuation, symbols: « » – … ° €).
bool isTokenChar(char32_t cp) {
    if (cp < 0x80) return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9');
    if (cp <= 0xBF) return cp == 0xAA || cp == 0xB5 || cp == 0xBA; // Latin-1 punctuation, but ª µ º
    if (cp == 0xD7 || cp == 0xF7) return false;                    // × ÷
    if (cp >= 0x2000 && cp <= 0x2BFF) return false;                // punctuation, currency, arrows, maths, symbols
    if (cp >= 0x3000 && cp <= 0x303F) return false;                // CJK punctuation
    if (cp >= 0x1F000 && cp <= 0x1FAFF) return false;              // emoji and pictographs
    return true;
}

// The tokens of folded text, as byte ranges [first, second), split as FTS5 splits them.
std::vector<std::pair<std::size_t, std::size_t>> tokensOf(std::string_view folded) {
    std::vector<std::pair<std::size_t, std::size_t>> tokens;
    std::size_t begin = std::string::npos;
    for (std::size_t i = 0; i < folded.size();) {
        char32_t cp = 0;
        std::size_t len = codePointAt(folded, i, cp);
        if (isTokenChar(cp)) {
            if (begin == std::string::npos) begin = i;
        } else if (begin != std::string::npos) {
            tokens.emplace_back(begin, i);
            begin = std::string::npos;
        }
        i += len;
    }
    if (begin != std::string::npos) tokens.emplace_back(begin, folded.size());
    return tokens;
}

std::vector<std::string> wordsOf(const std::string& folded) {
    std::vector<std::string> words;
    for (auto [from, to] : tokensOf(folded)) words.push_back(folded.substr(from, to - from));
    return words;
}

// What the user typed as FTS5 phrases: folded, split on blanks, each term the words of its tokens.
std::vector<std::vector<std::string>> termWords(const std::string& userText) {
    std::vector<std::vector<std::string>> out;
    std::string folded = foldText(userText), current;
    auto flush = [&] {
        auto words = wordsOf(current);
        if (!words.empty()) out.push_back(std::move(words)); // no letter or digit: an empty phrase, left out
        current.clear();
    };
    for (char c : folded) {
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r') flush();
        else current += c;
    }
    flush();
    return out;
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

// Ranges of `text` matched by the phrases, sorted and merged where they touch or overlap.
std::vector<TextRange> rangesOf(const std::string& text, const std::vector<std::vector<std::string>>& phrases) {
    std::vector<std::size_t> origins;
    std::string folded = foldText(text, origins);
    auto tokens = tokensOf(folded);
    std::vector<TextRange> found;
    for (const auto& words : phrases) {
        const std::size_t n = words.size();
        for (std::size_t i = 0; i + n <= tokens.size(); ++i) {
            bool match = true;
            for (std::size_t k = 0; k < n && match; ++k) {
                std::string_view token(folded.data() + tokens[i + k].first, tokens[i + k].second - tokens[i + k].first);
                match = k + 1 < n ? token == words[k] : token.starts_with(words[k]);
            }
            if (!match) continue;
            std::size_t from = tokens[i].first, to = tokens[i + n - 1].first + words[n - 1].size();
            while (to < folded.size() && origins[to] == origins[to - 1]) ++to; // a whole character ("œ" for "o")
            found.push_back({origins[from], origins[to] - origins[from]});
        }
    }
    std::sort(found.begin(), found.end(), [](const TextRange& a, const TextRange& b) { return a.start < b.start; });
    std::vector<TextRange> merged;
    for (const TextRange& r : found) {
        if (!merged.empty() && r.start <= merged.back().start + merged.back().length) {
            std::size_t end = std::max(merged.back().start + merged.back().length, r.start + r.length);
            merged.back().length = end - merged.back().start;
        } else {
            merged.push_back(r);
        }
    }
    return merged;
}

bool continuation(unsigned char c) { return (c & 0xC0) == 0x80; }

// The original text around the first match (of more than one letter when there is one), with
// every match inside it marked.
void makeSnippet(const std::string& text, const std::vector<std::vector<std::string>>& phrases, SearchHit& hit) {
    std::vector<TextRange> ranges = rangesOf(text, phrases);
    auto anchor = std::find_if(ranges.begin(), ranges.end(), [](const TextRange& r) { return r.length > 1; });
    if (anchor == ranges.end()) anchor = ranges.begin();
    std::size_t matchFrom = anchor == ranges.end() ? 0 : anchor->start;
    std::size_t matchTo = anchor == ranges.end() ? 0 : anchor->start + anchor->length;
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
    hit.matches.clear();
    for (const TextRange& r : ranges) { // the part of each match inside the snippet
        std::size_t a = std::max(r.start, from), b = std::min(r.start + r.length, to);
        if (a < b) hit.matches.push_back({prefix.size() + (a - from), b - a});
    }
    hit.matchStart = hit.matches.empty() ? 0 : hit.matches.front().start;
    hit.matchLength = hit.matches.empty() ? 0 : hit.matches.front().length;
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

std::vector<TextRange> matchRanges(const std::string& text, const std::string& userText) {
    return rangesOf(text, termWords(userText));
}

std::vector<SearchHit> searchEvent(Store& store, const std::string& userText, int limit) {
    std::vector<SearchHit> hits;
    std::string query = searchQuery(userText);
    if (query.empty() || limit <= 0) return hits;
    std::vector<std::vector<std::string>> phrases = termWords(userText);
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
            makeSnippet(st.getColumn(4).getString(), phrases, hit);
            hits.push_back(std::move(hit));
        }
    } catch (const SQLite::Exception& e) {
        throw StorageError(trf("La recherche a échoué ({}).", "Search failed ({}).", e.what()));
    }
    return hits;
}

} // namespace atelier
