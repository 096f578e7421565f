#pragma once
// Changesets in the format of SQLite's session extension: record what one transaction changed,
// invert it (undo), apply it (undo, redo, later merges) and list the rows it touches.
#include "model/id.hpp"

#include <functional>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

struct sqlite3;
struct sqlite3_stmt;

namespace atelier {

class Changeset {
public:
    Changeset() = default;
    explicit Changeset(std::string bytes) : m_bytes(std::move(bytes)) {}
    bool empty() const { return m_bytes.empty(); }
    const std::string& bytes() const { return m_bytes; }

    Changeset inverted() const;
    // This changeset followed by `next`, as one.
    Changeset concatenated(const Changeset& next) const;
    // Applies it in the current transaction; throws ValidationError at the first conflict
    // (a row changed since), leaving the caller to roll back.
    void applyTo(sqlite3* db) const;
    // Calls back once per changed row with its table and id (the first column of every table).
    void forEachRow(const std::function<void(const std::string& table, Id id)>& visit) const;

private:
    std::string m_bytes;
};

// The tables recorders watch on one connection, with what they learn of them (columns,
// primary key, the prepared read of a row), kept from one recorder to the next. The session
// extension re-read the schema and prepared its statements for every recording, which was most
// of the cost of saving a small action. Destroy it before its connection.
class RecordedTables {
public:
    RecordedTables(sqlite3* db, std::vector<std::string> tables);
    ~RecordedTables();
    RecordedTables(const RecordedTables&) = delete;
    RecordedTables& operator=(const RecordedTables&) = delete;

private:
    friend class ChangeRecorder;
    struct Table {
        std::string name;
        bool known = false;          // columns and key read from the schema
        int columns = 0;
        std::string primaryKey;      // per column: its place in the primary key (1, 2, …) or 0
        sqlite3_stmt* read = nullptr; // SELECT * … WHERE key IS ?
    };
    Table* find(const char* name);
    void learn(Table& table); // throws StorageError

    sqlite3* m_db;
    std::vector<Table> m_tables; // in the order changesets list them
};

// Records changes to the given tables from construction until take(), as the session
// extension does and in its changeset format (sqlite3changeset_* read, invert, concat and
// apply them): the first change of a row keeps its old values; take() reads each changed row as
// it is now, so a change a failed statement rolled back leaves nothing behind. A recorder owns
// its connection's pre-update hook (no sqlite3session on that connection meanwhile); recorders
// on one connection nest, the inner one ending first.
class ChangeRecorder {
public:
    ChangeRecorder(sqlite3* db, const std::vector<std::string>& tables);
    explicit ChangeRecorder(RecordedTables& tables);
    ~ChangeRecorder();
    ChangeRecorder(const ChangeRecorder&) = delete;
    ChangeRecorder& operator=(const ChangeRecorder&) = delete;
    // The changes. `visit`, when given, is called for every row recorded (changed or not in
    // the end) with its table, its id (its first key column) and the row as it is now, or null
    // when it is gone: the one read of the row serves both.
    using RowVisitor = std::function<void(const std::string& table, Id id, sqlite3_stmt* row)>;
    Changeset take(const RowVisitor& visit = nullptr);

private:
    struct Change {
        int op = 0;          // SQLITE_INSERT, SQLITE_UPDATE or SQLITE_DELETE: the row's first change
        bool indirect = false; // made by a trigger or a foreign key action only
        std::string old;     // UPDATE, DELETE: the row's values before it (every column)
    };
    struct TableChanges {
        std::vector<std::string> keys; // primary key values, serialized; in order of first change
        std::vector<Change> changes;
        std::unordered_map<std::string, std::size_t> index;
    };
    static void onPreupdate(void* self, sqlite3* db, int op, const char* database, const char* table, long long oldKey,
                            long long newKey);
    void preupdate(int op, const char* database, const char* table);
    void recordOne(int op, std::size_t tableIndex, RecordedTables::Table& table);

    std::unique_ptr<RecordedTables> m_own;
    RecordedTables& m_tables;
    sqlite3* m_db;
    ChangeRecorder* m_outer = nullptr;
    std::vector<TableChanges> m_changes; // by table, as in m_tables
    std::string m_error;
};

} // namespace atelier
