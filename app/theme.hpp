#pragma once
// Colours and style: a light, high-contrast UI for the laptop, a dark one for the projector.
#include <imgui.h>

#include <string>

namespace atelier {

void applyTheme(ImGuiStyle& style, float scale);

// "#RRGGBB" → colour (grey when the text is not a colour).
ImU32 colourFromHex(const std::string& hex, float alpha = 1.0f);
std::string hexFromColour(const float rgb[3]);
// Black or white, whichever reads better on the background.
ImU32 textOn(ImU32 background);

namespace colours {
inline constexpr ImU32 kAccent = IM_COL32(0x1F, 0x4E, 0x99, 0xFF);
inline constexpr ImU32 kNow = IM_COL32(0xD9, 0x3A, 0x1A, 0xFF);
inline constexpr ImU32 kProjectorBg = IM_COL32(0x0E, 0x11, 0x16, 0xFF);
inline constexpr ImU32 kProjectorText = IM_COL32(0xFF, 0xFF, 0xFF, 0xFF);
inline constexpr ImU32 kProjectorDim = IM_COL32(0xC8, 0xD0, 0xDA, 0xFF);
inline constexpr ImU32 kWarning = IM_COL32(0xFF, 0xB0, 0x00, 0xFF);
inline constexpr ImU32 kAlarm = IM_COL32(0xFF, 0x3B, 0x30, 0xFF);
inline constexpr ImU32 kError = IM_COL32(0xB0, 0x1E, 0x1E, 0xFF);
inline constexpr ImU32 kInfo = IM_COL32(0x1E, 0x5E, 0x3A, 0xFF);
} // namespace colours

} // namespace atelier
