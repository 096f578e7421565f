#pragma once
// Small pieces shared by the views: labels of enums, dates, and text fields that turn an edit
// into one action when the user leaves the field (not one per keystroke).
#include "model/model.hpp"
#include "strings.hpp"

#include <imgui.h>

#include <map>
#include <string>

namespace atelier {

const char* phaseName(Phase phase);
const char* roleName(Role role);
const char* slotKindName(SlotKind kind);
const char* timerStateName(TimerState state);

// "lundi 9 juillet 2018" from "2018-07-09" (the text itself when it is not a date).
std::string formatDay(const std::string& isoDay);

// A one-line text field showing `value`. Returns true, with the new text in `out`, when the
// user leaves the field (Enter, Tab, click elsewhere) after changing it.
bool editText(const char* label, const std::string& value, std::string& out, float width = -1.0f);
bool editMultiline(const char* label, const std::string& value, std::string& out, ImVec2 size);

// A labelled form row: the label on the left, vertically aligned with the field that follows
// at `labelWidth` from the window's left (so the fields of a form line up).
void formRowLabel(const char* label, float labelWidth);
// A form row of one text field (editText): label, then the field `fieldWidth` wide.
bool formRowText(const char* label, const char* id, const std::string& value, std::string& out, float labelWidth, float fieldWidth);

// A combo over an enum's labels; returns true with `out` when the user picks another value.
template <typename E> bool enumCombo(const char* label, E value, E& out, const char* (*name)(E), int count) {
    bool changed = false;
    if (ImGui::BeginCombo(label, name(value))) {
        for (int i = 0; i < count; ++i) {
            E candidate = static_cast<E>(i);
            if (ImGui::Selectable(name(candidate), candidate == value) && candidate != value) {
                out = candidate;
                changed = true;
            }
        }
        ImGui::EndCombo();
    }
    return changed;
}

// Call right after ImGui::NewFrame. ImGui 1.86 closes a menu or a drop-down clicked outside
// only at the end of the frame, after every widget has been refused the click (an open
// popup blocks hovering elsewhere), and Escape closes nothing without keyboard navigation.
// Here a click outside the open popups, or Escape, closes them before any widget runs, so
// the click reaches what it was aimed at. Modal dialogs are left alone.
void closePopupsBeforeWidgets();

// ImGui::Button that tests can find by its label (see itemRects()).
bool button(const char* label, ImVec2 size = ImVec2(0, 0));

// Where the last frame drew the buttons and text fields, by label, when a test asks for it
// (headless tests click by label; ImGui 1.86 has no test engine hooks in Debian's build).
struct ItemRect {
    ImVec2 min, max;
    ImVec2 center() const { return ImVec2((min.x + max.x) / 2, (min.y + max.y) / 2); }
};
void recordItemRects(bool on);
const std::map<std::string, ItemRect>& itemRects();
void recordLastItem(const char* label);

// Text in a font, wrapped at the available width.
void textWrapped(ImFont* font, const std::string& text, ImU32 colour = 0);
// One line of text in the current font; what does not fit the available width gives way to "…".
void textOneLine(const std::string& text);

} // namespace atelier
