#pragma once
// The undo history of one open event: each entry is an action's description and the changeset
// it committed. Undo applies the inverse, redo the changeset again. Newest first.
#include "sync/changeset.hpp"

#include <optional>
#include <string>
#include <vector>

namespace atelier {

struct HistoryEntry {
    std::string description; // "Déplacer 3 post-its"
    Changeset changes;
};

class UndoHistory {
public:
    void record(HistoryEntry entry); // drops whatever could have been redone
    const HistoryEntry* nextUndo() const;
    const HistoryEntry* nextRedo() const;
    void markUndone(); // after nextUndo() was applied
    void markRedone(); // after nextRedo() was applied
    void clear();
    std::size_t undoCount() const { return m_done; }
    std::size_t redoCount() const { return m_entries.size() - m_done; }
    // Descriptions of what undo would undo, newest first.
    std::vector<std::string> undoDescriptions() const;

private:
    std::vector<HistoryEntry> m_entries;
    std::size_t m_done = 0; // entries [0, m_done) are applied
};

} // namespace atelier
