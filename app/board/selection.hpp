#pragma once
// What the user has selected on a board: notes (click, Shift+click, rubber band) or one cluster.
#include "board/board_layout.hpp"

#include <unordered_set>
#include <vector>

namespace atelier::board {

class Selection {
public:
    bool empty() const { return m_notes.empty() && !m_cluster; }
    bool contains(Id note) const { return m_set.count(note) > 0; }
    const std::vector<Id>& notes() const { return m_notes; } // in the order they were picked
    const std::unordered_set<Id>& noteSet() const { return m_set; }
    Id cluster() const { return m_cluster; }

    void clear();
    void selectOnly(Id note);
    void toggle(Id note); // Shift+click
    void add(const std::vector<Id>& notes);
    void selectCluster(Id cluster);
    // Forgets what is no longer on the board (deleted, undone).
    void prune(const BoardLayout& layout);

private:
    std::vector<Id> m_notes;
    std::unordered_set<Id> m_set;
    Id m_cluster;
};

} // namespace atelier::board
