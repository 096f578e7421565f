#include "frame_layer_gl.hpp"

#include "frame_layer.hpp"

#define GL_GLEXT_PROTOTYPES
#define GLFW_INCLUDE_GLCOREARB
#include <GLFW/glfw3.h>
#include <imgui.h>
#include <imgui_impl_opengl3.h>

#include <algorithm>
#include <cmath>
#include <cstdint>

namespace atelier {

FrameLayerImage::FrameLayerImage() = default;

FrameLayerImage::~FrameLayerImage() {
    if (m_fbo) glDeleteFramebuffers(1, &m_fbo);
    if (m_colour) glDeleteTextures(1, &m_colour);
}

// A texture of unsized RGBA given as BGRA bytes: Mesa then stores it as BGRA, the window's own
// layout, and llvmpipe's blits to and from the window become plain copies of rows instead of
// shaded quads.
bool sizeBgraImage(unsigned& fbo, unsigned& colour, int& width, int& height, int newWidth, int newHeight) {
    if (!fbo) {
        glGenFramebuffers(1, &fbo);
        glGenTextures(1, &colour);
    }
    if (newWidth == width && newHeight == height) return false;
    glBindTexture(GL_TEXTURE_2D, colour);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_NEAREST);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_NEAREST);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAX_LEVEL, 0);
    glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA, newWidth, newHeight, 0, GL_BGRA, GL_UNSIGNED_BYTE, nullptr);
    glBindFramebuffer(GL_FRAMEBUFFER, fbo);
    glFramebufferTexture2D(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_TEXTURE_2D, colour, 0);
    width = newWidth;
    height = newHeight;
    return true;
}

void FrameLayerImage::show(const FrameLayer& layer, float scaleX, float scaleY, int fbHeight, unsigned fontUploads) {
    if (!layer.list) return;
    const int width = static_cast<int>(std::lround(layer.size.x * scaleX));
    const int height = static_cast<int>(std::lround(layer.size.y * scaleY));
    if (width <= 0 || height <= 0) return;
    GLint target = 0;
    glGetIntegerv(GL_DRAW_FRAMEBUFFER_BINDING, &target); // the window's, or a screenshot's
    if (sizeBgraImage(m_fbo, m_colour, m_width, m_height, width, height)) m_drawn = false;
    glDisable(GL_SCISSOR_TEST); // both the clear and the blit obey it
    if (!m_drawn || layer.changed || fontUploads != m_fontUploads) {
        glBindFramebuffer(GL_FRAMEBUFFER, m_fbo);
        if (glCheckFramebufferStatus(GL_FRAMEBUFFER) != GL_FRAMEBUFFER_COMPLETE) {
            glBindFramebuffer(GL_FRAMEBUFFER, static_cast<GLuint>(target));
            return;
        }
        GLint viewport[4];
        glGetIntegerv(GL_VIEWPORT, viewport);
        glViewport(0, 0, width, height);
        ImVec4 bg = ImGui::ColorConvertU32ToFloat4(layer.background);
        glClearColor(bg.x, bg.y, bg.z, 1.0f);
        glClear(GL_COLOR_BUFFER_BIT);
        // Drawn upside down: the image's rows then lie in memory as the window's do (Mesa keeps
        // a window's rows top-down, a texture's bottom-up), the blit below flips it back, and
        // llvmpipe makes that blit a plain copy of rows instead of a shaded, sampled quad.
        ImDrawList& list = *layer.list; // mirrored in place: it is built anew next frame
        for (ImDrawVert& v : list.VtxBuffer) v.pos.y = layer.size.y - v.pos.y;
        for (ImDrawCmd& c : list.CmdBuffer) c.ClipRect = ImVec4(c.ClipRect.x, layer.size.y - c.ClipRect.w, c.ClipRect.z, layer.size.y - c.ClipRect.y);
        // Minified text (a board zoomed out) is sampled from the atlas's mipmaps.
        glBindTexture(GL_TEXTURE_2D, static_cast<GLuint>(reinterpret_cast<intptr_t>(ImGui::GetIO().Fonts->TexID)));
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR_MIPMAP_LINEAR);
        // In chunks, each drawn to the end before the next is uploaded: the backend's vertex buffer and
        // llvmpipe's copy and binned triangles then never hold the whole board at once.
        if (!m_chunk) m_chunk = std::make_unique<ImDrawList>(nullptr);
        m_largestUpload = 0;
        for (const DrawChunk& chunk : splitIntoChunks(list, kLayerChunkBytes)) {
            copyChunk(list, chunk, *m_chunk);
            m_largestUpload = std::max(m_largestUpload, chunk.bytes());
            ImDrawList* lists[] = {m_chunk.get()};
            ImDrawData data;
            data.Valid = true;
            data.CmdLists = lists;
            data.CmdListsCount = 1;
            data.TotalVtxCount = m_chunk->VtxBuffer.Size;
            data.TotalIdxCount = m_chunk->IdxBuffer.Size;
            data.DisplayPos = ImVec2(0, 0);
            data.DisplaySize = layer.size;
            data.FramebufferScale = ImVec2(scaleX, scaleY);
            ImGui_ImplOpenGL3_RenderDrawData(&data);
            glFinish(); // llvmpipe frees a scene's binned triangles (several times its vertices) once drawn
        }
        m_chunk->_ClearFreeMemory();
        glViewport(viewport[0], viewport[1], viewport[2], viewport[3]);
        glDisable(GL_SCISSOR_TEST);
        m_drawn = true;
        m_fontUploads = fontUploads;
        ++m_redraws;
    }
    // GL rows go bottom-up; the image holds its top row at y = 0 (drawn upside down).
    auto px = [](float v, float scale) { return static_cast<GLint>(std::lround(v * scale)); };
    GLint dx0 = px(layer.screenMin.x, scaleX), dx1 = px(layer.screenMax.x, scaleX);
    GLint dy0 = fbHeight - px(layer.screenMax.y, scaleY), dy1 = fbHeight - px(layer.screenMin.y, scaleY);
    GLint sx0 = px(layer.screenMin.x - layer.imageAt.x, scaleX), sx1 = sx0 + (dx1 - dx0);
    GLint syTop = px(layer.screenMin.y - layer.imageAt.y, scaleY), syBottom = syTop + (dy1 - dy0);
    // The window's bottom row (dy0) takes the image's bottom row (syBottom): a flip in GL terms.
    const GLint sy0 = syBottom, sy1 = syTop;
    glBindFramebuffer(GL_READ_FRAMEBUFFER, m_fbo);
    glBindFramebuffer(GL_DRAW_FRAMEBUFFER, static_cast<GLuint>(target));
    glBlitFramebuffer(sx0, sy0, sx1, sy1, dx0, dy0, dx1, dy1, GL_COLOR_BUFFER_BIT, GL_NEAREST);
    glBindFramebuffer(GL_FRAMEBUFFER, static_cast<GLuint>(target));
    if (layer.overlay && layer.overlay->VtxBuffer.Size > 0) {
        ImDrawList* lists[] = {const_cast<ImDrawList*>(layer.overlay)};
        ImDrawData data;
        data.Valid = true;
        data.CmdLists = lists;
        data.CmdListsCount = 1;
        data.TotalVtxCount = layer.overlay->VtxBuffer.Size;
        data.TotalIdxCount = layer.overlay->IdxBuffer.Size;
        data.DisplayPos = ImVec2(0, 0);
        data.DisplaySize = ImGui::GetIO().DisplaySize;
        data.FramebufferScale = ImVec2(scaleX, scaleY);
        ImGui_ImplOpenGL3_RenderDrawData(&data);
    }
}

} // namespace atelier
