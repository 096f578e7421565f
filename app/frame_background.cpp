#include "frame_background.hpp"

namespace atelier {

namespace {
ImU32 g_clear = IM_COL32(0xF7, 0xF7, 0xF5, 0xFF); // frames are drawn one window at a time
} // namespace

void resetClearColour(ImU32 colour) { g_clear = colour; }
void paintByClear(ImU32 colour) { g_clear = colour; }
ImU32 clearColour() { return g_clear; }

} // namespace atelier
