#include "storage/event_file.hpp"

#include "model/errors.hpp"
#include "model/language.hpp"
#include "storage/schema.hpp"

#include <array>
#include <atomic>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>

#include <sys/statfs.h>
#include <unistd.h>

namespace atelier {

namespace {

std::uint32_t bigEndian32(const unsigned char* p) {
    return (std::uint32_t(p[0]) << 24) | (std::uint32_t(p[1]) << 16) | (std::uint32_t(p[2]) << 8) | std::uint32_t(p[3]);
}

} // namespace

EventFileCheck checkEventFile(const std::string& path) {
    namespace fs = std::filesystem;
    std::error_code ec;
    auto status = fs::status(path, ec);
    if (ec || !fs::exists(status))
        throw FileError(trf("Le fichier « {} » n'existe pas. Vérifiez le chemin, ou créez un événement avec « atelier new ».",
                            "The file \"{}\" does not exist. Check the path, or create an event with \"atelier new\".", path));
    if (!fs::is_regular_file(status))
        throw FileError(trf("« {} » n'est pas un fichier d'événement (c'est un dossier ou un fichier spécial).",
                            "\"{}\" is not an event file (it is a folder or a special file).", path));

    std::array<unsigned char, 100> header{};
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw FileError(trf("Impossible de lire « {} » : accès refusé. Vérifiez les droits du fichier.",
                            "Cannot read \"{}\": permission denied. Check the file's permissions.", path));
    in.read(reinterpret_cast<char*>(header.data()), header.size());
    auto got = in.gcount();
    if (got == 0)
        throw FileError(trf("« {} » est vide : ce n'est pas un événement Atelier. Ouvrez le bon fichier ou créez un événement.",
                            "\"{}\" is empty: it is not an Atelier event. Open the right file or create an event.", path));
    if (got < 100 || std::memcmp(header.data(), "SQLite format 3", 16) != 0)
        throw FileError(trf("« {} » n'est pas un événement Atelier (ce n'est pas une base SQLite). Ouvrez un fichier créé par Atelier.",
                            "\"{}\" is not an Atelier event (it is not an SQLite database). Open a file created by Atelier.", path));
    auto appId = static_cast<std::int32_t>(bigEndian32(header.data() + 68));
    if (appId != kApplicationId)
        throw FileError(trf("« {} » est une base SQLite d'une autre application, pas un événement Atelier. Elle n'a pas été modifiée.",
                            "\"{}\" is an SQLite database of another application, not an Atelier event. It was not changed.", path));

    EventFileCheck check;
    check.schemaVersion = static_cast<int>(bigEndian32(header.data() + 60));
    // While the event is open (or after a crash) the newest header may still sit in the -wal
    // file: the main file's copy can lag behind, so it only proves what it says when no WAL
    // holds changes. SQLite then reads the real version, checked again by Store::open.
    std::error_code walError;
    bool walHoldsChanges = fs::exists(path + "-wal", walError) && fs::file_size(path + "-wal", walError) > 0;
    if (check.schemaVersion > currentSchemaVersion())
        throw FileError(trf("« {} » a été écrit par une version plus récente d'Atelier (schéma {}, cette version connaît le schéma {}). "
                            "Mettez Atelier à jour pour l'ouvrir.",
                            "\"{}\" was written by a newer Atelier (schema {}, this version knows schema {}). "
                            "Update Atelier to open it.",
                            path, check.schemaVersion, currentSchemaVersion()));
    if (check.schemaVersion < 1 && !walHoldsChanges)
        throw FileError(trf("« {} » est un événement Atelier incomplet (aucun schéma). Il n'a pas été modifié.",
                            "\"{}\" is an incomplete Atelier event (no schema). It was not changed.", path));

    // The header's page count is trustworthy when its change counter matches the one at offset
    // 92. With no -wal beside it, every page lives in the file: a shorter file was cut off,
    // and SQLite would only notice mid-read, after creating its -wal/-shm.
    std::uint32_t pageSize = (std::uint32_t(header[16]) << 8) | header[17];
    if (pageSize == 1) pageSize = 65536;
    std::uint32_t pageCount = bigEndian32(header.data() + 28);
    bool countValid = pageCount > 0 && std::memcmp(header.data() + 24, header.data() + 92, 4) == 0;
    auto size = fs::file_size(path, ec);
    if (!ec && countValid && !fs::exists(path + "-wal", ec) && size < std::uintmax_t(pageSize) * pageCount)
        throw FileError(trf("« {} » est tronqué ({} octets au lieu de {}) : il a été copié en partie ou abîmé. "
                            "Restaurez une sauvegarde. Il n'a pas été modifié.",
                            "\"{}\" is truncated ({} bytes instead of {}): it was partly copied or damaged. "
                            "Restore a backup. It was not changed.",
                            path, size, std::uintmax_t(pageSize) * pageCount));

    auto folder = fs::absolute(path, ec).parent_path();
    check.writable = ::access(path.c_str(), W_OK) == 0 && ::access(folder.c_str(), W_OK) == 0;
    return check;
}

bool isOnNetworkFilesystem(const std::string& path) {
    if (const char* assume = std::getenv("ATELIER_ASSUME_NETWORK_FS"); assume && std::strcmp(assume, "1") == 0) return true;
    struct statfs info {};
    if (::statfs(path.c_str(), &info) != 0) return false;
    switch (static_cast<unsigned long>(info.f_type)) {
    case 0x6969UL:     // NFS
    case 0xFF534D42UL: // CIFS
    case 0xFE534D42UL: // SMB2
    case 0x517BUL:     // SMB
    case 0x65735546UL: // FUSE (sshfs and friends)
        return true;
    default:
        return false;
    }
}

namespace {
std::atomic<FileWarningHandler> g_warningHandler{nullptr};
} // namespace

void setFileWarningHandler(FileWarningHandler handler) { g_warningHandler = handler; }

void warnAboutFile(const std::string& message) {
    if (FileWarningHandler handler = g_warningHandler) handler(message);
}

void warnIfOnNetworkFilesystem(const std::string& path) {
    if (isOnNetworkFilesystem(path))
        warnAboutFile(trf("Attention : « {} » est sur un partage réseau, où le verrouillage de SQLite n'est pas fiable "
                          "(deux ordinateurs pourraient l'abîmer). Copiez-le sur le disque local pour travailler.",
                          "Warning: \"{}\" is on a network share, where SQLite's locking is not reliable (two computers "
                          "could damage it). Copy it to a local disk to work on it.",
                          path));
}

} // namespace atelier
