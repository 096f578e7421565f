#pragma once
// When the disk is the problem, the message names the disk, never a damaged file, and every
// command says it the same way: what the disk does, that nothing was lost, what to do; then,
// when a change was being written, that this change was not saved.
//   « Le disque est plein : rien n'a été perdu, libérez de la place puis recommencez. »
//   « Le disque de « e.db » est en lecture seule : rien n'a été perdu, … »
//   « Le disque refuse d'écrire « e.db » (disk I/O error) : rien n'a été perdu, … »
//   + « La modification n'a pas été enregistrée. » (an action), « La fusion n'a pas été
//     enregistrée, le fichier est inchangé. » (a merge)
#include <optional>
#include <string>

namespace atelier {

enum class DiskProblem { Full, ReadOnly, WriteError };
enum class Unsaved { Nothing, Change, Merge };

// Which disk problem an SQLite (extended) error code is, if any. An I/O error on a disk with
// no space left is a full disk. `path` (the event file, may be empty) is where space is checked.
std::optional<DiskProblem> diskProblemOf(int extendedCode, const std::string& path);

// The message. `path` may be empty (not named); `detail` is SQLite's wording, for a write error.
std::string diskMessage(DiskProblem problem, const std::string& path, const std::string& detail, Unsaved unsaved);

} // namespace atelier
