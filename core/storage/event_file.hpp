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
// locking is unreliable. ATELIER_ASSUME_NETWORK_FS=1 makes every path one (for tests).
bool isOnNetworkFilesystem(const std::string& path);

// Warnings about a file that opens but deserves care (a network share). Core reports them
// here; the CLI prints them on stderr, the app shows them. No handler: ignored.
using FileWarningHandler = void (*)(const std::string& message);
void setFileWarningHandler(FileWarningHandler handler);
void warnAboutFile(const std::string& message);
// Reports the network-share warning for `path` when it applies.
void warnIfOnNetworkFilesystem(const std::string& path);

} // namespace atelier
