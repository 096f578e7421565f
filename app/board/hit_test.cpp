#include "board/hit_test.hpp"

#include <unordered_map>

namespace atelier::board {

int noteAt(const BoardLayout& layout, ImVec2 p) {
    const auto& notes = layout.notes();
    for (std::size_t i = notes.size(); i-- > 0;)
        if (notes[i].rect.contains(p)) return static_cast<int>(i);
    return -1;
}

int clusterHeaderAt(const BoardLayout& layout, ImVec2 p) {
    const auto& clusters = layout.clusters();
    for (std::size_t i = clusters.size(); i-- > 0;)
        if (clusters[i].header().contains(p)) return static_cast<int>(i);
    return -1;
}

int clusterAt(const BoardLayout& layout, ImVec2 p) {
    int best = -1;
    float bestArea = 0;
    const auto& clusters = layout.clusters();
    for (std::size_t i = 0; i < clusters.size(); ++i) {
        const WorldRect& f = clusters[i].frame;
        float area = f.width() * f.height();
        if (f.contains(p) && (best < 0 || area < bestArea)) {
            best = static_cast<int>(i);
            bestArea = area;
        }
    }
    return best;
}

std::vector<Id> notesInside(const BoardLayout& layout, const WorldRect& area) {
    std::vector<Id> out;
    for (const NoteItem& n : layout.notes())
        if (n.rect.inside(area)) out.push_back(n.id);
    return out;
}

std::vector<WorldRect> clusterFramesWithout(const BoardLayout& layout, const std::unordered_set<Id>& moving) {
    std::unordered_map<Id, WorldRect> staying;
    for (const NoteItem& n : layout.notes())
        if (n.clusterId && !moving.count(n.id)) staying[n.clusterId].add(n.rect);
    std::vector<WorldRect> frames;
    frames.reserve(layout.clusters().size());
    for (const ClusterItem& c : layout.clusters()) {
        auto it = staying.find(c.id);
        frames.push_back(clusterFrame(c.anchor, it == staying.end() ? WorldRect{} : it->second));
    }
    return frames;
}

Id dropTarget(const BoardLayout& layout, const std::vector<WorldRect>& frames, ImVec2 p) {
    int best = -1;
    float bestArea = 0;
    for (std::size_t i = 0; i < frames.size() && i < layout.clusters().size(); ++i) {
        float area = frames[i].width() * frames[i].height();
        if (frames[i].contains(p) && (best < 0 || area < bestArea)) {
            best = static_cast<int>(i);
            bestArea = area;
        }
    }
    return best < 0 ? Id{} : layout.clusters()[static_cast<std::size_t>(best)].id;
}

} // namespace atelier::board
