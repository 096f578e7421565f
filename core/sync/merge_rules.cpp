#include "sync/merge_rules.hpp"

#include "sync/changeset_walk.hpp"
#include "sync/joint_repairs.hpp"
#include "model/errors.hpp"
#include "storage/schema.hpp"
#include "storage/store.hpp"
#include "model/language.hpp"

#include <sqlite3.h>

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <optional>
#include <set>
#include <variant>

namespace atelier {

namespace {

// Marks a column an UPDATE leaves as it is.
struct Unchanged {
    bool operator==(const Unchanged&) const { return true; }
};

// One SQLite value copied out of a changeset.
using SqlValue = std::variant<std::monostate, std::int64_t, double, std::string, std::vector<unsigned char>, Unchanged>;
using Row = std::vector<SqlValue>;

SqlValue copyValue(sqlite3_value* v) {
    if (!v) return Unchanged{};
    switch (sqlite3_value_type(v)) {
    case SQLITE_INTEGER: return static_cast<std::int64_t>(sqlite3_value_int64(v));
    case SQLITE_FLOAT: return sqlite3_value_double(v);
    case SQLITE_TEXT:
        return std::string(reinterpret_cast<const char*>(sqlite3_value_text(v)), static_cast<std::size_t>(sqlite3_value_bytes(v)));
    case SQLITE_BLOB: {
        auto* p = static_cast<const unsigned char*>(sqlite3_value_blob(v));
        return p ? std::vector<unsigned char>(p, p + sqlite3_value_bytes(v)) : std::vector<unsigned char>{};
    }
    default: return std::monostate{};
    }
}

void bindValue(sqlite3_stmt* st, int index, const SqlValue& value) {
    if (auto* i = std::get_if<std::int64_t>(&value)) sqlite3_bind_int64(st, index, *i);
    else if (auto* d = std::get_if<double>(&value)) sqlite3_bind_double(st, index, *d);
    else if (auto* t = std::get_if<std::string>(&value))
        sqlite3_bind_text(st, index, t->data(), static_cast<int>(t->size()), SQLITE_TRANSIENT);
    else if (auto* b = std::get_if<std::vector<unsigned char>>(&value))
        sqlite3_bind_blob(st, index, b->data(), static_cast<int>(b->size()), SQLITE_TRANSIENT);
    else sqlite3_bind_null(st, index);
}

std::int64_t intOf(const SqlValue& v) {
    auto* i = std::get_if<std::int64_t>(&v);
    return i ? *i : 0;
}

std::string textOf(const SqlValue& v) {
    if (auto* t = std::get_if<std::string>(&v)) return *t;
    if (auto* i = std::get_if<std::int64_t>(&v)) return std::to_string(*i);
    if (auto* d = std::get_if<double>(&v)) return std::to_string(*d);
    return {};
}

struct RowKey {
    std::string table;
    std::int64_t id = 0;
    bool operator<(const RowKey& o) const { return std::tie(table, id) < std::tie(o.table, o.id); }
};

// One row change of one entry, as recorded.
struct RowChange {
    RowKey key;
    int op = 0;
    bool indirect = false; // made by a foreign key's ON DELETE (a cascade)
    Row old;               // UPDATE, DELETE
    Row values;            // INSERT, UPDATE (Unchanged where an UPDATE leaves a column)
};

std::vector<RowChange> parseChanges(const Changeset& changes) {
    std::vector<RowChange> out;
    if (changes.empty()) return out;
    sqlite3_changeset_iter* it = nullptr;
    if (sqlite3changeset_start(&it, static_cast<int>(changes.bytes().size()), const_cast<char*>(changes.bytes().data())) != SQLITE_OK)
        return out;
    while (sqlite3changeset_next(it) == SQLITE_ROW) {
        const char* table = nullptr;
        int columns = 0, op = 0, indirect = 0;
        sqlite3changeset_op(it, &table, &columns, &op, &indirect);
        RowChange c;
        c.op = op;
        c.indirect = indirect != 0;
        for (int i = 0; i < columns; ++i) {
            sqlite3_value* v = nullptr;
            if (op != SQLITE_INSERT) {
                v = nullptr;
                sqlite3changeset_old(it, i, &v);
                c.old.push_back(copyValue(v));
            }
            if (op != SQLITE_DELETE) {
                v = nullptr;
                sqlite3changeset_new(it, i, &v);
                c.values.push_back(copyValue(v));
            }
        }
        const Row& keyRow = op == SQLITE_INSERT ? c.values : c.old;
        c.key = {table, keyRow.empty() ? 0 : intOf(keyRow[0])};
        out.push_back(std::move(c));
    }
    sqlite3changeset_finalize(it);
    return out;
}

struct ForeignKey {
    std::string column;
    std::string parent;
    std::string parentColumn; // the parent's key column
    bool cascade = false; // ON DELETE CASCADE (else SET NULL)
    int index = 0;        // the column's position
};

struct TableInfo {
    std::vector<std::string> columns;
    std::vector<bool> notNull;
    std::vector<ForeignKey> keys;
    int column(const std::string& name) const {
        for (std::size_t i = 0; i < columns.size(); ++i)
            if (columns[i] == name) return static_cast<int>(i);
        return -1;
    }
};

std::string quotedName(const std::string& text) {
    std::string cut = text;
    if (cut.size() > 60) {
        std::size_t n = 57;
        while (n > 0 && (static_cast<unsigned char>(cut[n]) & 0xC0) == 0x80) --n;
        cut = cut.substr(0, n) + "…";
    }
    return messageLanguage() == Language::French ? "« " + cut + " »" : "\"" + cut + "\"";
}

// How French agrees with a thing: its participles' ending and its pronouns. Team and photo are
// feminine, dots (« les gommettes ») feminine plural; everything else the report names is
// masculine (« le post-it », « le regroupement »).
struct Agreement {
    const char* e;    // participle ending: « rétabli », « rétablie », « rétablies »
    const char* has;  // « a », « ont »
    const char* is;   // « est », « sont »
    const char* it;   // « il », « elle », « elles »
    const char* them; // « le », « la », « les »
};

Agreement agreementOf(const std::string& table) {
    if (table == "vote") return {"es", "ont", "sont", "elles", "les"};
    if (table == "team" || table == "photo") return {"e", "a", "est", "elle", "la"};
    return {"", "a", "est", "il", "le"};
}

// French words for the columns a report may name (a facilitator never reads « text »).
std::string columnWord(const std::string& column) {
    static const std::map<std::string, std::pair<const char*, const char*>> kWords{
        {"text", {"texte", "text"}},           {"title", {"titre", "title"}},
        {"name", {"nom", "name"}},             {"colour", {"couleur", "colour"}},
        {"x", {"position", "position"}},       {"y", {"position", "position"}},
        {"width", {"taille", "size"}},         {"height", {"taille", "size"}},
        {"cluster_id", {"regroupement", "cluster"}}, {"question", {"question", "question"}},
        {"number", {"numéro", "number"}},      {"phase", {"phase", "phase"}},
        {"label", {"libellé", "label"}},       {"caption", {"légende", "caption"}},
        {"description", {"description", "description"}}, {"status", {"statut", "status"}},
        {"team_id", {"équipe", "team"}},       {"challenge_id", {"défi", "défi"}},
        {"closed", {"clôture", "closed"}},     {"revealed", {"affichage", "revealed"}},
    };
    auto it = kWords.find(column);
    if (it == kWords.end()) return column;
    return messageLanguage() == Language::French ? it->second.first : it->second.second;
}

// "3 gommettes rendues", "1 dot given back": the plural rule on the participle too.
std::string dotsGivenBack(int dots) {
    return countOf(dots, "gommette rendue", "gommettes rendues", "dot given back", "dots given back");
}

} // namespace

struct ReplayRules::Impl {
    Store& store;
    sqlite3* db;
    const std::vector<const JournalEntry*>& entries;
    MergeReport& report;
    EventState state;       // the content as the replay goes, for the one validation (joint_repairs.hpp)
    RecordedTables recorded; // what each entry touches, to check those rows only
    std::vector<std::vector<RowChange>> changes;             // by entry position
    std::map<RowKey, std::vector<std::size_t>> deletes;      // row -> positions of entries deleting it
    std::map<std::size_t, std::vector<RowChange>> actual; // what replayed entries really did here
    std::map<RowKey, std::vector<std::size_t>> voteInserts; // a vote's full row, wherever it was added
    std::map<RowKey, std::vector<std::size_t>> voteWrites;  // where dots were cast or changed on a vote row
    std::map<RowKey, std::vector<std::size_t>> rowWrites;   // where any other row was added or changed (not by a cascade)
    std::map<std::string, TableInfo> tables;
    std::size_t index = 0;
    std::set<std::size_t> sources;            // entries whose deletes may be taken back by this one
    std::vector<std::pair<RowKey, Row>> revive; // rows an UPDATE found gone, with its new values
    std::vector<std::pair<RowKey, std::int64_t>> dotFixes; // vote rows: dots to add (concurrent counts add up)
    std::set<RowKey> alreadyGone;               // rows this entry's deletes found gone: not its removals
    std::vector<std::pair<RowKey, int>> restoredDots; // dots a cascade took, back with more dots cast on them

    Impl(Store& s, const std::vector<const JournalEntry*>& e, MergeReport& r)
        : store(s), db(s.db().getHandle()), entries(e), report(r), state(s.loadAll()), recorded(db, contentTables()) {
        changes.resize(entries.size());
        for (std::size_t i = 0; i < entries.size(); ++i) {
            changes[i] = parseChanges(entries[i]->changes);
            for (const auto& c : changes[i]) {
                if (c.op == SQLITE_DELETE) deletes[c.key].push_back(i);
                if (c.op == SQLITE_INSERT && c.key.table == "vote") voteInserts[c.key].push_back(i);
                if (c.op != SQLITE_DELETE && c.key.table == "vote" && !c.indirect) voteWrites[c.key].push_back(i);
                if (c.op != SQLITE_DELETE && c.key.table != "vote" && !c.indirect) rowWrites[c.key].push_back(i);
            }
        }
    }

    const TableInfo& info(const std::string& table) {
        auto it = tables.find(table);
        if (it != tables.end()) return it->second;
        TableInfo t;
        sqlite3_stmt* st = nullptr;
        std::string sql = "PRAGMA table_info(\"" + table + "\")";
        sqlite3_prepare_v2(db, sql.c_str(), -1, &st, nullptr);
        while (sqlite3_step(st) == SQLITE_ROW) {
            t.columns.emplace_back(reinterpret_cast<const char*>(sqlite3_column_text(st, 1)));
            t.notNull.push_back(sqlite3_column_int(st, 3) != 0);
        }
        sqlite3_finalize(st);
        sql = "PRAGMA foreign_key_list(\"" + table + "\")";
        sqlite3_prepare_v2(db, sql.c_str(), -1, &st, nullptr);
        while (sqlite3_step(st) == SQLITE_ROW) {
            ForeignKey k;
            k.parent = reinterpret_cast<const char*>(sqlite3_column_text(st, 2));
            k.column = reinterpret_cast<const char*>(sqlite3_column_text(st, 3));
            auto* to = sqlite3_column_text(st, 4); // NULL: the parent's primary key
            k.parentColumn = to ? reinterpret_cast<const char*>(to) : "id";
            k.cascade = std::string(reinterpret_cast<const char*>(sqlite3_column_text(st, 6))) == "CASCADE";
            k.index = t.column(k.column);
            t.keys.push_back(k);
        }
        sqlite3_finalize(st);
        return tables.emplace(table, std::move(t)).first->second;
    }

    void exec(const std::string& sql) {
        if (sqlite3_exec(db, sql.c_str(), nullptr, nullptr, nullptr) != SQLITE_OK)
            throw StorageError(trf("La fusion a échoué ({}). Rien n'a été modifié.", "The merge failed ({}). Nothing was changed.",
                                   sqlite3_errmsg(db)));
    }

    bool exists(const std::string& table, std::int64_t id) {
        sqlite3_stmt* st = nullptr;
        std::string sql = "SELECT 1 FROM \"" + table + "\" WHERE id = ?";
        sqlite3_prepare_v2(db, sql.c_str(), -1, &st, nullptr);
        sqlite3_bind_int64(st, 1, id);
        bool found = sqlite3_step(st) == SQLITE_ROW;
        sqlite3_finalize(st);
        return found;
    }

    std::optional<Row> readRow(const std::string& table, std::int64_t id) {
        sqlite3_stmt* st = nullptr;
        std::string sql = "SELECT * FROM \"" + table + "\" WHERE id = ?";
        sqlite3_prepare_v2(db, sql.c_str(), -1, &st, nullptr);
        sqlite3_bind_int64(st, 1, id);
        std::optional<Row> row;
        if (sqlite3_step(st) == SQLITE_ROW) {
            row.emplace();
            for (int c = 0; c < sqlite3_column_count(st); ++c) row->push_back(copyValue(sqlite3_column_value(st, c)));
        }
        sqlite3_finalize(st);
        return row;
    }

    // The row as the latest delete at or before `before` left it, with that delete's position.
    std::optional<std::pair<std::size_t, const Row*>> tombstone(const RowKey& key, std::size_t before) {
        auto it = deletes.find(key);
        if (it == deletes.end()) return std::nullopt;
        std::optional<std::pair<std::size_t, const Row*>> best;
        for (std::size_t pos : it->second) {
            if (pos > before) break;
            for (const auto& c : changes[pos])
                if (c.op == SQLITE_DELETE && c.key.table == key.table && c.key.id == key.id) best = std::make_pair(pos, &c.old);
        }
        return best;
    }

    // The row now, or as its latest delete left it: how the report names it.
    std::optional<Row> rowOrTombstone(const std::string& table, std::int64_t id) {
        if (auto row = readRow(table, id)) return row;
        if (auto t = tombstone({table, id}, index)) return *t->second;
        return std::nullopt;
    }

    std::string field(const std::string& table, const Row& row, const char* column) {
        int c = info(table).column(column);
        return c >= 0 && static_cast<std::size_t>(c) < row.size() ? textOf(row[static_cast<std::size_t>(c)]) : std::string();
    }

    // "le post-it « idée 3 » de l'équipe « Équipe 5 »": a row named by its words.
    std::string name(const std::string& table, std::int64_t id, bool withTeam = true) {
        auto row = rowOrTombstone(table, id);
        if (!row) return trf("{} {}", "{} {}", table, std::to_string(id));
        auto ofTeam = [&](const std::string& text) {
            if (!withTeam) return text;
            std::int64_t team = 0;
            int c = info(table).column("team_id");
            if (c >= 0) team = intOf((*row)[static_cast<std::size_t>(c)]);
            if (!team) return text;
            return text + tr(" de ", " of ") + name("team", team, false);
        };
        if (table == "note") return ofTeam(tr("le post-it ", "the note ") + quotedName(field(table, *row, "text")));
        if (table == "cluster") return ofTeam(tr("le regroupement ", "the cluster ") + quotedName(field(table, *row, "title")));
        if (table == "team") return tr("l'équipe ", "the team ") + quotedName(field(table, *row, "name"));
        if (table == "member") return ofTeam(tr("le membre ", "the member ") + quotedName(field(table, *row, "name")));
        if (table == "challenge")
            return trf("le défi {} ", "the défi {} ", field(table, *row, "number")) + quotedName(field(table, *row, "question"));
        if (table == "prototype") return ofTeam(tr("le prototype ", "the prototype ") + quotedName(field(table, *row, "title")));
        if (table == "feedback") return tr("le retour ", "the feedback ") + quotedName(field(table, *row, "text"));
        if (table == "slot") return tr("le créneau ", "the slot ") + quotedName(field(table, *row, "title"));
        if (table == "photo") return tr("la photo ", "the photo ") + quotedName(field(table, *row, "caption"));
        if (table == "timed_session") return tr("le minuteur ", "the timer ") + quotedName(field(table, *row, "label"));
        if (table == "vote_round") return ofTeam(tr("le tour de vote", "the vote round"));
        if (table == "phase_change") return ofTeam(tr("le changement de phase", "the phase change"));
        if (table == "event") return tr("l'événement", "the event");
        if (table == "vote") {
            std::int64_t note = intOf((*row)[static_cast<std::size_t>(info(table).column("note_id"))]);
            std::int64_t cluster = intOf((*row)[static_cast<std::size_t>(info(table).column("cluster_id"))]);
            return tr("les gommettes sur ", "the dots on ") + (note ? name("note", note) : name("cluster", cluster));
        }
        return trf("{} {}", "{} {}", table, std::to_string(id));
    }

    std::string the(const std::string& text) { // sentence case for a name opening a sentence
        if (text.empty()) return text;
        std::string out = text;
        if (out[0] >= 'a' && out[0] <= 'z') out[0] = static_cast<char>(out[0] - 'a' + 'A');
        return out;
    }

    const std::string& description(std::size_t pos) { return entries[pos]->description; }

    void note(const RowKey& key, ConflictKind kind, std::string what, int dots = 0, bool alongWith = false) {
        report.conflicts.push_back({key.table, Id{key.id}, std::move(what), kind, dots, alongWith});
    }

    int dotsOf(const RowKey& key, const Row& row) {
        if (key.table != "vote") return 0;
        int c = info("vote").column("count");
        return c >= 0 && static_cast<std::size_t>(c) < row.size() ? static_cast<int>(intOf(row[static_cast<std::size_t>(c)])) : 0;
    }

    // ---- Rules applied while SQLite applies the entry's changeset ----

    static int onConflict(void* self, int kind, sqlite3_changeset_iter* it) { return static_cast<Impl*>(self)->decide(kind, it); }

    int decide(int kind, sqlite3_changeset_iter* it) {
        const char* tableName = nullptr;
        int columns = 0, op = 0, indirect = 0;
        sqlite3changeset_op(it, &tableName, &columns, &op, &indirect);
        std::string table = tableName;
        sqlite3_value* keyValue = nullptr;
        if (op == SQLITE_INSERT) sqlite3changeset_new(it, 0, &keyValue);
        else sqlite3changeset_old(it, 0, &keyValue);
        RowKey key{table, keyValue ? sqlite3_value_int64(keyValue) : 0};
        const std::string& what = description(index);
        int countColumn = table == "vote" ? info("vote").column("count") : -1;
        switch (kind) {
        case SQLITE_CHANGESET_DATA:
            if (op == SQLITE_UPDATE) {
                if (countColumn >= 0) {
                    // Dots are counts: this change adds (new - old) to what the row holds now.
                    sqlite3_value* o = nullptr;
                    sqlite3_value* n = nullptr;
                    sqlite3changeset_old(it, countColumn, &o);
                    sqlite3changeset_new(it, countColumn, &n);
                    if (o && n) {
                        dotFixes.emplace_back(key, sqlite3_value_int64(n) - sqlite3_value_int64(o));
                        return SQLITE_CHANGESET_OMIT;
                    }
                }
                laterWins(key, it, columns);
                return SQLITE_CHANGESET_REPLACE;
            }
            if (op == SQLITE_DELETE) {
                if (countColumn >= 0 && indirect) return SQLITE_CHANGESET_OMIT; // more dots since: their target comes back with them
                if (countColumn >= 0) { // a withdrawal of every dot, concurrent with more dots: take away its own
                    sqlite3_value* o = nullptr;
                    sqlite3changeset_old(it, countColumn, &o);
                    if (o) dotFixes.emplace_back(key, -sqlite3_value_int64(o));
                    return SQLITE_CHANGESET_OMIT;
                }
                if (!indirect)
                    note(key, ConflictKind::Kept,
                         trf("{0} {2} été gardé{3} : supprimé{3} sur une copie (« {1} »), {4} avait été modifié{3} en même temps sur une autre.",
                             "{0} was kept: deleted on one copy (\"{1}\"), it had been changed at the same time on another.",
                             the(name(table, key.id)), what, agreementOf(table).has, agreementOf(table).e, agreementOf(table).it));
            }
            return SQLITE_CHANGESET_OMIT; // the row stays as the concurrent change left it
        case SQLITE_CHANGESET_NOTFOUND:
            if (op == SQLITE_UPDATE) {
                Row values(static_cast<std::size_t>(columns));
                for (int c = 0; c < columns; ++c) {
                    sqlite3_value* v = nullptr;
                    sqlite3changeset_new(it, c, &v);
                    values[static_cast<std::size_t>(c)] = copyValue(v);
                    if (c == countColumn && v) { // dots: what this change added, on a row withdrawn meanwhile
                        sqlite3_value* o = nullptr;
                        sqlite3changeset_old(it, c, &o);
                        auto stone = tombstone(key, index);
                        bool cascaded = stone && isIndirectDelete(stone->first, key);
                        if (!cascaded) values[static_cast<std::size_t>(c)] = sqlite3_value_int64(v) - (o ? sqlite3_value_int64(o) : 0);
                        else restoredDots.emplace_back(key, o ? static_cast<int>(sqlite3_value_int64(o)) : 0);
                    }
                }
                if (countColumn >= 0 && dotsOf(key, values) < 0) { // a withdrawal on a row withdrawn meanwhile
                    overdrawn(key, -dotsOf(key, values));
                    return SQLITE_CHANGESET_OMIT;
                }
                revive.emplace_back(key, std::move(values));
            }
            if (op == SQLITE_DELETE) {
                alreadyGone.insert(key);
                if (countColumn >= 0 && !indirect) { // a withdrawal of dots already gone: nothing to take
                    sqlite3_value* o = nullptr;
                    sqlite3changeset_old(it, countColumn, &o);
                    if (o && sqlite3_value_int64(o) > 0) overdrawn(key, sqlite3_value_int64(o));
                }
            }
            return SQLITE_CHANGESET_OMIT; // a delete of a row already gone: nothing to do
        case SQLITE_CHANGESET_CONFLICT:
            if (countColumn >= 0) { // dots added again (an undone withdrawal) on a row that holds some: they add up
                sqlite3_value* n = nullptr;
                sqlite3changeset_new(it, countColumn, &n);
                if (n) dotFixes.emplace_back(key, sqlite3_value_int64(n));
                return SQLITE_CHANGESET_OMIT;
            }
            return SQLITE_CHANGESET_REPLACE; // the same row added twice (a redo): this one's values
        default: // CONSTRAINT, FOREIGN_KEY
            note(key, ConflictKind::Refused,
                 trf("{} : « {} » a été laissé de côté pour cet élément, la base le refusait.",
                     "{}: \"{}\" was left out for this item, the database refused it.", the(name(table, key.id)), what));
            return SQLITE_CHANGESET_OMIT;
        }
    }

    // Dots withdrawn on two copies at once, more than there were: the excess had nothing to
    // take, and the report says so (dots < 0: these were not taken off the boards).
    void overdrawn(const RowKey& key, std::int64_t excess) {
        std::optional<Row> row = rowOrTombstone(key.table, key.id);
        if (!row)
            if (const Row* full = voteRow(key)) row = *full;
        std::string voter, target;
        if (row) {
            std::int64_t member = intOf((*row)[static_cast<std::size_t>(info("vote").column("member_id"))]);
            std::int64_t noteId = intOf((*row)[static_cast<std::size_t>(info("vote").column("note_id"))]);
            std::int64_t cluster = intOf((*row)[static_cast<std::size_t>(info("vote").column("cluster_id"))]);
            if (member)
                if (auto memberRow = rowOrTombstone("member", member)) voter = field("member", *memberRow, "name");
            target = noteId ? name("note", noteId) : name("cluster", cluster);
        }
        std::string count = countOf(excess, "gommette déjà retirée", "gommettes déjà retirées", "dot already withdrawn",
                                    "dots already withdrawn");
        note(key, ConflictKind::Overdrawn,
             voter.empty() ? trf("Sur {}, {} sur une autre copie : rien de plus à retirer.",
                                 "On {}, {} on another copy: nothing more to withdraw.", target, count)
                           : trf("Sur {}, {} sur une autre copie : rien de plus à retirer pour {}.",
                                 "On {}, {} on another copy: nothing more to withdraw for {}.", target, count, voter),
             -static_cast<int>(excess));
    }

    bool isIndirectDelete(std::size_t pos, const RowKey& key) {
        for (const auto& c : changes[pos])
            if (c.op == SQLITE_DELETE && c.key.table == key.table && c.key.id == key.id) return c.indirect;
        return false;
    }

    void laterWins(const RowKey& key, sqlite3_changeset_iter* it, int columns) {
        const TableInfo& t = info(key.table);
        for (int c = 0; c < columns; ++c) {
            sqlite3_value* arriving = nullptr;
            sqlite3_value* current = nullptr;
            if (sqlite3changeset_new(it, c, &arriving) != SQLITE_OK || !arriving) continue;
            if (sqlite3changeset_conflict(it, c, &current) != SQLITE_OK || !current) continue;
            sqlite3_value* old = nullptr;
            sqlite3changeset_old(it, c, &old);
            SqlValue now = copyValue(current), next = copyValue(arriving);
            if (now == next || (old && copyValue(old) == now)) continue; // this column was not changed elsewhere
            std::string column = static_cast<std::size_t>(c) < t.columns.size() ? t.columns[static_cast<std::size_t>(c)] : "?";
            if (std::holds_alternative<std::string>(now))
                note(key, ConflictKind::LaterWins,
                     trf("{} : « {} » changé sur deux copies en même temps ; gardé : {} (« {} »), remplacé : {}.",
                         "{}: \"{}\" changed on two copies at once; kept: {} (\"{}\"), replaced: {}.", the(name(key.table, key.id)),
                         columnWord(column), quotedName(textOf(next)), description(index), quotedName(textOf(now))));
            else
                note(key, ConflictKind::LaterWins,
                     trf("{} : « {} » changé sur deux copies en même temps ; gardé : la valeur de « {} ».",
                         "{}: \"{}\" changed on two copies at once; kept: the value of \"{}\".", the(name(key.table, key.id)),
                         columnWord(column), description(index)));
        }
    }

    // ---- Repairs after the changeset ----

    // Inserts a row with these values (a deleted row brought back).
    bool insertRow(const std::string& table, const Row& values) {
        if (!values.empty()) mayDangle({table, intOf(values[0])}, SQLITE_UPDATE); // INSERT OR REPLACE: a replaced row's children too
        const TableInfo& t = info(table);
        std::size_t n = std::min(values.size(), t.columns.size()); // an old change may hold fewer columns
        std::string sql = "INSERT OR REPLACE INTO \"" + table + "\"(";
        for (std::size_t c = 0; c < n; ++c) sql += (c ? ",\"" : "\"") + t.columns[c] + "\"";
        sql += ") VALUES(";
        for (std::size_t c = 0; c < n; ++c) sql += c ? ",?" : "?";
        sql += ")";
        sqlite3_stmt* st = nullptr;
        if (sqlite3_prepare_v2(db, sql.c_str(), -1, &st, nullptr) != SQLITE_OK) return false;
        for (std::size_t c = 0; c < n; ++c) bindValue(st, static_cast<int>(c + 1), values[c]);
        bool ok = sqlite3_step(st) == SQLITE_DONE;
        sqlite3_finalize(st);
        return ok;
    }

    // Brings back a row deleted at or before this entry, `changes` on top. Its delete's other
    // effects on what hung on it are then taken back too (restoreHangers).
    // A vote's round, member and target never change: any addition of it gives its full row.
    // (A row that concurrent withdrawals took to zero has no tombstone of its own.)
    const Row* voteRow(const RowKey& key) {
        auto it = voteInserts.find(key);
        if (it == voteInserts.end()) return nullptr;
        for (std::size_t pos : it->second) {
            if (pos > index) break;
            for (const auto& c : changes[pos])
                if (c.op == SQLITE_INSERT && c.key.id == key.id && c.key.table == key.table) return &c.values;
        }
        return nullptr;
    }

    bool bringBack(const RowKey& key, const Row* newValues) {
        auto stone = tombstone(key, index);
        const Row* full = stone ? stone->second : key.table == "vote" ? voteRow(key) : nullptr;
        if (!full) return false;
        Row values = *full;
        if (newValues)
            for (std::size_t c = 0; c < values.size() && c < newValues->size(); ++c)
                if (!std::holds_alternative<Unchanged>((*newValues)[c])) values[c] = (*newValues)[c];
        if (key.table == "vote" && dotsOf(key, values) <= 0) return false;
        if (!insertRow(key.table, values)) return false;
        if (stone) sources.insert(stone->first);
        return true;
    }

    // Whether every row `row` of `table` must hang on (its ON DELETE CASCADE parents) exists.
    bool parentsPresent(const std::string& table, const Row& row) {
        bool any = false;
        for (const auto& k : info(table).keys) {
            if (!k.cascade || k.index < 0 || static_cast<std::size_t>(k.index) >= row.size()) continue;
            std::int64_t parent = intOf(row[static_cast<std::size_t>(k.index)]);
            if (!parent) continue;
            if (!exists(k.parent, parent)) return false;
            any = true;
        }
        return any;
    }

    // What a delete took along with a row (its cascade: notes of a team, dots of a note; and
    // the notes a regroupement held) comes back when that row is back or was kept.
    // What entry `pos` really did in this file (not what it did where it was made): a delete
    // gives back only what it took here. Entries before this merge's replay: their effect.
    const std::vector<RowChange>& actualChanges(std::size_t pos) {
        auto it = actual.find(pos);
        if (it != actual.end()) return it->second;
        if (pos == index) return changes[pos]; // this entry, still being applied
        return actual.emplace(pos, withCascades(pos, parseChanges(entries[pos]->effective()))).first->second;
    }

    // A replay runs with foreign keys off, so its effect marks no change as a cascade's: the
    // entry's own record says which were.
    std::vector<RowChange> withCascades(std::size_t pos, std::vector<RowChange> effect) {
        std::map<RowKey, bool> cascaded;
        for (const auto& c : changes[pos])
            if (c.indirect) cascaded[c.key] = true;
        for (auto& c : effect) c.indirect = cascaded.count(c.key) > 0;
        return effect;
    }

    bool restoreHangers() {
        bool changed = false;
        for (std::size_t source : std::vector<std::size_t>(sources.begin(), sources.end())) {
            for (const auto& c : actualChanges(source)) {
                if (source == index && alreadyGone.count(c.key)) continue; // not this entry's to give back
                if (!c.indirect) continue;
                if (c.op == SQLITE_DELETE) {
                    if (exists(c.key.table, c.key.id) || !parentsPresent(c.key.table, c.old)) continue;
                    auto stone = tombstone(c.key, index);
                    if (!stone || stone->first != source) continue; // deleted again since, by a delete that saw it
                    if (!insertRow(c.key.table, c.old)) continue;
                    changed = true;
                    if (source == index) continue; // taken back within the entry itself: never removed
                    int dots = dotsOf(c.key, c.old);
                    note(c.key, ConflictKind::Restored,
                         trf("{0} {2} revenu{3} avec ce qui {4} portait (supprimé{3} par « {1} », puis rétabli{3}).",
                             "{0} came back with what held it (deleted by \"{1}\", then brought back).", the(name(c.key.table, c.key.id)),
                             description(source), agreementOf(c.key.table).is, agreementOf(c.key.table).e,
                             agreementOf(c.key.table).them),
                         -dots, true);
                } else if (c.op == SQLITE_UPDATE) {
                    // ON DELETE SET NULL: the reference comes back when its row is back.
                    for (const auto& k : info(c.key.table).keys) {
                        auto i = static_cast<std::size_t>(k.index);
                        if (k.cascade || i >= c.old.size() || i >= c.values.size()) continue;
                        std::int64_t was = intOf(c.old[i]);
                        if (!was || !std::holds_alternative<std::monostate>(c.values[i]) || !exists(k.parent, was)) continue;
                        auto now = readRow(c.key.table, c.key.id);
                        if (!now || !std::holds_alternative<std::monostate>((*now)[i])) continue;
                        exec("UPDATE \"" + c.key.table + "\" SET \"" + k.column + "\" = " + std::to_string(was) + " WHERE id = " +
                             std::to_string(c.key.id));
                        changed = true;
                    }
                }
            }
        }
        return changed;
    }

    struct Dangling {
        std::string table;
        std::int64_t rowid;
        std::string parent;
        std::string column;
    };

    // Rows whose foreign keys the entry's replay may have left dangling: those it wrote, and
    // the children of those it deleted. Only these rows are checked, through the indexes on
    // the key columns: a check of whole tables after each entry made a merge into a large
    // event take a minute (PRAGMA foreign_key_check scans the table).
    std::set<RowKey> writtenRows, deletedRows;
    std::map<std::string, std::vector<std::pair<std::string, ForeignKey>>> childKeys; // parent table -> (child table, key)
    std::map<std::string, sqlite3_stmt*> statements; // prepared once per merge

    sqlite3_stmt* statement(const std::string& sql) {
        auto it = statements.find(sql);
        if (it != statements.end()) {
            sqlite3_reset(it->second);
            sqlite3_clear_bindings(it->second);
            return it->second;
        }
        sqlite3_stmt* st = nullptr;
        if (sqlite3_prepare_v2(db, sql.c_str(), -1, &st, nullptr) != SQLITE_OK)
            throw StorageError(trf("La fusion a échoué ({}). Rien n'a été modifié.", "The merge failed ({}). Nothing was changed.",
                                   sqlite3_errmsg(db)));
        return statements.emplace(sql, st).first->second;
    }

    ~Impl() {
        for (auto& [sql, st] : statements) sqlite3_finalize(st);
    }

    void mayDangle(const RowKey& key, int op) {
        if (op != SQLITE_DELETE) writtenRows.insert(key);
        if (op == SQLITE_UPDATE || op == SQLITE_DELETE) deletedRows.insert(key); // INSERT OR REPLACE deletes first
    }

    std::vector<Dangling> danglingReferences() {
        std::vector<Dangling> out;
        std::set<std::tuple<std::string, std::int64_t, std::string>> found;
        auto add = [&](const std::string& table, std::int64_t id, const ForeignKey& k) {
            if (found.insert({table, id, k.column}).second) out.push_back({table, id, k.parent, k.column});
        };
        for (const auto& key : writtenRows)
            for (const auto& k : info(key.table).keys) {
                sqlite3_stmt* st = statement("SELECT 1 FROM \"" + key.table + "\" c WHERE c.id = ? AND c.\"" + k.column +
                                             "\" IS NOT NULL AND NOT EXISTS (SELECT 1 FROM \"" + k.parent + "\" p WHERE p.\"" +
                                             k.parentColumn + "\" = c.\"" + k.column + "\")");
                sqlite3_bind_int64(st, 1, key.id);
                if (sqlite3_step(st) == SQLITE_ROW) add(key.table, key.id, k);
                sqlite3_reset(st);
            }
        if (childKeys.empty())
            for (const auto& t : contentTables())
                for (const auto& k : info(t).keys) childKeys[k.parent].push_back({t, k});
        for (const auto& key : deletedRows) {
            auto children = childKeys.find(key.table);
            if (children == childKeys.end() || exists(key.table, key.id)) continue;
            for (const auto& [table, k] : children->second) {
                if (k.parentColumn != "id") continue; // every key of the schema refers to an id
                sqlite3_stmt* st = statement("SELECT id FROM \"" + table + "\" WHERE \"" + k.column + "\" = ?");
                sqlite3_bind_int64(st, 1, key.id);
                std::vector<std::int64_t> ids;
                while (sqlite3_step(st) == SQLITE_ROW) ids.push_back(sqlite3_column_int64(st, 0));
                sqlite3_reset(st);
                for (std::int64_t id : ids) add(table, id, k);
            }
        }
        return out;
    }

    // A row pointing at a deleted one: bring the deleted one back, or when nothing can be
    // brought back, let go of the reference (a dot is given back, reported).
    bool repairDangling() {
        auto dangling = danglingReferences();
        bool changed = false;
        for (const auto& d : dangling) {
            const std::string& column = d.column;
            auto row = readRow(d.table, d.rowid);
            if (!row) continue;
            const TableInfo& t = info(d.table);
            int c = t.column(column);
            if (c < 0) continue;
            std::int64_t parentId = intOf((*row)[static_cast<std::size_t>(c)]);
            if (!parentId) continue;
            RowKey parent{d.parent, parentId}, child{d.table, d.rowid};
            if (exists(parent.table, parent.id)) continue; // brought back for another of its children just now: said once
            std::string parentName = name(parent.table, parent.id);
            if (bringBack(parent, nullptr)) {
                changed = true;
                auto stone = tombstone(parent, index);
                // The change that built on the row: this entry, or (when this entry is the delete,
                // whose cascade kept a row changed meanwhile) the concurrent change to that row.
                std::size_t writer = stone && stone->first == index ? concurrentWriter(child).value_or(index) : index;
                bool added = false;
                for (const auto& wc : changes[writer])
                    if (wc.key.table == child.table && wc.key.id == child.id) added = wc.op == SQLITE_INSERT;
                const Agreement& of = agreementOf(parent.table);
                const Agreement& by = agreementOf(d.table);
                std::string had = by.has == std::string("ont") ? "avaient" : "avait";
                // « y » already says where: the child is named without its team when that is the row back.
                std::string childName = d.table == "vote" && (parent.table == "note" || parent.table == "cluster")
                                            ? tr("des gommettes", "dots") // « y » names their target
                                            : name(d.table, d.rowid, parent.table != "team");
                note(parent, ConflictKind::BroughtBack,
                     added ? trf("{0} {3} été rétabli{4} : supprimé{4} sur une copie (« {1} »), {2} y {5} été ajouté{6} en même temps sur "
                                 "une autre.",
                                 "{0} was brought back: deleted on one copy (\"{1}\"), {2} had been added to it at the same time on another.",
                                 the(parentName), stone ? description(stone->first) : std::string(), childName, of.has, of.e, had, by.e)
                           : trf("{0} {4} été rétabli{5} : supprimé{5} sur une copie (« {1} »), {2} y {6} été changé{7} en même temps sur "
                                 "une autre (« {3} »).",
                                 "{0} was brought back: deleted on one copy (\"{1}\"), {2} had been changed at the same time on another (\"{3}\").",
                                 the(parentName), stone ? description(stone->first) : std::string(), childName, description(writer),
                                 of.has, of.e, had, by.e));
                continue;
            }
            changed = true;
            if (d.table == "vote" || t.notNull[static_cast<std::size_t>(c)]) {
                int dots = dotsOf(child, *row);
                std::string childName = name(d.table, d.rowid);
                exec("DELETE FROM \"" + d.table + "\" WHERE rowid = " + std::to_string(d.rowid));
                mayDangle(child, SQLITE_DELETE);
                note(child, d.table == "vote" ? ConflictKind::DotsReturned : ConflictKind::Removed,
                     d.table == "vote" ? trf("{} : leur cible ({}) n'existe plus.", "{}: their target ({}) is gone.",
                                             dotsGivenBack(dots), parentName)
                                       : trf("{0} {2} été retiré{3} : {1} dont {4} dépendait n'existe plus.",
                                             "{0} was removed: {1}, which it depended on, is gone.", the(childName), parentName,
                                             agreementOf(d.table).has, agreementOf(d.table).e, agreementOf(d.table).it),
                     dots);
            } else {
                exec("UPDATE \"" + d.table + "\" SET \"" + column + "\" = NULL WHERE rowid = " + std::to_string(d.rowid));
                note(child, ConflictKind::Refused,
                     trf("{} ne renvoie plus à {}, qui n'existe plus.", "{} no longer refers to {}, which is gone.",
                         the(name(d.table, d.rowid)), parentName));
            }
        }
        return changed;
    }

    void applyDotFixes() {
        for (const auto& [key, delta] : dotFixes) {
            auto row = readRow(key.table, key.id);
            if (!row) {
                if (delta > 0) {
                    Row values;
                    if (auto stone = tombstone(key, index)) values = *stone->second;
                    else if (const Row* full = voteRow(key)) values = *full;
                    if (values.empty()) continue;
                    values[static_cast<std::size_t>(info("vote").column("count"))] = delta;
                    insertRow(key.table, values);
                } else if (delta < 0) {
                    overdrawn(key, -delta);
                }
                continue;
            }
            std::int64_t count = intOf((*row)[static_cast<std::size_t>(info("vote").column("count"))]) + delta;
            if (count < 0) overdrawn(key, -count);
            if (count <= 0) exec("DELETE FROM vote WHERE id = " + std::to_string(key.id));
            else exec("UPDATE vote SET count = " + std::to_string(count) + " WHERE id = " + std::to_string(key.id));
        }
    }

    // A cascade took dots that a concurrent cast had changed, though the counts happened to
    // match (so SQLite saw no conflict): the dots stay, and bring their target back. Decided
    // from causality, never from the values.
    void keepConcurrentDots() {
        for (const auto& c : changes[index]) {
            if (c.key.table != "vote" || c.op != SQLITE_DELETE || !c.indirect || alreadyGone.count(c.key) || exists("vote", c.key.id))
                continue;
            auto w = voteWrites.find(c.key);
            if (w == voteWrites.end()) continue;
            bool concurrentCast = false;
            for (std::size_t pos : w->second)
                if (pos < index && !happenedBefore(*entries[pos], *entries[index])) concurrentCast = true;
            if (!concurrentCast || !insertRow("vote", c.old)) continue;
            note(c.key, ConflictKind::Restored,
                 trf("{} sont revenues : on y avait voté en même temps qu'elles étaient retirées.",
                     "{} came back: they had been voted on while they were being removed.", the(name("vote", c.key.id))),
                 0, true);
        }
    }

    // A delete that found the row as it had seen it, though a concurrent entry had changed it:
    // that change was since overwritten (a later edit, a repair), so SQLite sees no conflict.
    // The row stays, as with any edit/delete pair; decided from causality, never from values.
    // (What a kept row's delete took along comes back with it: restoreHangers; a cascade's
    // row kept brings its parent back: repairDangling.)
    // The last change to `key` replayed before this entry and concurrent with it (this entry
    // deleting the row kept it: that change is what the report names).
    std::optional<std::size_t> concurrentWriter(const RowKey& key) {
        auto& writes = key.table == "vote" ? voteWrites : rowWrites;
        auto w = writes.find(key);
        if (w == writes.end()) return std::nullopt;
        std::optional<std::size_t> found;
        for (std::size_t pos : w->second)
            if (pos < index && !happenedBefore(*entries[pos], *entries[index])) found = pos;
        return found;
    }

    void keepConcurrentlyChanged() {
        for (const auto& c : changes[index]) {
            if (c.op != SQLITE_DELETE || c.key.table == "vote" || alreadyGone.count(c.key)) continue;
            std::optional<std::size_t> concurrentWrite = concurrentWriter(c.key);
            if (!concurrentWrite || exists(c.key.table, c.key.id) || !insertRow(c.key.table, c.old)) continue;
            if (!c.indirect)
                note(c.key, ConflictKind::Kept,
                     trf("{0} {2} été gardé{3} : supprimé{3} sur une copie (« {1} »), {4} avait été modifié{3} en même temps sur une "
                         "autre (« {5} »).",
                         "{0} was kept: deleted on one copy (\"{1}\"), it had been changed at the same time on another (\"{5}\").",
                         the(name(c.key.table, c.key.id)), description(index), agreementOf(c.key.table).has,
                         agreementOf(c.key.table).e, agreementOf(c.key.table).it, description(*concurrentWrite)));
        }
    }

    // Deletes of rows this entry made: a delete that stands names what it took.
    void reportRemovals() {
        for (const auto& c : changes[index]) {
            if (c.op != SQLITE_DELETE || alreadyGone.count(c.key) || exists(c.key.table, c.key.id)) continue;
            static const std::set<std::string> kWork{"note", "cluster", "team", "member", "challenge", "prototype",
                                                     "feedback", "slot", "photo", "vote"};
            if (!kWork.count(c.key.table)) continue;
            int dots = c.indirect ? dotsOf(c.key, c.old) : 0; // a withdrawal is the voter's own, not a removal
            if (c.key.table == "vote") {
                if (!c.indirect) continue;
                std::int64_t target = intOf(c.old[static_cast<std::size_t>(info("vote").column("note_id"))]);
                std::int64_t cluster = intOf(c.old[static_cast<std::size_t>(info("vote").column("cluster_id"))]);
                note(c.key, ConflictKind::Removed,
                     trf("{} sur {} avec « {} ».", "{} on {} with \"{}\".", dotsGivenBack(dots),
                         target ? name("note", target) : name("cluster", cluster), description(index)),
                     dots, true);
                continue;
            }
            note(c.key, ConflictKind::Removed,
                 c.indirect ? trf("{0} {2} été supprimé{3} avec ce qui {4} portait (« {1} »).",
                                  "{0} was deleted with what held it (\"{1}\").", the(name(c.key.table, c.key.id)), description(index),
                                  agreementOf(c.key.table).has, agreementOf(c.key.table).e, agreementOf(c.key.table).them)
                            : trf("{0} {2} été supprimé{3} (« {1} »).", "{0} was deleted (\"{1}\").",
                                  the(name(c.key.table, c.key.id)), description(index), agreementOf(c.key.table).has,
                                  agreementOf(c.key.table).e),
                 dots, c.indirect);
        }
    }

    void markSite(Id site) {
        static const std::set<std::string> kSiteTables{"slot", "challenge", "team", "timed_session"};
        for (const auto& c : changes[index]) {
            if (c.op != SQLITE_INSERT || !kSiteTables.count(c.key.table)) continue;
            exec("UPDATE \"" + c.key.table + "\" SET event_id = " + std::to_string(site.value) + " WHERE id = " +
                 std::to_string(c.key.id) + " AND event_id IS NULL");
        }
    }

    bool incoming = false;

    void apply(std::size_t position, Id site, bool isIncoming) {
        incoming = isIncoming;
        index = position;
        sources = {position};
        revive.clear();
        dotFixes.clear();
        restoredDots.clear();
        alreadyGone.clear();
        const JournalEntry& entry = *entries[position];
        ChangeRecorder touched(recorded);
        writtenRows.clear();
        deletedRows.clear();
        for (const auto& c : changes[position]) mayDangle(c.key, c.op);
        if (!entry.changes.empty()) {
            int rc = sqlite3changeset_apply(db, static_cast<int>(entry.changes.bytes().size()),
                                            const_cast<char*>(entry.changes.bytes().data()), nullptr, &Impl::onConflict, this);
            if (rc != SQLITE_OK)
                throw StorageError(trf("La fusion a échoué en rejouant « {} » ({}). Rien n'a été modifié.",
                                       "The merge failed while replaying \"{}\" ({}). Nothing was changed.", entry.description,
                                       sqlite3_errstr(rc)));
        }
        applyDotFixes();
        keepConcurrentlyChanged();
        keepConcurrentDots();
        for (auto& [key, values] : revive) {
            std::string before = name(key.table, key.id);
            if (bringBack(key, &values)) {
                if (key.table == "vote") {
                    for (const auto& [dotKey, dots] : restoredDots)
                        if (dotKey.id == key.id)
                            note(key, ConflictKind::Restored,
                                 trf("{} sont revenues : on y avait voté en même temps qu'elles étaient retirées.",
                                     "{} came back: they had been voted on while they were being removed.", the(before)),
                                 -dots, true);
                    continue; // more dots on a withdrawn row: counted, nothing lost
                }
                note(key, ConflictKind::BroughtBack,
                     trf("{0} {2} été rétabli{3} avec la modification « {1} » : {4} avait été supprimé{3} en même temps sur une autre copie.",
                         "{0} was brought back with the change \"{1}\": it had been deleted at the same time on another copy.",
                         the(before), entry.description, agreementOf(key.table).has, agreementOf(key.table).e,
                         agreementOf(key.table).it));
            } else if (key.table != "vote") {
                note(key, ConflictKind::Refused,
                     trf("{} : la modification « {} » est perdue, l'élément est introuvable.",
                         "{}: the change \"{}\" is lost, the item cannot be found.", the(before), entry.description));
            }
        }
        if (site) markSite(site);
        for (int round = 0; round < 64; ++round) {
            bool changed = restoreHangers();
            changed = repairDangling() || changed;
            if (!changed) {
                // After each entry, so that the content after any entry depends only on the
                // entries up to it, whichever merge replayed them.
                std::vector<TouchedRow> rows;
                touched.take([&](const std::string& table, Id id, sqlite3_stmt* row) {
                    store.readRow(table, id, row, state);
                    rows.push_back({table, id});
                });
                mergeJointRules().repair(store, state, rows, report);
                if (incoming) reportRemovals();
                return;
            }
        }
        throw StorageError(tr("La fusion n'a pas pu rétablir les références entre éléments. Rien n'a été modifié.",
                              "The merge could not restore the references between items. Nothing was changed."));
    }
};

ReplayRules::ReplayRules(Store& store, const std::vector<const JournalEntry*>& entries, MergeReport& report)
    : m(std::make_unique<Impl>(store, entries, report)) {}

ReplayRules::~ReplayRules() = default;

void ReplayRules::apply(std::size_t index, Id site, bool incoming) { m->apply(index, site, incoming); }

void ReplayRules::recordEffect(std::size_t index, const Changeset& effect) {
    m->actual[index] = m->withCascades(index, parseChanges(effect));
}

} // namespace atelier
