// The failing VFS (failing_vfs.hpp) as a shared library for LD_PRELOAD: loaded into the real
// atelier binary, it becomes SQLite's default VFS before main runs, armed from the environment,
// so the CLI's own commands meet a full or failing disk end to end.
//   ATELIER_FAIL_DISK=<target>:<kind>:<writes allowed>
//     target: main | wal | shm      kind: full | ioerr | fsync
//   LD_PRELOAD=libatelier_failing_vfs.so ATELIER_FAIL_DISK=wal:full:0 atelier apply e.db
#include "failing_vfs.hpp"

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>

namespace {

using atelier::test::FailKind;
using atelier::test::FailTarget;

struct Preloaded {
    atelier::test::FailingVfs vfs;
    Preloaded() {
        const char* spec = std::getenv("ATELIER_FAIL_DISK");
        if (!spec || !*spec) return; // loaded but disarmed: everything passes through
        char target[16] = {}, kind[16] = {};
        int allowed = 0;
        if (std::sscanf(spec, "%15[a-z]:%15[a-z]:%d", target, kind, &allowed) != 3) {
            std::fprintf(stderr, "ATELIER_FAIL_DISK: expected target:kind:writes, got \"%s\"\n", spec);
            std::exit(99);
        }
        FailTarget t = std::strcmp(target, "main") == 0 ? FailTarget::MainDb
                       : std::strcmp(target, "shm") == 0 ? FailTarget::Shm
                                                          : FailTarget::Wal;
        FailKind k = std::strcmp(kind, "ioerr") == 0 ? FailKind::WriteError
                     : std::strcmp(kind, "fsync") == 0 ? FailKind::Fsync
                                                        : FailKind::Full;
        vfs.failAfter(t, allowed, k);
    }
};

// Built when the library is loaded, before the program's main; never destroyed (the program's
// last SQLite calls may run during its exit).
Preloaded* const g_preloaded = new Preloaded;

} // namespace
