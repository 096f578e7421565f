#include "participation/note_placement.hpp"

#include <algorithm>
#include <cmath>

namespace atelier::participation {

namespace {
constexpr double kLeft = 40, kTop = 40, kPitchX = 180, kPitchY = 140, kCellW = 160, kCellH = 120;
constexpr int kColumns = 6;
constexpr double kClusterTitleW = 160, kClusterTitleH = 40; // a group's title strip at its anchor

// Marks the grid cells a rectangle overlaps (within the grid's columns).
void cover(std::vector<bool>& taken, int& rows, double x, double y, double w, double h) {
    if (!(w > 0) || !(h > 0) || !std::isfinite(x) || !std::isfinite(y)) return;
    if (x + w <= kLeft || y + h <= kTop || x >= kLeft + kColumns * kPitchX) return;
    int c0 = std::max(0, static_cast<int>(std::floor((x - kLeft) / kPitchX)));
    int c1 = std::min(kColumns - 1, static_cast<int>(std::floor((x + w - kLeft) / kPitchX)));
    int r0 = std::max(0, static_cast<int>(std::floor((y - kTop) / kPitchY)));
    double bottom = std::min(y + h - kTop, 1e7); // a note far down needs no cells up to it
    int r1 = static_cast<int>(std::floor(bottom / kPitchY));
    for (int r = r0; r <= r1; ++r)
        for (int c = c0; c <= c1; ++c) {
            // Overlap with the cell's note-sized rectangle, not only its pitch.
            double cx = kLeft + c * kPitchX, cy = kTop + r * kPitchY;
            if (x >= cx + kCellW || x + w <= cx || y >= cy + kCellH || y + h <= cy) continue;
            if (r >= rows) {
                rows = r + 1;
                taken.resize(static_cast<std::size_t>(rows) * kColumns, false);
            }
            taken[static_cast<std::size_t>(r) * kColumns + static_cast<std::size_t>(c)] = true;
        }
}
} // namespace

BoardSpot freeSpotForPhoneNote(const std::vector<const Note*>& notes, const std::vector<const Cluster*>& clusters) {
    std::vector<bool> taken;
    int rows = 0;
    for (const Note* n : notes) cover(taken, rows, n->x, n->y, n->width, n->height);
    for (const Cluster* c : clusters) cover(taken, rows, c->x, c->y, kClusterTitleW, kClusterTitleH);
    for (std::size_t i = 0; i < taken.size(); ++i)
        if (!taken[i]) return {kLeft + static_cast<double>(i % kColumns) * kPitchX, kTop + static_cast<double>(i / kColumns) * kPitchY};
    return {kLeft, kTop + static_cast<double>(rows) * kPitchY}; // every cell so far is covered: the next row
}

} // namespace atelier::participation
