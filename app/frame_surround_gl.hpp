#pragma once
// What lies around the board's layer (frame_layer.hpp): the menu bar, the sidebar, the toolbar.
// While the board pans they do not change, yet llvmpipe would shade their text and fills again
// every frame. The last frame drawn in full is kept in an image, with the bytes of ImGui's draw
// data that made it: when this frame's draw data is the same (and the layer sits at the same
// place), the window is restored from the image around the layer, and ImGui's commands are
// drawn only inside the layer's rectangle (hover outlines, popups that cross it). Any change
// (a hover, a timer's second, a click) makes a full frame, which is kept in its turn.
// Not used for offscreen frames (screenshots), which are always drawn in full.
#include <imgui.h>

#include <vector>

namespace atelier {

struct FrameLayer;

class FrameSurround {
public:
    FrameSurround() = default;
    ~FrameSurround(); // the window's context must be current
    FrameSurround(const FrameSurround&) = delete;
    FrameSurround& operator=(const FrameSurround&) = delete;

    // This frame would draw what the kept image shows around `layer`.
    bool matches(const ImDrawData& data, const FrameLayer& layer, int fbWidth, int fbHeight, ImU32 clear) const;
    // Copies the kept image onto the window's back buffer around the layer's rectangle.
    void restoreAround(const FrameLayer& layer, int fbWidth, int fbHeight);
    // Limits every command of `data` to the layer's rectangle (call after matches()).
    static void clipTo(ImDrawData& data, const FrameLayer& layer);
    // After a full frame: keeps the window's back buffer and the draw data's bytes.
    void keep(const ImDrawData& data, const FrameLayer& layer, int fbWidth, int fbHeight, ImU32 clear);
    void forget() { m_kept = false; }
    unsigned reused() const { return m_reused; }

private:
    struct ListBytes {
        std::vector<ImDrawCmd> commands;
        std::vector<ImDrawIdx> indices;
        std::vector<ImDrawVert> vertices;
    };
    unsigned m_fbo = 0, m_colour = 0;
    int m_width = 0, m_height = 0;
    bool m_kept = false;
    std::vector<ListBytes> m_lists;
    ImVec2 m_layerMin{0, 0}, m_layerMax{0, 0};
    ImU32 m_clear = 0;
    unsigned m_reused = 0;
};

} // namespace atelier
