#include "toolbar.hpp"

namespace atelier {

Toolbar::Toolbar() : m_right(ImGui::GetCursorScreenPos().x + ImGui::GetContentRegionAvail().x) {}

void Toolbar::item(float width) {
    if (m_first) {
        m_first = false;
        return;
    }
    // SameLine places the cursor after the previous item of this window (a combo's popup, in
    // its own window, does not count); when the item would not fit there, back to a new line.
    ImGui::SameLine();
    if (ImGui::GetCursorScreenPos().x + width > m_right) ImGui::NewLine();
}

float Toolbar::buttonWidth(const char* label) {
    return ImGui::CalcTextSize(label, nullptr, true).x + 2 * ImGui::GetStyle().FramePadding.x;
}

float Toolbar::checkboxWidth(const char* label) {
    const ImGuiStyle& style = ImGui::GetStyle();
    return ImGui::GetFrameHeight() + style.ItemInnerSpacing.x + ImGui::CalcTextSize(label, nullptr, true).x;
}

float Toolbar::textWidth(const char* text) { return ImGui::CalcTextSize(text, nullptr, true).x; }

} // namespace atelier
