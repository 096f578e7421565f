#pragma once
// A QR code (libqrencode) drawn with ImGui rectangles: the join link on the Participation
// screen, large enough to scan from the back of the room.
#include <imgui.h>

#include <string>
#include <vector>

namespace atelier {

struct QrModules {
    int width = 0;              // modules per side; 0 when the text could not be encoded
    std::vector<bool> dark;     // width × width, row by row
};

QrModules encodeQr(const std::string& text);
// Draws the code at the cursor, `side` pixels wide including a 4-module quiet zone.
void drawQr(const QrModules& qr, float side);
// The same into a draw list at `origin` (the projector).
void drawQrAt(ImDrawList* list, const QrModules& qr, ImVec2 origin, float side);

} // namespace atelier
