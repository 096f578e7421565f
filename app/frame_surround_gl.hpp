#pragma once
// What lies around the board's layer (frame_layer.hpp): the menu bar, the sidebar, the toolbar.
// While the board pans they do not change, yet llvmpipe would shade their text and fills again
// every frame. What the last frame drawn in full showed around the layer is kept, with the bytes
// of ImGui's draw data that made it: when this frame's draw data is the same (and the layer sits
// at the same place), the window is restored from it around the layer, and ImGui's commands are
// drawn only inside the layer's rectangle (hover outlines, popups that cross it). Any change
// (a hover, a timer's second, a click) makes a full frame, which is kept in its turn.
// Only the four bands around the layer are kept, not the whole window (the layer covers the
// rest): the bands above and below stacked in one image, those left and right side by side in
// another; at 1920x1080 about 3 MB instead of 8.
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

    // Pixels kept, both images together (tests, the frame benchmark).
    long long keptPixels() const;

    // A rectangle of the window around the layer (screen pixels, top-down, half-open) and where
    // it lies in its image; `image` is 0 (above, below) or 1 (left, right).
    struct Band {
        int x0 = 0, y0 = 0, x1 = 0, y1 = 0;
        int image = 0, atX = 0, atY = 0;
        bool empty() const { return x1 <= x0 || y1 <= y0; }
    };
    // The bands around the layer's rectangle (clamped to the window), and the size each image needs.
    static void bandsAround(const FrameLayer& layer, int fbWidth, int fbHeight, Band bands[4], int sizes[2][2]);

private:
    struct ListBytes {
        std::vector<ImDrawCmd> commands;
        std::vector<ImDrawIdx> indices;
        std::vector<ImDrawVert> vertices;
    };
    struct Image {
        unsigned fbo = 0, colour = 0;
        int width = 0, height = 0;
    };
    Image m_images[2];
    int m_width = 0, m_height = 0; // the window's, when kept
    bool m_kept = false;
    std::vector<ListBytes> m_lists;
    ImVec2 m_layerMin{0, 0}, m_layerMax{0, 0};
    ImU32 m_clear = 0;
    unsigned m_reused = 0;
};

} // namespace atelier
