#pragma once
// The file picker for every file the app opens or writes. The desktop's own dialog (zenity, or
// kdialog on KDE) when one is installed and there is a display, run as a child process polled
// each frame so the app keeps drawing; otherwise, or when it cannot start, the in-app dialog:
// places (recent folders, the event's folder, home, Documents, Bureau, Téléchargements),
// navigable folders, a filter by kind, a typed path or name, problems said in the dialog.
#include "child_process.hpp"
#include "file_picker_model.hpp"
#include "session.hpp"

#include <optional>
#include <string>
#include <vector>

namespace atelier {

struct PickRequest {
    int purpose = 0; // the caller's tag: which of its files this pick is for
    PickMode mode = PickMode::Open;
    FileKind kind = FileKind::Any;
    std::string suggestedName; // saving: the name offered
    std::string folder;        // where to start; empty: the last folder picked in, else the event's
    // Saving never replaces an existing file: this says why (a template could be a filled-in table).
    std::optional<Str> refuseExisting;
};

struct PickResult {
    int purpose = 0;
    std::string path;
};

enum class PickerBackend { Auto, InApp, Zenity, Kdialog };
// Auto: $ATELIER_FILE_PICKER (inapp, zenity, kdialog) when set, else the desktop's dialog when
// there is a display and one is installed, else the in-app one. Tests choose one.
void setPickerBackend(PickerBackend backend);
// The dialog Auto resolves to now.
PickerBackend resolvedPickerBackend();

// The desktop dialog's command line for a request (zenity or kdialog).
std::vector<std::string> desktopPickerCommand(PickerBackend backend, const PickRequest& request, const std::string& folder);

class FilePicker {
public:
    void open(PickRequest request);
    // Every frame, at the same place (a modal popup of the current window). Returns the checked
    // path once, the frame it is chosen. `recentFiles`: event files opened lately (their folders
    // are places).
    std::optional<PickResult> draw(const Session& session, const std::vector<std::string>* recentFiles = nullptr);
    bool busy() const { return m_wantOpen || m_inApp || m_child.running(); }

private:
    std::optional<PickResult> drawInApp(const Session& session, const std::vector<std::string>* recentFiles);
    std::optional<PickResult> pollDesktop();
    std::optional<PickResult> confirm(const std::string& typed);
    void openInApp(const std::string& problem);
    void navigate(const std::string& folder);
    std::string startFolder(const Session& session) const;

    PickRequest m_request;
    bool m_wantOpen = false;   // open() was called: start on the next draw
    bool m_inApp = false;      // the in-app dialog is open
    bool m_popupOpened = false;
    bool m_waitShown = false;  // the « choose in the desktop's window » note is up
    ChildProcess m_child;      // the desktop's dialog while it is up
    std::string m_folder;      // shown folder
    std::string m_folderField; // the folder as typed in the path field
    std::string m_name;        // file name or typed path
    bool m_allFiles = false;   // the filter shows every file
    std::vector<FolderEntry> m_entries;
    std::string m_listError, m_problem, m_warning, m_warnedPath;
    std::string m_eventFolder;
};

} // namespace atelier
