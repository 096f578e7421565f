#pragma once
// Shortcuts follow the key as printed on the user's keyboard. GLFW key codes name US positions
// (on a French AZERTY keyboard the key printed Z reports GLFW_KEY_W), and ImGui 1.86's GLFW
// backend passes them on as they are; we translate through the layout's key name first.
namespace atelier {

// The GLFW key to hand ImGui for a physical key whose layout name is `name` (glfwGetKeyName,
// may be null). Returns -1 for a printable key that no shortcut or ImGui binding should see.
int translateKey(int key, const char* name);

} // namespace atelier
