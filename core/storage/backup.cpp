#include "storage/backup.hpp"

#include "model/errors.hpp"
#include "storage/event_file.hpp"
#include "model/language.hpp"
#include "storage/store.hpp"

#include <SQLiteCpp/Database.h>
#include <fmt/format.h>
#include <SQLiteCpp/Exception.h>
#include <sqlite3.h>

#include <algorithm>
#include <ctime>
#include <filesystem>

#include <fcntl.h>
#include <unistd.h>

namespace atelier {

namespace fs = std::filesystem;

namespace {

constexpr const char* kExtension = ".db";

std::string utcStamp(Millis at) {
    std::time_t seconds = static_cast<std::time_t>(at / 1000);
    std::tm tm{};
    gmtime_r(&seconds, &tm);
    char text[32];
    std::strftime(text, sizeof text, "%Y-%m-%dT%H-%M-%SZ", &tm);
    return text;
}

// 0 when the name is not one of ours.
Millis stampTime(const std::string& name) {
    std::tm tm{};
    const char* end = strptime(name.c_str(), "%Y-%m-%dT%H-%M-%SZ", &tm);
    if (!end) return 0;
    return static_cast<Millis>(timegm(&tm)) * 1000;
}

// Our backups, oldest first: names sort by time ("…Z.db" before "…Z_01.db" taken the same second).
std::vector<fs::path> backupFiles(const std::string& folder) {
    std::vector<fs::path> files;
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(folder, ec)) {
        std::string name = entry.path().filename().string();
        if (entry.is_regular_file(ec) && entry.path().extension() == kExtension && stampTime(name) != 0)
            files.push_back(entry.path());
    }
    std::sort(files.begin(), files.end());
    return files;
}

// Copies every page of `from` into `to` in one step: SQLite holds a read lock on the source and
// writes the destination in one transaction, so either side is always a whole database.
void copyDatabase(sqlite3* from, sqlite3* to) {
    sqlite3_backup* backup = sqlite3_backup_init(to, "main", from, "main");
    if (!backup) throw SQLite::Exception(to, sqlite3_errcode(to));
    int rc = sqlite3_backup_step(backup, -1);
    sqlite3_backup_finish(backup);
    if (rc != SQLITE_DONE) throw SQLite::Exception(sqlite3_errstr(rc), rc);
}

void syncFile(const std::string& path) {
    int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) return;
    ::fsync(fd);
    ::close(fd);
}

void rotate(const std::string& folder, std::size_t keep, const fs::path& spare) {
    std::vector<fs::path> files = backupFiles(folder);
    std::error_code ec;
    for (std::size_t i = 0; i + keep < files.size(); ++i)
        if (files[i] != spare) fs::remove(files[i], ec);
}

std::int64_t eventIdOf(SQLite::Database& db) { return ownEventId(db).value; }

} // namespace

std::string backupFolder(const std::string& eventPath) {
    fs::path path(eventPath);
    return (path.parent_path() / (path.stem().string() + ".backups")).string();
}

static std::string writeBackupSparing(Store& store, Millis now, std::size_t keep, const fs::path& spare) {
    std::string folder = backupFolder(store.path());
    std::error_code ec;
    fs::create_directories(folder, ec);
    std::string stamp = utcStamp(now);
    fs::path target = fs::path(folder) / (stamp + kExtension);
    for (int n = 1; fs::exists(target, ec) && n < 100; ++n) {
        target = fs::path(folder) / (stamp + fmt::format("_{:02}", n) + kExtension);
    }
    // Written under another name and renamed when complete: a crash leaves no half backup.
    std::string part = target.string() + ".part";
    fs::remove(part, ec);
    try {
        {
            SQLite::Database copy(part, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
            copyDatabase(store.db().getHandle(), copy.getHandle());
            copy.exec("PRAGMA journal_mode=DELETE"); // one self-contained file, no -wal to carry
        }
        syncFile(part);
        fs::rename(part, target);
    } catch (const std::exception& e) {
        fs::remove(part, ec);
        throw StorageError(trf("La sauvegarde automatique dans « {} » a échoué ({}). L'événement lui-même est intact.",
                               "The automatic backup into \"{}\" failed ({}). The event itself is intact.", folder, e.what()));
    }
    rotate(folder, keep, spare);
    return target.string();
}

std::string writeBackup(Store& store, Millis now, std::size_t keep) { return writeBackupSparing(store, now, keep, {}); }

std::vector<BackupInfo> listBackups(const std::string& eventPath) {
    std::vector<BackupInfo> list;
    std::vector<fs::path> files = backupFiles(backupFolder(eventPath));
    for (auto it = files.rbegin(); it != files.rend(); ++it) {
        BackupInfo info;
        info.path = it->string();
        info.name = it->filename().string();
        info.takenAt = stampTime(info.name);
        std::error_code ec;
        info.bytes = fs::file_size(*it, ec);
        try {
            checkEventFile(info.path);
            SQLite::Database db(info.path, SQLite::OPEN_READONLY);
            info.teams = db.execAndGet("SELECT count(*) FROM team").getInt();
            info.notes = db.execAndGet("SELECT count(*) FROM note").getInt();
            info.prototypes = db.execAndGet("SELECT count(*) FROM prototype").getInt();
            info.journalEntries = db.execAndGet("SELECT count(*) FROM journal").getInt64();
        } catch (const std::exception& e) {
            info.error = e.what();
        }
        list.push_back(std::move(info));
    }
    return list;
}

std::string restoreBackup(Store& store, const std::string& backupPath, Millis now, std::size_t keep) {
    if (store.readOnly())
        throw StorageError(tr("Cet événement est ouvert en lecture seule : rien n'a été restauré.",
                              "This event is open read-only: nothing was restored."));
    EventFileCheck check = checkEventFile(backupPath);
    if (check.schemaVersion != store.schemaVersion())
        throw FileError(trf("« {} » vient d'une autre version d'Atelier (schéma {}, l'événement est au schéma {}) : "
                            "ouvrez-la comme un événement à part plutôt que de la restaurer.",
                            "\"{}\" comes from another Atelier version (schema {}, the event has schema {}): "
                            "open it as a separate event instead of restoring it.",
                            backupPath, check.schemaVersion, store.schemaVersion()));
    try {
        SQLite::Database source(backupPath, SQLite::OPEN_READONLY);
        if (eventIdOf(source) != eventIdOf(store.db()))
            throw FileError(trf("« {} » est la sauvegarde d'un autre événement : rien n'a été restauré.",
                                "\"{}\" is a backup of another event: nothing was restored.", backupPath));
        std::string safety = writeBackupSparing(store, now, keep, fs::path(backupPath));
        copyDatabase(source.getHandle(), store.db().getHandle());
        store.db().exec("PRAGMA journal_mode=WAL");
        return safety;
    } catch (const SQLite::Exception& e) {
        throw StorageError(trf("La restauration de « {} » a échoué ({}) : l'événement n'a pas changé.",
                               "Restoring \"{}\" failed ({}): the event did not change.", backupPath, e.what()));
    }
}

} // namespace atelier
