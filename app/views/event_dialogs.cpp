#include "views/event_dialogs.hpp"

#include "strings.hpp"
#include "theme.hpp"
#include "widgets.hpp"

#include <imgui.h>
#include <imgui_stdlib.h>

#include <filesystem>

namespace atelier {

namespace {
enum Purpose : int { OpenEvent = 1, NewEventFile };
}

void EventDialogs::requestOpen() {
    m_wantOpen = true;
    m_openPath.clear(); // a new question: not the path typed last time
}

void EventDialogs::requestNew() {
    m_wantNew = true;
    m_draft = EventDraft{};
    m_draft.name = str(Str::DialogNewEventDefault);
    m_newPath.clear();
    m_problem.clear();
    m_review = false;
}

void EventDialogs::draw(Session& session, const std::vector<std::string>* recentFiles) {
    if (m_wantOpen) {
        ImGui::OpenPopup("##open");
        m_wantOpen = false;
    }
    if (m_wantNew) {
        ImGui::OpenPopup("##new");
        m_wantNew = false;
    }
    drawOpen(session, recentFiles);
    drawNew(session, recentFiles);
}

void EventDialogs::drawOpen(Session& session, const std::vector<std::string>* recentFiles) {
    ImGui::SetNextWindowPos(ImGui::GetMainViewport()->GetCenter(), ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
    if (!ImGui::BeginPopupModal("##open", nullptr, ImGuiWindowFlags_AlwaysAutoResize)) return;
    ImGui::TextUnformatted(str(Str::DialogPath));
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 30);
    if (ImGui::IsWindowAppearing()) ImGui::SetKeyboardFocusHere();
    bool enter = ImGui::InputText("##path", &m_openPath, ImGuiInputTextFlags_EnterReturnsTrue);
    recordLastItem("##openpath");
    ImGui::SameLine();
    if (button((std::string(str(Str::ButtonBrowse)) + "##open").c_str())) m_picker.open({OpenEvent, PickMode::Open, FileKind::Event, {}, {}, {}});
    bool chosen = false;
    if (auto pick = m_picker.draw(session, recentFiles)) { // chosen in the picker: open it at once
        m_openPath = pick->path;
        chosen = true;
    }
    if ((button(str(Str::ButtonOpen)) || enter || chosen) && !m_openPath.empty()) {
        session.requestOpen(m_openPath); // a failure is said in the window (Session::open)
        ImGui::CloseCurrentPopup();
    }
    ImGui::SameLine();
    if (button(str(Str::ButtonCancel))) ImGui::CloseCurrentPopup();
    ImGui::EndPopup();
}

void EventDialogs::drawNew(Session& session, const std::vector<std::string>* recentFiles) {
    ImGui::SetNextWindowPos(ImGui::GetMainViewport()->GetCenter(), ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
    if (!ImGui::BeginPopupModal("##new", nullptr, ImGuiWindowFlags_AlwaysAutoResize)) return;
    ImGui::TextUnformatted(str(Str::DialogNewEventTitle));
    ImGui::Separator();
    float labelWidth = ImGui::GetFontSize() * 11;
    float fieldWidth = ImGui::GetFontSize() * 24;
    m_draft.draw(labelWidth, fieldWidth);
    formRowLabel(str(Str::DialogEventFile), labelWidth);
    std::string browse = std::string(str(Str::ButtonBrowse)) + "##new";
    ImGui::SetNextItemWidth(fieldWidth - ImGui::CalcTextSize(browse.c_str(), nullptr, true).x - ImGui::GetStyle().FramePadding.x * 2 -
                            ImGui::GetStyle().ItemSpacing.x);
    ImGui::InputTextWithHint("##newpath", "/home/…/universite-ete-2026.db", &m_newPath);
    recordLastItem("##newpath");
    ImGui::SameLine();
    if (button(browse.c_str()))
        m_picker.open({NewEventFile, PickMode::Save, FileKind::Event, fileNameStem(m_draft.name) + ".db", {}, Str::PickerExistsEvent});
    if (auto pick = m_picker.draw(session, recentFiles)) m_newPath = pick->path;
    ImGui::SetCursorPosX(labelWidth); // under the fields
    ImGui::Checkbox(str(Str::DialogReviewFile), &m_review);
    recordLastItem("##review");
    if (!m_problem.empty()) {
        ImGui::PushTextWrapPos(labelWidth + fieldWidth);
        ImGui::TextColored(ImColor(colours::kError), "%s", m_problem.c_str());
        ImGui::PopTextWrapPos();
    }
    ImGui::Spacing();
    if (button(str(Str::ButtonCreate))) {
        EventInfo event;
        std::error_code ec;
        if (auto problem = m_draft.check(event)) {
            m_problem = *problem;
        } else if (m_newPath.find_first_not_of(' ') == std::string::npos) {
            m_problem = str(Str::EventPathMissing);
        } else if (std::filesystem::exists(m_newPath, ec)) { // never over another event
            m_problem = strf(Str::PickerExistsEvent, m_newPath);
        } else {
            m_problem.clear();
            session.requestCreate(m_newPath, event, m_review);
            ImGui::CloseCurrentPopup();
        }
    }
    ImGui::SameLine();
    if (button(str(Str::ButtonCancel))) ImGui::CloseCurrentPopup();
    ImGui::EndPopup();
}

} // namespace atelier
