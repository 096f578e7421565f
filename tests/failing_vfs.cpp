#include "failing_vfs.hpp"

#include <sqlite3.h>

#include <cstring>
#include <stdexcept>

namespace atelier::test {
namespace {

struct Settings {
    bool armed = false;
    FailTarget target = FailTarget::Wal;
    int writesLeft = 0;
    int refused = 0;
    FailKind kind = FailKind::Full;
};
Settings g;
sqlite3_vfs* g_real = nullptr;
sqlite3_vfs g_vfs{};
sqlite3_io_methods g_methods{};

// Our file: the real file's handle follows it in the same allocation.
struct ShimFile {
    sqlite3_file base;
    FailTarget kind;
    bool tracked;
    sqlite3_file* real() { return reinterpret_cast<sqlite3_file*>(this + 1); }
};
ShimFile* shim(sqlite3_file* f) { return reinterpret_cast<ShimFile*>(f); }

bool refuse(ShimFile* f) {
    if (!g.armed || !f->tracked || f->kind != g.target || g.kind == FailKind::Fsync) return false;
    if (g.writesLeft > 0) {
        --g.writesLeft;
        return false;
    }
    ++g.refused;
    return true;
}

int xClose(sqlite3_file* f) {
    int rc = shim(f)->real()->pMethods ? shim(f)->real()->pMethods->xClose(shim(f)->real()) : SQLITE_OK;
    return rc;
}
int xRead(sqlite3_file* f, void* p, int n, sqlite3_int64 o) { return shim(f)->real()->pMethods->xRead(shim(f)->real(), p, n, o); }
int xWrite(sqlite3_file* f, const void* p, int n, sqlite3_int64 o) {
    if (refuse(shim(f))) return g.kind == FailKind::Full ? SQLITE_FULL : SQLITE_IOERR_WRITE;
    return shim(f)->real()->pMethods->xWrite(shim(f)->real(), p, n, o);
}
int xTruncate(sqlite3_file* f, sqlite3_int64 size) {
    auto* s = shim(f);
    if (g.armed && g.kind != FailKind::Fsync && s->tracked && s->kind == g.target && g.writesLeft == 0)
        return SQLITE_IOERR_TRUNCATE;
    return s->real()->pMethods->xTruncate(s->real(), size);
}
int xSync(sqlite3_file* f, int flags) {
    auto* s = shim(f);
    if (g.armed && g.kind == FailKind::Fsync && s->tracked && s->kind == g.target) {
        ++g.refused;
        return SQLITE_IOERR_FSYNC;
    }
    return s->real()->pMethods->xSync(s->real(), flags);
}
int xFileSize(sqlite3_file* f, sqlite3_int64* s) { return shim(f)->real()->pMethods->xFileSize(shim(f)->real(), s); }
int xLock(sqlite3_file* f, int l) { return shim(f)->real()->pMethods->xLock(shim(f)->real(), l); }
int xUnlock(sqlite3_file* f, int l) { return shim(f)->real()->pMethods->xUnlock(shim(f)->real(), l); }
int xCheckReservedLock(sqlite3_file* f, int* r) { return shim(f)->real()->pMethods->xCheckReservedLock(shim(f)->real(), r); }
int xFileControl(sqlite3_file* f, int op, void* a) { return shim(f)->real()->pMethods->xFileControl(shim(f)->real(), op, a); }
int xSectorSize(sqlite3_file* f) { return shim(f)->real()->pMethods->xSectorSize(shim(f)->real()); }
int xDeviceCharacteristics(sqlite3_file* f) { return shim(f)->real()->pMethods->xDeviceCharacteristics(shim(f)->real()); }
int xShmMap(sqlite3_file* f, int r, int sz, int ext, void volatile** pp) {
    if (g.armed && g.target == FailTarget::Shm && g.kind != FailKind::Fsync) {
        ++g.refused;
        *pp = nullptr;
        return g.kind == FailKind::Full ? SQLITE_FULL : SQLITE_IOERR_SHMMAP;
    }
    return shim(f)->real()->pMethods->xShmMap(shim(f)->real(), r, sz, ext, pp);
}
int xShmLock(sqlite3_file* f, int o, int n, int fl) { return shim(f)->real()->pMethods->xShmLock(shim(f)->real(), o, n, fl); }
void xShmBarrier(sqlite3_file* f) { shim(f)->real()->pMethods->xShmBarrier(shim(f)->real()); }
int xShmUnmap(sqlite3_file* f, int d) { return shim(f)->real()->pMethods->xShmUnmap(shim(f)->real(), d); }
int xFetch(sqlite3_file* f, sqlite3_int64 o, int n, void** pp) { return shim(f)->real()->pMethods->xFetch(shim(f)->real(), o, n, pp); }
int xUnfetch(sqlite3_file* f, sqlite3_int64 o, void* p) { return shim(f)->real()->pMethods->xUnfetch(shim(f)->real(), o, p); }

int xOpen(sqlite3_vfs*, const char* name, sqlite3_file* f, int flags, int* outFlags) {
    auto* s = shim(f);
    s->base.pMethods = nullptr;
    s->real()->pMethods = nullptr;
    int rc = g_real->xOpen(g_real, name, s->real(), flags, outFlags);
    if (rc != SQLITE_OK) return rc;
    s->tracked = (flags & (SQLITE_OPEN_MAIN_DB | SQLITE_OPEN_WAL)) != 0;
    s->kind = (flags & SQLITE_OPEN_WAL) ? FailTarget::Wal : FailTarget::MainDb;
    g_methods.iVersion = s->real()->pMethods->iVersion;
    s->base.pMethods = &g_methods;
    return SQLITE_OK;
}

} // namespace

FailingVfs::FailingVfs() {
    if (g_real) throw std::logic_error("one FailingVfs at a time");
    g_real = sqlite3_vfs_find(nullptr);
    g_methods = sqlite3_io_methods{3, xClose, xRead, xWrite, xTruncate, xSync, xFileSize, xLock, xUnlock,
                                   xCheckReservedLock, xFileControl, xSectorSize, xDeviceCharacteristics,
                                   xShmMap, xShmLock, xShmBarrier, xShmUnmap, xFetch, xUnfetch};
    g_vfs = *g_real; // every VFS-level call but xOpen goes straight to the real one
    g_vfs.zName = "atelier-failing";
    g_vfs.szOsFile = static_cast<int>(sizeof(ShimFile)) + g_real->szOsFile;
    g_vfs.xOpen = xOpen;
    g_vfs.pNext = nullptr;
    g = Settings{};
    sqlite3_vfs_register(&g_vfs, 1);
}

FailingVfs::~FailingVfs() {
    sqlite3_vfs_unregister(&g_vfs);
    sqlite3_vfs_register(g_real, 1);
    g_real = nullptr;
}

void FailingVfs::failAfter(FailTarget target, int writesAllowed, FailKind kind) {
    g = Settings{true, target, writesAllowed, 0, kind};
}
void FailingVfs::disarm() { g.armed = false; }
int FailingVfs::refusedWrites() const { return g.refused; }

} // namespace atelier::test
