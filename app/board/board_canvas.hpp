#pragma once
#include <array>
#include <optional>
// The interactive board of one team: pan and zoom, notes created and typed in place, dragged
// alone or together, into and out of clusters, rubber-band selection, voting clicks. Every
// change is queued on the Session as one action per gesture (a drag is one MoveNotes on
// release, a text edit one EditNote when the note is left) and applied after the frame.
#include "board/board_draw.hpp"
#include "board/board_layer.hpp"
#include "board/board_layout.hpp"
#include "board/camera.hpp"
#include "board/note_editor.hpp"
#include "board/selection.hpp"
#include "fonts.hpp"
#include "session.hpp"

#include <imgui.h>

#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

namespace atelier::board {

// Colours offered for notes and clusters (the first is the default).
inline constexpr const char* kNotePalette[] = {"#FFE066", "#FFB870", "#F7A8B8", "#D7B8F3", "#9AD0F5", "#B5E48C", "#FFFFFF"};
inline constexpr const char* kClusterPalette[] = {"#D9E2EC", "#F7D6E0", "#D8F3DC", "#FFF3BF", "#E5DBFF", "#FFE8CC"};

class BoardCanvas {
public:
    // Draws the board of `teamId` at the cursor, `size` pixels, and handles its input.
    void draw(Session& session, const FontSet& fonts, Id teamId, ImVec2 size);

    Camera& camera() { return m_camera; }
    const BoardLayout& layout() const { return m_layout; }
    // Lays out `teamId`'s board ahead of its first frame, on the thread that opened the event
    // while this one makes the window (gui.cpp): no font yet, so no text is wrapped; the
    // frame then only adopts its font (BoardLayout::update). Touches nothing but the layout.
    void prepareLayout(const EventState& state, Id teamId, const Engine* engine = nullptr) {
        m_layout.update(state, teamId, nullptr, Id{}, engine);
    }
    Selection& selection() { return m_selection; }
    const NoteEditor& editor() const { return m_editor; }
    const DrawStats& stats() const { return m_stats; }

    void fitAll() { m_fitPending = true; }
    // Shows the board with this world point at the top-left corner, at this zoom, from the next
    // frame on (screenshots and tests; a user's view is made by panning and zooming).
    void showAt(ImVec2 worldTopLeft, float zoom) { m_pendingView = {worldTopLeft.x, worldTopLeft.y, zoom}; }
    void actualSize(); // zoom 1:1 around the centre

    // Voting by clicks: a member of the team (members mode), or the facilitator's tally.
    void setVoter(Id member) { m_voter = member; m_tallying = false; }
    Id voter() const { return m_voter; }
    void setTallying(bool on) { m_tallying = on; if (on) m_voter = Id{}; }
    bool tallying() const { return m_tallying; }
    bool voting() const { return m_voter || m_tallying; }

    // New notes get this author (0 = unknown) and colour.
    Id author;
    std::string noteColour = kNotePalette[0];

    // Queues a new note centred on `world` and starts typing in it.
    void createNoteAt(Session& session, ImVec2 world);
    // Queues an AddCluster with the selected notes, then selects it.
    void groupSelection(Session& session, const std::string& title);
    void deleteSelection(Session& session);
    // A cluster to rename: the view focuses its title field.
    Id renameRequest() { Id id = m_renameRequest; m_renameRequest = Id{}; return id; }

private:
    enum class Gesture { None, Pan, PressNote, DragNotes, PressCluster, DragCluster, RubberBand, ResizeNote, SelectText };

    void handleMouse(Session& session, bool hovered);
    void handleKeys(Session& session, bool hovered);
    // A board shortcut for one typed key; false when the key means nothing on the board.
    bool boardKey(Session& session, const InputEvent& e, bool hovered);
    bool doubleClickInLog();
    // Where in the edited text a click at `world` inside `note` puts the caret.
    std::uint32_t caretAt(const NoteItem& note, ImVec2 world) const;
    void press(Session& session, ImVec2 world);
    void release(Session& session, ImVec2 world);
    // The note whose bottom-right resize handle is under `world`, if any.
    const NoteItem* resizeHandleAt(ImVec2 world) const;
    void vote(Session& session, ImVec2 world, bool takeBack);
    void beginEdit(Id note, std::string_view text);
    void commitEdit(Session& session);
    void contextMenu(Session& session);

    Id m_team;
    BoardLayout m_layout;
    Camera m_camera;
    Selection m_selection;
    NoteEditor m_editor;
    int m_editorWaitFrames = 0; // frames the edited note may take to appear (queued AddNote)
    bool m_editingLastFrame = false;
    static constexpr double kDoubleClickSeconds = 0.4;
    double m_lastPressTime = -1.0; // the last left press seen in the input log, and where
    ImVec2 m_lastPress{0, 0};
    DrawStats m_stats;
    BoardLayer m_layer; // the content drawn once and copied while only the view moves
    bool m_fitPending = true;
    // After a fit, the board stays fitted when the window is resized, until the user pans or zooms.
    bool m_keepFit = false;
    std::optional<std::array<float, 3>> m_pendingView; // x, y, zoom (showAt)
    ImVec2 m_fittedSize{0, 0}, m_fittedPan{0, 0};
    float m_fittedZoom = 0;
    bool m_focused = false;
    Id m_voter;
    bool m_tallying = false;

    Gesture m_gesture = Gesture::None;
    ImVec2 m_pressWorld{0, 0}, m_mouseWorld{0, 0};
    ImVec2 m_offset{0, 0};
    std::unordered_set<Id> m_moving;
    Id m_resizing;               // the note being resized by its corner
    WorldRect m_resizeFrom;      // its frame when the drag began
    ImVec2 m_resizeSize{0, 0};   // the size it will get on release
    std::vector<WorldRect> m_dropFrames;
    Id m_dragCluster, m_hoveredNote, m_hoveredCluster, m_dropCluster;
    Id m_menuNote, m_menuCluster;
    Id m_renameRequest;
};

} // namespace atelier::board
