#include "keys.hpp"

#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>

namespace atelier {

namespace {
bool isPrintableKey(int key) {
    return (key >= GLFW_KEY_APOSTROPHE && key <= GLFW_KEY_GRAVE_ACCENT && key != GLFW_KEY_SPACE) ||
           key == GLFW_KEY_WORLD_1 || key == GLFW_KEY_WORLD_2;
}
} // namespace

int translateKey(int key, const char* name) {
    if (!isPrintableKey(key)) return key; // Enter, arrows, F11, keypad … mean the same everywhere
    bool digitKey = key >= GLFW_KEY_0 && key <= GLFW_KEY_9;
    if (name && name[0] && !name[1]) {
        char c = name[0];
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
        if (c >= 'a' && c <= 'z') return GLFW_KEY_A + (c - 'a');
        if (c >= '0' && c <= '9') return GLFW_KEY_0 + (c - '0');
        if (c == '-') return GLFW_KEY_MINUS;
        if (c == '=' || c == '+') return GLFW_KEY_EQUAL;
    }
    // AZERTY's digit row prints & é " ' ( … unshifted: its digits are still the digits.
    if (digitKey) return key;
    // Anything else (é, ù, ^, ',' on the US M key …) must not fire a letter shortcut.
    return -1;
}

} // namespace atelier

#include <imgui.h>

#include <algorithm>
#include <unordered_map>

namespace atelier {

namespace {
std::unordered_map<const void*, InputLog>& logs() {
    static std::unordered_map<const void*, InputLog> all;
    return all;
}
} // namespace

void InputLog::character(unsigned codepoint) {
    InputEvent e;
    e.kind = InputEvent::Kind::Char;
    e.codepoint = codepoint;
    m_events.push_back(e);
}

void InputLog::mouseDown(int button, double time, float x, float y) {
    InputEvent e;
    e.kind = InputEvent::Kind::MouseDown;
    e.button = button;
    e.time = time;
    e.x = x;
    e.y = y;
    m_events.push_back(e);
}

std::vector<InputEvent>& InputLog::frameEvents() {
    if (!ImGui::GetCurrentContext()) return m_events;
    int frame = ImGui::GetFrameCount();
    if (frame == m_readFrame) return m_events;
    m_events.erase(m_events.begin(), m_events.begin() + static_cast<std::ptrdiff_t>(std::min(m_seen, m_events.size())));
    m_readFrame = frame;
    if (m_events.empty()) {
        const ImGuiIO& io = ImGui::GetIO();
        int mods = (io.KeyCtrl ? GLFW_MOD_CONTROL : 0) | (io.KeyShift ? GLFW_MOD_SHIFT : 0) | (io.KeyAlt ? GLFW_MOD_ALT : 0) |
                   (io.KeySuper ? GLFW_MOD_SUPER : 0);
        for (int k = 0; k < IM_ARRAYSIZE(io.KeysDown); ++k)
            if (ImGui::IsKeyPressed(k, false)) key(k, mods, k);
        for (ImWchar c : io.InputQueueCharacters) character(c);
    }
    m_seen = m_events.size();
    return m_events;
}

InputLog& inputLog() { return logs()[ImGui::GetCurrentContext()]; }

void forgetInputLog(const void* imguiContext) { logs().erase(imguiContext); }

bool isKey(const InputEvent& e, int glfwKey, int mods, bool shiftMatters) {
    if (e.kind != InputEvent::Kind::Key || e.key != glfwKey) return false;
    int relevant = GLFW_MOD_CONTROL | GLFW_MOD_ALT | GLFW_MOD_SUPER | (shiftMatters ? GLFW_MOD_SHIFT : 0);
    return (e.mods & relevant) == (mods & relevant);
}

} // namespace atelier

namespace atelier {

namespace {
// Several rows may name one command (F1 and ?): the overlay shows the first row of each.
constexpr Shortcut kShortcuts[] = {
    {Command::ToggleTimer, GLFW_KEY_SPACE, 0, 0, "Espace / Space", Str::KeysToggleTimer},
    {Command::AddMinute, -1, 0, '+', "+", Str::KeysAddMinute},
    {Command::RemoveMinute, -1, 0, '-', "-", Str::KeysRemoveMinute},
    {Command::NextPhase, GLFW_KEY_PAGE_DOWN, 0, 0, "Page suiv. / Page Down", Str::KeysNextPhase},
    {Command::ProjectionWindow, GLFW_KEY_F5, 0, 0, "F5", Str::KeysProjectionWindow},
    {Command::BlankProjector, GLFW_KEY_B, 0, 0, "B", Str::KeysBlankProjector},
    {Command::Screen, GLFW_KEY_1, GLFW_MOD_ALT, 0, "Alt+1 … Alt+9", Str::KeysScreenNumber},
    {Command::NextScreen, GLFW_KEY_TAB, GLFW_MOD_CONTROL, 0, "Ctrl+Tab", Str::KeysNextScreen},
    {Command::Help, GLFW_KEY_F1, 0, 0, "F1 / ?", Str::KeysHelp},
    {Command::Help, -1, 0, '?', "?", Str::KeysHelp},
};
} // namespace

std::span<const Shortcut> shortcuts() { return kShortcuts; }

bool commandFor(const InputEvent& e, CommandHit& hit) {
    if (e.consumed) return false;
    if (e.kind == InputEvent::Kind::Char) {
        for (const Shortcut& s : kShortcuts)
            if (s.character && s.character == e.codepoint) {
                hit = {s.command, 0};
                return true;
            }
        return false;
    }
    if (e.kind != InputEvent::Kind::Key) return false;
    // Alt+1 … Alt+9: the digit row by position (on AZERTY it prints & é " ' ( - è _ ç, and Ctrl
    // with its « - » key is the zoom), or the keypad.
    bool altOnly = (e.mods & (GLFW_MOD_CONTROL | GLFW_MOD_ALT | GLFW_MOD_SUPER)) == GLFW_MOD_ALT;
    int k = e.physical >= 0 ? e.physical : e.key;
    if (altOnly && ((k >= GLFW_KEY_1 && k <= GLFW_KEY_9) || (k >= GLFW_KEY_KP_1 && k <= GLFW_KEY_KP_9))) {
        hit = {Command::Screen, k >= GLFW_KEY_KP_1 ? k - GLFW_KEY_KP_1 : k - GLFW_KEY_1};
        return true;
    }
    for (const Shortcut& s : kShortcuts)
        if (s.key >= 0 && s.command != Command::Screen && isKey(e, s.key, s.mods)) {
            hit = {s.command, s.command == Command::NextScreen ? ((e.mods & GLFW_MOD_SHIFT) ? -1 : 1) : 0};
            return true;
        }
    return false;
}

} // namespace atelier
