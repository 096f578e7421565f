#pragma once
// A SQLite VFS for tests that wraps the default one and makes writes fail with SQLITE_FULL
// (what ENOSPC becomes) after a chosen number of writes, for the main file or the -wal alone.
// Installed as the default VFS while alive, so the store needs no hook; passes everything
// through untouched while disarmed.
#include <cstdint>

namespace atelier::test {

// Shm: mapping the -shm file fails with SQLITE_IOERR_SHMMAP (a full tmpfs or disk).
enum class FailTarget { MainDb, Wal, Shm };

class FailingVfs {
public:
    FailingVfs();
    ~FailingVfs();
    FailingVfs(const FailingVfs&) = delete;
    FailingVfs& operator=(const FailingVfs&) = delete;
    // From now on, the file `target` accepts `writesAllowed` more xWrite calls, then every
    // xWrite (and xTruncate/xSync of that file) returns SQLITE_FULL until disarm().
    void failAfter(FailTarget target, int writesAllowed);
    void disarm();
    // How many writes were refused since the last failAfter.
    int refusedWrites() const;
};

} // namespace atelier::test
