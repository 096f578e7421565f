#include "theme.hpp"

#include <cstdio>

namespace atelier {

void applyTheme(ImGuiStyle& style, float scale) {
    style = ImGuiStyle();
    ImGui::StyleColorsLight(&style);
    style.WindowRounding = 0;
    style.FrameRounding = 4;
    style.GrabRounding = 4;
    style.FrameBorderSize = 1;
    style.WindowPadding = ImVec2(14, 12);
    style.FramePadding = ImVec2(8, 5);
    style.ItemSpacing = ImVec2(10, 8);
    style.CellPadding = ImVec2(8, 5);
    ImVec4* c = style.Colors;
    c[ImGuiCol_Text] = ImVec4(0.05f, 0.06f, 0.08f, 1);
    c[ImGuiCol_TextDisabled] = ImVec4(0.30f, 0.32f, 0.36f, 1);
    c[ImGuiCol_WindowBg] = ImVec4(0.97f, 0.97f, 0.96f, 1);
    c[ImGuiCol_ChildBg] = ImVec4(1, 1, 1, 1);
    c[ImGuiCol_Border] = ImVec4(0.70f, 0.72f, 0.76f, 1);
    c[ImGuiCol_FrameBg] = ImVec4(1, 1, 1, 1);
    c[ImGuiCol_Button] = ImVec4(0.85f, 0.89f, 0.96f, 1);
    c[ImGuiCol_ButtonHovered] = ImVec4(0.72f, 0.80f, 0.94f, 1);
    c[ImGuiCol_ButtonActive] = ImVec4(0.55f, 0.68f, 0.90f, 1);
    c[ImGuiCol_Header] = ImVec4(0.80f, 0.86f, 0.96f, 1);
    c[ImGuiCol_HeaderHovered] = ImVec4(0.72f, 0.80f, 0.94f, 1);
    c[ImGuiCol_HeaderActive] = ImVec4(0.60f, 0.72f, 0.92f, 1);
    c[ImGuiCol_MenuBarBg] = ImVec4(0.90f, 0.91f, 0.93f, 1);
    style.ScaleAllSizes(scale);
}

ImU32 colourFromHex(const std::string& hex, float alpha) {
    // By hand, not sscanf: a 50,000-note board parses one per note when it is laid out.
    unsigned channels[3] = {0x88, 0x88, 0x88};
    auto digit = [](char c) -> int {
        if (c >= '0' && c <= '9') return c - '0';
        if (c >= 'a' && c <= 'f') return c - 'a' + 10;
        if (c >= 'A' && c <= 'F') return c - 'A' + 10;
        return -1;
    };
    if (hex.size() == 7 && hex[0] == '#')
        for (int i = 0; i < 3; ++i) {
            int hi = digit(hex[1 + 2 * i]), lo = digit(hex[2 + 2 * i]);
            if (hi < 0 || lo < 0) break; // as sscanf: the channels from the first bad one stay grey
            channels[i] = static_cast<unsigned>(hi * 16 + lo);
        }
    return IM_COL32(channels[0], channels[1], channels[2], static_cast<int>(alpha * 255));
}

std::string hexFromColour(const float rgb[3]) {
    char buf[8];
    auto channel = [](float v) { return static_cast<unsigned>(v < 0 ? 0 : v > 1 ? 255 : v * 255.0f + 0.5f); };
    std::snprintf(buf, sizeof buf, "#%02X%02X%02X", channel(rgb[0]), channel(rgb[1]), channel(rgb[2]));
    return buf;
}

ImU32 textOn(ImU32 background) {
    float r = ((background >> IM_COL32_R_SHIFT) & 0xFF) / 255.0f;
    float g = ((background >> IM_COL32_G_SHIFT) & 0xFF) / 255.0f;
    float b = ((background >> IM_COL32_B_SHIFT) & 0xFF) / 255.0f;
    return 0.299f * r + 0.587f * g + 0.114f * b > 0.55f ? IM_COL32(0, 0, 0, 255) : IM_COL32(255, 255, 255, 255);
}

} // namespace atelier
