#include "engine/engine.hpp"
#include "storage/atomic_create.hpp"

#include "actions/action_apply.hpp"
#include "diagnostics/startup_timeline.hpp"
#include "model/errors.hpp"
#include "model/language.hpp"
#include "storage/disk_messages.hpp"
#include "storage/schema.hpp"

#include <SQLiteCpp/Exception.h>
#include <sqlite3.h>

#include <algorithm>
#include <atomic>

namespace atelier {

namespace {

// BEGIN IMMEDIATE … COMMIT, rolled back unless committed. IMMEDIATE takes the write lock up
// front, so a second writer fails at once instead of half-way. Both statements stay prepared in
// the store: compiling them again was a tenth of a small action's work.
class WriteTransaction {
public:
    explicit WriteTransaction(Store& store) : m_store(store) {
        try {
            m_store.statement("BEGIN IMMEDIATE").exec();
        } catch (const SQLite::Exception& e) {
            if (auto problem = diskProblemOf(e.getExtendedErrorCode(), m_store.path()))
                throw StorageError(diskMessage(*problem, {}, e.what(), Unsaved::Change));
            throw StorageError(trf("Le fichier est occupé ou protégé en écriture ({}) : rien n'a été modifié.",
                                   "The file is busy or write-protected ({}): nothing was changed.", e.what()));
        }
    }
    ~WriteTransaction() {
        if (!m_done) m_store.db().tryExec("ROLLBACK");
    }
    void commit() {
        try {
            m_store.statement("COMMIT").exec();
            m_done = true;
        } catch (const SQLite::Exception& e) {
            if (auto problem = diskProblemOf(e.getExtendedErrorCode(), m_store.path()))
                throw StorageError(diskMessage(*problem, {}, e.what(), Unsaved::Change));
            throw StorageError(trf("Erreur d'écriture ({}) : la modification n'a pas été enregistrée.",
                                   "Write error ({}): the change was not saved.", e.what()));
        }
    }

private:
    Store& m_store;
    bool m_done = false;
};

// Turns foreign keys off for the life of the object (outside any transaction, where SQLite
// ignores the pragma) and back on after.
class ForeignKeysOff {
public:
    explicit ForeignKeysOff(SQLite::Database& db) : m_db(db) { m_db.exec("PRAGMA foreign_keys=OFF"); }
    ~ForeignKeysOff() { m_db.tryExec("PRAGMA foreign_keys=ON"); }
    ForeignKeysOff(const ForeignKeysOff&) = delete;
    ForeignKeysOff& operator=(const ForeignKeysOff&) = delete;

private:
    SQLite::Database& m_db;
};

std::uint64_t nextSerial() {
    static std::atomic<std::uint64_t> serial{0};
    return ++serial;
}

} // namespace

Engine::Engine(std::unique_ptr<Store> store, const Clock& clock) : m_store(std::move(store)), m_serial(nextSerial()), m_clock(clock) {
    startup::mark("open: file opened and checked");
    m_state = m_store->loadAll();
    startup::mark("open: every table read (loadAll)");
    // Revisions are unique across the engines of a process: a view's cache keyed on the state's
    // address and revision can never take another event (opened at the same address after the
    // first was closed) for the one it has cached, and read pointers into freed memory.
    m_state.revision = m_serial << 32;
    m_changedRowsFrom = m_state.revision;
    m_journal = std::make_unique<Journal>(*m_store);
    m_recorded = std::make_unique<RecordedTables>(m_store->db().getHandle(), contentTables());
    startup::mark("open: journal and change recorder ready");
}

Engine::~Engine() {
    // SQLite checkpoints as it closes the file's last connection; this one covers the case of
    // another connection still open (a reader keeps the WAL from being removed).
    if (!readOnly()) m_store->checkpoint();
}

void Engine::checkpoint() {
    if (checkpointPending()) m_store->checkpoint();
}

// Journals a committed change, inside its transaction: the journal is what merges exchange.
void Engine::record(const std::string& description, const Changeset& changes) {
    if (changes.empty()) return;
    m_journal->append(m_journal->makeLocal(m_journal->nextTime(m_clock.now()), description, changes));
}

std::unique_ptr<Engine> Engine::create(const std::string& path, const EventInfo& event, const Clock& clock) {
    EventInfo info = event;
    if (!info.id) info.id = newId();
    if (!info.createdAt) info.createdAt = clock.now();
    validateEventInfo(info);
    return std::unique_ptr<Engine>(new Engine(Store::create(path, info), clock));
}

std::unique_ptr<Engine> Engine::createBeside(const std::string& path, const EventInfo& event, const Clock& clock) {
    EventInfo info = event;
    if (!info.id) info.id = newId();
    if (!info.createdAt) info.createdAt = clock.now();
    validateEventInfo(info);
    return std::unique_ptr<Engine>(new Engine(Store::createBeside(path, info), clock));
}

std::unique_ptr<Engine> Engine::publish(std::unique_ptr<Engine> built, const std::string& path, const Clock& clock) {
    built.reset(); // closes the file: its WAL is folded in as the last connection goes
    publishBuilt(path);
    return open(path, clock);
}

std::unique_ptr<Engine> Engine::open(const std::string& path, const Clock& clock, OpenMode mode) {
    return std::unique_ptr<Engine>(new Engine(Store::open(path, mode), clock));
}

std::string Engine::describe(const Action& action) const { return describeAction(action, m_state); }

ActionResult Engine::apply(const Action& action) { return run({action}, describe(action), isUndoable(action)); }

ActionResult Engine::applyWithoutUndo(const Action& action) {
    // Described for the journal in the laptop's language, even while a phone's request runs in its own.
    std::string description;
    {
        ThreadMessageLanguage laptop(programMessageLanguage());
        description = describe(action);
    }
    return run({action}, std::move(description), false);
}

ActionResult Engine::applyBatch(const std::vector<Action>& actions, const std::string& description) {
    bool undoable = false;
    for (const auto& action : actions) undoable = undoable || isUndoable(action);
    return run(actions, description, undoable);
}

ActionResult Engine::run(const std::vector<Action>& actions, std::string description, bool undoable) {
    if (readOnly())
        throw StorageError(tr("Cet événement est ouvert en lecture seule : rien n'a été modifié.",
                              "This event is open read-only: nothing was changed."));
    ActionResult result;
    result.description = std::move(description);
    Changeset changes;
    std::vector<std::pair<std::string, Id>> touched; // rows the state took from the transaction
    try {
        WriteTransaction tx(*m_store);
        for (const auto& action : actions) {
            // One recorder per action, so the next action validates against the rows this one wrote.
            ChangeRecorder recorder(*m_recorded);
            ActionContext context(*m_store, m_state, m_clock.now());
            runAction(action, context);
            // The recorder reads each changed row once: the state takes it from there.
            Changeset step = recorder.take([&](const std::string& table, Id id, sqlite3_stmt* row) {
                touched.emplace_back(table, id);
                m_store->readRow(table, id, row, m_state);
                noteChanged(table, id);
            });
            ++m_state.revision;
            changes = changes.empty() ? std::move(step) : changes.concatenated(step);
            result.created.insert(result.created.end(), context.created().begin(), context.created().end());
        }
        record(result.description, changes);
        tx.commit();
    } catch (...) {
        // Rolled back: the rows touched so far read again as they were.
        for (const auto& [table, id] : touched) {
            m_store->reloadRow(table, id, m_state);
            noteChanged(table, id);
        }
        if (!touched.empty()) ++m_state.revision;
        throw;
    }
    if (undoable && !changes.empty()) m_history.record({result.description, std::move(changes)});
    bool phaseChange = false;
    for (const auto& action : actions) phaseChange = phaseChange || std::holds_alternative<SetPhase>(action);
    afterCommit(phaseChange);
    return result;
}

void Engine::applyChangeset(const Changeset& changes, const std::string& journalDescription) {
    if (readOnly())
        throw StorageError(tr("Cet événement est ouvert en lecture seule : rien n'a été modifié.",
                              "This event is open read-only: nothing was changed."));
    {
        // A changeset already holds every row its action's foreign keys cascaded to: with the
        // keys' actions on, replaying it would cascade a second time and collide with itself
        // (redo of a deleted team, undo of a new cluster). So apply it with the keys off, then
        // check them: a row added since that still points at a removed one (a visitor's
        // feedback on an undone prototype) refuses the undo instead of being lost in a cascade.
        ForeignKeysOff keysOff(m_store->db());
        WriteTransaction tx(*m_store);
        changes.applyTo(m_store->db().getHandle());
        SQLite::Statement check(m_store->db(), "PRAGMA foreign_key_check");
        if (check.executeStep())
            throw ValidationError(tr("Impossible : des éléments ajoutés depuis en dépendent (par exemple un retour de "
                                     "visiteur ou un minuteur).",
                                     "Not possible: items added since depend on it (for example a visitor's feedback "
                                     "or a timer)."));
        record(journalDescription, changes);
        tx.commit();
    }
    refresh(changes);
    afterCommit(false);
}

MergeReport Engine::mergeFrom(const std::string& otherCopyPath) { return mergeFrom(std::vector<std::string>{otherCopyPath}); }

MergeReport Engine::mergeFrom(const std::vector<std::string>& otherCopyPaths) {
    if (readOnly())
        throw StorageError(tr("Cet événement est ouvert en lecture seule : rien n'a été fusionné.",
                              "This event is open read-only: nothing was merged."));
    MergeReport report = mergeEventFiles(*m_store, otherCopyPaths);
    if (report.newEntries > 0) reloadAll();
    if (m_store->walPendingPages() > kWalBound) m_store->checkpoint();
    return report;
}

void Engine::reloadAll() {
    auto revision = m_state.revision;
    m_state = m_store->loadAll();
    m_state.revision = revision + 1;
    m_changedRows.clear();
    m_changedRowsFrom = m_state.revision;
    m_history.clear();
    m_journal = std::make_unique<Journal>(*m_store);
}

void Engine::enableAutoBackup(Millis interval, std::size_t keep) {
    m_backupSchedule.emplace(m_clock.now(), interval);
    m_backupKeep = keep;
}

// Runs after a commit, outside its transaction: the action is saved whatever happens here.
void Engine::afterCommit(bool milestone) {
    if (m_store->walPendingPages() > kWalBound) m_store->checkpoint(); // no idle moment came
    if (!m_backupSchedule || !m_backupSchedule->due(m_clock.now(), milestone)) return;
    Millis now = m_clock.now();
    m_backupSchedule->done(now); // a failing disk is not retried at every action
    try {
        m_lastBackup = writeBackup(*m_store, now, m_backupKeep);
        m_backupError.clear();
    } catch (const Error& e) {
        m_backupError = e.what();
    }
}

std::string Engine::restoreBackup(const std::string& backupPath) {
    std::string safety = atelier::restoreBackup(*m_store, backupPath, m_clock.now(), m_backupKeep);
    reloadAll();
    m_store->checkpoint(); // the whole file was rewritten, past the WAL's page count (no commit hook ran)
    return safety;
}

std::string Engine::undo() {
    const HistoryEntry* entry = m_history.nextUndo();
    if (!entry) return {};
    std::string description = entry->description;
    applyChangeset(entry->changes.inverted(), trf("Annuler : {}", "Undo: {}", description));
    m_history.markUndone();
    return description;
}

std::string Engine::redo() {
    const HistoryEntry* entry = m_history.nextRedo();
    if (!entry) return {};
    std::string description = entry->description;
    applyChangeset(entry->changes, trf("Rétablir : {}", "Redo: {}", description));
    m_history.markRedone();
    return description;
}

std::string Engine::undoDescription() const {
    const HistoryEntry* entry = m_history.nextUndo();
    return entry ? entry->description : std::string{};
}

std::string Engine::redoDescription() const {
    const HistoryEntry* entry = m_history.nextRedo();
    return entry ? entry->description : std::string{};
}

void Engine::refresh(const Changeset& changes) {
    changes.forEachRow([this](const std::string& table, Id id) {
        m_store->reloadRow(table, id, m_state);
        noteChanged(table, id);
    });
    ++m_state.revision;
}

void Engine::noteChanged(const std::string& table, Id id) {
    constexpr std::size_t kKept = 20000; // rows; an import past that is followed by a full rescan
    if (m_changedRows.size() == kKept) {
        m_changedRowsFrom = m_changedRows.front().revision; // that revision is no longer whole
        while (!m_changedRows.empty() && m_changedRows.front().revision == m_changedRowsFrom) m_changedRows.pop_front();
    }
    m_changedRows.push_back({m_state.revision + 1, table, id});
}

bool Engine::changedRowsSince(std::uint64_t since, const std::function<void(const std::string& table, Id id)>& visit) const {
    if (since < m_changedRowsFrom || since > m_state.revision) return false;
    auto first = std::partition_point(m_changedRows.begin(), m_changedRows.end(),
                                      [since](const ChangedRow& row) { return row.revision <= since; });
    for (auto it = first; it != m_changedRows.end(); ++it) visit(it->table, it->id);
    return true;
}

} // namespace atelier
