#pragma once
// The app's icon on its windows (title bar, task bar, Alt+Tab), from the PNGs embedded from
// assets/icons/, the same drawing the desktop entry installs.
struct GLFWwindow;

namespace atelier {

// The X11 class ("atelier") that desktops match against the .desktop entry's StartupWMClass.
// Call before the windows are created.
void hintWindowClass();
void setWindowIcon(GLFWwindow* window);

} // namespace atelier
