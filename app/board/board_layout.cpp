#include "board/board_layout.hpp"

#include "diagnostics/startup_timeline.hpp"
#include "engine/changed_teams.hpp"

#include "theme.hpp"

namespace atelier::board {

WorldRect clusterFrame(ImVec2 anchor, const WorldRect& notes) {
    layout::Box members;
    if (!notes.empty()) members = {notes.x0, notes.y0, notes.x1, notes.y1};
    layout::Box f = layout::clusterFrame(anchor.x, anchor.y, members);
    return {float(f.x0), float(f.y0), float(f.x1), float(f.y1)};
}

void BoardLayout::update(const EventState& state, Id teamId, const ImFont* font, Id voter, const Engine* engine) {
    // Only the engine it was built from can tell (another event's state may sit at the same address).
    if (m_valid && m_state == &state && m_revision != state.revision && m_team == teamId && m_voter == voter && engine &&
        &engine->state() == &state && engine->serial() == m_engineSerial) {
        auto teams = teamsChangedSince(*engine, m_revision);
        if (teams && !teams->count(teamId)) m_revision = state.revision; // other boards changed, not this one
    }
    if (m_valid && m_state == &state && m_revision == state.revision && m_team == teamId && m_voter == voter) {
        if (m_font != font) { // the wrapping was measured with another font (or none): measured again when drawn
            m_font = font;
            m_lines.clear();
        }
        return;
    }
    ++m_builds;
    const bool sameFont = m_font == font; // lines measured with another font are measured again
    if (!sameFont) m_lines.clear();
    m_valid = true;
    m_state = &state;
    m_revision = state.revision;
    m_team = teamId;
    m_font = font;
    m_voter = voter;
    m_engineSerial = engine && &engine->state() == &state ? engine->serial() : 0;

    // The last items and the strings they view stay alive until the wrapping of notes whose
    // text and width did not change has been kept (a move rewraps nothing).
    std::vector<NoteItem> previous = std::move(m_notes);
    std::unordered_map<Id, std::size_t> previousIndex = std::move(m_noteIndex);
    std::vector<char> previousStrings = std::move(m_strings);
    m_notes.clear();
    m_noteIndex.clear();
    m_strings.clear();
    m_clusters.clear();
    m_clusterIndex.clear();
    m_bounds = WorldRect{};
    m_hidden = 0;
    m_round = VoteRound{};
    m_selectedNote = m_selectedCluster = Id{};

    const Team* team = state.find<Team>(teamId);
    if (!team) {
        m_lines.clear();
        return;
    }
    m_selectedNote = team->selectedNoteId;
    m_selectedCluster = team->selectedClusterId;
    if (const VoteRound* r = state.currentVoteRound(teamId)) m_round = *r;

    auto notes = state.notesOfTeam(teamId);
    // Sized once, so the views taken into it stay valid.
    std::size_t bytes = 0;
    for (const Note* n : notes) bytes += n->text.size();
    for (const auto& [id, m] : state.members)
        if (m.teamId == teamId) bytes += m.name.size();
    m_strings.reserve(bytes);
    auto keep = [this](const std::string& text) {
        const std::size_t at = m_strings.size();
        m_strings.insert(m_strings.end(), text.begin(), text.end());
        return std::string_view(m_strings.data() + at, text.size());
    };
    std::unordered_map<Id, std::string_view> authors;
    for (const auto& [id, m] : state.members)
        if (m.teamId == teamId) authors.emplace(id, keep(m.name));

    // Vote totals and the voter's own dots, in one pass over the votes.
    startup::mark("layout: the team's notes, authors");
    std::unordered_map<Id, int> noteVotes, clusterVotes, noteMine, clusterMine;
    if (m_round.id)
        for (const auto& [id, v] : state.votes) {
            if (v.roundId != m_round.id) continue;
            if (v.noteId) noteVotes[v.noteId] += v.count;
            else clusterVotes[v.clusterId] += v.count;
            if (voter && v.memberId == voter) (v.noteId ? noteMine[v.noteId] : clusterMine[v.clusterId]) += v.count;
        }

    startup::mark("layout: votes");
    m_notes.reserve(notes.size());
    m_noteIndex.reserve(notes.size()); // one allocation, no rehash as it fills
    std::unordered_map<Id, WorldRect> clusterNotes;
    for (const Note* n : notes) {
        NoteItem item;
        item.text = keep(n->text);
        item.id = n->id;
        item.clusterId = n->clusterId;
        item.authorId = n->authorId;
        item.rect = {float(n->x), float(n->y), float(n->x + n->width), float(n->y + n->height)};
        item.fill = colourFromHex(n->colour);
        item.hidden = n->hidden;
        if (auto a = authors.find(n->authorId); a != authors.end()) item.author = a->second;
        if (auto v = noteVotes.find(n->id); v != noteVotes.end()) item.votes = v->second;
        if (auto v = noteMine.find(n->id); v != noteMine.end()) item.myDots = v->second;
        if (n->hidden) ++m_hidden;
        if (n->clusterId) clusterNotes[n->clusterId].add(item.rect);
        m_bounds.add(item.rect);
        m_noteIndex.emplace(item.id, m_notes.size());
        m_notes.push_back(std::move(item));
    }
    startup::mark("layout: note items");
    for (const Cluster* c : state.clustersOfTeam(teamId)) {
        ClusterItem item;
        item.id = c->id;
        item.title = c->title;
        item.fill = colourFromHex(c->colour);
        item.anchor = ImVec2(float(c->x), float(c->y));
        auto members = clusterNotes.find(c->id);
        item.frame = clusterFrame(item.anchor, members == clusterNotes.end() ? WorldRect{} : members->second);
        if (auto v = clusterVotes.find(c->id); v != clusterVotes.end()) item.votes = v->second;
        if (auto v = clusterMine.find(c->id); v != clusterMine.end()) item.myDots = v->second;
        m_bounds.add(item.frame);
        m_clusterIndex.emplace(item.id, m_clusters.size());
        m_clusters.push_back(std::move(item));
    }
    // Wrapped lines stay for the notes still here with the same text and width.
    for (auto it = m_lines.begin(); it != m_lines.end();) {
        auto now = m_noteIndex.find(it->first);
        auto before = previousIndex.find(it->first);
        const bool same = now != m_noteIndex.end() && before != previousIndex.end() &&
                          m_notes[now->second].text == previous[before->second].text &&
                          m_notes[now->second].rect.width() == previous[before->second].rect.width();
        it = same ? std::next(it) : m_lines.erase(it);
    }
}

const std::vector<TextLine>& BoardLayout::lines(const NoteItem& n) const {
    static const std::vector<TextLine> kNone;
    if (auto it = m_lines.find(n.id); it != m_lines.end()) return it->second;
    if (!m_font) return kNone;
    return m_lines.emplace(n.id, wrapText(m_font, kTextSize, n.rect.width() - 2 * kNotePadding, n.text)).first->second;
}

const NoteItem* BoardLayout::note(Id id) const {
    auto it = m_noteIndex.find(id);
    return it == m_noteIndex.end() ? nullptr : &m_notes[it->second];
}

const ClusterItem* BoardLayout::cluster(Id id) const {
    auto it = m_clusterIndex.find(id);
    return it == m_clusterIndex.end() ? nullptr : &m_clusters[it->second];
}

std::size_t BoardLayout::indexOf(Id noteId) const {
    auto it = m_noteIndex.find(noteId);
    return it == m_noteIndex.end() ? m_notes.size() : it->second;
}

} // namespace atelier::board
