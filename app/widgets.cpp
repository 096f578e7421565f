#include "widgets.hpp"

#include <imgui_internal.h>
#include <imgui_stdlib.h>

#include <array>
#include <unordered_map>

namespace atelier {

void closePopupsBeforeWidgets() {
    ImGuiContext& g = *GImGui;
    if (g.OpenPopupStack.empty()) return;
    // The popups above the topmost modal: the ones a click outside or Escape dismisses.
    int base = 0;
    for (int i = 0; i < g.OpenPopupStack.Size; ++i)
        if (ImGuiWindow* w = g.OpenPopupStack[i].Window; w && (w->Flags & ImGuiWindowFlags_Modal)) base = i + 1;
    if (base >= g.OpenPopupStack.Size) return;
    ImGuiIO& io = g.IO;
    if (io.KeyMap[ImGuiKey_Escape] >= 0 && ImGui::IsKeyPressed(io.KeyMap[ImGuiKey_Escape], false)) {
        ImGui::ClosePopupToLevel(base, true);
        return;
    }
    bool clicked = false;
    for (int b = 0; b < IM_ARRAYSIZE(io.MouseClicked); ++b) clicked = clicked || io.MouseClicked[b];
    if (!clicked) return;
    ImGuiWindow* hovered = g.HoveredWindow;
    // A click inside one of the open popups (or a child of one) is theirs.
    for (int i = base; i < g.OpenPopupStack.Size; ++i) {
        ImGuiWindow* popup = g.OpenPopupStack[i].Window;
        if (popup && hovered && hovered->RootWindow == popup) return;
    }
    // Close the popups the click lies outside of (those opened from the hovered window stay),
    // and give the hovered window the focus now rather than at the end of the frame.
    if (hovered) {
        ImGui::ClosePopupsOverWindow(hovered, false);
        ImGui::FocusWindow(hovered);
    } else {
        ImGui::ClosePopupToLevel(base, false);
    }
}

const char* phaseName(Phase phase) {
    static_assert(static_cast<int>(Str::PhaseTest) - static_cast<int>(Str::PhaseDiverge) + 1 == kPhaseCodes.size());
    return str(static_cast<Str>(static_cast<int>(Str::PhaseDiverge) + static_cast<int>(phase)));
}
const char* roleName(Role role) {
    static_assert(static_cast<int>(Str::RoleExpert) - static_cast<int>(Str::RoleFacilitator) + 1 == kRoleCodes.size());
    return str(static_cast<Str>(static_cast<int>(Str::RoleFacilitator) + static_cast<int>(role)));
}
const char* slotKindName(SlotKind kind) {
    static_assert(static_cast<int>(Str::SlotOther) - static_cast<int>(Str::SlotTalk) + 1 == kSlotKindCodes.size());
    return str(static_cast<Str>(static_cast<int>(Str::SlotTalk) + static_cast<int>(kind)));
}
const char* timerStateName(TimerState state) {
    static_assert(static_cast<int>(Str::TimerFinished) - static_cast<int>(Str::TimerReady) + 1 == kTimerStateCodes.size());
    return str(static_cast<Str>(static_cast<int>(Str::TimerReady) + static_cast<int>(state)));
}

std::string formatDay(const std::string& isoDay) {
    int y = 0, m = 0, d = 0;
    if (std::sscanf(isoDay.c_str(), "%d-%d-%d", &y, &m, &d) != 3 || m < 1 || m > 12 || d < 1 || d > 31) return isoDay;
    // Sakamoto's day of week: 0 = Sunday.
    static constexpr int t[] = {0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4};
    int yy = m < 3 ? y - 1 : y;
    int dow = (yy + yy / 4 - yy / 100 + yy / 400 + t[m - 1] + d) % 7;
    int monday0 = (dow + 6) % 7;
    const char* weekday = str(static_cast<Str>(static_cast<int>(Str::Monday) + monday0));
    const char* month = str(static_cast<Str>(static_cast<int>(Str::January) + m - 1));
    return strf(Str::DayFormat, weekday, d, month, y);
}

namespace {

// Edit buffers of the fields being typed in, by ImGui id; a field shows the model otherwise.
std::unordered_map<ImGuiID, std::string>& buffers() {
    static std::unordered_map<ImGuiID, std::string> map;
    return map;
}

template <typename Draw> bool editWith(const char* label, const std::string& value, std::string& out, Draw draw) {
    ImGuiID id = ImGui::GetID(label);
    auto& map = buffers();
    // Also keep the buffer the frame after the field lost focus: that is when ImGui reports the edit.
    bool active = ImGui::GetActiveID() == id || GImGui->ActiveIdPreviousFrame == id;
    if (!active) map[id] = value;
    std::string& buffer = map[id];
    draw(buffer);
    if (ImGui::IsItemDeactivatedAfterEdit()) {
        std::string edited = buffer;
        map.erase(id);
        if (edited != value) {
            out = std::move(edited);
            return true;
        }
    } else if (!ImGui::IsItemActive()) {
        map.erase(id);
    }
    return false;
}

} // namespace

namespace {
bool g_recording = false;
std::map<std::string, ItemRect>& rects() {
    static std::map<std::string, ItemRect> map;
    return map;
}
} // namespace

void recordItemRects(bool on) {
    g_recording = on;
    rects().clear();
}
const std::map<std::string, ItemRect>& itemRects() { return rects(); }
void recordLastItem(const char* label) {
    if (g_recording) rects()[label] = ItemRect{ImGui::GetItemRectMin(), ImGui::GetItemRectMax()};
}

bool button(const char* label, ImVec2 size) {
    bool pressed = ImGui::Button(label, size);
    recordLastItem(label);
    return pressed;
}

bool editText(const char* label, const std::string& value, std::string& out, float width) {
    return editWith(label, value, out, [&](std::string& buffer) {
        ImGui::SetNextItemWidth(width);
        ImGui::InputText(label, &buffer);
        recordLastItem(label);
    });
}

bool editMultiline(const char* label, const std::string& value, std::string& out, ImVec2 size) {
    return editWith(label, value, out, [&](std::string& buffer) {
        ImGui::InputTextMultiline(label, &buffer, size);
        recordLastItem(label);
    });
}

void formRowLabel(const char* label, float labelWidth) {
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(label);
    ImGui::SameLine(labelWidth);
}

bool formRowText(const char* label, const char* id, const std::string& value, std::string& out, float labelWidth, float fieldWidth) {
    formRowLabel(label, labelWidth);
    return editText(id, value, out, fieldWidth);
}

void textWrapped(ImFont* font, const std::string& text, ImU32 colour) {
    if (font) ImGui::PushFont(font);
    if (colour) ImGui::PushStyleColor(ImGuiCol_Text, colour);
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextUnformatted(text.c_str(), text.c_str() + text.size());
    ImGui::PopTextWrapPos();
    if (colour) ImGui::PopStyleColor();
    if (font) ImGui::PopFont();
}

void textOneLine(const std::string& text) {
    float width = ImGui::GetContentRegionAvail().x;
    const char* begin = text.c_str();
    const char* end = begin + text.size();
    if (ImGui::CalcTextSize(begin, end).x <= width) {
        ImGui::TextUnformatted(begin, end);
        return;
    }
    // Cut at a character boundary so that the text and "…" fit together.
    float ellipsis = ImGui::CalcTextSize("…").x;
    const char* cut = end;
    while (cut > begin && ImGui::CalcTextSize(begin, cut).x + ellipsis > width) {
        --cut;
        while (cut > begin && (static_cast<unsigned char>(*cut) & 0xC0) == 0x80) --cut; // not inside a UTF-8 sequence
    }
    std::string shown(begin, cut);
    while (!shown.empty() && shown.back() == ' ') shown.pop_back();
    shown += "…";
    ImGui::TextUnformatted(shown.c_str());
}

} // namespace atelier
