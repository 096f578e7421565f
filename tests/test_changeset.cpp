// Changesets: the recorder writes what SQLite's session extension would have written for the
// same changes (checked against a real session, change for change), so the sqlite3changeset_*
// functions undo, redo and merge them alike.
#include "sync/changeset.hpp"
#include "model/errors.hpp"

#include <catch2/catch.hpp>
#include <sqlite3.h>

#include <algorithm>
#include <memory>
#include <random>
#include <stdexcept>
#include <string>
#include <vector>

using namespace atelier;

namespace {

void exec(sqlite3* db, const std::string& sql) {
    char* error = nullptr;
    if (sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &error) != SQLITE_OK) {
        std::string message = error ? error : "?";
        sqlite3_free(error);
        throw std::runtime_error(sql + ": " + message);
    }
}

struct Db {
    sqlite3* db = nullptr;
    Db() {
        sqlite3_open(":memory:", &db);
        exec(db, "PRAGMA foreign_keys=ON;"
                 "CREATE TABLE team (id INTEGER PRIMARY KEY, name TEXT NOT NULL, score REAL, data BLOB);"
                 "CREATE TABLE note (id INTEGER PRIMARY KEY, team_id INTEGER REFERENCES team(id) ON DELETE CASCADE,"
                 "  text TEXT, x REAL, z INTEGER);"
                 "CREATE TABLE pair (a INTEGER, b TEXT, v, PRIMARY KEY (b, a));"
                 "CREATE TABLE unwatched (id INTEGER PRIMARY KEY, v);"
                 "CREATE TRIGGER note_log AFTER INSERT ON note BEGIN INSERT INTO unwatched(v) VALUES (new.text); END;");
    }
    ~Db() { sqlite3_close(db); }
    Db(const Db&) = delete;
    Db& operator=(const Db&) = delete;
};

const std::vector<std::string> kTables{"team", "note", "pair"};

std::string valueText(sqlite3_value* v) {
    if (!v) return "-";
    switch (sqlite3_value_type(v)) {
    case SQLITE_INTEGER: return "i" + std::to_string(sqlite3_value_int64(v));
    case SQLITE_FLOAT: return "r" + std::to_string(sqlite3_value_double(v));
    case SQLITE_TEXT: return "t'" + std::string(reinterpret_cast<const char*>(sqlite3_value_text(v))) + "'";
    case SQLITE_BLOB: return "b" + std::to_string(sqlite3_value_bytes(v));
    default: return "null";
    }
}

// The changeset read back through SQLite: the tables in order, and each change as a line,
// sorted within its table (the session lists a table's rows in its hash order).
std::vector<std::string> readable(const std::string& bytes) {
    std::vector<std::string> out;
    if (bytes.empty()) return out;
    sqlite3_changeset_iter* it = nullptr;
    REQUIRE(sqlite3changeset_start(&it, static_cast<int>(bytes.size()), const_cast<char*>(bytes.data())) == SQLITE_OK);
    std::vector<std::string> rows;
    std::string current;
    auto flush = [&] {
        std::sort(rows.begin(), rows.end());
        out.insert(out.end(), rows.begin(), rows.end());
        rows.clear();
    };
    while (sqlite3changeset_next(it) == SQLITE_ROW) {
        const char* table = nullptr;
        int columns = 0, op = 0, indirect = 0;
        sqlite3changeset_op(it, &table, &columns, &op, &indirect);
        if (table != current) {
            flush();
            current = table;
            unsigned char* pk = nullptr;
            int n = 0;
            sqlite3changeset_pk(it, &pk, &n);
            std::string header = "table " + current + " pk";
            for (int i = 0; i < n; ++i) header += std::to_string(pk[i]);
            out.push_back(header);
        }
        std::string line = std::to_string(op) + (indirect ? " indirect" : " direct") + " old:";
        for (int c = 0; c < columns; ++c) {
            sqlite3_value* v = nullptr;
            if (op != SQLITE_INSERT) sqlite3changeset_old(it, c, &v);
            line += " " + valueText(v);
        }
        line += " new:";
        for (int c = 0; c < columns; ++c) {
            sqlite3_value* v = nullptr;
            if (op != SQLITE_DELETE) sqlite3changeset_new(it, c, &v);
            line += " " + valueText(v);
        }
        rows.push_back(line);
    }
    flush();
    REQUIRE(sqlite3changeset_finalize(it) == SQLITE_OK);
    return out;
}

// Runs the statements on two equal databases, one watched by a session, the other by a
// recorder (a connection has one pre-update hook: the two cannot watch the same one), and checks
// both wrote the same changes. Returns the recorder's changeset.
std::string recordBoth(sqlite3* db, sqlite3* twin, const std::vector<std::string>& statements, RecordedTables* tables = nullptr) {
    auto run = [&](sqlite3* on) {
        for (const auto& sql : statements) {
            try {
                exec(on, sql);
            } catch (const std::runtime_error&) {
                // a failed statement leaves nothing; both must agree on that too
            }
        }
    };
    std::string ours;
    {
        std::unique_ptr<ChangeRecorder> recorder =
            tables ? std::make_unique<ChangeRecorder>(*tables) : std::make_unique<ChangeRecorder>(db, kTables);
        run(db);
        ours = recorder->take().bytes();
    }
    sqlite3_session* session = nullptr;
    REQUIRE(sqlite3session_create(twin, "main", &session) == SQLITE_OK);
    for (const auto& t : kTables) sqlite3session_attach(session, t.c_str());
    run(twin);
    int size = 0;
    void* buffer = nullptr;
    REQUIRE(sqlite3session_changeset(session, &size, &buffer) == SQLITE_OK);
    std::string theirs(static_cast<const char*>(buffer), static_cast<std::size_t>(size));
    sqlite3_free(buffer);
    sqlite3session_delete(session);
    INFO("statements: " << [&] {
        std::string all;
        for (const auto& s : statements) all += s + "; ";
        return all;
    }());
    CHECK(readable(ours) == readable(theirs));
    return ours;
}

struct Twins {
    Db a, b;
    void exec(const std::string& sql) {
        ::exec(a.db, sql);
        ::exec(b.db, sql);
    }
    std::string record(const std::vector<std::string>& statements, RecordedTables* tables = nullptr) {
        return recordBoth(a.db, b.db, statements, tables);
    }
};

std::string notesText(sqlite3* db) {
    sqlite3_stmt* st = nullptr;
    sqlite3_prepare_v2(db, "SELECT coalesce(group_concat(id || ':' || team_id || ':' || quote(text) || ':' || x || ':' || z, ','), '') "
                           "FROM (SELECT * FROM note ORDER BY id)", -1, &st, nullptr);
    sqlite3_step(st);
    std::string text = reinterpret_cast<const char*>(sqlite3_column_text(st, 0));
    sqlite3_finalize(st);
    return text;
}

} // namespace

TEST_CASE("The recorder writes what the session extension writes", "[changeset]") {
    Twins d;
    d.exec("INSERT INTO team VALUES (1, 'Alpha', 1.5, x'0102'), (2, 'Beta', NULL, NULL);"
               "INSERT INTO note VALUES (10, 1, 'Idée', 100.0, 1), (11, 1, 'Autre', 3, 2), (12, 2, 'Dernière', 0.5, 3);"
               "INSERT INTO pair VALUES (1, 'x', 'one'), (2, 'x', 2.5);");
    std::string longText(300, 'e');

    SECTION("an insert, with every kind of value") {
        d.record({"INSERT INTO team VALUES (3, '" + longText + "', -2.25, x'" + std::string(400, 'a') + "')"});
    }
    SECTION("an update of some columns") { d.record({"UPDATE note SET x = 7.0, z = 9 WHERE id = 10"}); }
    SECTION("an update to the same values is no change") {
        CHECK(d.record({"UPDATE note SET x = 100.0, text = 'Idée' WHERE id = 10"}).empty());
    }
    SECTION("an update undone by a later one is no change") {
        CHECK(d.record({"UPDATE note SET z = 5 WHERE id = 11", "UPDATE note SET z = 2 WHERE id = 11"}).empty());
    }
    SECTION("a row inserted then deleted is no change") {
        CHECK(d.record({"INSERT INTO note VALUES (13, 1, 'Brève', 0, 4)", "DELETE FROM note WHERE id = 13"}).empty());
    }
    SECTION("a row deleted then inserted again is an update") {
        d.record({"DELETE FROM note WHERE id = 11", "INSERT INTO note VALUES (11, 2, 'Autre', 3, 8)"});
    }
    SECTION("a value's type counts: 3 and 3.0 differ, NULL and '' differ") {
        d.record({"UPDATE note SET text = NULL, z = 2.0 WHERE id = 11", "UPDATE team SET score = '' WHERE id = 2"});
    }
    SECTION("a cascade's deletes are indirect") { d.record({"DELETE FROM team WHERE id = 1"}); }
    SECTION("a direct change makes an indirect one direct") {
        d.record({"UPDATE note SET z = 0 WHERE id = 10", "DELETE FROM team WHERE id = 1"});
    }
    SECTION("a changed primary key is a delete and an insert") {
        d.record({"UPDATE note SET id = 20 WHERE id = 12"});
    }
    SECTION("a composite primary key") {
        d.record({"UPDATE pair SET v = 'uno' WHERE a = 1 AND b = 'x'", "DELETE FROM pair WHERE a = 2",
                          "INSERT INTO pair VALUES (3, 'y', NULL)"});
    }
    SECTION("a statement that fails leaves nothing") {
        CHECK(d.record({"INSERT INTO note VALUES (14, 1, 'a', 0, 0), (10, 1, 'doublon', 0, 0)"}).empty());
    }
    SECTION("a rolled back savepoint leaves nothing") {
        d.record({"SAVEPOINT s", "UPDATE note SET z = 99", "DELETE FROM team WHERE id = 2", "ROLLBACK TO s", "RELEASE s",
                          "UPDATE note SET z = 42 WHERE id = 10"});
    }
    SECTION("tables not watched are left out") {
        CHECK(d.record({"INSERT INTO unwatched(v) VALUES (1)", "UPDATE unwatched SET v = 2"}).empty());
    }
}

TEST_CASE("Recorders sharing their tables' statements, and nested recorders, record alike", "[changeset]") {
    Twins d;
    RecordedTables tables(d.a.db, kTables);
    d.exec("INSERT INTO team VALUES (1, 'Alpha', 1.5, NULL)");
    for (int i = 0; i < 3; ++i) d.record({"INSERT INTO note VALUES (" + std::to_string(100 + i) + ", 1, 'n', 0, 0)"}, &tables);
    d.record({"UPDATE note SET z = 5", "DELETE FROM note WHERE id = 101"}, &tables);

    sqlite3* db = d.a.db;
    ChangeRecorder outer(db, kTables);
    exec(db, "UPDATE team SET name = 'Outer' WHERE id = 1");
    std::string inner;
    {
        ChangeRecorder nested(tables);
        exec(db, "UPDATE note SET x = 1 WHERE id = 100");
        inner = nested.take().bytes();
    }
    exec(db, "DELETE FROM note WHERE id = 102");
    std::vector<std::string> innerRows = readable(inner);
    REQUIRE(innerRows.size() == 2); // the note only
    CHECK(innerRows[0] == "table note pk10000");
    std::vector<std::string> all = readable(outer.take().bytes());
    CHECK(all.size() == 5); // the team, then two notes
}

TEST_CASE("Random changes record as the session extension records them, and undo exactly", "[changeset]") {
    std::mt19937 random(20180709);
    for (int round = 0; round < 60; ++round) {
        Twins d;
        d.exec("INSERT INTO team VALUES (1, 'A', 0, NULL), (2, 'B', 1, NULL), (3, 'C', 2, NULL)");
        for (int i = 0; i < 12; ++i)
            d.exec("INSERT INTO note VALUES (" + std::to_string(i) + ", " + std::to_string(1 + i % 3) + ", 'n" +
                           std::to_string(i) + "', " + std::to_string(i) + ".5, " + std::to_string(i) + ")");
        std::vector<std::string> statements;
        auto pick = [&](int n) { return std::to_string(std::uniform_int_distribution<int>(0, n - 1)(random)); };
        for (int k = 0; k < 8; ++k) {
            switch (std::uniform_int_distribution<int>(0, 6)(random)) {
            case 0: statements.push_back("INSERT OR REPLACE INTO note VALUES (" + pick(16) + ", " + std::to_string(1 + std::stoi(pick(3))) + ", 'r" + pick(5) + "', " + pick(4) + ", " + pick(4) + ")"); break;
            case 1: statements.push_back("UPDATE note SET x = " + pick(4) + ".0 WHERE id = " + pick(16)); break;
            case 2: statements.push_back("UPDATE note SET text = 'r" + pick(3) + "', z = " + pick(3) + " WHERE team_id = " + std::to_string(1 + std::stoi(pick(3)))); break;
            case 3: statements.push_back("DELETE FROM note WHERE id = " + pick(16)); break;
            case 4: statements.push_back("DELETE FROM team WHERE id = " + std::to_string(1 + std::stoi(pick(5)))); break;
            case 5: statements.push_back("INSERT OR IGNORE INTO team VALUES (" + std::to_string(1 + std::stoi(pick(5))) + ", 'T', " + pick(3) + ", x'00')"); break;
            default: statements.push_back("UPDATE note SET id = " + std::to_string(20 + std::stoi(pick(10))) + " WHERE id = " + pick(16)); break;
            }
        }
        std::string before = notesText(d.a.db);
        std::string bytes = d.record(statements);
        // The inverse, applied, brings the notes back as they were.
        Changeset undo = Changeset(bytes).inverted();
        exec(d.a.db, "PRAGMA foreign_keys=OFF"); // as the engine undoes: the changeset holds the cascades
        undo.applyTo(d.a.db);
        CHECK(notesText(d.a.db) == before);
    }
}
