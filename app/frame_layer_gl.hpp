#pragma once
// The OpenGL side of a frame layer (frame_layer.hpp): an offscreen image (a framebuffer object
// with one colour renderbuffer), drawn from the layer's list when it changed, then copied onto
// the bound framebuffer with glBlitFramebuffer: a copy, opaque, no blending, no shader of ours.
// Framebuffer objects are not shared between contexts: one per window, used in its context.

#include <cstddef>
#include <memory>

struct ImDrawList;

namespace atelier {

struct FrameLayer;

// The most of a layer's vertices and indices given to OpenGL at once (frame_layer.hpp). At
// 256 KB llvmpipe's binned triangles stay near 1.5 MB a chunk, and the fitted 50,000-note board
// redraws faster than in 1 MB chunks (90-115 ms against 160-177 ms; 64 KB: 130-175 ms).
constexpr std::size_t kLayerChunkBytes = std::size_t{1} << 18;

// Creates the framebuffer object and its colour texture on first use, and gives the texture
// (BGRA, no mipmaps) the new size when it differs; true when it was (re)allocated, its pixels
// then undefined. The window's context must be current.
bool sizeBgraImage(unsigned& fbo, unsigned& colour, int& width, int& height, int newWidth, int newHeight);

class FrameLayerImage {
public:
    FrameLayerImage();
    ~FrameLayerImage(); // the window's context must be current
    FrameLayerImage(const FrameLayerImage&) = delete;
    FrameLayerImage& operator=(const FrameLayerImage&) = delete;

    // Draws the layer into the image if it changed (or the image is new, resized, or the font
    // texture was uploaded again since: `fontUploads`), then copies its visible part onto the
    // framebuffer bound now, `fbHeight` pixels high. `scale` is ImGui's DisplayFramebufferScale.
    void show(const FrameLayer& layer, float scaleX, float scaleY, int fbHeight, unsigned fontUploads);
    // How many times the image was drawn (tests and the frame benchmark).
    unsigned redraws() const { return m_redraws; }
    // The next show() draws the layer again whatever it says (after a warm-up's stand-in).
    void forget() { m_drawn = false; }
    // The largest chunk of the last redraw, in bytes (the frame benchmark prints it).
    std::size_t largestUpload() const { return m_largestUpload; }

private:
    unsigned m_fbo = 0, m_colour = 0;
    int m_width = 0, m_height = 0;
    bool m_drawn = false;
    unsigned m_fontUploads = 0;
    unsigned m_redraws = 0;
    std::unique_ptr<ImDrawList> m_chunk; // one chunk at a time, freed after the redraw
    std::size_t m_largestUpload = 0;
};

} // namespace atelier
