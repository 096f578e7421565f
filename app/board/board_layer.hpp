#pragma once
// The board's content as one frame layer (frame_layer.hpp): background, grid, clusters and
// notes, drawn for the view plus a margin on every side. Its draw list is built every frame
// with the layer's own camera, which stays put while the view only pans within the margin, so
// an unchanged board yields the same bytes: the image is redrawn only when they differ
// (an edit, a selection, a zoom, a resize, a pan past the margin), which no list of
// "what changed" flags could miss.
#include "board/camera.hpp"

#include <imgui.h>

#include <memory>

namespace atelier::board {

class BoardLayer {
public:
    // Pixels drawn beyond the view on each side: a pan of up to this much reuses the image.
    static constexpr float kMargin = 256.0f;

    BoardLayer();
    // Picks the layer's camera for `view` and returns an empty list to draw the content into,
    // in the layer's coordinates (use camera() to place things).
    ImDrawList* begin(const Camera& view);
    const Camera& camera() const { return m_camera; }
    // Hands this frame's layer to the frame loop, shown in `view`'s rectangle.
    void submit(const Camera& view, ImU32 background);

private:
    ImVec2 imageAt(const Camera& view) const; // where the image's top-left lands on screen

    Camera m_camera;          // viewport at (0, 0), the view's size plus the margins
    bool m_placed = false;
    std::unique_ptr<ImDrawList> m_lists[2]; // the last submitted one and the one being built
    int m_last = 0;
    bool m_hasLast = false;
};

} // namespace atelier::board
