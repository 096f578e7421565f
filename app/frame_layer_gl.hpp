#pragma once
// The OpenGL side of a frame layer (frame_layer.hpp): an offscreen image (a framebuffer object
// with one colour renderbuffer), drawn from the layer's list when it changed, then copied onto
// the bound framebuffer with glBlitFramebuffer: a copy, opaque, no blending, no shader of ours.
// Framebuffer objects are not shared between contexts: one per window, used in its context.

namespace atelier {

struct FrameLayer;

// Creates the framebuffer object and its colour texture on first use, and gives the texture
// (BGRA, no mipmaps) the new size when it differs; true when it was (re)allocated, its pixels
// then undefined. The window's context must be current.
bool sizeBgraImage(unsigned& fbo, unsigned& colour, int& width, int& height, int newWidth, int newHeight);

class FrameLayerImage {
public:
    FrameLayerImage() = default;
    ~FrameLayerImage(); // the window's context must be current
    FrameLayerImage(const FrameLayerImage&) = delete;
    FrameLayerImage& operator=(const FrameLayerImage&) = delete;

    // Draws the layer into the image if it changed (or the image is new, resized, or the font
    // texture was uploaded again since: `fontUploads`), then copies its visible part onto the
    // framebuffer bound now, `fbHeight` pixels high. `scale` is ImGui's DisplayFramebufferScale.
    void show(const FrameLayer& layer, float scaleX, float scaleY, int fbHeight, unsigned fontUploads);
    // How many times the image was drawn (tests and the frame benchmark).
    unsigned redraws() const { return m_redraws; }

private:
    unsigned m_fbo = 0, m_colour = 0;
    int m_width = 0, m_height = 0;
    bool m_drawn = false;
    unsigned m_fontUploads = 0;
    unsigned m_redraws = 0;
};

} // namespace atelier
