#include "sync/merge.hpp"

#include "sync/changeset_walk.hpp"
#include "model/errors.hpp"
#include "model/language.hpp"
#include "storage/schema.hpp"
#include "sync/site_baseline.hpp"
#include "storage/store.hpp"

#include <SQLiteCpp/Exception.h>
#include <sqlite3.h>

#include <algorithm>
#include <filesystem>
#include <map>
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

SqlValue copyValue(sqlite3_value* v) {
    if (!v) return std::monostate{};
    switch (sqlite3_value_type(v)) {
    case SQLITE_INTEGER: return static_cast<std::int64_t>(sqlite3_value_int64(v));
    case SQLITE_FLOAT: return sqlite3_value_double(v);
    case SQLITE_TEXT:
        return std::string(reinterpret_cast<const char*>(sqlite3_value_text(v)), static_cast<std::size_t>(sqlite3_value_bytes(v)));
    case SQLITE_BLOB: {
        auto* p = static_cast<const unsigned char*>(sqlite3_value_blob(v));
        return std::vector<unsigned char>(p, p + sqlite3_value_bytes(v));
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

using Row = std::vector<SqlValue>;

struct RowKey {
    std::string table;
    Id id;
    bool operator<(const RowKey& o) const { return std::tie(table, id) < std::tie(o.table, o.id); }
};

// Where a deleted row can be found again: the full row each DELETE recorded, by entry position.
class Tombstones {
public:
    void add(std::size_t entryIndex, const Changeset& changes) {
        walkChanges(changes, [&](const ChangeStep& step) {
            if (step.op != SQLITE_DELETE) return;
            Row row;
            for (int c = 0; c < step.columns; ++c) {
                sqlite3_value* v = nullptr;
                sqlite3changeset_old(step.it, c, &v);
                row.push_back(copyValue(v));
            }
            auto* id = std::get_if<std::int64_t>(&row[0]);
            if (id) m_rows[{step.table, Id{*id}}].emplace_back(entryIndex, std::move(row));
        });
    }
    // The row as the latest delete before entry `beforeIndex` left it.
    const Row* find(const std::string& table, Id id, std::size_t beforeIndex) const {
        auto it = m_rows.find({table, id});
        if (it == m_rows.end()) return nullptr;
        const Row* best = nullptr;
        for (const auto& [index, row] : it->second)
            if (index < beforeIndex) best = &row;
        return best;
    }

private:
    std::map<RowKey, std::vector<std::pair<std::size_t, Row>>> m_rows;
};

class Replay {
public:
    Replay(sqlite3* db, const Tombstones& tombstones, std::vector<MergeConflict>& conflicts)
        : m_db(db), m_tombstones(tombstones), m_conflicts(conflicts) {}

    // Applies one entry's changes by the merge rules, then repairs references it left dangling.
    // `site`: the entry was made for another event (a site of a national review file), whose
    // new défis, teams, slots and timers are marked as that site's.
    void apply(const JournalEntry& entry, std::size_t index, Id site) {
        m_entry = &entry;
        m_index = index;
        m_revive.clear();
        if (!entry.changes.empty()) {
            int rc = sqlite3changeset_apply(m_db, static_cast<int>(entry.changes.bytes().size()),
                                            const_cast<char*>(entry.changes.bytes().data()), nullptr, &Replay::onConflict, this);
            if (rc != SQLITE_OK)
                throw StorageError(trf("La fusion a échoué en rejouant « {} » ({}). Rien n'a été modifié.",
                                       "The merge failed while replaying \"{}\" ({}). Nothing was changed.", entry.description,
                                       sqlite3_errstr(rc)));
        }
        for (auto& [key, newValues] : m_revive) revive(key.table, key.id, &newValues);
        if (site) markSite(entry.changes, site);
        repairReferences();
    }

private:
    static int onConflict(void* self, int kind, sqlite3_changeset_iter* it) {
        return static_cast<Replay*>(self)->decide(kind, it);
    }

    int decide(int kind, sqlite3_changeset_iter* it) {
        const char* table = nullptr;
        int columns = 0, op = 0, indirect = 0;
        sqlite3changeset_op(it, &table, &columns, &op, &indirect);
        sqlite3_value* key = nullptr;
        if (op == SQLITE_INSERT) sqlite3changeset_new(it, 0, &key);
        else sqlite3changeset_old(it, 0, &key);
        Id id{key ? sqlite3_value_int64(key) : 0};
        switch (kind) {
        case SQLITE_CHANGESET_DATA:
            if (op == SQLITE_UPDATE) {
                if (!sameAsNew(it, columns))
                    note(table, id, trf("{} modifié sur deux copies : la modification la plus récente (« {} ») l'emporte",
                                        "{} changed on two copies: the later change (\"{}\") wins", changedColumns(table, it, columns),
                                        m_entry->description));
                return SQLITE_CHANGESET_REPLACE;
            }
            if (op == SQLITE_DELETE) {
                note(table, id, trf("supprimé sur une copie (« {} ») mais modifié sur une autre : conservé",
                                    "deleted on one copy (\"{}\") but changed on another: kept", m_entry->description));
            }
            return SQLITE_CHANGESET_OMIT;
        case SQLITE_CHANGESET_NOTFOUND:
            if (op == SQLITE_UPDATE) {
                Row newValues(static_cast<std::size_t>(columns));
                for (int c = 0; c < columns; ++c) {
                    sqlite3_value* v = nullptr;
                    if (sqlite3changeset_new(it, c, &v) == SQLITE_OK && v) newValues[static_cast<std::size_t>(c)] = copyValue(v);
                    else newValues[static_cast<std::size_t>(c)] = Unchanged{};
                }
                m_revive.emplace_back(RowKey{table, id}, std::move(newValues));
            }
            return SQLITE_CHANGESET_OMIT; // a delete of a row already gone: nothing to do
        case SQLITE_CHANGESET_CONFLICT:
            if (!sameAsNew(it, columns))
                note(table, id, tr("ajouté sur deux copies avec des valeurs différentes : la plus récente l'emporte",
                                   "added on two copies with different values: the later wins"));
            return SQLITE_CHANGESET_REPLACE;
        default: // CONSTRAINT, FOREIGN_KEY
            note(table, id, trf("refusé par une règle de la base : « {} » laissé de côté pour cette ligne",
                                "refused by a database rule: \"{}\" left out for this row", m_entry->description));
            return SQLITE_CHANGESET_OMIT;
        }
    }

    // True when the row already holds the values the change would write (no real conflict).
    static bool sameAsNew(sqlite3_changeset_iter* it, int columns) {
        for (int c = 0; c < columns; ++c) {
            sqlite3_value* incoming = nullptr;
            sqlite3_value* current = nullptr;
            if (sqlite3changeset_new(it, c, &incoming) != SQLITE_OK || !incoming) continue;
            if (sqlite3changeset_conflict(it, c, &current) != SQLITE_OK || !current) return false;
            if (copyValue(incoming) != copyValue(current)) return false;
        }
        return true;
    }

    std::vector<std::string> columnNames(const std::string& table) {
        std::vector<std::string> names;
        sqlite3_stmt* st = nullptr;
        std::string sql = "PRAGMA table_info(\"" + table + "\")";
        sqlite3_prepare_v2(m_db, sql.c_str(), -1, &st, nullptr);
        while (sqlite3_step(st) == SQLITE_ROW) names.emplace_back(reinterpret_cast<const char*>(sqlite3_column_text(st, 1)));
        sqlite3_finalize(st);
        return names;
    }

    // "« text, x »": the columns an UPDATE writes.
    std::string changedColumns(const std::string& table, sqlite3_changeset_iter* it, int columns) {
        std::vector<std::string> names = columnNames(table);
        std::string list;
        for (int c = 0; c < columns && c < static_cast<int>(names.size()); ++c) {
            sqlite3_value* v = nullptr;
            if (sqlite3changeset_new(it, c, &v) == SQLITE_OK && v) list += (list.empty() ? "" : ", ") + names[static_cast<std::size_t>(c)];
        }
        return messageLanguage() == Language::French ? "« " + list + " »" : "\"" + list + "\"";
    }

    void markSite(const Changeset& changes, Id site) {
        static const std::set<std::string> kSiteTables{"slot", "challenge", "team", "timed_session"};
        walkChanges(changes, [&](const ChangeStep& step) {
            std::int64_t id = insertedId(step);
            if (!id || !kSiteTables.count(step.table)) return;
            exec("UPDATE \"" + std::string(step.table) + "\" SET event_id = " + std::to_string(site.value) + " WHERE id = " +
                 std::to_string(id) + " AND event_id IS NULL");
        });
    }

    void note(const std::string& table, Id id, std::string what) { m_conflicts.push_back({table, id, std::move(what)}); }

    // Brings back a row deleted by an earlier change, with `changes` (new column values) on top.
    bool revive(const std::string& table, Id id, const Row* changes) {
        const Row* row = m_tombstones.find(table, id, m_index);
        if (!row) {
            note(table, id, tr("modifié sur une copie mais introuvable ici : modification perdue",
                               "changed on one copy but not found here: change lost"));
            return false;
        }
        Row values = *row;
        if (changes)
            for (std::size_t c = 0; c < values.size() && c < changes->size(); ++c)
                if (!std::holds_alternative<Unchanged>((*changes)[c])) values[c] = (*changes)[c];
        // Named columns: a change recorded before a column was added holds fewer values.
        std::vector<std::string> names = columnNames(table);
        if (values.size() > names.size()) values.resize(names.size());
        std::string sql = "INSERT OR REPLACE INTO \"" + table + "\"(";
        for (std::size_t c = 0; c < values.size(); ++c) sql += (c ? ",\"" : "\"") + names[c] + "\"";
        sql += ") VALUES(";
        for (std::size_t c = 0; c < values.size(); ++c) sql += c ? ",?" : "?";
        sql += ")";
        sqlite3_stmt* st = nullptr;
        if (sqlite3_prepare_v2(m_db, sql.c_str(), -1, &st, nullptr) != SQLITE_OK) return false;
        for (std::size_t c = 0; c < values.size(); ++c) bindValue(st, static_cast<int>(c + 1), values[c]);
        bool ok = sqlite3_step(st) == SQLITE_DONE;
        sqlite3_finalize(st);
        if (ok)
            note(table, id, changes ? tr("supprimé sur une copie mais modifié sur une autre : conservé avec la modification",
                                         "deleted on one copy but changed on another: kept with the change")
                                    : tr("supprimé sur une copie mais encore utilisé sur une autre : rétabli",
                                         "deleted on one copy but still used on another: brought back"));
        return ok;
    }

    // A row that points at a deleted one: bring the deleted one back (or, failing that, let
    // go of the reference), until nothing dangles.
    void repairReferences() {
        for (int round = 0; round < 16; ++round) {
            std::vector<std::tuple<std::string, std::int64_t, std::string, int>> dangling;
            {
                sqlite3_stmt* st = nullptr;
                sqlite3_prepare_v2(m_db, "PRAGMA foreign_key_check", -1, &st, nullptr);
                while (sqlite3_step(st) == SQLITE_ROW)
                    dangling.emplace_back(reinterpret_cast<const char*>(sqlite3_column_text(st, 0)), sqlite3_column_int64(st, 1),
                                          reinterpret_cast<const char*>(sqlite3_column_text(st, 2)), sqlite3_column_int(st, 3));
                sqlite3_finalize(st);
            }
            if (dangling.empty()) return;
            for (const auto& [table, rowid, parent, fk] : dangling) {
                std::string column = foreignKeyColumn(table, fk);
                std::int64_t parentId = columnValue(table, column, rowid);
                if (parentId && revive(parent, Id{parentId}, nullptr)) continue;
                // Nothing to bring back: drop the reference (or the row, when it cannot exist alone).
                bool nullable = columnNullable(table, column);
                exec(nullable ? "UPDATE \"" + table + "\" SET \"" + column + "\" = NULL WHERE rowid = " + std::to_string(rowid)
                              : "DELETE FROM \"" + table + "\" WHERE rowid = " + std::to_string(rowid));
                note(table, Id{rowid}, tr("faisait référence à un élément supprimé : référence retirée",
                                          "referred to a deleted item: reference removed"));
            }
        }
        throw StorageError(tr("La fusion n'a pas pu rétablir les références entre éléments. Rien n'a été modifié.",
                              "The merge could not restore the references between items. Nothing was changed."));
    }

    std::string foreignKeyColumn(const std::string& table, int fk) {
        sqlite3_stmt* st = nullptr;
        std::string sql = "PRAGMA foreign_key_list(\"" + table + "\")";
        sqlite3_prepare_v2(m_db, sql.c_str(), -1, &st, nullptr);
        std::string column;
        while (sqlite3_step(st) == SQLITE_ROW)
            if (sqlite3_column_int(st, 0) == fk) column = reinterpret_cast<const char*>(sqlite3_column_text(st, 3));
        sqlite3_finalize(st);
        return column;
    }

    bool columnNullable(const std::string& table, const std::string& column) {
        sqlite3_stmt* st = nullptr;
        std::string sql = "PRAGMA table_info(\"" + table + "\")";
        sqlite3_prepare_v2(m_db, sql.c_str(), -1, &st, nullptr);
        bool nullable = true;
        while (sqlite3_step(st) == SQLITE_ROW)
            if (column == reinterpret_cast<const char*>(sqlite3_column_text(st, 1))) nullable = sqlite3_column_int(st, 3) == 0;
        sqlite3_finalize(st);
        return nullable;
    }

    std::int64_t columnValue(const std::string& table, const std::string& column, std::int64_t rowid) {
        sqlite3_stmt* st = nullptr;
        std::string sql = "SELECT \"" + column + "\" FROM \"" + table + "\" WHERE rowid = ?";
        sqlite3_prepare_v2(m_db, sql.c_str(), -1, &st, nullptr);
        sqlite3_bind_int64(st, 1, rowid);
        std::int64_t value = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
        sqlite3_finalize(st);
        return value;
    }

    void exec(const std::string& sql) {
        if (sqlite3_exec(m_db, sql.c_str(), nullptr, nullptr, nullptr) != SQLITE_OK)
            throw StorageError(trf("La fusion a échoué ({}). Rien n'a été modifié.", "The merge failed ({}). Nothing was changed.",
                                   sqlite3_errmsg(m_db)));
    }

    sqlite3* m_db;
    const Tombstones& m_tombstones;
    std::vector<MergeConflict>& m_conflicts;
    const JournalEntry* m_entry = nullptr;
    std::size_t m_index = 0;
    std::vector<std::pair<RowKey, Row>> m_revive;
};

int abortOnConflict(void*, int, sqlite3_changeset_iter*) { return SQLITE_CHANGESET_ABORT; }

} // namespace

MergeReport mergeEventFiles(Store& into, const std::string& fromPath) {
    namespace fs = std::filesystem;
    std::error_code ec;
    if (fs::equivalent(into.path(), fromPath, ec))
        throw FileError(trf("« {} » est le fichier ouvert lui-même : choisissez le fichier d'une autre copie.",
                            "\"{}\" is the open file itself: choose another copy's file.", fromPath));
    auto from = Store::open(fromPath, OpenMode::ReadOnly);
    MergeReport report;
    Journal intoJournal(into);
    Journal fromJournal(*from);
    Id intoEvent = intoJournal.event();
    Id fromEvent = fromJournal.event();
    std::vector<JournalEntry> fromEntries = fromJournal.all();
    if (intoEvent != fromEvent) {
        // Another event: a site, consolidated into a national review file. Only a file with no
        // défi or team of its own takes sites, so that a file of the wrong event, picked by
        // mistake, is refused rather than mixed into a running event.
        bool ownContent = into.db().execAndGet("SELECT EXISTS(SELECT 1 FROM challenge WHERE event_id IS NULL) OR "
                                               "EXISTS(SELECT 1 FROM team WHERE event_id IS NULL)").getInt() != 0;
        std::string fromName = from->db().execAndGet("SELECT name FROM event WHERE id = " + std::to_string(fromEvent.value)).getString();
        if (ownContent)
            throw FileError(trf("« {} » est un autre événement (« {} ») : on ne fusionne que des copies d'un même événement. "
                                "Pour réunir les sites de plusieurs événements, créez un fichier de revue vide "
                                "(atelier new revue.db --name \"Revue nationale\") et fusionnez-y le fichier de chaque site.",
                                "\"{}\" is another event (\"{}\"): only copies of one event can be merged. To gather "
                                "the sites of several events, create an empty review file (atelier new review.db --name "
                                "\"National review\") and merge each site's file into it.",
                                fromPath, fromName));
        report.site = fromName;
        if (auto baseline = siteBaseline(*from, fromEntries)) {
            fromEntries.push_back(std::move(*baseline));
            std::sort(fromEntries.begin(), fromEntries.end(), entryBefore);
        }
    }

    auto known = intoJournal.ids();
    std::vector<JournalEntry> incoming;
    for (auto& entry : fromEntries) {
        if (known.count(entry.id)) ++report.knownEntries;
        else incoming.push_back(std::move(entry));
    }
    from.reset();
    report.newEntries = incoming.size();
    if (incoming.empty()) return report;

    // Everything INTO did after the earliest new change is rewound, then replayed with it.
    std::vector<JournalEntry> history = intoJournal.all();
    auto firstLater = std::upper_bound(history.begin(), history.end(), incoming.front(), entryBefore);
    std::vector<JournalEntry> rewound(std::make_move_iterator(firstLater), std::make_move_iterator(history.end()));
    history.erase(firstLater, history.end());
    report.replayedEntries = rewound.size();

    std::vector<JournalEntry> replay;
    replay.reserve(rewound.size() + incoming.size());
    for (auto& e : rewound) replay.push_back(e);
    for (auto& e : incoming) replay.push_back(e);
    std::sort(replay.begin(), replay.end(), entryBefore);

    // Deleted rows can be found again in the changes of every entry, in time order.
    Tombstones tombstones;
    for (std::size_t i = 0; i < history.size(); ++i) tombstones.add(i, history[i].changes);
    for (std::size_t i = 0; i < replay.size(); ++i) tombstones.add(history.size() + i, replay[i].changes);

    sqlite3* db = into.db().getHandle();
    // Changesets carry the rows their cascades touched: apply them with foreign keys off.
    into.db().exec("PRAGMA foreign_keys=OFF");
    try {
        into.db().exec("BEGIN IMMEDIATE");
        try {
            for (auto it = rewound.rbegin(); it != rewound.rend(); ++it) {
                Changeset undo = it->effective().inverted();
                if (undo.empty()) continue;
                int rc = sqlite3changeset_apply(db, static_cast<int>(undo.bytes().size()), const_cast<char*>(undo.bytes().data()),
                                                nullptr, abortOnConflict, nullptr);
                if (rc != SQLITE_OK)
                    throw StorageError(trf("La fusion n'a pas pu remonter le journal de ce fichier (« {} »). Rien n'a été modifié.",
                                           "The merge could not rewind this file's journal (\"{}\"). Nothing was changed.",
                                           it->description));
            }
            Replay replayer(db, tombstones, report.conflicts);
            std::unordered_set<Id> incomingIds;
            for (const auto& e : incoming) incomingIds.insert(e.id);
            for (std::size_t i = 0; i < replay.size(); ++i) {
                const JournalEntry& entry = replay[i];
                Changeset effect;
                {
                    ChangeRecorder recorder(db, contentTables());
                    replayer.apply(entry, history.size() + i, entry.event != intoEvent ? entry.event : Id{});
                    effect = recorder.take();
                }
                std::optional<Changeset> stored;
                if (effect.bytes() != entry.changes.bytes()) stored = effect;
                if (incomingIds.count(entry.id)) {
                    JournalEntry copy = entry;
                    copy.effect = stored;
                    intoJournal.append(copy);
                } else {
                    intoJournal.setEffect(entry.id, stored);
                }
            }
            into.db().exec("COMMIT");
        } catch (...) {
            into.db().tryExec("ROLLBACK");
            throw;
        }
    } catch (const SQLite::Exception& e) {
        into.db().tryExec("PRAGMA foreign_keys=ON");
        if (e.getErrorCode() == SQLITE_FULL)
            throw StorageError(tr("Le disque est plein : la fusion n'a pas été enregistrée, le fichier est inchangé.",
                                  "The disk is full: the merge was not saved, the file is unchanged."));
        throw StorageError(trf("La fusion a échoué ({}) : le fichier est inchangé.", "The merge failed ({}): the file is unchanged.",
                               e.what()));
    } catch (...) {
        into.db().tryExec("PRAGMA foreign_keys=ON");
        throw;
    }
    into.db().exec("PRAGMA foreign_keys=ON");
    return report;
}

} // namespace atelier
