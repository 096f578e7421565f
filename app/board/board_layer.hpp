#pragma once
// The board's content as one frame layer (frame_layer.hpp): background, grid, clusters and
// notes, drawn for the view plus a margin on every side. Its draw list is built every frame
// with the layer's own camera, which stays put while the view only pans within the margin, so
// an unchanged board yields the same bytes: the image is redrawn only when they differ
// (compared by a 64-bit hash of them)
// (an edit, a selection, a zoom, a resize, a pan past the margin), which no list of
// "what changed" flags could miss.
#include "board/camera.hpp"

#include <imgui.h>

#include <cstddef>
#include <cstdint>
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
    // A list in screen coordinates, clipped to the view, drawn over the image every frame and
    // under everything ImGui draws (valid after begin()).
    ImDrawList* overlay() { return m_overlay.get(); }
    // Hands this frame's layer to the frame loop, shown in `view`'s rectangle.
    void submit(const Camera& view, ImU32 background);

private:
    ImVec2 imageAt(const Camera& view) const; // where the image's top-left lands on screen

    Camera m_camera;          // viewport at (0, 0), the view's size plus the margins
    bool m_placed = false;
    // One list, rebuilt each frame; the last one is remembered by a 64-bit hash of its bytes
    // rather than a copy (a 50,000-note board's list is megabytes), and the frame loop may
    // rewrite it in place when drawing the image.
    std::unique_ptr<ImDrawList> m_list;
    std::unique_ptr<ImDrawList> m_overlay;
    std::uint64_t m_lastHash = 0;
    // The list's capacity when the heap was last trimmed, and the growth that trims it again.
    static constexpr std::size_t kTrimAfterGrowth = std::size_t{2} << 20;
    std::size_t m_trimmedAt = 0;
    bool m_hasLast = false;
};

} // namespace atelier::board
