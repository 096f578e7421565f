#include "board/selection.hpp"

#include <algorithm>

namespace atelier::board {

void Selection::clear() {
    m_notes.clear();
    m_set.clear();
    m_cluster = Id{};
}

void Selection::selectOnly(Id note) {
    clear();
    add({note});
}

void Selection::toggle(Id note) {
    m_cluster = Id{};
    if (m_set.erase(note)) {
        std::erase(m_notes, note);
        return;
    }
    m_set.insert(note);
    m_notes.push_back(note);
}

void Selection::add(const std::vector<Id>& notes) {
    m_cluster = Id{};
    for (Id id : notes)
        if (m_set.insert(id).second) m_notes.push_back(id);
}

void Selection::selectCluster(Id cluster) {
    clear();
    m_cluster = cluster;
}

void Selection::prune(const BoardLayout& layout) {
    if (m_cluster && !layout.cluster(m_cluster)) m_cluster = Id{};
    auto gone = [&](Id id) { return layout.note(id) == nullptr; };
    if (std::none_of(m_notes.begin(), m_notes.end(), gone)) return;
    std::erase_if(m_notes, gone);
    m_set = std::unordered_set<Id>(m_notes.begin(), m_notes.end());
}

} // namespace atelier::board
