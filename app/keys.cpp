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
