#include "board/board_layer.hpp"

#include "frame_layer.hpp"

#include <cmath>
#include <cstring>

namespace atelier::board {

namespace {

bool sameCommands(const ImDrawList& a, const ImDrawList& b) {
    if (a.CmdBuffer.Size != b.CmdBuffer.Size || a.IdxBuffer.Size != b.IdxBuffer.Size || a.VtxBuffer.Size != b.VtxBuffer.Size)
        return false;
    for (int i = 0; i < a.CmdBuffer.Size; ++i) {
        const ImDrawCmd &x = a.CmdBuffer[i], &y = b.CmdBuffer[i];
        if (std::memcmp(&x.ClipRect, &y.ClipRect, sizeof x.ClipRect) != 0 || x.TextureId != y.TextureId ||
            x.VtxOffset != y.VtxOffset || x.IdxOffset != y.IdxOffset || x.ElemCount != y.ElemCount || x.UserCallback || y.UserCallback)
            return false;
    }
    return std::memcmp(a.IdxBuffer.Data, b.IdxBuffer.Data, sizeof(ImDrawIdx) * static_cast<std::size_t>(a.IdxBuffer.Size)) == 0 &&
           std::memcmp(a.VtxBuffer.Data, b.VtxBuffer.Data, sizeof(ImDrawVert) * static_cast<std::size_t>(a.VtxBuffer.Size)) == 0;
}

} // namespace

BoardLayer::BoardLayer() {
    m_lists[0] = std::make_unique<ImDrawList>(nullptr);
    m_lists[1] = std::make_unique<ImDrawList>(nullptr);
}

ImVec2 BoardLayer::imageAt(const Camera& view) const {
    float z = view.zoom();
    return ImVec2(std::round(view.origin().x + (m_camera.pan().x - view.pan().x) * z),
                  std::round(view.origin().y + (m_camera.pan().y - view.pan().y) * z));
}

ImDrawList* BoardLayer::begin(const Camera& view) {
    const float z = view.zoom();
    const ImVec2 size(view.size().x + 2 * kMargin, view.size().y + 2 * kMargin);
    bool keep = m_placed && m_camera.zoom() == z && m_camera.size().x == size.x && m_camera.size().y == size.y;
    if (keep) {
        ImVec2 at = imageAt(view), o = view.origin(), s = view.size();
        keep = at.x <= std::floor(o.x) && at.y <= std::floor(o.y) && at.x + size.x >= std::ceil(o.x + s.x) &&
               at.y + size.y >= std::ceil(o.y + s.y);
    }
    if (!keep) {
        m_camera.setViewport(ImVec2(0, 0), size);
        m_camera.set(ImVec2(view.pan().x - kMargin / z, view.pan().y - kMargin / z), z);
        m_placed = true;
    }
    ImDrawList& list = *m_lists[1 - m_last];
    list._Data = ImGui::GetDrawListSharedData();
    list._ResetForNewFrame();
    list._OwnerName = "board layer";
    list.PushTextureID(ImGui::GetIO().Fonts->TexID);
    list.PushClipRect(ImVec2(0, 0), size, false);
    return &list;
}

void BoardLayer::submit(const Camera& view, ImU32 background) {
    ImDrawList& built = *m_lists[1 - m_last];
    built._PopUnusedDrawCmd();
    FrameLayer layer;
    layer.changed = !m_hasLast || !sameCommands(built, *m_lists[m_last]);
    if (layer.changed) m_last = 1 - m_last; // else keep the older list: the same bytes
    m_hasLast = true;
    layer.list = m_lists[m_last].get();
    layer.size = m_camera.size();
    layer.background = background;
    layer.imageAt = imageAt(view);
    layer.screenMin = ImVec2(std::floor(view.origin().x), std::floor(view.origin().y));
    layer.screenMax = ImVec2(std::ceil(view.origin().x + view.size().x), std::ceil(view.origin().y + view.size().y));
    submitFrameLayer(layer);
}

} // namespace atelier::board
