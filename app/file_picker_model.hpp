#pragma once
// What the file picker knows without drawing anything: the kinds of files the app opens or
// writes (and their extensions), the user's places (home, Documents, Bureau, Téléchargements,
// the event's folder, recent folders), a folder's listing filtered by kind, and the check of a
// chosen or typed path with the problem said in the user's words. The dialog is file_picker.*.
#include "strings.hpp"

#include <optional>
#include <string>
#include <vector>

namespace atelier {

// What a pick is for: it decides the extensions shown and, on saving, the one added.
enum class FileKind { Event, Spreadsheet, Bundle, Image, Markdown, Html, Png, Any, Count };
enum class PickMode { Open, Save, Folder };

// "*.csv"-style patterns without the "*." ("csv"); empty for Any.
const std::vector<std::string>& kindExtensions(FileKind kind);
// « Tableurs CSV (.csv) »: the filter's name in the interface language.
const char* kindLabel(FileKind kind);
// Whether a file name ends with one of the kind's extensions (any case); Any takes every file.
bool matchesKind(const std::string& fileName, FileKind kind);

struct FolderEntry {
    std::string name;
    bool folder = false;
};

// The folder's sub-folders (first) and the files of the kind (all files when `kind` is Any),
// each group sorted as a person reads it (case and accents ignored). Hidden entries (".x") are
// left out. A folder that cannot be read gives no entries and `error` says why.
std::vector<FolderEntry> listFolder(const std::string& folder, FileKind kind, std::string& error);

struct Place {
    std::string label; // « Documents », « Dossier de l'événement », or the folder itself for recent ones
    std::string path;
    bool recent = false;
};

// The places that exist on this machine, in this order: recent folders (most recent first), the
// event's folder, home, Documents, Bureau/Desktop, Téléchargements/Downloads (the XDG user
// folders of ~/.config/user-dirs.dirs when set, else the usual names). No folder twice.
std::vector<Place> userPlaces(const std::string& eventFolder, const std::vector<std::string>& recentFolders);

// Folders the user picked in, most recent first (kept for the app's run).
std::vector<std::string>& recentPickFolders();
void rememberPickFolder(const std::string& folder);

// "universite-d-ete-2026" from « Université d’été 2026 »: a name as a file name anyone can
// read and type (lowercase letters without accents, digits, dashes).
std::string fileNameStem(const std::string& text);

// A typed path made absolute: "~" is the home folder; a relative path is taken from `folder`.
std::string resolveTypedPath(const std::string& folder, const std::string& typed);

// The path a pick gives, or the problem to show (nothing chosen then). Saving adds the kind's
// first extension to a name without one; `warning` tells that an existing file will be replaced.
struct PickCheck {
    std::string path;
    std::string problem;
    std::string warning;
};
PickCheck checkPick(PickMode mode, FileKind kind, const std::string& path);

} // namespace atelier
