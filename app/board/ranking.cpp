#include "board/ranking.hpp"

#include <algorithm>
#include <map>
#include <tuple>

namespace atelier::board {

std::vector<RankEntry> rankRound(const EventState& state, Id roundId) {
    std::map<std::pair<Id, Id>, int> totals;
    for (const auto& [id, v] : state.votes)
        if (v.roundId == roundId) totals[{v.noteId, v.clusterId}] += v.count;
    std::vector<RankEntry> out;
    for (const auto& [target, dots] : totals) {
        if (dots <= 0) continue;
        RankEntry e;
        e.note = target.first;
        e.cluster = target.second;
        e.dots = dots;
        if (const Note* n = state.find<Note>(e.note)) {
            e.label = n->text;
            e.hidden = n->hidden;
        } else if (const Cluster* c = state.find<Cluster>(e.cluster)) {
            e.label = c->title;
        }
        out.push_back(std::move(e));
    }
    std::sort(out.begin(), out.end(), [](const RankEntry& a, const RankEntry& b) {
        return std::tie(b.dots, a.label, a.note, a.cluster) < std::tie(a.dots, b.label, b.note, b.cluster);
    });
    for (std::size_t i = 0; i < out.size(); ++i)
        out[i].rank = (i > 0 && out[i].dots == out[i - 1].dots) ? out[i - 1].rank : static_cast<int>(i) + 1;
    return out;
}

int dotsCast(const EventState& state, Id roundId) {
    int total = 0;
    for (const auto& [id, v] : state.votes)
        if (v.roundId == roundId) total += v.count;
    return total;
}

} // namespace atelier::board
