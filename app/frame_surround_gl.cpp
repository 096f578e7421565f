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
    if (m_fbo) glDeleteFramebuffers(1, &m_fbo);
    if (m_colour) glDeleteTextures(1, &m_colour);
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
    // BGRA as the window's rows are, kept upside down in GL terms (see frame_layer_gl.cpp).
    sizeBgraImage(m_fbo, m_colour, m_width, m_height, fbWidth, fbHeight);
    glBindFramebuffer(GL_DRAW_FRAMEBUFFER, m_fbo);
    const bool complete = glCheckFramebufferStatus(GL_DRAW_FRAMEBUFFER) == GL_FRAMEBUFFER_COMPLETE;
    if (complete) {
        glBindFramebuffer(GL_READ_FRAMEBUFFER, 0);
        glDisable(GL_SCISSOR_TEST);
        glBlitFramebuffer(0, 0, fbWidth, fbHeight, 0, fbHeight, fbWidth, 0, GL_COLOR_BUFFER_BIT, GL_NEAREST);
    }
    glBindFramebuffer(GL_FRAMEBUFFER, 0);
    if (!complete) return;
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
    const GLint x0 = std::clamp(static_cast<GLint>(layer.screenMin.x), 0, fbWidth), x1 = std::clamp(static_cast<GLint>(layer.screenMax.x), 0, fbWidth);
    const GLint y0 = std::clamp(static_cast<GLint>(layer.screenMin.y), 0, fbHeight), y1 = std::clamp(static_cast<GLint>(layer.screenMax.y), 0, fbHeight);
    glBindFramebuffer(GL_READ_FRAMEBUFFER, m_fbo);
    glBindFramebuffer(GL_DRAW_FRAMEBUFFER, 0);
    glDisable(GL_SCISSOR_TEST);
    // Screen rectangles (top-down) around the layer: above, below, left, right.
    const GLint bands[4][4] = {{0, 0, fbWidth, y0}, {0, y1, fbWidth, fbHeight}, {0, y0, x0, y1}, {x1, y0, fbWidth, y1}};
    for (const auto& b : bands) {
        if (b[2] <= b[0] || b[3] <= b[1]) continue;
        // The image holds screen row r at GL row r; the window at GL row fbHeight - 1 - r.
        glBlitFramebuffer(b[0], b[3], b[2], b[1], b[0], fbHeight - b[3], b[2], fbHeight - b[1], GL_COLOR_BUFFER_BIT, GL_NEAREST);
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
