#include "storage/store.hpp"

#include "model/errors.hpp"
#include "storage/atomic_create.hpp"
#include "storage/disk_messages.hpp"
#include "storage/event_file.hpp"
#include "model/language.hpp"
#include "model/rows.hpp"
#include "storage/schema.hpp"
#include "io/search.hpp"
#include "sync/entry_checksum.hpp"

#include <SQLiteCpp/Exception.h>
#include <SQLiteCpp/Transaction.h>
#include <sqlite3.h>

#include <cctype>
#include <filesystem>
#include <sstream>

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>
#include <type_traits>

namespace atelier {

namespace {

template <typename T> struct IsOptional : std::false_type {};
template <typename T> struct IsOptional<std::optional<T>> : std::true_type {};

// Binds fields in column order, starting at parameter 1.
struct Binder {
    SQLite::Statement& st;
    int index = 1;
    template <typename F> void operator()(const char*, const F& field) {
        if constexpr (std::is_same_v<F, Id>) {
            if (field) st.bind(index, field.value); else st.bind(index);
        } else if constexpr (std::is_same_v<F, std::string>) {
            st.bind(index, field);
        } else if constexpr (std::is_same_v<F, bool>) {
            st.bind(index, field ? 1 : 0);
        } else if constexpr (std::is_enum_v<F>) {
            st.bind(index, std::string(codeOf(field)));
        } else if constexpr (std::is_same_v<F, double>) {
            st.bind(index, field);
        } else if constexpr (IsOptional<F>::value) {
            if (field) st.bind(index, static_cast<std::int64_t>(*field)); else st.bind(index);
        } else {
            st.bind(index, static_cast<std::int64_t>(field));
        }
        ++index;
    }
};

// Reads fields in column order, starting at column 0.
struct Reader {
    SQLite::Statement& st;
    const char* table;
    int index = 0;
    template <typename F> void operator()(const char* column, F& field) {
        SQLite::Column c = st.getColumn(index++);
        if constexpr (std::is_same_v<F, Id>) {
            field = c.isNull() ? Id{} : Id{c.getInt64()};
        } else if constexpr (std::is_same_v<F, std::string>) {
            field = c.getString();
        } else if constexpr (std::is_same_v<F, bool>) {
            field = c.getInt64() != 0;
        } else if constexpr (std::is_enum_v<F>) {
            auto parsed = enumFromCode<F>(c.getString());
            if (!parsed)
                throw FileError(trf("Valeur inconnue « {} » dans la colonne {}.{} : le fichier est abîmé ou vient d'une autre version.",
                                    "Unknown value \"{}\" in column {}.{}: the file is damaged or from another version.",
                                    c.getString(), table, column));
            field = *parsed;
        } else if constexpr (std::is_same_v<F, double>) {
            field = c.getDouble();
        } else if constexpr (IsOptional<F>::value) {
            if (c.isNull()) field.reset(); else field = static_cast<typename F::value_type>(c.getInt64());
        } else {
            field = static_cast<F>(c.getInt64());
        }
    }
};

struct ColumnNames {
    std::vector<std::string> names;
    template <typename F> void operator()(const char* column, const F&) { names.emplace_back(column); }
};

template <typename T> const std::vector<std::string>& columnNames() {
    static const std::vector<std::string> names = [] {
        ColumnNames collector;
        T row{};
        columns(collector, row);
        return collector.names;
    }();
    return names;
}

template <typename T> std::string joinedColumns() {
    std::string out;
    for (const auto& name : columnNames<T>()) out += (out.empty() ? "" : ",") + name;
    return out;
}

template <typename T> const std::string& upsertSql() {
    static const std::string sql = [] {
        const auto& names = columnNames<T>();
        std::string placeholders, updates;
        for (std::size_t i = 0; i < names.size(); ++i) {
            placeholders += i ? ",?" : "?";
            if (i) updates += (i > 1 ? "," : "") + names[i] + "=excluded." + names[i];
        }
        return "INSERT INTO " + std::string(TableOf<T>::table) + "(" + joinedColumns<T>() + ") VALUES(" +
               placeholders + ") ON CONFLICT(id) DO UPDATE SET " + updates;
    }();
    return sql;
}

template <typename T> const std::string& selectSql(bool byId) {
    static const std::string all = "SELECT " + joinedColumns<T>() + " FROM " + TableOf<T>::table;
    static const std::string one = all + " WHERE id=?";
    return byId ? one : all;
}

// Reader's twin for loading whole tables, on the raw statement: SQLite::Column holds a
// shared_ptr to its statement and getString() allocates, per field — a quarter of a second
// for the 66,000 rows of a big event.
struct RawReader {
    sqlite3_stmt* st;
    const char* table;
    int index = 0;
    std::string_view text(int i) const {
        auto* p = reinterpret_cast<const char*>(sqlite3_column_text(st, i));
        return p ? std::string_view(p, static_cast<std::size_t>(sqlite3_column_bytes(st, i))) : std::string_view();
    }
    template <typename F> void operator()(const char* column, F& field) {
        int i = index++;
        bool null = sqlite3_column_type(st, i) == SQLITE_NULL;
        if constexpr (std::is_same_v<F, Id>) {
            field = null ? Id{} : Id{sqlite3_column_int64(st, i)};
        } else if constexpr (std::is_same_v<F, std::string>) {
            field = text(i);
        } else if constexpr (std::is_same_v<F, bool>) {
            field = sqlite3_column_int64(st, i) != 0;
        } else if constexpr (std::is_enum_v<F>) {
            auto parsed = enumFromCode<F>(text(i));
            if (!parsed)
                throw FileError(trf("Valeur inconnue « {} » dans la colonne {}.{} : le fichier est abîmé ou vient d'une autre version.",
                                    "Unknown value \"{}\" in column {}.{}: the file is damaged or from another version.",
                                    text(i), table, column));
            field = *parsed;
        } else if constexpr (std::is_same_v<F, double>) {
            field = sqlite3_column_double(st, i);
        } else if constexpr (IsOptional<F>::value) {
            if (null) field.reset(); else field = static_cast<typename F::value_type>(sqlite3_column_int64(st, i));
        } else {
            field = static_cast<F>(sqlite3_column_int64(st, i));
        }
    }
};

template <typename T> void loadTable(SQLite::Database& db, Rows<T>& out) {
    out.reserve(static_cast<std::size_t>(db.execAndGet(std::string("SELECT count(*) FROM ") + TableOf<T>::table).getInt64()));
    sqlite3_stmt* raw = nullptr;
    int rc = sqlite3_prepare_v2(db.getHandle(), selectSql<T>(false).c_str(), -1, &raw, nullptr);
    std::unique_ptr<sqlite3_stmt, int (*)(sqlite3_stmt*)> st(raw, sqlite3_finalize);
    if (rc != SQLITE_OK) throw SQLite::Exception(db.getHandle(), rc);
    while ((rc = sqlite3_step(st.get())) == SQLITE_ROW) {
        T row{};
        RawReader reader{st.get(), TableOf<T>::table};
        columns(reader, row);
        Id id = row.id;
        out.emplace(id, std::move(row));
    }
    if (rc != SQLITE_DONE) throw SQLite::Exception(db.getHandle(), rc);
}

// A store's connection is used by one thread at a time (Atelier runs its work on one thread):
// it skips the mutex SQLite otherwise takes in every call, a tenth of a small action's work.
const int kOneThread = SQLite::OPEN_NOMUTEX;

// Wraps SQLite's own errors for a write into a message the user can act on.
[[noreturn]] void rethrowWrite(const SQLite::Exception& e) {
    int code = e.getErrorCode();
    if (auto problem = diskProblemOf(e.getExtendedErrorCode(), {}))
        throw StorageError(diskMessage(*problem, {}, e.what(), Unsaved::Change));
    if (code == SQLITE_BUSY || code == SQLITE_LOCKED)
        throw StorageError(tr("Le fichier est occupé par un autre programme : la modification n'a pas été enregistrée.",
                              "The file is busy in another program: the change was not saved."));
    if (code == SQLITE_CONSTRAINT)
        throw ValidationError(trf("Modification refusée par la base ({}).", "Change refused by the database ({}).", e.what()));
    throw StorageError(trf("Erreur de la base ({}) : la modification n'a pas été enregistrée.",
                           "Database error ({}): the change was not saved.", e.what()));
}

// An SQLite file: URI for a path. '#', '?' and '%' are legal in folder names but would cut
// or change the URI, so everything but unreserved characters and '/' is percent-encoded.
std::string fileUri(const std::string& path) {
    static constexpr char kHex[] = "0123456789ABCDEF";
    std::string uri = "file:";
    for (unsigned char c : path) {
        if (std::isalnum(c) || c == '/' || c == '-' || c == '_' || c == '.' || c == '~') {
            uri += static_cast<char>(c);
        } else {
            uri += '%';
            uri += kHex[c >> 4];
            uri += kHex[c & 0xF];
        }
    }
    return uri;
}

} // namespace

Store::Store(std::string path, std::unique_ptr<SQLite::Database> db, bool readOnly)
    : m_path(std::move(path)), m_db(std::move(db)), m_readOnly(readOnly) {}

Store::~Store() {
    m_statements.clear();
    m_db.reset(); // SQLite closes its descriptors first; closing ours then drops only our lock
    if (m_lockFd >= 0) ::close(m_lockFd);
}

// An advisory flock on the event file marks the one process allowed to write it. SQLite uses
// fcntl locks, which flock does not disturb; a crashed process's flock goes with it.
void Store::lockForWriting() {
    m_lockFd = ::open(m_path.c_str(), O_RDONLY | O_CLOEXEC);
    if (m_lockFd < 0) return; // SQLite will report the real problem
    if (::flock(m_lockFd, LOCK_EX | LOCK_NB) != 0) {
        ::close(m_lockFd);
        m_lockFd = -1;
        throw FileError(trf("« {} » est déjà ouvert en écriture par un autre Atelier (ou un autre programme). "
                            "Fermez-le d'abord, ou ouvrez ce fichier en lecture seule.",
                            "\"{}\" is already open for writing in another Atelier (or another program). "
                            "Close it first, or open this file read-only.",
                            m_path));
    }
}

// A full or failing disk is not a damaged file: SQLite reports it as SQLITE_FULL or as one of
// the write-side I/O errors (often while creating the -wal or -shm beside the file). Throws the
// message that names the disk; returns when the error is something else.
static void throwIfDiskProblem(const SQLite::Exception& e, const std::string& path) {
    if (auto problem = diskProblemOf(e.getExtendedErrorCode(), path))
        throw StorageError(diskMessage(*problem, path, e.what(), Unsaved::Nothing));
}

Id ownEventId(SQLite::Database& db) {
    // Files made before sites existed (schema < 5, an old backup) have one event row.
    try {
        return Id{db.execAndGet("SELECT coalesce((SELECT event_id FROM replica WHERE id = 1), "
                                "(SELECT id FROM event ORDER BY rowid LIMIT 1), 0)").getInt64()};
    } catch (const SQLite::Exception&) {
        return Id{db.execAndGet("SELECT coalesce((SELECT id FROM event ORDER BY rowid LIMIT 1), 0)").getInt64()};
    }
}

std::unique_ptr<Store> Store::create(const std::string& path, const EventInfo& event) {
    // `new` too is one step: a kill between the file's creation and its first event row would
    // otherwise leave an empty file that blocks the retry.
    return publish(createBeside(path, event), path);
}

std::unique_ptr<Store> Store::publish(std::unique_ptr<Store> built, const std::string& path) {
    try {
        built->m_db->exec("PRAGMA wal_checkpoint(TRUNCATE)");
    } catch (const SQLite::Exception& e) {
        built.reset();
        discardBuilt(path);
        throw StorageError(trf("« {} » n'a pas pu être terminé ({}) : rien n'a été créé.",
                               "\"{}\" could not be finished ({}): nothing was created.", path, e.what()));
    }
    built.reset(); // closes: the WAL is folded in and removed
    publishBuilt(path);
    return open(path, OpenMode::ReadWrite);
}

std::unique_ptr<Store> Store::createBeside(const std::string& finalPath, const EventInfo& event) {
    prepareBuilding(finalPath);
    const std::string path = buildingPath(finalPath);
    std::error_code ec;
    std::unique_ptr<SQLite::Database> db;
    try {
        db = std::make_unique<SQLite::Database>(path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE | kOneThread);
    } catch (const SQLite::Exception& e) {
        throw FileError(trf("Impossible de créer « {} » ({}). Vérifiez que le dossier existe et accepte l'écriture.",
                            "Cannot create \"{}\" ({}). Check that the folder exists and is writable.", finalPath, e.what()));
    }
    std::unique_ptr<Store> store(new Store(path, std::move(db), false));
    try {
        store->lockForWriting();
        store->m_db->exec("PRAGMA application_id=" + std::to_string(kApplicationId));
        store->configure();
        store->migrate();
        store->put(event);
        SQLite::Statement own(*store->m_db, "UPDATE replica SET event_id = ? WHERE id = 1");
        own.bind(1, event.id.value);
        own.exec();
        // The new header (schema version) goes into the main file at once, so another process
        // checking the file's identity from its first bytes sees a complete event.
        store->m_db->exec("PRAGMA wal_checkpoint(TRUNCATE)");
    } catch (...) {
        store.reset();
        for (const char* suffix : {"", "-wal", "-shm", "-journal"}) std::filesystem::remove(path + suffix, ec);
        throw;
    }
    return store;
}

std::unique_ptr<Store> Store::open(const std::string& path, OpenMode mode) {
    // heapWalIndex: for reading on a disk that refuses writes (no -shm can be made): the main
    // file read as it is when the -wal holds nothing, else the WAL's index in this process's
    // memory (locking_mode=EXCLUSIVE) instead of the -shm file.
    auto openWith = [&](bool heapWalIndex) -> std::unique_ptr<Store> {
        EventFileCheck check = checkEventFile(path);
        warnIfOnNetworkFilesystem(path);
        if (mode == OpenMode::ReadWrite && !check.writable)
            throw FileError(trf("« {} » est en lecture seule (fichier ou dossier protégé en écriture). "
                                "Copiez-le dans un dossier où vous pouvez écrire, ou ouvrez-le en lecture seule.",
                                "\"{}\" is read-only (the file or its folder is write-protected). "
                                "Copy it to a folder you can write to, or open it read-only.",
                                path));
        std::unique_ptr<SQLite::Database> db;
        bool readOnly = mode == OpenMode::ReadOnly;
        try {
            std::error_code walEc;
            const bool walHoldsCommits = std::filesystem::file_size(path + "-wal", walEc) > 0 && !walEc;
            if (!readOnly) {
                db = std::make_unique<SQLite::Database>(path, SQLite::OPEN_READWRITE | kOneThread);
            } else if (heapWalIndex && !walHoldsCommits) {
                // Everything is in the main file: read it as it is, no lock, no -shm.
                std::string uri = fileUri(std::filesystem::absolute(path).string()) + "?immutable=1";
                db = std::make_unique<SQLite::Database>(uri, SQLite::OPEN_READONLY | SQLite::OPEN_URI | kOneThread);
                heapWalIndex = false;
            } else if (heapWalIndex) {
                // Commits wait in the -wal: read them with the WAL's index in memory (exclusive
                // locking needs a read-write descriptor), and never checkpoint at close.
                db = std::make_unique<SQLite::Database>(path, SQLite::OPEN_READWRITE | kOneThread);
                sqlite3_db_config(db->getHandle(), SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, nullptr);
            } else if (check.writable) {
                db = std::make_unique<SQLite::Database>(path, SQLite::OPEN_READONLY | kOneThread);
            } else {
                // A write-protected folder cannot hold -wal/-shm: read the file as it is.
                std::string uri = fileUri(std::filesystem::absolute(path).string()) + "?immutable=1";
                db = std::make_unique<SQLite::Database>(uri, SQLite::OPEN_READONLY | SQLite::OPEN_URI | kOneThread);
            }
        } catch (const SQLite::Exception& e) {
            throw FileError(trf("Impossible d'ouvrir « {} » ({}).", "Cannot open \"{}\" ({}).", path, e.what()));
        }
        std::unique_ptr<Store> store(new Store(path, std::move(db), readOnly));
        if (!readOnly) store->lockForWriting();
        try {
            if (heapWalIndex) {
                store->m_db->exec("PRAGMA locking_mode=EXCLUSIVE"); // before the first read
                store->m_db->exec("PRAGMA query_only=1");
            }
            store->configure();
            // Forces a read of the schema: a truncated or damaged file fails here, not mid-action.
            store->m_db->execAndGet("SELECT count(*) FROM sqlite_schema").getInt64();
            if (store->schemaVersion() > currentSchemaVersion()) // the header checked may have lagged behind the WAL
                throw FileError(trf("« {} » a été écrit par une version plus récente d'Atelier (schéma {}, cette version connaît le schéma {}). "
                                    "Mettez Atelier à jour pour l'ouvrir.",
                                    "\"{}\" was written by a newer Atelier (schema {}, this version knows schema {}). "
                                    "Update Atelier to open it.",
                                    path, store->schemaVersion(), currentSchemaVersion()));
            if (store->schemaVersion() < 1)
                throw FileError(trf("« {} » est un événement Atelier incomplet (aucun schéma). Il n'a pas été modifié.",
                                    "\"{}\" is an incomplete Atelier event (no schema). It was not changed.", path));
            if (!readOnly) store->migrate();
            else if (store->schemaVersion() != currentSchemaVersion())
                throw FileError(trf("« {} » utilise un ancien schéma ({}) : ouvrez-le une fois en écriture pour le mettre à jour.",
                                    "\"{}\" uses an old schema ({}): open it once for writing to upgrade it.", path,
                                    store->schemaVersion()));
        } catch (const SQLite::Exception& e) {
            throwIfDiskProblem(e, path);
            throw FileError(trf("« {} » est abîmé ou tronqué ({}). Restaurez une sauvegarde.",
                                "\"{}\" is damaged or truncated ({}). Restore a backup.", path, e.what()));
        }
        return store;
    };
    try {
        return openWith(false);
    } catch (const StorageError&) {
        // The disk refused a write (a -shm it cannot create or map): a reader can do without.
        if (mode != OpenMode::ReadOnly) throw;
        return openWith(true);
    }
}

void Store::configure() {
    m_db->setBusyTimeout(2000);
    m_db->exec("PRAGMA foreign_keys=ON");
    registerSearchFunctions(m_db->getHandle()); // the search index triggers call atelier_fold
    if (!m_readOnly) {
        // WAL: readers never block the writer, and a crash never leaves a half-written commit.
        // synchronous=NORMAL: an application crash loses nothing that was committed; a power cut
        // may lose the last few commits but never corrupts the file (see README, reliability).
        m_db->exec("PRAGMA journal_mode=WAL");
        m_db->exec("PRAGMA synchronous=NORMAL");
        // No automatic checkpoint (see walPendingPages); the hook counts the WAL's pages instead.
        m_db->exec("PRAGMA wal_autocheckpoint=0");
        sqlite3_wal_hook(m_db->getHandle(), &Store::onWalCommit, this);
    }
}

int Store::onWalCommit(void* self, sqlite3*, const char*, int frames) {
    auto* store = static_cast<Store*>(self);
    if (frames < store->m_walFrames) store->m_walBackfilled = 0; // the WAL started over
    store->m_walFrames = frames;
    return SQLITE_OK;
}

void Store::checkpoint() noexcept {
    if (m_readOnly) return;
    int frames = 0, backfilled = 0;
    if (sqlite3_wal_checkpoint_v2(m_db->getHandle(), "main", SQLITE_CHECKPOINT_PASSIVE, &frames, &backfilled) == SQLITE_OK &&
        frames >= 0) {
        m_walFrames = frames;
        m_walBackfilled = backfilled;
    }
}

int Store::schemaVersion() { return static_cast<int>(m_db->execAndGet("PRAGMA user_version").getInt64()); }

void Store::migrate() {
    int version = schemaVersion();
    if (version >= currentSchemaVersion()) return;
    SQLite::Transaction tx(*m_db);
    for (const auto& migration : migrations()) {
        if (migration.toVersion <= version) continue;
        m_db->exec(migration.sql);
        if (migration.toVersion == 6) checksumJournal(m_db->getHandle()); // needs C++: see schema.cpp
        m_db->exec("PRAGMA user_version=" + std::to_string(migration.toVersion));
    }
    tx.commit();
}

SQLite::Statement& Store::statement(const std::string& sql) {
    auto it = m_statements.find(sql);
    if (it == m_statements.end()) it = m_statements.emplace(sql, std::make_unique<SQLite::Statement>(*m_db, sql)).first;
    SQLite::Statement& st = *it->second;
    // tryReset: sqlite3_reset returns the previous step's error (a full disk), which reset()
    // would throw again here, failing the next action once space is back.
    st.tryReset();
    st.clearBindings();
    return st;
}

template <typename T> void Store::put(const T& row) {
    try {
        SQLite::Statement& st = statement(upsertSql<T>());
        Binder binder{st};
        columns(binder, const_cast<T&>(row)); // the binder only reads
        st.exec();
    } catch (const SQLite::Exception& e) {
        rethrowWrite(e);
    }
}

template <typename T> void Store::erase(Id id) {
    try {
        SQLite::Statement& st = statement(std::string("DELETE FROM ") + TableOf<T>::table + " WHERE id=?");
        st.bind(1, id.value);
        st.exec();
    } catch (const SQLite::Exception& e) {
        rethrowWrite(e);
    }
}

template <typename T> std::optional<T> Store::load(Id id) {
    SQLite::Statement& st = statement(selectSql<T>(true));
    st.bind(1, id.value);
    if (!st.executeStep()) return std::nullopt;
    T row{};
    Reader reader{st, TableOf<T>::table};
    columns(reader, row);
    st.reset(); // a cached statement left on a row would hold a read transaction open
    return row;
}

#define ATELIER_INSTANTIATE(T)                                                                                         \
    template void Store::put<T>(const T&);                                                                             \
    template void Store::erase<T>(Id);                                                                                 \
    template std::optional<T> Store::load<T>(Id);
ATELIER_INSTANTIATE(EventInfo)
ATELIER_INSTANTIATE(Slot)
ATELIER_INSTANTIATE(Challenge)
ATELIER_INSTANTIATE(Team)
ATELIER_INSTANTIATE(Member)
ATELIER_INSTANTIATE(PhaseChange)
ATELIER_INSTANTIATE(Cluster)
ATELIER_INSTANTIATE(Note)
ATELIER_INSTANTIATE(VoteRound)
ATELIER_INSTANTIATE(Vote)
ATELIER_INSTANTIATE(Prototype)
ATELIER_INSTANTIATE(Photo)
ATELIER_INSTANTIATE(Feedback)
ATELIER_INSTANTIATE(TimedSession)
#undef ATELIER_INSTANTIATE

void Store::insertPhoto(const Photo& photo, const std::string& bytes) {
    put(photo);
    try {
        SQLite::Statement& st = statement("UPDATE photo SET data=? WHERE id=?");
        st.bind(1, bytes.data(), static_cast<int>(bytes.size()));
        st.bind(2, photo.id.value);
        st.exec();
    } catch (const SQLite::Exception& e) {
        rethrowWrite(e);
    }
}

std::string Store::photoBytes(Id photoId) {
    SQLite::Statement& st = statement("SELECT data FROM photo WHERE id=?");
    st.bind(1, photoId.value);
    if (!st.executeStep()) return {};
    SQLite::Column c = st.getColumn(0);
    std::string bytes(static_cast<const char*>(c.getBlob()), static_cast<std::size_t>(c.getBytes()));
    st.reset(); // a cached statement left on a row would hold a read transaction open
    return bytes;
}

EventState Store::loadAll() {
    EventState state;
    try {
        // The file's own event; a national review file also holds the events of its sites.
        Id own = ownEventId(*m_db);
        Rows<EventInfo> events;
        loadTable(*m_db, events);
        auto found = events.find(own);
        if (found == events.end())
            throw FileError(trf("« {} » ne contient pas d'événement (table event vide). Restaurez une sauvegarde.",
                                "\"{}\" holds no event (empty event table). Restore a backup.", m_path));
        state.event = std::move(found->second);
        events.erase(found);
        state.sites = std::move(events);
        loadTable(*m_db, state.slots);
        loadTable(*m_db, state.challenges);
        loadTable(*m_db, state.teams);
        loadTable(*m_db, state.members);
        loadTable(*m_db, state.phaseChanges);
        loadTable(*m_db, state.clusters);
        loadTable(*m_db, state.notes);
        loadTable(*m_db, state.voteRounds);
        loadTable(*m_db, state.votes);
        loadTable(*m_db, state.prototypes);
        loadTable(*m_db, state.photos);
        loadTable(*m_db, state.feedback);
        loadTable(*m_db, state.timedSessions);
    } catch (const SQLite::Exception& e) {
        throwIfDiskProblem(e, m_path);
        throw FileError(trf("« {} » est abîmé ({}). Restaurez une sauvegarde.", "\"{}\" is damaged ({}). Restore a backup.",
                            m_path, e.what()));
    }
    return state;
}

namespace {
template <typename T> void reloadInto(Store& store, Id id, Rows<T>& rows) {
    if (auto row = store.load<T>(id)) rows.insert_or_assign(id, std::move(*row));
    else rows.erase(id);
}
} // namespace

void Store::reloadRow(const std::string& table, Id id, EventState& state) {
    if (table == "event") {
        if (id == state.event.id) {
            if (auto row = load<EventInfo>(id)) state.event = *row;
        } else reloadInto(*this, id, state.sites);
    } else if (table == "slot") reloadInto(*this, id, state.slots);
    else if (table == "challenge") reloadInto(*this, id, state.challenges);
    else if (table == "team") reloadInto(*this, id, state.teams);
    else if (table == "member") reloadInto(*this, id, state.members);
    else if (table == "phase_change") reloadInto(*this, id, state.phaseChanges);
    else if (table == "cluster") reloadInto(*this, id, state.clusters);
    else if (table == "note") reloadInto(*this, id, state.notes);
    else if (table == "vote_round") reloadInto(*this, id, state.voteRounds);
    else if (table == "vote") reloadInto(*this, id, state.votes);
    else if (table == "prototype") reloadInto(*this, id, state.prototypes);
    else if (table == "photo") reloadInto(*this, id, state.photos);
    else if (table == "feedback") reloadInto(*this, id, state.feedback);
    else if (table == "timed_session") reloadInto(*this, id, state.timedSessions);
}

namespace {
template <typename T> bool sameColumns(sqlite3_stmt* row) {
    const auto& names = columnNames<T>();
    if (sqlite3_column_count(row) != static_cast<int>(names.size())) return false; // photo: its bytes are not in the struct
    for (std::size_t i = 0; i < names.size(); ++i) {
        std::string_view name = names[i];
        if (name.size() > 1 && name.front() == '"') name = name.substr(1, name.size() - 2);
        if (name != sqlite3_column_name(row, static_cast<int>(i))) return false;
    }
    return true;
}

// Whether SELECT * of the table reads the struct's columns in the struct's order. The answer
// for the last statement asked about is kept: it is the same statement at every action.
template <typename T> bool readsAsStruct(sqlite3_stmt* row) {
    static thread_local sqlite3_stmt* checked = nullptr;
    static thread_local bool same = false;
    if (row != checked) {
        same = sameColumns<T>(row);
        checked = row;
    }
    return same;
}

template <typename T> void readInto(Store& store, Id id, sqlite3_stmt* row, Rows<T>& rows) {
    if (!row) {
        rows.erase(id);
    } else if (readsAsStruct<T>(row)) {
        T value{};
        RawReader reader{row, TableOf<T>::table};
        columns(reader, value);
        rows.insert_or_assign(id, std::move(value));
    } else {
        reloadInto(store, id, rows);
    }
}
} // namespace

void Store::readRow(const std::string& table, Id id, sqlite3_stmt* row, EventState& state) {
    if (table == "event") {
        if (id != state.event.id) readInto(*this, id, row, state.sites); // a review file's site
        else if (row && readsAsStruct<EventInfo>(row)) {
            RawReader reader{row, "event"};
            columns(reader, state.event);
        } else if (row) {
            reloadRow(table, id, state);
        }
    } else if (table == "slot") readInto(*this, id, row, state.slots);
    else if (table == "challenge") readInto(*this, id, row, state.challenges);
    else if (table == "team") readInto(*this, id, row, state.teams);
    else if (table == "member") readInto(*this, id, row, state.members);
    else if (table == "phase_change") readInto(*this, id, row, state.phaseChanges);
    else if (table == "cluster") readInto(*this, id, row, state.clusters);
    else if (table == "note") readInto(*this, id, row, state.notes);
    else if (table == "vote_round") readInto(*this, id, row, state.voteRounds);
    else if (table == "vote") readInto(*this, id, row, state.votes);
    else if (table == "prototype") readInto(*this, id, row, state.prototypes);
    else if (table == "photo") readInto(*this, id, row, state.photos);
    else if (table == "feedback") readInto(*this, id, row, state.feedback);
    else if (table == "timed_session") readInto(*this, id, row, state.timedSessions);
}

std::string Store::canonicalDump() {
    std::ostringstream out;
    for (const auto& table : contentTables()) {
        out << "# " << table << "\n";
        SQLite::Statement st(*m_db, "SELECT * FROM " + table + " ORDER BY id");
        while (st.executeStep()) {
            for (int i = 0; i < st.getColumnCount(); ++i) {
                SQLite::Column c = st.getColumn(i);
                out << (i ? "|" : "");
                if (c.isNull()) out << "NULL";
                else if (c.isBlob()) out << "blob:" << c.getBytes();
                else out << c.getString();
            }
            out << "\n";
        }
    }
    return out.str();
}

} // namespace atelier
