#pragma once
// Where the board's world (note coordinates, in board units) lands on screen: a pan and a zoom.
// Pure arithmetic, no ImGui state, so tests and benchmarks can place the view exactly.
#include <imgui.h>

namespace atelier::board {

// An axis-aligned rectangle in world units; empty when x1 < x0.
struct WorldRect {
    float x0 = 0, y0 = 0, x1 = -1, y1 = -1;

    bool empty() const { return x1 < x0 || y1 < y0; }
    float width() const { return x1 - x0; }
    float height() const { return y1 - y0; }
    bool contains(ImVec2 p) const { return p.x >= x0 && p.x < x1 && p.y >= y0 && p.y < y1; }
    bool overlaps(const WorldRect& o) const { return x0 < o.x1 && o.x0 < x1 && y0 < o.y1 && o.y0 < y1; }
    bool inside(const WorldRect& o) const { return x0 >= o.x0 && x1 <= o.x1 && y0 >= o.y0 && y1 <= o.y1; }
    WorldRect offset(float dx, float dy) const { return {x0 + dx, y0 + dy, x1 + dx, y1 + dy}; }
    WorldRect padded(float p) const { return {x0 - p, y0 - p, x1 + p, y1 + p}; }
    void add(const WorldRect& o);
    static WorldRect fromCorners(ImVec2 a, ImVec2 b);
};

class Camera {
public:
    static constexpr float kMinZoom = 0.02f;
    static constexpr float kMaxZoom = 4.0f;

    // The screen rectangle the board is drawn into.
    void setViewport(ImVec2 origin, ImVec2 size) { m_origin = origin; m_size = size; }
    ImVec2 origin() const { return m_origin; }
    ImVec2 size() const { return m_size; }

    float zoom() const { return m_zoom; }
    ImVec2 pan() const { return m_pan; } // the world point at the viewport's top-left corner
    void set(ImVec2 pan, float zoom);

    ImVec2 toScreen(ImVec2 world) const {
        return ImVec2(m_origin.x + (world.x - m_pan.x) * m_zoom, m_origin.y + (world.y - m_pan.y) * m_zoom);
    }
    ImVec2 toWorld(ImVec2 screen) const {
        return ImVec2(m_pan.x + (screen.x - m_origin.x) / m_zoom, m_pan.y + (screen.y - m_origin.y) / m_zoom);
    }
    // The part of the world the viewport shows.
    WorldRect visible() const;

    // Moves the view by a screen distance (dragging the board follows the mouse).
    void panBy(ImVec2 screenDelta);
    // Zooms by `factor`, keeping the world point under `screenPoint` where it is.
    void zoomAt(ImVec2 screenPoint, float factor);
    // Shows all of `bounds` centred, with a margin in screen pixels; never above `maxZoom`.
    void fit(const WorldRect& bounds, float margin, float maxZoom = 1.0f);

private:
    ImVec2 m_origin{0, 0}, m_size{1, 1};
    ImVec2 m_pan{0, 0};
    float m_zoom = 1.0f;
};

} // namespace atelier::board
