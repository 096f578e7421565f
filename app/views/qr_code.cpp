#include "views/qr_code.hpp"

#include <qrencode.h>

namespace atelier {

QrModules encodeQr(const std::string& text) {
    QrModules out;
    QRcode* code = QRcode_encodeString(text.c_str(), 0, QR_ECLEVEL_M, QR_MODE_8, 1);
    if (!code) return out;
    out.width = code->width;
    out.dark.resize(static_cast<std::size_t>(code->width) * code->width);
    for (std::size_t i = 0; i < out.dark.size(); ++i) out.dark[i] = (code->data[i] & 1) != 0;
    QRcode_free(code);
    return out;
}

void drawQr(const QrModules& qr, float side) {
    ImVec2 origin = ImGui::GetCursorScreenPos();
    ImGui::Dummy(ImVec2(side, side));
    drawQrAt(ImGui::GetWindowDrawList(), qr, origin, side);
}

void drawQrAt(ImDrawList* draw, const QrModules& qr, ImVec2 origin, float side) {
    if (qr.width == 0) return;
    draw->AddRectFilled(origin, ImVec2(origin.x + side, origin.y + side), IM_COL32_WHITE);
    const int total = qr.width + 8;
    const float module = side / static_cast<float>(total);
    for (int y = 0; y < qr.width; ++y)
        for (int x = 0; x < qr.width; ++x)
            if (qr.dark[static_cast<std::size_t>(y) * qr.width + x]) {
                ImVec2 a(origin.x + (x + 4) * module, origin.y + (y + 4) * module);
                draw->AddRectFilled(a, ImVec2(a.x + module + 0.5f, a.y + module + 0.5f), IM_COL32_BLACK);
            }
}

} // namespace atelier
