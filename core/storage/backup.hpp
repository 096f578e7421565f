#pragma once
// Rotating backups beside an event file: EVENT.backups/2018-07-09T14-03-12Z.db (UTC, so names
// sort by time), written with SQLite's online backup API from the open connection (consistent
// while the event is in use). A backup is a complete event file with the same identity (event,
// origin and a journal that is a prefix of the live one), so a restored file still merges.
#include "model/model.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace atelier {

class Store;

struct BackupInfo {
    std::string path;
    std::string name;       // file name, "2018-07-09T14-03-12Z.db"
    Millis takenAt = 0;     // from the name, UTC
    std::uintmax_t bytes = 0;
    int teams = 0, notes = 0, prototypes = 0;
    std::int64_t journalEntries = 0; // the number of changes it holds since the event was created
    std::string error;      // set when the file could not be read (then the counts are 0)
};

// "/x/rennes.db" → "/x/rennes.backups".
std::string backupFolder(const std::string& eventPath);

// Writes a backup of the store's current committed state and keeps the `keep` newest. Returns
// its path. Throws StorageError when it cannot be written (the event itself is untouched).
std::string writeBackup(Store& store, Millis now, std::size_t keep = 20);

// The backups of an event, newest first.
std::vector<BackupInfo> listBackups(const std::string& eventPath);

// Replaces the store's content with the backup's, in one transaction, after writing a backup of
// the current state (returned). Refuses a file that is not a backup of this same event.
std::string restoreBackup(Store& store, const std::string& backupPath, Millis now, std::size_t keep = 20);

// When to back up: at each milestone (a phase change) and after a commit once `interval` has
// passed since the last backup (or since opening).
class BackupSchedule {
public:
    BackupSchedule(Millis openedAt, Millis interval) : m_last(openedAt), m_interval(interval) {}
    bool due(Millis now, bool milestone) const { return milestone || now - m_last >= m_interval; }
    void done(Millis now) { m_last = now; }

private:
    Millis m_last;
    Millis m_interval;
};

} // namespace atelier
