#include "engine/history.hpp"

namespace atelier {

void UndoHistory::record(HistoryEntry entry) {
    m_entries.resize(m_done);
    m_entries.push_back(std::move(entry));
    m_done = m_entries.size();
}

const HistoryEntry* UndoHistory::nextUndo() const { return m_done > 0 ? &m_entries[m_done - 1] : nullptr; }
const HistoryEntry* UndoHistory::nextRedo() const { return m_done < m_entries.size() ? &m_entries[m_done] : nullptr; }
void UndoHistory::markUndone() { if (m_done > 0) --m_done; }
void UndoHistory::markRedone() { if (m_done < m_entries.size()) ++m_done; }
void UndoHistory::clear() { m_entries.clear(); m_done = 0; }

std::vector<std::string> UndoHistory::undoDescriptions() const {
    std::vector<std::string> out;
    for (std::size_t i = m_done; i > 0; --i) out.push_back(m_entries[i - 1].description);
    return out;
}

} // namespace atelier
