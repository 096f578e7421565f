#include "file_picker.hpp"

#include "theme.hpp"
#include "widgets.hpp"

#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>

namespace fs = std::filesystem;

namespace atelier {

namespace {

PickerBackend g_backend = PickerBackend::Auto;

const char* titleOf(PickMode mode) {
    switch (mode) {
    case PickMode::Open: return str(Str::PickerOpenTitle);
    case PickMode::Save: return str(Str::PickerSaveTitle);
    case PickMode::Folder: return str(Str::PickerFolderTitle);
    }
    return "";
}

std::string withSlash(const std::string& folder) { return folder.empty() || folder.back() == '/' ? folder : folder + "/"; }

// "*.csv *.CSV": zenity and kdialog match patterns with their case.
std::string patterns(FileKind kind) {
    std::string out;
    for (const auto& ext : kindExtensions(kind)) {
        std::string upper = ext;
        for (char& c : upper) c = static_cast<char>(c >= 'a' && c <= 'z' ? c - 'a' + 'A' : c);
        out += (out.empty() ? "" : " ") + std::string("*.") + ext + " *." + upper;
    }
    return out.empty() ? "*" : out;
}

} // namespace

void setPickerBackend(PickerBackend backend) { g_backend = backend; }

PickerBackend resolvedPickerBackend() {
    if (g_backend != PickerBackend::Auto) return g_backend;
    if (const char* forced = std::getenv("ATELIER_FILE_PICKER")) {
        std::string f = forced;
        if (f == "inapp") return PickerBackend::InApp;
        if (f == "zenity") return PickerBackend::Zenity;
        if (f == "kdialog") return PickerBackend::Kdialog;
    }
    if (!std::getenv("DISPLAY") && !std::getenv("WAYLAND_DISPLAY")) return PickerBackend::InApp;
    const char* desktop = std::getenv("XDG_CURRENT_DESKTOP");
    bool kde = desktop && std::string(desktop).find("KDE") != std::string::npos;
    if (kde && programOnPath("kdialog")) return PickerBackend::Kdialog;
    if (programOnPath("zenity")) return PickerBackend::Zenity;
    if (programOnPath("kdialog")) return PickerBackend::Kdialog;
    return PickerBackend::InApp;
}

std::vector<std::string> desktopPickerCommand(PickerBackend backend, const PickRequest& request, const std::string& folder) {
    std::string start = request.mode == PickMode::Save ? (fs::path(folder) / request.suggestedName).string() : withSlash(folder);
    std::string title = titleOf(request.mode);
    if (backend == PickerBackend::Kdialog) {
        std::vector<std::string> args{"kdialog", "--title", title};
        switch (request.mode) {
        case PickMode::Open: args.push_back("--getopenfilename"); break;
        case PickMode::Save: args.push_back("--getsavefilename"); break;
        case PickMode::Folder: args.push_back("--getexistingdirectory"); break;
        }
        args.push_back(start);
        if (request.mode != PickMode::Folder)
            args.push_back(patterns(request.kind) + "|" + kindLabel(request.kind) + "\n*|" + str(Str::PickerAllFiles));
        return args;
    }
    std::vector<std::string> args{"zenity", "--file-selection", "--title=" + title, "--filename=" + start};
    if (request.mode == PickMode::Save) {
        args.push_back("--save");
        if (!request.refuseExisting) args.push_back("--confirm-overwrite");
    }
    if (request.mode == PickMode::Folder) args.push_back("--directory");
    if (request.mode != PickMode::Folder && request.kind != FileKind::Any) {
        args.push_back(std::string("--file-filter=") + kindLabel(request.kind) + " | " + patterns(request.kind));
        args.push_back(std::string("--file-filter=") + str(Str::PickerAllFiles) + " | *");
    }
    return args;
}

void FilePicker::open(PickRequest request) {
    m_request = std::move(request);
    m_wantOpen = true;
    m_problem.clear();
    m_warning.clear();
    m_warnedPath.clear();
}

std::string FilePicker::startFolder(const Session& session) const {
    std::error_code ec;
    if (!m_request.folder.empty() && fs::is_directory(m_request.folder, ec)) return m_request.folder;
    for (const auto& folder : recentPickFolders())
        if (fs::is_directory(folder, ec)) return folder;
    if (session.isOpen()) {
        std::string eventFolder = fs::absolute(session.engine()->path(), ec).parent_path().string();
        if (fs::is_directory(eventFolder, ec)) return eventFolder;
    }
    const char* home = std::getenv("HOME");
    return home && *home ? home : fs::current_path(ec).string();
}

void FilePicker::navigate(const std::string& folder) {
    m_folder = fs::path(folder).lexically_normal().string();
    if (m_folder.size() > 1 && m_folder.back() == '/') m_folder.pop_back();
    m_folderField = m_folder;
    m_entries = listFolder(m_folder, m_allFiles ? FileKind::Any : m_request.kind, m_listError);
    m_warning.clear();
    m_warnedPath.clear();
}

void FilePicker::openInApp(const std::string& problem) {
    m_inApp = true;
    m_popupOpened = false;
    m_problem = problem;
}

std::optional<PickResult> FilePicker::draw(const Session& session, const std::vector<std::string>* recentFiles) {
    if (m_wantOpen) {
        m_wantOpen = false;
        std::error_code ec;
        m_eventFolder = session.isOpen() ? fs::absolute(session.engine()->path(), ec).parent_path().string() : std::string();
        m_allFiles = false;
        m_name = m_request.mode == PickMode::Save ? m_request.suggestedName : std::string();
        navigate(startFolder(session));
        PickerBackend backend = resolvedPickerBackend();
        if (backend == PickerBackend::InApp || !m_child.start(desktopPickerCommand(backend, m_request, m_folder)))
            openInApp({}); // no desktop dialog here: the app's own
    }
    if (m_child.running())
        if (auto picked = pollDesktop()) return picked;
    bool waiting = m_child.running();
    if (waiting || m_waitShown) {
        // The desktop's dialog is up: say so, and let the user give up on it from here.
        if (waiting && !m_waitShown) {
            ImGui::OpenPopup("##pickerwait");
            m_waitShown = true;
        }
        ImGui::SetNextWindowPos(ImGui::GetMainViewport()->GetCenter(), ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
        if (ImGui::BeginPopupModal("##pickerwait", nullptr, ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoTitleBar)) {
            ImGui::TextUnformatted(str(Str::PickerDesktopWaiting));
            if (button((std::string(str(Str::ButtonCancel)) + "##pickerwait").c_str())) m_child.stop();
            if (!m_child.running()) {
                ImGui::CloseCurrentPopup();
                m_waitShown = false;
            }
            ImGui::EndPopup();
        } else {
            m_waitShown = false;
        }
        if (waiting) return std::nullopt;
    }
    if (m_inApp) return drawInApp(session, recentFiles);
    return std::nullopt;
}

std::optional<PickResult> FilePicker::pollDesktop() {
    if (!m_child.poll()) return std::nullopt;
    int code = m_child.exitCode();
    std::string out = m_child.output();
    while (!out.empty() && (out.back() == '\n' || out.back() == '\r')) out.pop_back();
    if (code == 0 && !out.empty()) {
        PickCheck check = checkPick(m_request.mode, m_request.kind, out);
        if (!check.warning.empty() && m_request.refuseExisting) check.problem = strf(*m_request.refuseExisting, check.path);
        if (check.problem.empty()) {
            rememberPickFolder(m_request.mode == PickMode::Folder ? check.path : fs::path(check.path).parent_path().string());
            return PickResult{m_request.purpose, check.path};
        }
        // Chosen but not usable (a name the kind refuses, a folder gone): said in the app's own.
        std::string parent = fs::path(out).parent_path().string();
        std::error_code ec;
        if (fs::is_directory(parent, ec)) navigate(parent);
        m_name = fs::path(out).filename().string();
        openInApp(check.problem);
        return std::nullopt;
    }
    if (code == 1) return std::nullopt; // cancelled in the desktop's dialog
    openInApp({}); // it could not show itself (no display, a broken install): the app's own
    return std::nullopt;
}

std::optional<PickResult> FilePicker::confirm(const std::string& typed) {
    std::string path = resolveTypedPath(m_folder, typed);
    std::error_code ec;
    if (m_request.mode == PickMode::Folder && path.empty()) path = m_folder;
    // A typed folder is where to look, unless a folder is what is asked for.
    if (m_request.mode != PickMode::Folder && !path.empty() && fs::is_directory(path, ec)) {
        navigate(path);
        m_name.clear();
        m_problem.clear();
        return std::nullopt;
    }
    PickCheck check = checkPick(m_request.mode, m_request.kind, path);
    if (!check.warning.empty() && m_request.refuseExisting) check.problem = strf(*m_request.refuseExisting, check.path);
    if (!check.problem.empty()) {
        m_problem = check.problem;
        m_warning.clear();
        return std::nullopt;
    }
    if (!check.warning.empty() && m_warnedPath != check.path) { // an existing file: the second click replaces it
        m_warning = check.warning;
        m_warnedPath = check.path;
        m_problem.clear();
        return std::nullopt;
    }
    rememberPickFolder(m_request.mode == PickMode::Folder ? check.path : fs::path(check.path).parent_path().string());
    m_inApp = false;
    ImGui::CloseCurrentPopup();
    return PickResult{m_request.purpose, check.path};
}

std::optional<PickResult> FilePicker::drawInApp(const Session&, const std::vector<std::string>* recentFiles) {
    if (!m_popupOpened) {
        ImGui::OpenPopup("###filepicker");
        m_popupOpened = true;
    }
    ImGuiViewport* viewport = ImGui::GetMainViewport();
    float font = ImGui::GetFontSize();
    ImVec2 size(std::min(viewport->Size.x * 0.94f, font * 56), std::min(viewport->Size.y * 0.9f, font * 34));
    ImGui::SetNextWindowSize(size, ImGuiCond_Appearing);
    ImGui::SetNextWindowPos(viewport->GetCenter(), ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
    std::string title = std::string(titleOf(m_request.mode)) + "###filepicker";
    bool keepOpen = true;
    if (!ImGui::BeginPopupModal(title.c_str(), &keepOpen, ImGuiWindowFlags_NoSavedSettings)) {
        m_inApp = false; // closed by its own cross or Escape
        return std::nullopt;
    }
    std::optional<PickResult> picked;

    // The folder, typed or shown; Enter goes there.
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(str(Str::PickerFolder));
    ImGui::SameLine();
    ImGui::SetNextItemWidth(-1);
    if (ImGui::InputText("##pickerfolder", &m_folderField, ImGuiInputTextFlags_EnterReturnsTrue)) {
        std::string folder = resolveTypedPath(m_folder, m_folderField);
        std::error_code ec;
        if (fs::is_directory(folder, ec)) {
            navigate(folder);
            m_problem.clear();
        } else {
            m_problem = strf(Str::PickerNotFolder, m_folderField);
        }
    }
    recordLastItem("##pickerfolder");

    float bottom = ImGui::GetFrameHeightWithSpacing() * 3 + ImGui::GetTextLineHeightWithSpacing() * 2;
    float listHeight = std::max(ImGui::GetContentRegionAvail().y - bottom, font * 6);
    float placesWidth = std::min(font * 14, ImGui::GetContentRegionAvail().x * 0.32f);
    ImGui::BeginChild("##pickerplaces", ImVec2(placesWidth, listHeight), true);
    ImGui::TextDisabled("%s", str(Str::PickerPlaces));
    std::vector<std::string> recent = recentPickFolders();
    if (recentFiles)
        for (const auto& file : *recentFiles) recent.push_back(fs::path(file).parent_path().string());
    std::string goTo;
    bool recentShown = false;
    for (const Place& place : userPlaces(m_eventFolder, recent)) {
        if (place.recent && !recentShown) {
            ImGui::TextDisabled("%s", str(Str::PickerRecent));
            recentShown = true;
        }
        if (!place.recent && recentShown) {
            ImGui::Separator();
            recentShown = false;
        }
        std::string label = place.recent ? fs::path(place.path).filename().string() : place.label;
        if (label.empty()) label = place.path;
        ImGui::PushID(place.path.c_str());
        if (ImGui::Selectable(label.c_str(), place.path == m_folder)) goTo = place.path;
        if (place.recent && ImGui::IsItemHovered()) ImGui::SetTooltip("%s", place.path.c_str());
        recordLastItem(("place:" + label).c_str());
        ImGui::PopID();
    }
    ImGui::EndChild();
    ImGui::SameLine();

    ImGui::BeginChild("##pickerlist", ImVec2(0, listHeight), true);
    fs::path parent = fs::path(m_folder).parent_path();
    ImGui::BeginDisabled(parent.empty() || parent == fs::path(m_folder));
    if (button(str(Str::PickerUp))) goTo = parent.string();
    ImGui::EndDisabled();
    if (!m_listError.empty()) textWrapped(nullptr, m_listError, colours::kError);
    else if (m_entries.empty()) ImGui::TextDisabled("%s", str(Str::PickerEmptyFolder));
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(m_entries.size()));
    std::string chosenByDoubleClick;
    while (clipper.Step()) {
        for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
            const FolderEntry& entry = m_entries[static_cast<std::size_t>(i)];
            std::string label = entry.folder ? entry.name + "/" : entry.name;
            ImGui::PushID(i);
            bool selected = !entry.folder && entry.name == m_name;
            if (ImGui::Selectable(label.c_str(), selected, ImGuiSelectableFlags_AllowDoubleClick)) {
                if (entry.folder) {
                    goTo = (fs::path(m_folder) / entry.name).string();
                } else {
                    m_name = entry.name;
                    m_problem.clear();
                    if (ImGui::IsMouseDoubleClicked(0)) chosenByDoubleClick = entry.name;
                }
            }
            recordLastItem(label.c_str());
            ImGui::PopID();
        }
    }
    ImGui::EndChild();
    if (!goTo.empty()) {
        navigate(goTo);
        m_problem.clear();
        if (m_request.mode == PickMode::Open) m_name.clear();
    }

    // The name (or a whole typed path), the filter and the buttons.
    if (m_request.mode != PickMode::Folder) {
        ImGui::AlignTextToFramePadding();
        ImGui::TextUnformatted(str(Str::PickerName));
        ImGui::SameLine();
        float filterWidth = font * 14;
        ImGui::SetNextItemWidth(std::max(font * 10, ImGui::GetContentRegionAvail().x - filterWidth - ImGui::GetStyle().ItemSpacing.x));
        if (ImGui::IsWindowAppearing()) ImGui::SetKeyboardFocusHere();
        bool enter = ImGui::InputText("##pickername", &m_name, ImGuiInputTextFlags_EnterReturnsTrue);
        recordLastItem("##pickername");
        if (enter) chosenByDoubleClick = m_name;
        ImGui::SameLine();
        ImGui::SetNextItemWidth(-1);
        if (ImGui::BeginCombo("##pickerfilter", m_allFiles ? str(Str::PickerAllFiles) : kindLabel(m_request.kind))) {
            if (ImGui::Selectable(kindLabel(m_request.kind), !m_allFiles)) {
                m_allFiles = false;
                navigate(m_folder);
            }
            if (m_request.kind != FileKind::Any && ImGui::Selectable(str(Str::PickerAllFiles), m_allFiles)) {
                m_allFiles = true;
                navigate(m_folder);
            }
            ImGui::EndCombo();
        }
        recordLastItem("##pickerfilter");
    }
    if (!m_problem.empty()) textWrapped(nullptr, m_problem, colours::kError);
    else if (!m_warning.empty()) textWrapped(nullptr, m_warning, colours::kWarning);
    const char* action = m_request.mode == PickMode::Open   ? str(Str::PickerChoose)
                         : m_request.mode == PickMode::Save ? str(Str::PickerSave)
                                                            : str(Str::PickerChooseFolder);
    if (button(action) || !chosenByDoubleClick.empty()) picked = confirm(chosenByDoubleClick.empty() ? m_name : chosenByDoubleClick);
    ImGui::SameLine();
    if (button((std::string(str(Str::ButtonCancel)) + "##picker").c_str()) || !keepOpen) {
        m_inApp = false;
        ImGui::CloseCurrentPopup();
    }
    ImGui::EndPopup();
    return picked;
}

} // namespace atelier
