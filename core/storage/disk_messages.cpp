#include "storage/disk_messages.hpp"

#include "model/language.hpp"

#include <sqlite3.h>

#include <filesystem>

namespace atelier {

std::optional<DiskProblem> diskProblemOf(int extendedCode, const std::string& path) {
    const int primary = extendedCode & 0xFF;
    if (primary == SQLITE_FULL) return DiskProblem::Full;
    if (primary == SQLITE_READONLY) return DiskProblem::ReadOnly;
    if (primary != SQLITE_IOERR && primary != SQLITE_CANTOPEN) return std::nullopt;
    if (!path.empty()) {
        std::error_code ec;
        auto space = std::filesystem::space(std::filesystem::absolute(path, ec).parent_path(), ec);
        if (!ec && space.available == 0) return DiskProblem::Full;
    }
    switch (extendedCode) {
    case SQLITE_IOERR_READ: case SQLITE_IOERR_SHORT_READ: case SQLITE_IOERR_CORRUPTFS:
        return std::nullopt; // reading failed: not a disk refusing to write
    default:
        return DiskProblem::WriteError;
    }
}

std::string diskMessage(DiskProblem problem, const std::string& path, const std::string& detail, Unsaved unsaved) {
    std::string text;
    switch (problem) {
    case DiskProblem::Full:
        text = path.empty() ? tr("Le disque est plein : rien n'a été perdu, libérez de la place puis recommencez.",
                                 "The disk is full: nothing was lost, free some space and try again.")
                            : trf("Le disque est plein : rien n'a été perdu, libérez de la place puis recommencez (« {} »).",
                                  "The disk is full: nothing was lost, free some space and try again (\"{}\").", path);
        break;
    case DiskProblem::ReadOnly:
        text = path.empty() ? tr("Le fichier ou son disque est en lecture seule : rien n'a été perdu, ouvrez le fichier en "
                                 "lecture seule ou copiez-le sur un disque où vous pouvez écrire.",
                                 "The file or its disk is read-only: nothing was lost, open the file read-only or copy it "
                                 "to a disk you can write to.")
                            : trf("Le disque de « {} » est en lecture seule : rien n'a été perdu, ouvrez le fichier en "
                                  "lecture seule ou copiez-le sur un disque où vous pouvez écrire.",
                                  "The disk of \"{}\" is read-only: nothing was lost, open the file read-only or copy it "
                                  "to a disk you can write to.",
                                  path);
        break;
    case DiskProblem::WriteError: {
        std::string what = path.empty() ? tr("le fichier", "the file") : trf("« {} »", "\"{}\"", path);
        if (!detail.empty()) what += " (" + detail + ")";
        text = trf("Le disque refuse d'écrire {} : rien n'a été perdu, vérifiez le disque (plein, retiré, en panne ?) puis "
                   "recommencez.",
                   "The disk refuses to write {}: nothing was lost, check the disk (full, removed, failing?) and try again.",
                   what);
        break;
    }
    }
    if (unsaved == Unsaved::Change) text += tr(" La modification n'a pas été enregistrée.", " The change was not saved.");
    if (unsaved == Unsaved::Merge)
        text += tr(" La fusion n'a pas été enregistrée, le fichier est inchangé.", " The merge was not saved, the file is unchanged.");
    return text;
}

} // namespace atelier
