#pragma once
// What fills a window before ImGui draws anything: the OpenGL clear, which costs no fragment
// shading, instead of a window background drawn as a full-screen blended quad. A software
// rasteriser (llvmpipe) pays for every shaded pixel, so each full-screen fill is a few
// milliseconds a frame (issue 17). Views are drawn without a background; the window is cleared
// to the window background colour, or to the colour a view asked for (the board's, when the
// board covers most of the window), which then paints the rest itself.
#include <imgui.h>

namespace atelier {

// Called by the frame loop before each window's frame.
void resetClearColour(ImU32 colour);
// A view whose own background covers most of the window asks for it to be the clear colour.
void paintByClear(ImU32 colour);
ImU32 clearColour();

} // namespace atelier
