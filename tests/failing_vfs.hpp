#pragma once
// A SQLite VFS for tests that wraps the default one and makes writes fail with SQLITE_FULL
// (what ENOSPC becomes), a write error or a failing fsync after a chosen number of writes, for
// the main file, the -wal or the -shm alone. Installed as the default VFS while alive, so the
// store needs no hook; passes everything through untouched while disarmed. The same shim,
// built as a shared library (failing_vfs_preload.cpp), is LD_PRELOADed into the real binary.
#include <cstdint>

namespace atelier::test {

// Shm: mapping the -shm file fails with SQLITE_IOERR_SHMMAP (a full tmpfs or disk).
enum class FailTarget { MainDb, Wal, Shm };
// Full: SQLITE_FULL (a full disk); WriteError: SQLITE_IOERR_WRITE (a failing disk); Fsync:
// writes pass, every fsync of the file fails (SQLITE_IOERR_FSYNC).
enum class FailKind { Full, WriteError, Fsync };

class FailingVfs {
public:
    FailingVfs();
    ~FailingVfs();
    FailingVfs(const FailingVfs&) = delete;
    FailingVfs& operator=(const FailingVfs&) = delete;
    // From now on, the file `target` accepts `writesAllowed` more xWrite calls, then every
    // xWrite (and xTruncate/xSync of that file) returns SQLITE_FULL until disarm().
    void failAfter(FailTarget target, int writesAllowed, FailKind kind = FailKind::Full);
    void disarm();
    // How many writes were refused since the last failAfter.
    int refusedWrites() const;
};

} // namespace atelier::test
