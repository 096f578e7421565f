#include "file_picker_model.hpp"

#include "io/text_fold.hpp"

#include <algorithm>
#include <array>
#include <cstdlib>
#include <filesystem>
#include <fstream>

namespace fs = std::filesystem;

namespace atelier {

namespace {

std::string lower(std::string s) {
    for (char& c : s)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return s;
}

std::string homeFolder() {
    const char* home = std::getenv("HOME");
    return home && *home ? home : "/";
}

// XDG_DOCUMENTS_DIR="$HOME/Documents" from ~/.config/user-dirs.dirs (the desktop's own names,
// « Bureau » on a French desktop); empty when not set.
std::string xdgUserFolder(const std::string& key) {
    const char* config = std::getenv("XDG_CONFIG_HOME");
    fs::path file = (config && *config ? fs::path(config) : fs::path(homeFolder()) / ".config") / "user-dirs.dirs";
    std::ifstream in(file);
    std::string line;
    while (std::getline(in, line)) {
        if (line.rfind(key + "=", 0) != 0) continue;
        std::string value = line.substr(key.size() + 1);
        if (value.size() >= 2 && value.front() == '"' && value.back() == '"') value = value.substr(1, value.size() - 2);
        if (value.rfind("$HOME", 0) == 0) value = homeFolder() + value.substr(5);
        return value;
    }
    return {};
}

bool isFolder(const std::string& path) {
    std::error_code ec;
    return !path.empty() && fs::is_directory(path, ec);
}

std::string normalised(const std::string& path) { return fs::path(path).lexically_normal().string(); }

} // namespace

const std::vector<std::string>& kindExtensions(FileKind kind) {
    static const std::array<std::vector<std::string>, static_cast<std::size_t>(FileKind::Count)> kExtensions{{
        {"db", "atelier", "sqlite"}, // Event
        {"csv", "tsv", "txt"},       // Spreadsheet: what a spreadsheet saves as text
        {"json"},                    // Bundle
        {"jpg", "jpeg", "png"},      // Image
        {"md"},                      // Markdown
        {"html", "htm"},             // Html
        {"png"},                     // Png
        {},                          // Any
    }};
    return kExtensions[static_cast<std::size_t>(kind)];
}

const char* kindLabel(FileKind kind) {
    static constexpr Str kLabels[] = {Str::PickerKindEvent, Str::PickerKindSpreadsheet, Str::PickerKindBundle, Str::PickerKindImage,
                                      Str::PickerKindMarkdown, Str::PickerKindHtml, Str::PickerKindPng, Str::PickerAllFiles};
    static_assert(std::size(kLabels) == static_cast<std::size_t>(FileKind::Count));
    return str(kLabels[static_cast<std::size_t>(kind)]);
}

bool matchesKind(const std::string& fileName, FileKind kind) {
    const auto& extensions = kindExtensions(kind);
    if (extensions.empty()) return true;
    std::string ext = lower(fs::path(fileName).extension().string());
    if (ext.empty()) return false;
    return std::find(extensions.begin(), extensions.end(), ext.substr(1)) != extensions.end();
}

std::vector<FolderEntry> listFolder(const std::string& folder, FileKind kind, std::string& error) {
    error.clear();
    std::vector<FolderEntry> entries;
    std::error_code ec;
    fs::directory_iterator it(folder, fs::directory_options::skip_permission_denied, ec);
    if (ec) {
        error = strf(Str::PickerFolderUnreadable, folder, ec.message());
        return {};
    }
    for (; it != fs::directory_iterator(); it.increment(ec)) {
        if (ec) break;
        std::string name = it->path().filename().string();
        if (name.empty() || name.front() == '.') continue;
        std::error_code typeEc;
        bool folderEntry = it->is_directory(typeEc); // follows links: a link to a folder opens like one
        if (!folderEntry && !matchesKind(name, kind)) continue;
        entries.push_back({name, folderEntry});
    }
    std::sort(entries.begin(), entries.end(), [](const FolderEntry& a, const FolderEntry& b) {
        if (a.folder != b.folder) return a.folder;
        std::string fa = foldText(a.name), fb = foldText(b.name);
        return fa != fb ? fa < fb : a.name < b.name;
    });
    return entries;
}

std::vector<Place> userPlaces(const std::string& eventFolder, const std::vector<std::string>& recentFolders) {
    std::vector<Place> places;
    auto add = [&](std::string label, const std::string& path, bool recent) {
        if (!isFolder(path)) return;
        std::string key = normalised(path);
        if (std::any_of(places.begin(), places.end(), [&](const Place& p) { return normalised(p.path) == key; })) return;
        places.push_back({std::move(label), path, recent});
    };
    for (const auto& folder : recentFolders) add(folder, folder, true);
    add(str(Str::PickerEventFolder), eventFolder, false);
    std::string home = homeFolder();
    add(str(Str::PickerHome), home, false);
    auto userFolder = [&](Str label, const char* key, std::initializer_list<const char*> names) {
        std::string xdg = xdgUserFolder(key);
        if (!xdg.empty() && normalised(xdg) != normalised(home)) {
            add(str(label), xdg, false);
            return;
        }
        for (const char* name : names) add(str(label), (fs::path(home) / name).string(), false);
    };
    userFolder(Str::PickerDocuments, "XDG_DOCUMENTS_DIR", {"Documents"});
    userFolder(Str::PickerDesktop, "XDG_DESKTOP_DIR", {"Bureau", "Desktop"});
    userFolder(Str::PickerDownloads, "XDG_DOWNLOAD_DIR", {"Téléchargements", "Downloads"});
    return places;
}

std::vector<std::string>& recentPickFolders() {
    static std::vector<std::string> folders;
    return folders;
}

void rememberPickFolder(const std::string& folder) {
    auto& folders = recentPickFolders();
    folders.erase(std::remove(folders.begin(), folders.end(), folder), folders.end());
    folders.insert(folders.begin(), folder);
    if (folders.size() > 6) folders.resize(6);
}

std::string fileNameStem(const std::string& text) {
    std::string out;
    for (unsigned char c : foldText(text)) { // accents off: a name anyone can type on any keyboard
        if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) out += static_cast<char>(c);
        else if (!out.empty() && out.back() != '-') out += '-';
    }
    while (!out.empty() && out.back() == '-') out.pop_back();
    return out.empty() ? "atelier" : out;
}

std::string resolveTypedPath(const std::string& folder, const std::string& typed) {
    std::string path = typed;
    while (!path.empty() && (path.back() == ' ' || path.back() == '\n' || path.back() == '\r')) path.pop_back();
    while (!path.empty() && path.front() == ' ') path.erase(path.begin());
    if (path.empty()) return {};
    if (path == "~" || path.rfind("~/", 0) == 0) path = homeFolder() + path.substr(1);
    fs::path p(path);
    if (p.is_relative()) p = fs::path(folder) / p;
    return p.lexically_normal().string();
}

PickCheck checkPick(PickMode mode, FileKind kind, const std::string& path) {
    PickCheck check;
    std::error_code ec;
    if (path.empty()) {
        check.problem = str(Str::PickerNameMissing);
        return check;
    }
    switch (mode) {
    case PickMode::Open:
        if (isFolder(path)) check.problem = strf(Str::PickerIsFolder, path);
        else if (!fs::exists(path, ec)) check.problem = strf(Str::PickerNoSuchFile, path);
        else check.path = path;
        break;
    case PickMode::Folder:
        if (!isFolder(path)) check.problem = strf(Str::PickerNotFolder, path);
        else check.path = path;
        break;
    case PickMode::Save: {
        fs::path p(path);
        if (isFolder(path) || p.filename().empty()) {
            check.problem = str(Str::PickerNameMissing);
            break;
        }
        if (!kindExtensions(kind).empty() && !matchesKind(p.filename().string(), kind))
            p += "." + kindExtensions(kind).front();
        std::string parent = p.parent_path().string();
        if (!isFolder(parent.empty() ? "." : parent)) {
            check.problem = strf(Str::PickerNoParent, parent);
            break;
        }
        check.path = p.string();
        if (fs::exists(p, ec)) check.warning = strf(Str::PickerWillReplace, p.filename().string());
        break;
    }
    }
    return check;
}

} // namespace atelier
