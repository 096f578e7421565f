#pragma once
// The event's SQLite file: opening (identity checked first), migrations, and row-level reads
// and writes of the model structs. Knows nothing of actions or undo.
#include "model/model.hpp"
#include "storage/state.hpp"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

#include <memory>
#include <optional>
#include <string>
#include <unordered_map>

struct sqlite3;
struct sqlite3_stmt;

namespace atelier {

enum class OpenMode { ReadWrite, ReadOnly };

// The id of the file's own event (a national review file also holds its sites' events).
Id ownEventId(SQLite::Database& db);

class Store {
public:
    ~Store();
    Store(const Store&) = delete;
    Store& operator=(const Store&) = delete;
    // Creates a new event file; refuses to overwrite anything at that path.
    static std::unique_ptr<Store> create(const std::string& path, const EventInfo& event);
    // Creating and filling in one step (storage/atomic_create.hpp): createBeside builds the new
    // event beside `path`; publish closes it, renames it to `path` and opens it there. A store
    // from createBeside that is dropped without publish leaves nothing at `path`.
    static std::unique_ptr<Store> createBeside(const std::string& path, const EventInfo& event);
    static std::unique_ptr<Store> publish(std::unique_ptr<Store> built, const std::string& path);
    // Opens an existing event file after checking its identity. ReadWrite on a file that cannot
    // be written, or that another Atelier process has open for writing, throws FileError; ReadOnly never writes (no migration, no -wal created when the
    // folder is read-only).
    static std::unique_ptr<Store> open(const std::string& path, OpenMode mode);

    const std::string& path() const { return m_path; }
    bool readOnly() const { return m_readOnly; }
    SQLite::Database& db() { return *m_db; }
    int schemaVersion();

    // A prepared statement kept for the life of the store, reset and unbound before use.
    SQLite::Statement& statement(const std::string& sql);

    template <typename T> void put(const T& row);  // insert or update by id
    template <typename T> void erase(Id id);        // delete by id (foreign keys cascade)
    template <typename T> std::optional<T> load(Id id);

    void insertPhoto(const Photo& photo, const std::string& bytes);
    std::string photoBytes(Id photoId);

    EventState loadAll();
    // Re-reads one row of a content table into the state (or removes it when gone).
    void reloadRow(const std::string& table, Id id, EventState& state);
    // The same from a row already read: `row` is a statement on SELECT * of that row, or null
    // when the row is gone.
    void readRow(const std::string& table, Id id, sqlite3_stmt* row, EventState& state);

    // One canonical text dump of every content table, ordered by id: equal dumps, equal content.
    std::string canonicalDump();

    // The write-ahead log. A store that writes turns SQLite's automatic checkpoint off: it ran
    // inside whichever commit crossed 1,000 pages, tens of milliseconds each time. Its owner
    // checkpoints instead (Engine::checkpoint). Pages committed to the WAL and not yet copied
    // into the file (about: a WAL restarted by one large commit may count short once):
    int walPendingPages() const { return m_walFrames - m_walBackfilled; }
    // A passive checkpoint: copies into the file what no reader still needs, never waits for
    // one; quick when there is nothing to copy. Never throws: a checkpoint that fails leaves the WAL as it was, all of it committed.
    void checkpoint() noexcept;

private:
    Store(std::string path, std::unique_ptr<SQLite::Database> db, bool readOnly);
    void lockForWriting();
    void configure();
    static int onWalCommit(void* store, sqlite3* db, const char* database, int frames);
    void migrate();

    std::string m_path;
    std::unique_ptr<SQLite::Database> m_db;
    bool m_readOnly = false;
    int m_lockFd = -1; // flock held while this store may write: one writer per file
    int m_walFrames = 0;     // frames in the WAL after the last commit or checkpoint
    int m_walBackfilled = 0; // of which copied into the file by the last checkpoint
    std::unordered_map<std::string, std::unique_ptr<SQLite::Statement>> m_statements;
};

} // namespace atelier
