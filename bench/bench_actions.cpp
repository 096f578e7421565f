// Target 2 of issue 7: the latency of saving one action through the engine, against a plain
// SQLite C API loop writing the same rows into the same schema with the same pragmas (same
// run, interleaved rounds); and the bulk import of a JSON bundle of 10,000 notes against a plain
// loop writing the same rows in one transaction.
#include "bench_common.hpp"

#include "engine/engine.hpp"
#include "generate.hpp"
#include "io/bundle.hpp"
#include "io/search.hpp"

#include <sqlite3.h>

#include <cstring>
#include <random>
#include <stdexcept>
#include <variant>

using namespace atelier;
using namespace atelier::bench;

namespace {

void check(int rc, sqlite3* db, const char* what) {
    if (rc != SQLITE_OK && rc != SQLITE_DONE && rc != SQLITE_ROW)
        throw std::runtime_error(std::string(what) + ": " + sqlite3_errmsg(db));
}

// The plain loop's connection: the same pragmas as Store::configure (no automatic checkpoint:
// both sides checkpoint between rounds, as the app does when idle), the same folding function
// the schema's search triggers call.
sqlite3* openPlain(const std::string& path) {
    sqlite3* db = nullptr;
    check(sqlite3_open(path.c_str(), &db), db, "open");
    registerSearchFunctions(db);
    check(sqlite3_exec(db, "PRAGMA busy_timeout=2000; PRAGMA foreign_keys=ON; PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; "
                           "PRAGMA wal_autocheckpoint=0;",
                       nullptr, nullptr, nullptr),
          db, "pragmas");
    return db;
}

void exec(sqlite3* db, const char* sql) { check(sqlite3_exec(db, sql, nullptr, nullptr, nullptr), db, sql); }

struct JournalRow {
    std::int64_t id, at, origin;
    std::string description, changes;
};

// The journal rows the engine wrote after `afterAt`, in order: the plain loop writes them too.
std::vector<JournalRow> journalRows(sqlite3* db, std::int64_t afterAt) {
    std::vector<JournalRow> out;
    sqlite3_stmt* st = nullptr;
    check(sqlite3_prepare_v2(db, "SELECT id, at, origin, description, changes FROM journal WHERE at > ? ORDER BY at, id", -1, &st, nullptr),
          db, "journal");
    sqlite3_bind_int64(st, 1, afterAt);
    while (sqlite3_step(st) == SQLITE_ROW)
        out.push_back({sqlite3_column_int64(st, 0), sqlite3_column_int64(st, 1), sqlite3_column_int64(st, 2),
                       reinterpret_cast<const char*>(sqlite3_column_text(st, 3)),
                       std::string(static_cast<const char*>(sqlite3_column_blob(st, 4)), static_cast<std::size_t>(sqlite3_column_bytes(st, 4)))});
    sqlite3_finalize(st);
    return out;
}

struct Latencies {
    std::vector<double> add, move;
};

// One round through the engine: `count` note creations, each followed by a move of that note.
std::vector<Note> engineRound(Engine& engine, Id team, int count, int round, Latencies& out) {
    std::vector<Note> written;
    for (int i = 0; i < count; ++i) {
        AddNote add;
        add.team = team;
        add.text = "Idée " + std::to_string(round) + "-" + std::to_string(i) + " : un guichet unique pour l’accueil des usagers";
        add.x = 100.0 + i;
        add.y = 200.0 + round;
        auto t0 = Steady::now();
        ActionResult r = engine.apply(add);
        out.add.push_back(msSince(t0));
        MoveNotes move;
        move.moves.push_back({r.created.front(), 300.0 + i, 400.0 + round});
        t0 = Steady::now();
        engine.apply(move);
        out.move.push_back(msSince(t0));
        written.push_back(*engine.state().find<Note>(r.created.front()));
    }
    return written;
}

// The same rows by hand: per note, one transaction inserting it and its journal row, then one
// updating its position (and z) and inserting the move's journal row.
void plainRound(sqlite3* db, const std::vector<Note>& notes, const std::vector<JournalRow>& journal, Latencies& out) {
    static const char* kInsertNote =
        "INSERT INTO note(id,team_id,text,colour,x,y,width,height,z,author_id,phase,cluster_id,hidden,created_at) "
        "VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?)";
    static const char* kMoveNote = "UPDATE note SET x=?, y=?, z=? WHERE id=?";
    static const char* kJournal = "INSERT INTO journal(id, at, origin, description, changes, effect) VALUES(?,?,?,?,?,NULL)";
    sqlite3_stmt *insert = nullptr, *move = nullptr, *log = nullptr;
    check(sqlite3_prepare_v2(db, kInsertNote, -1, &insert, nullptr), db, "prepare insert");
    check(sqlite3_prepare_v2(db, kMoveNote, -1, &move, nullptr), db, "prepare move");
    check(sqlite3_prepare_v2(db, kJournal, -1, &log, nullptr), db, "prepare journal");
    auto writeJournal = [&](const JournalRow& j) {
        sqlite3_reset(log);
        sqlite3_bind_int64(log, 1, j.id);
        sqlite3_bind_int64(log, 2, j.at);
        sqlite3_bind_int64(log, 3, j.origin);
        sqlite3_bind_text(log, 4, j.description.c_str(), -1, SQLITE_STATIC);
        sqlite3_bind_blob(log, 5, j.changes.data(), static_cast<int>(j.changes.size()), SQLITE_STATIC);
        check(sqlite3_step(log), db, "journal");
    };
    for (std::size_t i = 0; i < notes.size(); ++i) {
        const Note& n = notes[i];
        auto t0 = Steady::now();
        exec(db, "BEGIN IMMEDIATE");
        sqlite3_reset(insert);
        sqlite3_bind_int64(insert, 1, n.id.value);
        sqlite3_bind_int64(insert, 2, n.teamId.value);
        sqlite3_bind_text(insert, 3, n.text.c_str(), -1, SQLITE_STATIC);
        sqlite3_bind_text(insert, 4, n.colour.c_str(), -1, SQLITE_STATIC);
        sqlite3_bind_double(insert, 5, 100.0);
        sqlite3_bind_double(insert, 6, 200.0);
        sqlite3_bind_double(insert, 7, n.width);
        sqlite3_bind_double(insert, 8, n.height);
        sqlite3_bind_int64(insert, 9, n.z - 1);
        sqlite3_bind_null(insert, 10);
        sqlite3_bind_text(insert, 11, "diverge", -1, SQLITE_STATIC);
        sqlite3_bind_null(insert, 12);
        sqlite3_bind_int(insert, 13, 0);
        sqlite3_bind_int64(insert, 14, n.createdAt);
        check(sqlite3_step(insert), db, "insert");
        writeJournal(journal[2 * i]);
        exec(db, "COMMIT");
        out.add.push_back(msSince(t0));
        t0 = Steady::now();
        exec(db, "BEGIN IMMEDIATE");
        sqlite3_reset(move);
        sqlite3_bind_double(move, 1, n.x);
        sqlite3_bind_double(move, 2, n.y);
        sqlite3_bind_int64(move, 3, n.z);
        sqlite3_bind_int64(move, 4, n.id.value);
        check(sqlite3_step(move), db, "move");
        writeJournal(journal[2 * i + 1]);
        exec(db, "COMMIT");
        out.move.push_back(msSince(t0));
    }
    sqlite3_finalize(insert);
    sqlite3_finalize(move);
    sqlite3_finalize(log);
}

// ---- Bulk ----

using Value = std::variant<std::monostate, std::int64_t, double, std::string, std::vector<unsigned char>>;
struct Table {
    std::string name;
    int columns = 0;
    std::vector<std::vector<Value>> rows;
};

std::vector<Table> readRows(const std::string& path) {
    sqlite3* db = openPlain(path);
    std::vector<Table> tables;
    for (const char* name : {"event", "slot", "challenge", "team", "member", "phase_change", "cluster", "note", "vote_round", "vote",
                             "prototype", "photo", "feedback", "timed_session"}) {
        Table t{name, 0, {}};
        sqlite3_stmt* st = nullptr;
        check(sqlite3_prepare_v2(db, ("SELECT * FROM " + t.name).c_str(), -1, &st, nullptr), db, "select");
        t.columns = sqlite3_column_count(st);
        while (sqlite3_step(st) == SQLITE_ROW) {
            std::vector<Value> row;
            for (int c = 0; c < t.columns; ++c) {
                switch (sqlite3_column_type(st, c)) {
                case SQLITE_INTEGER: row.emplace_back(sqlite3_column_int64(st, c)); break;
                case SQLITE_FLOAT: row.emplace_back(sqlite3_column_double(st, c)); break;
                case SQLITE_TEXT: row.emplace_back(std::string(reinterpret_cast<const char*>(sqlite3_column_text(st, c)))); break;
                case SQLITE_BLOB: {
                    auto* p = static_cast<const unsigned char*>(sqlite3_column_blob(st, c));
                    row.emplace_back(std::vector<unsigned char>(p, p + sqlite3_column_bytes(st, c)));
                    break;
                }
                default: row.emplace_back(std::monostate{});
                }
            }
            t.rows.push_back(std::move(row));
        }
        sqlite3_finalize(st);
        tables.push_back(std::move(t));
    }
    sqlite3_close(db);
    return tables;
}

// The plain bulk loop: an empty event file with the schema (made by the store, then closed),
// then every row inserted in one transaction, the search triggers indexing row by row.
double plainBulk(const std::string& emptyTemplate, const std::string& path, const std::vector<Table>& tables) {
    std::filesystem::copy_file(emptyTemplate, path);
    auto t0 = Steady::now();
    sqlite3* db = openPlain(path);
    exec(db, "PRAGMA cache_size=-131072");
    exec(db, "BEGIN IMMEDIATE");
    exec(db, "PRAGMA defer_foreign_keys=ON");
    for (const Table& t : tables) {
        std::string sql = "INSERT OR REPLACE INTO " + t.name + " VALUES(";
        for (int c = 0; c < t.columns; ++c) sql += c ? ",?" : "?";
        sql += ")";
        sqlite3_stmt* st = nullptr;
        check(sqlite3_prepare_v2(db, sql.c_str(), -1, &st, nullptr), db, "prepare bulk");
        for (const auto& row : t.rows) {
            sqlite3_reset(st);
            for (int c = 0; c < t.columns; ++c) {
                const Value& v = row[static_cast<std::size_t>(c)];
                if (auto* i = std::get_if<std::int64_t>(&v)) sqlite3_bind_int64(st, c + 1, *i);
                else if (auto* d = std::get_if<double>(&v)) sqlite3_bind_double(st, c + 1, *d);
                else if (auto* s = std::get_if<std::string>(&v)) sqlite3_bind_text(st, c + 1, s->c_str(), static_cast<int>(s->size()), SQLITE_STATIC);
                else if (auto* b = std::get_if<std::vector<unsigned char>>(&v)) sqlite3_bind_blob(st, c + 1, b->data(), static_cast<int>(b->size()), SQLITE_STATIC);
                else sqlite3_bind_null(st, c + 1);
            }
            check(sqlite3_step(st), db, "bulk insert");
        }
        sqlite3_finalize(st);
    }
    exec(db, "COMMIT");
    sqlite3_close(db);
    return msSince(t0);
}

} // namespace

int main(int argc, char** argv) {
    int rounds = argc > 1 ? std::atoi(argv[1]) : 7;
    TempDir dir;
    FakeClock clock(1531123200000);

    // ---- One action at a time, on the big event (50,000 notes) ----
    std::printf("== Saving one action (event at 10x the CNFPT scale: 50,000 notes) ==\n");
    std::string big = dir.file("big.db");
    generateEvent(big, GenerateOptions{});
    std::string engineCopy = dir.file("engine.db"), plainCopy = dir.file("plain.db");
    std::filesystem::copy_file(big, engineCopy);
    std::filesystem::copy_file(big, plainCopy);
    auto engine = Engine::open(engineCopy, clock);
    Id team = engine->state().teamsInOrder().front()->id;
    sqlite3* plain = openPlain(plainCopy);
    sqlite3* engineReader = openPlain(engineCopy);
    Latencies engineAll, plainAll;
    // Warm-up (statement caches, page cache), then interleaved rounds so drift hits both alike.
    { Latencies warm; engineRound(*engine, team, 20, -1, warm); }
    const int perRound = 60;
    for (int round = 0; round < rounds; ++round) {
        std::int64_t lastAt = 0;
        {
            sqlite3_stmt* st = nullptr;
            sqlite3_prepare_v2(engineReader, "SELECT coalesce(max(at),0) FROM journal", -1, &st, nullptr);
            if (sqlite3_step(st) == SQLITE_ROW) lastAt = sqlite3_column_int64(st, 0);
            sqlite3_finalize(st);
        }
        std::vector<Note> notes = engineRound(*engine, team, perRound, round, engineAll);
        std::vector<JournalRow> journal = journalRows(engineReader, lastAt);
        if (journal.size() != notes.size() * 2) throw std::runtime_error("unexpected journal rows");
        plainRound(plain, notes, journal, plainAll);
        // The pause between two bursts of work, untimed: the app checkpoints when idle.
        engine->checkpoint();
        sqlite3_wal_checkpoint_v2(plain, "main", SQLITE_CHECKPOINT_PASSIVE, nullptr, nullptr);
    }
    sqlite3_close(engineReader);
    sqlite3_close(plain);
    std::vector<double> engineBoth, plainBoth;
    for (std::size_t i = 0; i < engineAll.add.size(); ++i) engineBoth.push_back(engineAll.add[i]), engineBoth.push_back(engineAll.move[i]);
    for (std::size_t i = 0; i < plainAll.add.size(); ++i) plainBoth.push_back(plainAll.add[i]), plainBoth.push_back(plainAll.move[i]);
    std::printf("samples: %zu creations and %zu moves each side, %d interleaved rounds\n", engineAll.add.size(), engineAll.move.size(), rounds);
    std::printf("%-22s %10s %10s %10s\n", "", "median ms", "p95 ms", "max ms");
    auto row = [](const char* name, const std::vector<double>& v) {
        std::printf("%-22s %10.3f %10.3f %10.3f\n", name, median(v), percentile(v, 0.95), percentile(v, 1.0));
    };
    row("engine add_note", engineAll.add);
    row("engine move_notes", engineAll.move);
    row("plain insert", plainAll.add);
    row("plain update", plainAll.move);
    double p95 = percentile(engineBoth, 0.95);
    verdict(p95 <= 2.0, "save one action (add + move), p95",
            figure("%.3f ms", p95) + figure(" (plain loop, same run: %.3f ms)", percentile(plainBoth, 0.95)), "<= 2 ms");
    double ratioAdd = median(engineAll.add) / median(plainAll.add);
    double ratioMove = median(engineAll.move) / median(plainAll.move);
    double ratio = median(engineBoth) / median(plainBoth);
    verdict(ratioAdd <= 1.5, "engine/plain median ratio, add_note", figure("%.2fx", ratioAdd), "<= 1.5x");
    verdict(ratioMove <= 1.5, "engine/plain median ratio, move_notes", figure("%.2fx", ratioMove), "<= 1.5x");
    verdict(ratio <= 1.5, "engine/plain median ratio, both", figure("%.2fx", ratio), "<= 1.5x");
    engine.reset();

    // ---- Bulk: a JSON bundle of 10,000 notes ----
    std::printf("\n== Bulk import of a JSON bundle holding 10,000 notes ==\n");
    std::string source = dir.file("scale2.db");
    GenerateOptions two;
    two.scale = 2;
    generateEvent(source, two);
    std::string json;
    {
        auto store = Store::open(source, OpenMode::ReadOnly);
        json = exportBundle(*store);
    }
    std::vector<Table> tables = readRows(source);
    std::string emptyTemplate = dir.file("empty.db");
    {
        EventInfo info;
        info.id = Id{1};
        info.name = "template";
        Store::create(emptyTemplate, info);
    }
    tables.erase(tables.begin()); // the template has its own event row; the plain loop replaces it
    {
        // The template's event row has another id: drop it so the bundle's event row is the only one.
        sqlite3* db = openPlain(emptyTemplate);
        exec(db, "DELETE FROM event");
        sqlite3_close(db);
        tables.insert(tables.begin(), readRows(source).front());
    }
    std::vector<double> importMs, plainMs, parseMs;
    for (int run = 0; run < rounds; ++run) {
        std::string a = dir.file("import" + std::to_string(run) + ".db"), b = dir.file("plainbulk" + std::to_string(run) + ".db");
        auto t0 = Steady::now();
        importBundle(a, json).reset();
        importMs.push_back(msSince(t0));
        plainMs.push_back(plainBulk(emptyTemplate, b, tables));
        std::filesystem::remove(a), std::filesystem::remove(b);
    }
    std::printf("bundle: %.1f MB of JSON, %zu note rows\n", static_cast<double>(json.size()) / 1e6, tables[7].rows.size());
    std::printf("%-22s %10s\n", "", "median ms");
    std::printf("%-22s %10.1f\n", "importBundle", median(importMs));
    std::printf("%-22s %10.1f\n", "plain loop", median(plainMs));
    double bulkRatio = median(importMs) / median(plainMs);
    verdict(median(importMs) < 500, "bundle import (10,000 notes), median", figure("%.1f ms", median(importMs)), "< 500 ms");
    verdict(bulkRatio <= 1.3, "import/plain median ratio", figure("%.2fx", bulkRatio), "<= 1.3x");
    return 0;
}
