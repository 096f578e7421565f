#include "outcomes/dropped_files.hpp"
#include "outcomes/outcome_focus.hpp"
#include "outcomes/photo_thumbnails.hpp"

#include <algorithm>
#include <cctype>
#include <initializer_list>
#include <string_view>
#include <utility>

namespace atelier {

namespace {
PhotoThumbnails* g_thumbnails = nullptr;
FilesTab g_filesTab = FilesTab::None;

bool endsWith(const std::string& path, std::initializer_list<const char*> extensions) {
    std::string lower = path;
    std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    for (std::string_view e : extensions)
        if (lower.size() >= e.size() && lower.compare(lower.size() - e.size(), e.size(), e) == 0) return true;
    return false;
}
} // namespace

void setPhotoThumbnails(PhotoThumbnails* thumbnails) { g_thumbnails = thumbnails; }
PhotoThumbnails* photoThumbnails() { return g_thumbnails; }

OutcomeFocus& outcomeFocus() {
    static OutcomeFocus focus;
    return focus;
}

void requestFilesTab(FilesTab tab) { g_filesTab = tab; }
FilesTab takeFilesTab() { return std::exchange(g_filesTab, FilesTab::None); }

bool isImageFile(const std::string& path) { return endsWith(path, {".png", ".jpg", ".jpeg", ".gif", ".bmp"}); }
bool isCsvFile(const std::string& path) { return endsWith(path, {".csv", ".tsv", ".txt"}); }

void routeDroppedFiles(Session& session, const std::vector<std::string>& paths) {
    bool images = false, sheets = false;
    for (const auto& p : paths) {
        session.droppedFiles.push_back(p);
        images |= isImageFile(p);
        sheets |= isCsvFile(p);
    }
    if (sheets && !images) {
        session.view = ViewId::Files;
        requestFilesTab(FilesTab::Import);
    } else if (images && session.view != ViewId::Prototypes) {
        session.view = ViewId::Prototypes;
    }
}

std::vector<std::string> takeDroppedFiles(Session& session, bool (*accepts)(const std::string&)) {
    std::vector<std::string> taken;
    auto& files = session.droppedFiles;
    for (auto it = files.begin(); it != files.end();) {
        if (accepts(*it)) {
            taken.push_back(*it);
            it = files.erase(it);
        } else {
            ++it;
        }
    }
    return taken;
}

} // namespace atelier
