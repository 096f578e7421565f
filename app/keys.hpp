#pragma once
// Shortcuts follow the key as printed on the user's keyboard. GLFW key codes name US positions
// (on a French AZERTY keyboard the key printed Z reports GLFW_KEY_W), and ImGui 1.86's GLFW
// backend passes them on as they are; we translate through the layout's key name first.
namespace atelier {

// The GLFW key to hand ImGui for a physical key whose layout name is `name` (glfwGetKeyName,
// may be null). Returns -1 for a printable key that no shortcut or ImGui binding should see.
int translateKey(int key, const char* name);

} // namespace atelier

#include <vector>

namespace atelier {

// What the user did since the last frame, in the order it happened. ImGui 1.86 keeps key
// *states* (a key pressed and released between two frames is one press; the same key pressed
// twice, one press) and characters apart from keys, so a fast typist's « N, C, r, é » cannot
// be replayed in order from it. The window records every press, character and mouse press
// here; the board's note editor and the single-key commands read them in order, and mark what
// they used so nothing acts twice.
struct InputEvent {
    enum class Kind { Key, Char, MouseDown };
    Kind kind = Kind::Key;
    int key = -1;           // Key: the translated GLFW key (translateKey)
    int physical = -1;      // Key: GLFW's own key code, the US position (AZERTY's « - » is its 6 key)
    int mods = 0;           // Key: GLFW_MOD_* bits
    unsigned codepoint = 0; // Char
    int button = 0;         // MouseDown
    double time = 0;        // MouseDown: seconds (glfwGetTime), for double-clicks however slow the frame
    float x = 0, y = 0;     // MouseDown: where, in window pixels
    bool consumed = false;
};

class InputLog {
public:
    void key(int translatedKey, int mods, int physicalKey) {
        InputEvent e;
        e.key = translatedKey;
        e.physical = physicalKey;
        e.mods = mods;
        m_events.push_back(e);
    }
    void character(unsigned codepoint);
    void mouseDown(int button, double time, float x, float y);
    // This frame's events. Events a previous frame already read are dropped first, so a loop
    // that never calls clear() (a headless test) sees each event once. When nothing was
    // recorded, the frame's presses and characters are taken from ImGui's IO instead, keys
    // first (a harness that only sets io.KeysDown or calls AddInputCharacter still types).
    std::vector<InputEvent>& frameEvents();
    void clear() {
        m_events.clear();
        m_seen = 0;
    }

private:
    std::vector<InputEvent> m_events;
    std::size_t m_seen = 0; // events read by frame m_readFrame
    int m_readFrame = -1;
};

// The log of the current ImGui context (each window has its own context).
InputLog& inputLog();
// Drops the log of a context about to be destroyed.
void forgetInputLog(const void* imguiContext);

// True when an event is the key `glfwKey` with exactly the modifiers `mods` (Shift ignored
// unless asked for: « + » is Shift+= on QWERTY).
bool isKey(const InputEvent& e, int glfwKey, int mods = 0, bool shiftMatters = false);

} // namespace atelier

#include "strings.hpp"

#include <span>

namespace atelier {

// The single-key commands of the whole app (the help overlay lists this table, F1 or ?).
// They work from any screen except while a text is being typed; letters go through
// translateKey, and « + », « - », « ? » are matched as typed characters, so the key printed
// on an AZERTY or a QWERTY keyboard is the one that works.
enum class Command { ToggleTimer, AddMinute, RemoveMinute, NextPhase, ProjectionWindow, BlankProjector, Screen, NextScreen, Help };

struct Shortcut {
    Command command;
    int key = -1;           // translated GLFW key, or -1 when matched by `character`
    int mods = 0;           // GLFW_MOD_* that must be held (Shift is not checked)
    unsigned character = 0; // matched as this typed character instead
    const char* keys = "";  // how the overlay writes it
    Str description = Str::KeysHelp;
};

std::span<const Shortcut> shortcuts();

struct CommandHit {
    Command command;
    int screen = 0; // Command::Screen: 0 for Alt+1 … 8 for Alt+9; NextScreen: +1 or -1
};
// The command one event triggers, if any.
bool commandFor(const InputEvent& e, CommandHit& hit);

} // namespace atelier
