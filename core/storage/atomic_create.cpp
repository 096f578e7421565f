#include "storage/atomic_create.hpp"

#include "model/errors.hpp"
#include "model/language.hpp"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <filesystem>
#include <sys/file.h>
#include <unistd.h>

namespace atelier {

namespace fs = std::filesystem;

std::string buildingPath(const std::string& path) {
    fs::path p(path);
    return (p.parent_path() / ("." + p.filename().string() + ".en-creation")).string();
}

void discardBuilt(const std::string& path) {
    std::error_code ec;
    std::string built = buildingPath(path);
    for (const char* suffix : {"", "-wal", "-shm", "-journal"}) fs::remove(built + suffix, ec);
}

void prepareBuilding(const std::string& path) {
    std::error_code ec;
    if (fs::exists(path, ec))
        throw FileError(trf("« {} » existe déjà : Atelier n'écrase pas un fichier. Choisissez un autre nom.",
                            "\"{}\" already exists: Atelier does not overwrite a file. Choose another name.", path));
    std::string built = buildingPath(path);
    if (!fs::exists(built, ec)) return;
    // A leftover: the Store being built holds an exclusive flock on it while it lives.
    int fd = ::open(built.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd >= 0) {
        bool busy = ::flock(fd, LOCK_EX | LOCK_NB) != 0 && errno == EWOULDBLOCK;
        ::close(fd);
        if (busy)
            throw FileError(trf("« {} » est en cours de création par un autre Atelier. Attendez la fin, ou choisissez un autre nom.",
                                "\"{}\" is being created by another Atelier. Wait for it to finish, or choose another name.",
                                path));
    }
    discardBuilt(path); // what a killed attempt left
}

void publishBuilt(const std::string& path) {
    std::string built = buildingPath(path);
    for (const char* suffix : {"-wal", "-journal"}) {
        std::error_code ec;
        if (fs::exists(built + suffix, ec) && fs::file_size(built + suffix, ec) > 0) {
            discardBuilt(path);
            throw FileError(trf("« {} » n'a pas pu être terminé (journal non replié). Recommencez.",
                                "\"{}\" could not be finished (journal not folded in). Try again.", path));
        }
    }
    // No overwrite, atomically: renameat2(RENAME_NOREPLACE); where the filesystem lacks it, a
    // hard link (fails on an existing name) then unlink; where neither exists (FAT), check and rename.
    int rc = ::renameat2(AT_FDCWD, built.c_str(), AT_FDCWD, path.c_str(), RENAME_NOREPLACE);
    if (rc != 0 && (errno == EINVAL || errno == ENOSYS || errno == ENOTSUP)) {
        rc = ::link(built.c_str(), path.c_str());
        if (rc == 0) ::unlink(built.c_str());
        else if (errno == EPERM || errno == ENOTSUP || errno == EOPNOTSUPP) {
            std::error_code ec;
            if (fs::exists(path, ec)) errno = EEXIST;
            else rc = std::rename(built.c_str(), path.c_str());
        }
    }
    if (rc != 0) {
        int err = errno;
        discardBuilt(path);
        if (err == EEXIST)
            throw FileError(trf("« {} » existe déjà : Atelier n'écrase pas un fichier. Choisissez un autre nom.",
                                "\"{}\" already exists: Atelier does not overwrite a file. Choose another name.", path));
        throw FileError(trf("Impossible de mettre « {} » en place ({}).", "Cannot put \"{}\" in place ({}).", path,
                            std::strerror(err)));
    }
    std::error_code ec;
    for (const char* suffix : {"-wal", "-shm", "-journal"}) fs::remove(built + suffix, ec);
}

} // namespace atelier
