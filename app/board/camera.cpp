#include "board/camera.hpp"

#include <algorithm>

namespace atelier::board {

void WorldRect::add(const WorldRect& o) {
    if (o.empty()) return;
    if (empty()) {
        *this = o;
        return;
    }
    x0 = std::min(x0, o.x0);
    y0 = std::min(y0, o.y0);
    x1 = std::max(x1, o.x1);
    y1 = std::max(y1, o.y1);
}

WorldRect WorldRect::fromCorners(ImVec2 a, ImVec2 b) {
    return {std::min(a.x, b.x), std::min(a.y, b.y), std::max(a.x, b.x), std::max(a.y, b.y)};
}

void Camera::set(ImVec2 pan, float zoom) {
    m_pan = pan;
    m_zoom = std::clamp(zoom, kMinZoom, kMaxZoom);
}

WorldRect Camera::visible() const {
    ImVec2 a = toWorld(m_origin);
    ImVec2 b = toWorld(ImVec2(m_origin.x + m_size.x, m_origin.y + m_size.y));
    return {a.x, a.y, b.x, b.y};
}

void Camera::panBy(ImVec2 screenDelta) {
    m_pan.x -= screenDelta.x / m_zoom;
    m_pan.y -= screenDelta.y / m_zoom;
}

void Camera::zoomAt(ImVec2 screenPoint, float factor) {
    ImVec2 anchor = toWorld(screenPoint);
    m_zoom = std::clamp(m_zoom * factor, kMinZoom, kMaxZoom);
    m_pan.x = anchor.x - (screenPoint.x - m_origin.x) / m_zoom;
    m_pan.y = anchor.y - (screenPoint.y - m_origin.y) / m_zoom;
}

void Camera::fit(const WorldRect& bounds, float margin, float maxZoom) {
    if (bounds.empty()) {
        m_zoom = std::min(1.0f, maxZoom);
        m_pan = ImVec2(0, 0);
        return;
    }
    float w = std::max(1.0f, m_size.x - 2 * margin), h = std::max(1.0f, m_size.y - 2 * margin);
    float zoom = std::min(w / std::max(1.0f, bounds.width()), h / std::max(1.0f, bounds.height()));
    m_zoom = std::clamp(std::min(zoom, maxZoom), kMinZoom, kMaxZoom);
    float cx = (bounds.x0 + bounds.x1) / 2, cy = (bounds.y0 + bounds.y1) / 2;
    m_pan = ImVec2(cx - m_size.x / 2 / m_zoom, cy - m_size.y / 2 / m_zoom);
}

} // namespace atelier::board
