#include "participation/team_notes.hpp"

namespace atelier::participation {

void TeamNotes::follow(const Engine& engine) {
    const EventState& state = engine.state();
    if (m_serial == engine.serial() && m_revision == state.revision) return;
    bool known = m_serial == engine.serial() && engine.changedRowsSince(m_revision, [&](const std::string& table, Id id) {
        if (table == "note") place(id, state.find<Note>(id));
    });
    if (!known) rebuild(state);
    m_serial = engine.serial();
    m_revision = state.revision;
}

std::vector<const Note*> TeamNotes::of(Id team) const {
    std::vector<const Note*> notes;
    if (auto it = m_byTeam.find(team); it != m_byTeam.end()) {
        notes.reserve(it->second.size());
        for (const auto& [id, note] : it->second) notes.push_back(note);
    }
    return notes;
}

void TeamNotes::rebuild(const EventState& state) {
    ++m_rebuilds;
    m_byTeam.clear();
    m_teamOf.clear();
    for (const auto& [id, note] : state.notes) place(id, &note);
}

void TeamNotes::place(Id noteId, const Note* note) {
    // The row may have been replaced (a reload) or moved to another team: taken out, put back.
    if (auto was = m_teamOf.find(noteId); was != m_teamOf.end()) {
        if (auto team = m_byTeam.find(was->second); team != m_byTeam.end()) team->second.erase(noteId);
        m_teamOf.erase(was);
    }
    if (!note) return; // deleted
    m_byTeam[note->teamId][noteId] = note;
    m_teamOf[noteId] = note->teamId;
}

} // namespace atelier::participation
