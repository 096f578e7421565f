#pragma once
// What one team's board looks like in world units, derived from the event state: notes in
// drawing order with their wrapped text, cluster frames around their notes, vote totals.
// Rebuilt only when the state's revision (or the team) changes, so a frame just reads it.
#include "board/camera.hpp"
#include "board/text_wrap.hpp"
#include "layout/cluster_layout.hpp"
#include "storage/state.hpp"

namespace atelier {
class Engine;
}

#include <imgui.h>

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace atelier::board {

// Sizes on the board, in world units (1 unit = 1 pixel at zoom 1).
inline constexpr float kTextSize = 17.0f;
inline constexpr float kAuthorSize = 12.5f;
inline constexpr float kNotePadding = 10.0f;
// A cluster's frame: the core's layout numbers (layout/cluster_layout.hpp), which keep notes apart.
inline constexpr float kClusterHeader = float(layout::kClusterHeader);
inline constexpr float kClusterPadding = float(layout::kClusterPadding);
inline constexpr float kClusterMinWidth = float(layout::kClusterMinWidth);
inline constexpr float kClusterMinBody = float(layout::kClusterMinBody);
inline constexpr float kDefaultNoteWidth = 160.0f;
inline constexpr float kDefaultNoteHeight = 120.0f;

struct NoteItem {
    Id id;
    Id clusterId;
    Id authorId;
    WorldRect rect;
    ImU32 fill = 0;
    bool hidden = false;
    int votes = 0;   // dots of the current round on this note (shown once revealed)
    int myDots = 0;  // dots of the chosen voter on this note
    // Views into the layout's own copy of the texts and names, valid until its next update:
    // one buffer for them all rather than two strings per note (a 50,000-note board's items
    // were 152 bytes each and 100,000 small allocations; issue 17). Wrapped lines are kept
    // apart, for the notes drawn with text only (BoardLayout::lines).
    std::string_view text;
    std::string_view author; // empty when unknown
};

struct ClusterItem {
    Id id;
    std::string title;
    ImU32 fill = 0;
    ImVec2 anchor;   // the cluster's own x, y: its frame's top-left without notes
    WorldRect frame; // the anchor box and every member note, padded
    int votes = 0;
    int myDots = 0;
    WorldRect header() const { return {frame.x0, frame.y0, frame.x1, frame.y0 + kClusterHeader}; }
};

// The frame a cluster anchored at `anchor` has around `notes` (its member notes' rectangles):
// layout::clusterFrame, so what is drawn is what the layout kept clear.
WorldRect clusterFrame(ImVec2 anchor, const WorldRect& notes);

class BoardLayout {
public:
    // Brings the layout up to date; cheap when nothing changed. `font` measures the wrapping
    // (another font, e.g. the atlas built again, only drops the wrapped lines); `voter`
    // (0 = none) fills myDots. With `engine` (whose state `state` is), a revision whose rows
    // belong to other teams only (a phone's note on another board) keeps the layout as it is.
    void update(const EventState& state, Id teamId, const ImFont* font, Id voter = Id{}, const Engine* engine = nullptr);
    // How many times update() built the layout anew (tests: a board not shown is never built).
    unsigned builds() const { return m_builds; }
    // Forces the next update to rebuild (another event was opened).
    void invalidate() { m_valid = false; }

    Id teamId() const { return m_team; }
    const std::vector<NoteItem>& notes() const { return m_notes; } // bottom to top
    const std::vector<ClusterItem>& clusters() const { return m_clusters; }
    const NoteItem* note(Id id) const;
    // A note's text wrapped to its width, measured when first asked for: a board of 50,000
    // notes shown zoomed out draws no text, so its first frame need not wrap every note
    // (issue 17: 400 ms of the 10x event's first frame).
    const std::vector<TextLine>& lines(const NoteItem& note) const;
    const ClusterItem* cluster(Id id) const;
    std::size_t indexOf(Id noteId) const; // notes().size() when absent
    WorldRect bounds() const { return m_bounds; } // every note and cluster
    int hiddenCount() const { return m_hidden; }

    // The current vote round (null when none) and whether its counts may be shown.
    const VoteRound* round() const { return m_round.id ? &m_round : nullptr; }
    bool votesShown() const { return m_round.id && m_round.revealed; }
    Id selectedNote() const { return m_selectedNote; }
    Id selectedCluster() const { return m_selectedCluster; }

private:
    bool m_valid = false;
    unsigned m_builds = 0;
    const EventState* m_state = nullptr;
    std::uint64_t m_revision = 0;
    std::uint64_t m_engineSerial = 0; // the engine whose changed rows may keep the layout (0: none)
    Id m_team, m_voter;
    const ImFont* m_font = nullptr;
    std::vector<NoteItem> m_notes;
    // Every note's text and author name, viewed by m_notes: sized once per update, never grown
    // after (a vector, so that moving it keeps the views valid: a short std::string would not).
    std::vector<char> m_strings;
    mutable std::unordered_map<Id, std::vector<TextLine>> m_lines; // notes wrapped so far
    std::vector<ClusterItem> m_clusters;
    std::unordered_map<Id, std::size_t> m_noteIndex, m_clusterIndex;
    WorldRect m_bounds;
    int m_hidden = 0;
    VoteRound m_round;
    Id m_selectedNote, m_selectedCluster;
};

} // namespace atelier::board
