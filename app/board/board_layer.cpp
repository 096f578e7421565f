#include "board/board_layer.hpp"

#include "frame_layer.hpp"

#if defined(__GLIBC__)
#include <malloc.h>
#endif

#include <cmath>
#include <cstdint>
#include <cstring>

namespace atelier::board {

namespace {

// Four independent lanes of multiply-and-shift over 8-byte words: a few GB/s, enough to hash a
// board's list every frame. Not for adversaries; a chance collision is one in 2^64.
std::uint64_t hashBytes(const void* data, std::size_t size, std::uint64_t h) {
    constexpr std::uint64_t kMul = 0x9E3779B97F4A7C15ull;
    const auto* p = static_cast<const unsigned char*>(data);
    std::uint64_t lane[4] = {h ^ 0x243F6A8885A308D3ull, h ^ 0x13198A2E03707344ull, h ^ 0xA4093822299F31D0ull, h ^ 0x082EFA98EC4E6C89ull};
    std::size_t i = 0;
    for (; i + 32 <= size; i += 32)
        for (int l = 0; l < 4; ++l) {
            std::uint64_t w;
            std::memcpy(&w, p + i + 8 * static_cast<std::size_t>(l), 8);
            lane[l] = (lane[l] ^ w) * kMul;
            lane[l] ^= lane[l] >> 29;
        }
    std::uint64_t out = size * kMul;
    for (; i < size; ++i) out = (out ^ p[i]) * 0x100000001B3ull;
    for (std::uint64_t v : lane) {
        out = (out ^ v) * kMul;
        out ^= out >> 31;
    }
    return out;
}

std::uint64_t hashList(const ImDrawList& list) {
    std::uint64_t h = 0;
    for (const ImDrawCmd& c : list.CmdBuffer) {
        h = hashBytes(&c.ClipRect, sizeof c.ClipRect, h);
        const std::uint64_t fields[4] = {static_cast<std::uint64_t>(reinterpret_cast<std::uintptr_t>(c.TextureId)), c.VtxOffset, c.IdxOffset,
                                         c.ElemCount};
        h = hashBytes(fields, sizeof fields, h);
    }
    h = hashBytes(list.IdxBuffer.Data, sizeof(ImDrawIdx) * static_cast<std::size_t>(list.IdxBuffer.Size), h);
    return hashBytes(list.VtxBuffer.Data, sizeof(ImDrawVert) * static_cast<std::size_t>(list.VtxBuffer.Size), h);
}

} // namespace

BoardLayer::BoardLayer() : m_list(std::make_unique<ImDrawList>(nullptr)), m_overlay(std::make_unique<ImDrawList>(nullptr)) {}

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
    ImDrawList& list = *m_list;
    list._Data = ImGui::GetDrawListSharedData();
    list._ResetForNewFrame();
    list._OwnerName = "board layer";
    list.PushTextureID(ImGui::GetIO().Fonts->TexID);
    list.PushClipRect(ImVec2(0, 0), size, false);
    ImDrawList& overlay = *m_overlay;
    overlay._Data = ImGui::GetDrawListSharedData();
    overlay._ResetForNewFrame();
    overlay._OwnerName = "board overlay";
    overlay.PushTextureID(ImGui::GetIO().Fonts->TexID);
    overlay.PushClipRect(view.origin(), ImVec2(view.origin().x + view.size().x, view.origin().y + view.size().y), false);
    return &list;
}

void BoardLayer::submit(const Camera& view, ImU32 background) {
    ImDrawList& built = *m_list;
    built._PopUnusedDrawCmd();
    // A list that grew (the first frame of a 50,000-note board: 6 MB) was copied at each step
    // of its growth, and glibc keeps the blocks it left in its heap (8 MB there) unless told to
    // give them back; they would stay in the process's resident memory for good.
    const std::size_t capacity = static_cast<std::size_t>(built.VtxBuffer.Capacity) * sizeof(ImDrawVert) +
                                 static_cast<std::size_t>(built.IdxBuffer.Capacity) * sizeof(ImDrawIdx);
    if (capacity > m_trimmedAt + kTrimAfterGrowth) {
#if defined(__GLIBC__)
        malloc_trim(0);
#endif
        m_trimmedAt = capacity;
    }
    FrameLayer layer;
    const std::uint64_t hash = hashList(built);
    layer.changed = !m_hasLast || hash != m_lastHash;
    m_lastHash = hash;
    m_hasLast = true;
    layer.list = &built;
    m_overlay->_PopUnusedDrawCmd();
    layer.overlay = m_overlay.get();
    layer.size = m_camera.size();
    layer.background = background;
    layer.imageAt = imageAt(view);
    layer.screenMin = ImVec2(std::floor(view.origin().x), std::floor(view.origin().y));
    layer.screenMax = ImVec2(std::ceil(view.origin().x + view.size().x), std::ceil(view.origin().y + view.size().y));
    submitFrameLayer(layer);
}

} // namespace atelier::board
