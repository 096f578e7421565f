#pragma once
// Checks what a file is before SQLite touches it, by reading its header bytes only: a refused
// file keeps its bytes and gets no -wal/-shm beside it.
#include <string>

namespace atelier {

struct EventFileCheck {
    bool writable = false;   // the file and its folder accept writes
    int schemaVersion = 0;   // PRAGMA user_version read from the header
};

// Throws FileError with a message naming the file and what to do when the file is missing,
// not a regular file, empty, not SQLite, another application's database, or from a newer Atelier.
EventFileCheck checkEventFile(const std::string& path);

// True when the path lies on a network filesystem (NFS, SMB/CIFS, sshfs), where SQLite's
// locking is unreliable.
bool isOnNetworkFilesystem(const std::string& path);

} // namespace atelier
