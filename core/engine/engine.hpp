#pragma once
// One open event: its file, its in-memory state, its undo history. Every change goes through
// apply(), which validates the action, commits it in one transaction and only then returns.
#include "actions/actions.hpp"
#include "storage/backup.hpp"
#include "model/clock.hpp"
#include "engine/history.hpp"
#include "sync/journal.hpp"
#include "sync/merge.hpp"
#include "storage/state.hpp"
#include "storage/store.hpp"

#include <deque>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace atelier {

struct ActionResult {
    std::vector<Id> created; // ids of the rows the action created, in order
    std::string description; // "Ajouter un post-it"
};

class Engine {
public:
    static std::unique_ptr<Engine> create(const std::string& path, const EventInfo& event, const Clock& clock);
    // An event filled by actions before anyone sees it (the demo): built beside `path`, then
    // published there in one rename (Store::createBeside, Store::publish).
    static std::unique_ptr<Engine> createBeside(const std::string& path, const EventInfo& event, const Clock& clock);
    static std::unique_ptr<Engine> publish(std::unique_ptr<Engine> built, const std::string& path, const Clock& clock);
    static std::unique_ptr<Engine> open(const std::string& path, const Clock& clock, OpenMode mode = OpenMode::ReadWrite);
    ~Engine();
    Engine(const Engine&) = delete;
    Engine& operator=(const Engine&) = delete;

    const EventState& state() const { return m_state; }
    // Distinct for every engine made in this process, so a cache of one engine's state is not
    // taken for another's made at the same address.
    std::uint64_t serial() const { return m_serial; }
    const Clock& clock() const { return m_clock; }
    Store& store() { return *m_store; }
    Journal& journal() { return *m_journal; }
    bool readOnly() const { return m_store->readOnly(); }
    const std::string& path() const { return m_store->path(); }

    // Validates, applies in one transaction, records the undo. Throws ValidationError (nothing
    // changed) or StorageError (the disk refused; nothing changed).
    ActionResult apply(const Action& action);
    // The same validation and commit, kept off the undo history: a participant's action from
    // a phone (core/participation), which the laptop's Ctrl+Z must never take back.
    ActionResult applyWithoutUndo(const Action& action);
    // Several actions as one: one transaction, all or nothing, one undo entry described by
    // `description`. Each action sees the state left by the ones before it (an import adds a
    // team, then its members).
    ActionResult applyBatch(const std::vector<Action>& actions, const std::string& description);

    // A human description of the action against the current state ("Déplacer 3 post-its").
    std::string describe(const Action& action) const;

    // Brings in the changes another copy of this event has made (see merge.hpp). The undo
    // history is cleared: what it would undo may have been changed by the merge.
    MergeReport mergeFrom(const std::string& otherCopyPath);
    // Several copies in one transaction: all of them merged, or (a refused copy, a crash) none.
    MergeReport mergeFrom(const std::vector<std::string>& otherCopyPaths);

    // Rotating backups beside the file (backup.hpp): after a commit at each phase change, and
    // once `interval` has passed since the last one. A failed backup never fails the action;
    // its message stays in lastBackupError() until one succeeds.
    void enableAutoBackup(Millis interval = 5 * 60 * 1000, std::size_t keep = 20);
    const std::string& lastBackupError() const { return m_backupError; }
    const std::string& lastBackupPath() const { return m_lastBackup; }
    // Replaces the content with a backup of this event, after backing up the current state
    // (returned). The undo history is cleared.
    std::string restoreBackup(const std::string& backupPath);

    // Committed changes go to the file's write-ahead log (WAL) and are copied into the file by
    // a checkpoint. SQLite's automatic one is off (Store::walPendingPages): the app checkpoints
    // when idle, the engine after a commit leaving more than kWalBound pages in the WAL, and on
    // close. A passive checkpoint: it never waits for a reader, and saved means committed
    // either way (a crash replays the WAL).
    static constexpr int kWalBound = 4000; // pages: 16 MB of 4 KiB pages
    bool checkpointPending() const { return !readOnly() && m_store->walPendingPages() > 0; }
    void checkpoint();

    // The rows changed by the commits after revision `since` (the state's revision then), for
    // caches that follow the state row by row (the font atlas's characters). Returns false when
    // it cannot tell (too far back, or the whole state was reloaded since): the caller then
    // starts over from the whole state.
    bool changedRowsSince(std::uint64_t since, const std::function<void(const std::string& table, Id id)>& visit) const;

    bool canUndo() const { return m_history.nextUndo() != nullptr; }
    bool canRedo() const { return m_history.nextRedo() != nullptr; }
    std::string undoDescription() const; // empty when nothing to undo
    std::string redoDescription() const;
    const UndoHistory& history() const { return m_history; }
    // Return the description of what was undone/redone. Throw ValidationError when the rows
    // changed since in a way that forbids it (nothing changes then).
    std::string undo();
    std::string redo();

private:
    Engine(std::unique_ptr<Store> store, const Clock& clock);
    void refresh(const Changeset& changes);
    ActionResult run(const std::vector<Action>& actions, std::string description, bool undoable);
    void applyChangeset(const Changeset& changes, const std::string& journalDescription);
    void record(const std::string& description, const Changeset& changes);
    void afterCommit(bool milestone);
    void reloadAll();
    void noteChanged(const std::string& table, Id id); // a row of the revision being made

    std::unique_ptr<Store> m_store;
    std::uint64_t m_serial;
    const Clock& m_clock;
    EventState m_state;
    UndoHistory m_history;
    std::unique_ptr<Journal> m_journal;
    struct ChangedRow {
        std::uint64_t revision;
        std::string table;
        Id id;
    };
    std::deque<ChangedRow> m_changedRows; // the latest, oldest first
    std::uint64_t m_changedRowsFrom = 0;   // they tell every change after this revision
    std::unique_ptr<RecordedTables> m_recorded; // after m_store, so it goes first: it holds statements on its connection
    std::optional<BackupSchedule> m_backupSchedule;
    std::size_t m_backupKeep = 20;
    std::string m_backupError, m_lastBackup;
};

} // namespace atelier
