#include "frame_surround_gl.hpp"

#include "frame_layer.hpp"
#include "frame_layer_gl.hpp"

#define GL_GLEXT_PROTOTYPES
#define GLFW_INCLUDE_GLCOREARB
#include <GLFW/glfw3.h>

#include <algorithm>
#include <cstring>

namespace atelier {

namespace {

bool sameCommand(const ImDrawCmd& a, const ImDrawCmd& b) {
    return std::memcmp(&a.ClipRect, &b.ClipRect, sizeof a.ClipRect) == 0 && a.TextureId == b.TextureId && a.VtxOffset == b.VtxOffset &&
           a.IdxOffset == b.IdxOffset && a.ElemCount == b.ElemCount && a.UserCallback == b.UserCallback &&
           a.UserCallbackData == b.UserCallbackData;
}

template <typename T> bool sameBytes(const std::vector<T>& kept, const ImVector<T>& now) {
    return kept.size() == static_cast<std::size_t>(now.Size) && (kept.empty() || std::memcmp(kept.data(), now.Data, sizeof(T) * kept.size()) == 0);
}

} // namespace

FrameSurround::~FrameSurround() {
    for (Image& image : m_images) {
        if (image.fbo) glDeleteFramebuffers(1, &image.fbo);
        if (image.colour) glDeleteTextures(1, &image.colour);
    }
}

long long FrameSurround::keptPixels() const {
    long long total = 0;
    for (const Image& image : m_images) total += static_cast<long long>(image.width) * image.height;
    return total;
}

void FrameSurround::bandsAround(const FrameLayer& layer, int fbWidth, int fbHeight, Band bands[4], int sizes[2][2]) {
    const int x0 = std::clamp(static_cast<int>(layer.screenMin.x), 0, fbWidth), x1 = std::clamp(static_cast<int>(layer.screenMax.x), x0, fbWidth);
    const int y0 = std::clamp(static_cast<int>(layer.screenMin.y), 0, fbHeight), y1 = std::clamp(static_cast<int>(layer.screenMax.y), y0, fbHeight);
    bands[0] = {0, 0, fbWidth, y0, 0, 0, 0};               // above: image 0, its top rows
    bands[1] = {0, y1, fbWidth, fbHeight, 0, 0, y0};       // below: image 0, under the band above
    bands[2] = {0, y0, x0, y1, 1, 0, 0};                   // left: image 1, its left columns
    bands[3] = {x1, y0, fbWidth, y1, 1, x0, 0};            // right: image 1, beside the band on the left
    sizes[0][0] = fbWidth;
    sizes[0][1] = y0 + (fbHeight - y1);
    sizes[1][0] = x0 + (fbWidth - x1);
    sizes[1][1] = y1 - y0;
}

bool FrameSurround::matches(const ImDrawData& data, const FrameLayer& layer, int fbWidth, int fbHeight, ImU32 clear) const {
    if (!m_kept || fbWidth != m_width || fbHeight != m_height || clear != m_clear || layer.screenMin.x != m_layerMin.x ||
        layer.screenMin.y != m_layerMin.y || layer.screenMax.x != m_layerMax.x || layer.screenMax.y != m_layerMax.y ||
        static_cast<std::size_t>(data.CmdListsCount) != m_lists.size())
        return false;
    for (int l = 0; l < data.CmdListsCount; ++l) {
        const ImDrawList& now = *data.CmdLists[l];
        const ListBytes& kept = m_lists[static_cast<std::size_t>(l)];
        if (kept.commands.size() != static_cast<std::size_t>(now.CmdBuffer.Size)) return false;
        for (int c = 0; c < now.CmdBuffer.Size; ++c)
            if (now.CmdBuffer[c].UserCallback || !sameCommand(kept.commands[static_cast<std::size_t>(c)], now.CmdBuffer[c])) return false;
        if (!sameBytes(kept.indices, now.IdxBuffer) || !sameBytes(kept.vertices, now.VtxBuffer)) return false;
    }
    return true;
}

void FrameSurround::keep(const ImDrawData& data, const FrameLayer& layer, int fbWidth, int fbHeight, ImU32 clear) {
    m_kept = false;
    if (fbWidth <= 0 || fbHeight <= 0) return;
    for (int l = 0; l < data.CmdListsCount; ++l)
        for (const ImDrawCmd& c : data.CmdLists[l]->CmdBuffer)
            if (c.UserCallback) return; // a callback's effect is not in the bytes
    // BGRA as the window's rows are, kept upside down in GL terms (see frame_layer_gl.cpp): the
    // image holds the window's screen row r at its GL row r, so both copies are copies of rows.
    Band bands[4];
    int sizes[2][2];
    bandsAround(layer, fbWidth, fbHeight, bands, sizes);
    bool complete = true;
    for (int i = 0; i < 2 && complete; ++i) {
        Image& image = m_images[i];
        // An empty image (the layer touches both edges) keeps a pixel: a framebuffer needs one.
        sizeBgraImage(image.fbo, image.colour, image.width, image.height, std::max(sizes[i][0], 1), std::max(sizes[i][1], 1));
        glBindFramebuffer(GL_DRAW_FRAMEBUFFER, image.fbo);
        complete = glCheckFramebufferStatus(GL_DRAW_FRAMEBUFFER) == GL_FRAMEBUFFER_COMPLETE;
    }
    glBindFramebuffer(GL_READ_FRAMEBUFFER, 0);
    glDisable(GL_SCISSOR_TEST);
    for (const Band& b : bands) {
        if (!complete || b.empty()) continue;
        glBindFramebuffer(GL_DRAW_FRAMEBUFFER, m_images[b.image].fbo);
        const int w = b.x1 - b.x0, h = b.y1 - b.y0;
        glBlitFramebuffer(b.x0, fbHeight - b.y1, b.x1, fbHeight - b.y0, b.atX, b.atY + h, b.atX + w, b.atY, GL_COLOR_BUFFER_BIT, GL_NEAREST);
    }
    glBindFramebuffer(GL_FRAMEBUFFER, 0);
    if (!complete) return;
    m_width = fbWidth;
    m_height = fbHeight;
    m_lists.resize(static_cast<std::size_t>(data.CmdListsCount));
    for (int l = 0; l < data.CmdListsCount; ++l) {
        const ImDrawList& now = *data.CmdLists[l];
        ListBytes& kept = m_lists[static_cast<std::size_t>(l)];
        kept.commands.assign(now.CmdBuffer.Data, now.CmdBuffer.Data + now.CmdBuffer.Size);
        kept.indices.assign(now.IdxBuffer.Data, now.IdxBuffer.Data + now.IdxBuffer.Size);
        kept.vertices.assign(now.VtxBuffer.Data, now.VtxBuffer.Data + now.VtxBuffer.Size);
    }
    m_layerMin = layer.screenMin;
    m_layerMax = layer.screenMax;
    m_clear = clear;
    m_kept = true;
}

void FrameSurround::restoreAround(const FrameLayer& layer, int fbWidth, int fbHeight) {
    Band bands[4];
    int sizes[2][2];
    bandsAround(layer, fbWidth, fbHeight, bands, sizes);
    glBindFramebuffer(GL_DRAW_FRAMEBUFFER, 0);
    glDisable(GL_SCISSOR_TEST);
    for (const Band& b : bands) {
        if (b.empty()) continue;
        glBindFramebuffer(GL_READ_FRAMEBUFFER, m_images[b.image].fbo);
        const int w = b.x1 - b.x0, h = b.y1 - b.y0;
        // The image's rows r go to the window's GL rows fbHeight - 1 - r: a flip, a row copy.
        glBlitFramebuffer(b.atX, b.atY + h, b.atX + w, b.atY, b.x0, fbHeight - b.y1, b.x1, fbHeight - b.y0, GL_COLOR_BUFFER_BIT, GL_NEAREST);
    }
    glBindFramebuffer(GL_FRAMEBUFFER, 0);
    ++m_reused;
}

void FrameSurround::clipTo(ImDrawData& data, const FrameLayer& layer) {
    for (int l = 0; l < data.CmdListsCount; ++l)
        for (ImDrawCmd& c : data.CmdLists[l]->CmdBuffer) {
            c.ClipRect.x = std::max(c.ClipRect.x, layer.screenMin.x);
            c.ClipRect.y = std::max(c.ClipRect.y, layer.screenMin.y);
            c.ClipRect.z = std::min(c.ClipRect.z, layer.screenMax.x);
            c.ClipRect.w = std::min(c.ClipRect.w, layer.screenMax.y);
        }
}

} // namespace atelier
