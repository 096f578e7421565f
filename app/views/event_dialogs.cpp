#include "views/event_dialogs.hpp"

#include "strings.hpp"
#include "theme.hpp"
#include "widgets.hpp"

#include <imgui.h>
#include <imgui_stdlib.h>

#include <filesystem>

namespace atelier {

void EventDialogs::requestNew() {
    m_wantNew = true;
    m_draft = EventDraft{};
    m_draft.name = str(Str::DialogNewEventDefault);
    m_newPath.clear();
    m_problem.clear();
}

void EventDialogs::draw(Session& session) {
    if (m_wantOpen) {
        ImGui::OpenPopup("##open");
        m_wantOpen = false;
    }
    if (m_wantNew) {
        ImGui::OpenPopup("##new");
        m_wantNew = false;
    }
    drawOpen(session);
    drawNew(session);
}

void EventDialogs::drawOpen(Session& session) {
    ImGui::SetNextWindowPos(ImGui::GetMainViewport()->GetCenter(), ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
    if (!ImGui::BeginPopupModal("##open", nullptr, ImGuiWindowFlags_AlwaysAutoResize)) return;
    ImGui::TextUnformatted(str(Str::DialogPath));
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 30);
    if (ImGui::IsWindowAppearing()) ImGui::SetKeyboardFocusHere();
    bool enter = ImGui::InputText("##path", &m_openPath, ImGuiInputTextFlags_EnterReturnsTrue);
    recordLastItem("##openpath");
    if ((button(str(Str::ButtonOpen)) || enter) && !m_openPath.empty()) {
        session.requestOpen(m_openPath);
        ImGui::CloseCurrentPopup();
    }
    ImGui::SameLine();
    if (button(str(Str::ButtonCancel))) ImGui::CloseCurrentPopup();
    ImGui::EndPopup();
}

void EventDialogs::drawNew(Session& session) {
    ImGui::SetNextWindowPos(ImGui::GetMainViewport()->GetCenter(), ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
    if (!ImGui::BeginPopupModal("##new", nullptr, ImGuiWindowFlags_AlwaysAutoResize)) return;
    ImGui::TextUnformatted(str(Str::DialogNewEventTitle));
    ImGui::Separator();
    float labelWidth = ImGui::GetFontSize() * 11;
    float fieldWidth = ImGui::GetFontSize() * 24;
    m_draft.draw(labelWidth, fieldWidth);
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(str(Str::DialogEventFile));
    ImGui::SameLine(labelWidth);
    ImGui::SetNextItemWidth(fieldWidth);
    ImGui::InputTextWithHint("##newpath", "/home/…/universite-ete-2026.db", &m_newPath);
    recordLastItem("##newpath");
    if (!m_problem.empty()) {
        ImGui::PushTextWrapPos(labelWidth + fieldWidth);
        ImGui::TextColored(ImColor(colours::kError), "%s", m_problem.c_str());
        ImGui::PopTextWrapPos();
    }
    ImGui::Spacing();
    if (button(str(Str::ButtonCreate))) {
        EventInfo event;
        if (auto problem = m_draft.check(event)) {
            m_problem = *problem;
        } else if (m_newPath.find_first_not_of(' ') == std::string::npos) {
            m_problem = str(Str::EventPathMissing);
        } else {
            m_problem.clear();
            session.requestCreate(m_newPath, event);
            ImGui::CloseCurrentPopup();
        }
    }
    ImGui::SameLine();
    if (button(str(Str::ButtonCancel))) ImGui::CloseCurrentPopup();
    ImGui::EndPopup();
}

} // namespace atelier
