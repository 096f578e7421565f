#include "board/board_canvas.hpp"
#include "diagnostics/startup_timeline.hpp"

#include "board/hit_test.hpp"
#include "frame_background.hpp"
#include "frame_layer.hpp"
#include "strings.hpp"
#include "theme.hpp"

#include <imgui_internal.h> // WantTextInputNextFrame: the app's shortcuts stay quiet while typing
#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h> // key codes: io.KeysDown is indexed by GLFW keys

#include <algorithm>
#include <cmath>

namespace atelier::board {

namespace {
constexpr float kResizeHandle = 14.0f;  // screen pixels, the corner that resizes a note
constexpr float kMinNoteSide = 40.0f;   // the sizes a note may have (the core's rule)
constexpr float kMaxNoteSide = 2000.0f;
} // namespace

namespace {

constexpr ImU32 kBoardBg = IM_COL32(0xF1, 0xEF, 0xEA, 0xFF);
constexpr ImU32 kGridDot = IM_COL32(0xD6, 0xD2, 0xC8, 0xFF);

// The board covers most of the window: its colour is the frame's clear (no shaded fill), and
// the rest of the view's window gets its background as four bands behind every window (the
// sidebar and the menu bar paint their own).
void paintBoardBackground(ImVec2 min, ImVec2 max) {
    paintByClear(kBoardBg);
    ImDrawList* back = ImGui::GetBackgroundDrawList();
    ImVec2 v0 = ImGui::GetWindowPos(), v1(v0.x + ImGui::GetWindowWidth(), v0.y + ImGui::GetWindowHeight());
    ImU32 window = ImGui::GetColorU32(ImGuiCol_WindowBg);
    back->AddRectFilled(v0, ImVec2(v1.x, min.y), window);
    back->AddRectFilled(ImVec2(v0.x, max.y), v1, window);
    back->AddRectFilled(ImVec2(v0.x, min.y), ImVec2(min.x, max.y), window);
    back->AddRectFilled(ImVec2(max.x, min.y), ImVec2(v1.x, max.y), window);
}
constexpr float kDragThreshold = 4.0f;


} // namespace

void BoardCanvas::actualSize() {
    ImVec2 centre(m_camera.origin().x + m_camera.size().x / 2, m_camera.origin().y + m_camera.size().y / 2);
    m_camera.zoomAt(centre, 1.0f / m_camera.zoom());
}

void BoardCanvas::beginEdit(Id note, std::string_view text) {
    m_editor.begin(note, std::string(text));
    m_editorWaitFrames = 3;
}

void BoardCanvas::createNoteAt(Session& session, ImVec2 world) {
    AddNote add;
    add.id = newId(); // known now, so typing can start before the action is applied
    add.team = m_team;
    add.colour = noteColour;
    add.x = std::round(world.x - kDefaultNoteWidth / 2);
    add.y = std::round(world.y - kDefaultNoteHeight / 2);
    add.author = author;
    int c = clusterAt(m_layout, world);
    if (c >= 0) add.cluster = m_layout.clusters()[static_cast<std::size_t>(c)].id;
    session.queue(add);
    m_selection.selectOnly(add.id);
    beginEdit(add.id, "");
}

void BoardCanvas::groupSelection(Session& session, const std::string& title) {
    if (m_selection.notes().empty()) return;
    WorldRect box;
    for (Id id : m_selection.notes())
        if (const NoteItem* n = m_layout.note(id)) box.add(n->rect);
    if (box.empty()) return;
    AddCluster add;
    add.id = newId();
    add.team = m_team;
    add.title = title;
    add.x = std::round(box.x0 - kClusterPadding);
    add.y = std::round(box.y0 - kClusterHeader);
    add.notes = m_selection.notes();
    session.queue(add);
    m_selection.selectCluster(add.id);
    m_renameRequest = add.id;
}

void BoardCanvas::deleteSelection(Session& session) {
    if (!m_selection.notes().empty()) {
        session.queue(DeleteNotes{m_selection.notes()});
        m_selection.clear();
    } else if (m_selection.cluster()) {
        session.queue(DissolveCluster{m_selection.cluster()});
        m_selection.clear();
    }
}

void BoardCanvas::commitEdit(Session& session) {
    if (!m_editor.active()) return;
    // The note may still be queued (N then Enter within one frame): its EditNote is applied
    // after its AddNote, in order, with the default size it will have.
    const NoteItem* n = m_layout.note(m_editor.note());
    if (m_editor.changed()) {
        EditNote edit;
        edit.note = m_editor.note();
        edit.text = m_editor.text();
        float width = n ? n->rect.width() : kDefaultNoteWidth;
        float height = n ? n->rect.height() : kDefaultNoteHeight;
        bool hasAuthor = n ? !n->author.empty() : bool(author);
        // The note grows to hold its text rather than hiding the end of it.
        if (const ImFont* font = ImGui::GetFont()) {
            auto lines = wrapText(font, kTextSize, width - 2 * kNotePadding, m_editor.text());
            float needed = 2 * kNotePadding + float(lines.size()) * kTextSize * 1.15f + (hasAuthor ? kAuthorSize * 1.3f : 0);
            if (needed > height + 0.5f) edit.height = std::min(2000.0, std::ceil(double(needed)));
        }
        session.queue(edit);
    }
    m_editor.stop();
}

std::uint32_t BoardCanvas::caretAt(const NoteItem& note, ImVec2 world) const {
    const ImFont* font = ImGui::GetFont();
    if (!font) return 0;
    const std::string& text = m_editor.text();
    auto lines = wrapText(font, kTextSize, note.rect.width() - 2 * kNotePadding, text);
    ImVec2 local(world.x - note.rect.x0 - kNotePadding, world.y - note.rect.y0 - kNotePadding);
    return offsetAt(font, kTextSize, kTextSize * 1.15f, text, lines, local);
}

void BoardCanvas::vote(Session& session, ImVec2 world, bool takeBack) {
    const VoteRound* round = m_layout.round();
    if (!round || round->closed) return;
    Id note, cluster;
    int n = noteAt(m_layout, world);
    if (n >= 0) {
        note = m_layout.notes()[static_cast<std::size_t>(n)].id;
    } else {
        int c = clusterAt(m_layout, world);
        if (c < 0) return;
        cluster = m_layout.clusters()[static_cast<std::size_t>(c)].id;
    }
    if (m_tallying) {
        const NoteItem* ni = m_layout.note(note);
        const ClusterItem* ci = m_layout.cluster(cluster);
        int current = ni ? ni->votes : ci ? ci->votes : 0;
        if (takeBack && current == 0) return;
        session.queue(SetTally{round->id, note, cluster, std::max(0, current + (takeBack ? -1 : 1))});
    } else if (takeBack) {
        session.queue(WithdrawVote{round->id, m_voter, note, cluster, 1});
    } else {
        session.queue(CastVote{round->id, m_voter, note, cluster, 1});
    }
}

void BoardCanvas::press(Session& session, ImVec2 world) {
    ImGuiIO& io = ImGui::GetIO();
    if (m_editor.active()) {
        const NoteItem* edited = m_layout.note(m_editor.note());
        if (edited && edited->rect.contains(world)) { // clicking inside keeps typing, the caret where clicked
            m_editor.placeCaret(caretAt(*edited, world), io.KeyShift);
            m_gesture = Gesture::SelectText;
            return;
        }
        commitEdit(session);
    }
    m_pressWorld = world;
    m_offset = ImVec2(0, 0);
    if (voting()) {
        vote(session, world, false);
        return;
    }
    if (const NoteItem* corner = io.KeyShift ? nullptr : resizeHandleAt(world)) {
        m_selection.selectOnly(corner->id);
        m_resizing = corner->id;
        m_resizeFrom = corner->rect;
        m_resizeSize = ImVec2(corner->rect.width(), corner->rect.height());
        m_gesture = Gesture::ResizeNote;
        return;
    }
    int n = noteAt(m_layout, world);
    if (n >= 0) {
        Id id = m_layout.notes()[static_cast<std::size_t>(n)].id;
        if (io.KeyShift) m_selection.toggle(id);
        else if (!m_selection.contains(id)) m_selection.selectOnly(id);
        m_gesture = m_selection.contains(id) ? Gesture::PressNote : Gesture::None;
        return;
    }
    // Shift means selecting: a Shift+drag from a cluster's title band draws a rubber band
    // rather than carrying the cluster away.
    int h = io.KeyShift ? -1 : clusterHeaderAt(m_layout, world);
    if (h >= 0) {
        m_selection.selectCluster(m_layout.clusters()[static_cast<std::size_t>(h)].id);
        m_dragCluster = m_selection.cluster();
        m_gesture = Gesture::PressCluster;
        return;
    }
    if (io.KeyShift) {
        m_gesture = Gesture::RubberBand;
        return;
    }
    m_selection.clear();
    m_gesture = Gesture::Pan;
}

void BoardCanvas::release(Session& session, ImVec2 world) {
    switch (m_gesture) {
    case Gesture::DragNotes: {
        if (m_offset.x == 0 && m_offset.y == 0) break;
        MoveNotes move;
        Id target = dropTarget(m_layout, m_dropFrames, world);
        bool changesCluster = false;
        for (const NoteItem& n : m_layout.notes()) // bottom to top: the stacking order is kept
            if (m_moving.count(n.id)) {
                move.moves.push_back({n.id, std::round(double(n.rect.x0 + m_offset.x)), std::round(double(n.rect.y0 + m_offset.y))});
                changesCluster = changesCluster || n.clusterId != target;
            }
        if (changesCluster) move.cluster = target;
        if (!move.moves.empty()) session.queue(move);
        break;
    }
    case Gesture::DragCluster:
        if (const ClusterItem* c = m_layout.cluster(m_dragCluster); c && (m_offset.x != 0 || m_offset.y != 0))
            session.queue(MoveCluster{c->id, std::round(double(c->anchor.x + m_offset.x)), std::round(double(c->anchor.y + m_offset.y))});
        break;
    case Gesture::RubberBand:
        m_selection.add(notesInside(m_layout, WorldRect::fromCorners(m_pressWorld, world)));
        break;
    case Gesture::ResizeNote: {
        double width = std::round(double(m_resizeSize.x)), height = std::round(double(m_resizeSize.y));
        if (width != std::round(double(m_resizeFrom.width())) || height != std::round(double(m_resizeFrom.height())))
            session.queue(EditNote{m_resizing, std::nullopt, std::nullopt, width, height});
        m_resizing = Id{};
        break;
    }
    default: break;
    }
    m_gesture = Gesture::None;
    m_moving.clear();
    m_dropFrames.clear();
    m_offset = ImVec2(0, 0);
    m_dragCluster = m_dropCluster = Id{};
}

const NoteItem* BoardCanvas::resizeHandleAt(ImVec2 world) const {
    if (voting() || m_editor.active()) return nullptr;
    int n = noteAt(m_layout, world);
    if (n < 0) return nullptr;
    const NoteItem& note = m_layout.notes()[static_cast<std::size_t>(n)];
    // A corner square of a fixed size on screen, whatever the zoom; too small a note has none.
    float handle = kResizeHandle / m_camera.zoom();
    if (note.rect.width() * m_camera.zoom() < 3 * kResizeHandle) return nullptr;
    bool inCorner = note.rect.x1 - world.x <= handle && note.rect.y1 - world.y <= handle;
    return inCorner ? &note : nullptr;
}

void BoardCanvas::handleMouse(Session& session, bool hovered) {
    ImGuiIO& io = ImGui::GetIO();
    ImVec2 world = m_camera.toWorld(io.MousePos);
    m_mouseWorld = world;

    m_hoveredNote = m_hoveredCluster = Id{};
    if (hovered && m_gesture == Gesture::None) {
        int n = noteAt(m_layout, world);
        if (n >= 0) m_hoveredNote = m_layout.notes()[static_cast<std::size_t>(n)].id;
        else if (int c = voting() ? clusterAt(m_layout, world) : clusterHeaderAt(m_layout, world); c >= 0)
            m_hoveredCluster = m_layout.clusters()[static_cast<std::size_t>(c)].id;
    }

    if (hovered && io.MouseWheel != 0.0f) m_camera.zoomAt(io.MousePos, std::pow(1.15f, io.MouseWheel));
    if (hovered && io.MouseWheelH != 0.0f) m_camera.panBy(ImVec2(io.MouseWheelH * 40.0f, 0));
    // Middle or right drag pans from anywhere, even over notes.
    for (int button : {1, 2})
        if (ImGui::IsMouseDragging(button, kDragThreshold) && (hovered || m_gesture == Gesture::Pan)) m_camera.panBy(io.MouseDelta);

    bool doubleClick = io.MouseDoubleClicked[0] || doubleClickInLog();
    if (hovered && ImGui::IsMouseClicked(0)) {
        m_focused = true;
        const NoteItem* edited = m_editor.active() ? m_layout.note(m_editor.note()) : nullptr;
        if (doubleClick && edited && edited->rect.contains(world)) {
            m_editor.selectAll(); // a double-click in the note being typed selects its text
            m_gesture = Gesture::None;
        } else if (doubleClick && !voting()) {
            int n = noteAt(m_layout, world);
            int h = n < 0 ? clusterHeaderAt(m_layout, world) : -1;
            m_gesture = Gesture::None;
            if (n >= 0) {
                const NoteItem& note = m_layout.notes()[static_cast<std::size_t>(n)];
                m_selection.selectOnly(note.id);
                beginEdit(note.id, note.text);
            } else if (h >= 0) {
                m_selection.selectCluster(m_layout.clusters()[static_cast<std::size_t>(h)].id);
                m_renameRequest = m_selection.cluster();
            } else {
                commitEdit(session);
                createNoteAt(session, world);
            }
        } else {
            press(session, world);
        }
    } else if (ImGui::IsMouseClicked(0) && !hovered) {
        m_focused = false;
    }
    if (hovered && ImGui::IsMouseReleased(1) && !ImGui::IsMouseDragPastThreshold(1, kDragThreshold)) {
        m_focused = true;
        if (voting()) {
            vote(session, world, true);
        } else {
            int n = noteAt(m_layout, world);
            int c = n < 0 ? clusterHeaderAt(m_layout, world) : -1;
            m_menuNote = n >= 0 ? m_layout.notes()[static_cast<std::size_t>(n)].id : Id{};
            m_menuCluster = c >= 0 ? m_layout.clusters()[static_cast<std::size_t>(c)].id : Id{};
            if (m_menuNote && !m_selection.contains(m_menuNote)) m_selection.selectOnly(m_menuNote);
            if (m_menuCluster) m_selection.selectCluster(m_menuCluster);
            if (m_menuNote || m_menuCluster) ImGui::OpenPopup("##boardmenu");
        }
    }

    if (ImGui::IsMouseDown(0) && m_gesture != Gesture::None) {
        bool past = ImGui::IsMouseDragPastThreshold(0, kDragThreshold);
        if (m_gesture == Gesture::PressNote && past) {
            m_gesture = Gesture::DragNotes;
            m_moving = m_selection.noteSet();
            m_dropFrames = clusterFramesWithout(m_layout, m_moving);
        } else if (m_gesture == Gesture::PressCluster && past) {
            m_gesture = Gesture::DragCluster;
        }
        if (m_gesture == Gesture::Pan) m_camera.panBy(io.MouseDelta);
        if (m_gesture == Gesture::SelectText && past)
            if (const NoteItem* edited = m_editor.active() ? m_layout.note(m_editor.note()) : nullptr)
                m_editor.placeCaret(caretAt(*edited, world), true);
        if (m_gesture == Gesture::DragNotes || m_gesture == Gesture::DragCluster)
            m_offset = ImVec2(world.x - m_pressWorld.x, world.y - m_pressWorld.y);
        if (m_gesture == Gesture::DragNotes) m_dropCluster = dropTarget(m_layout, m_dropFrames, world);
        if (m_gesture == Gesture::ResizeNote) // within the sizes a note may have (core checks 40 to 2000)
            m_resizeSize = ImVec2(std::clamp(m_resizeFrom.width() + world.x - m_pressWorld.x, kMinNoteSide, kMaxNoteSide),
                                  std::clamp(m_resizeFrom.height() + world.y - m_pressWorld.y, kMinNoteSide, kMaxNoteSide));
    }
    if (hovered && !voting() && (m_gesture == Gesture::ResizeNote || (m_gesture == Gesture::None && resizeHandleAt(world))))
        ImGui::SetMouseCursor(ImGuiMouseCursor_ResizeNWSE);
    if (ImGui::IsMouseReleased(0) && m_gesture != Gesture::None) release(session, world);
}

bool BoardCanvas::doubleClickInLog() {
    // Two presses close in time and place, timed when they happened rather than when a frame
    // saw them: at a slow frame both clicks of a double-click arrive between two frames.
    bool found = false;
    for (const InputEvent& e : inputLog().frameEvents()) {
        if (e.kind != InputEvent::Kind::MouseDown || e.button != 0) continue;
        float dx = e.x - m_lastPress.x, dy = e.y - m_lastPress.y;
        found = found || (e.time - m_lastPressTime <= kDoubleClickSeconds && dx * dx + dy * dy <= 36.0f);
        m_lastPressTime = found ? -1.0 : e.time; // a third press starts a new pair
        m_lastPress = ImVec2(e.x, e.y);
    }
    return found;
}

bool BoardCanvas::boardKey(Session& session, const InputEvent& e, bool hovered) {
    if (isKey(e, GLFW_KEY_DELETE) || isKey(e, GLFW_KEY_BACKSPACE)) {
        deleteSelection(session);
    } else if (isKey(e, GLFW_KEY_N)) {
        ImVec2 at = hovered ? m_mouseWorld : m_camera.toWorld(ImVec2(m_camera.origin().x + m_camera.size().x / 2,
                                                                     m_camera.origin().y + m_camera.size().y / 2));
        createNoteAt(session, at);
    } else if ((isKey(e, GLFW_KEY_ENTER) || isKey(e, GLFW_KEY_KP_ENTER) || isKey(e, GLFW_KEY_F2)) && m_selection.notes().size() == 1) {
        const NoteItem* n = m_layout.note(m_selection.notes().front());
        if (!n) return false;
        beginEdit(n->id, n->text);
    } else if (isKey(e, GLFW_KEY_F) || isKey(e, GLFW_KEY_HOME)) {
        fitAll();
    } else if (isKey(e, GLFW_KEY_A, GLFW_MOD_CONTROL)) {
        std::vector<Id> all;
        for (const NoteItem& n : m_layout.notes()) all.push_back(n.id);
        m_selection.clear();
        m_selection.add(all);
    } else if (isKey(e, GLFW_KEY_ESCAPE)) {
        if (voting()) {
            setVoter(Id{});
            setTallying(false);
        } else if (!m_selection.empty()) {
            m_selection.clear();
        } else {
            return false; // nothing to leave: Escape is the app's (full screen)
        }
    } else if (isKey(e, GLFW_KEY_LEFT) || isKey(e, GLFW_KEY_RIGHT) || isKey(e, GLFW_KEY_UP) || isKey(e, GLFW_KEY_DOWN)) {
        float step = 60.0f;
        m_camera.panBy(ImVec2(e.key == GLFW_KEY_LEFT ? step : e.key == GLFW_KEY_RIGHT ? -step : 0,
                              e.key == GLFW_KEY_UP ? step : e.key == GLFW_KEY_DOWN ? -step : 0));
    } else {
        return false;
    }
    return true;
}

void BoardCanvas::handleKeys(Session& session, bool hovered) {
    ImGuiIO& io = ImGui::GetIO();
    // Another field has the keyboard (a cluster title, a combo's filter): the board stays quiet.
    // WantTextInput also reflects our own editor of last frame, which is not another field.
    bool otherFieldTyping = io.WantTextInput && !m_editingLastFrame;
    bool shortcuts = (m_focused || hovered) && !otherFieldTyping;
    // Events in the order they were typed: a key that starts an edit (N, Entrée, F2) hands
    // every later event of the same frame to the editor, so nothing typed after it is lost
    // or taken for a shortcut, however many keys one frame holds.
    bool skipChar = false; // the character a shortcut key also produced (the « n » of N)
    for (InputEvent& e : inputLog().frameEvents()) {
        if (e.consumed || e.kind == InputEvent::Kind::MouseDown) continue;
        if (e.kind == InputEvent::Kind::Char && skipChar) {
            skipChar = false;
            e.consumed = true;
            continue;
        }
        skipChar = false;
        if (m_editor.active()) {
            e.consumed = true;
            if (m_editor.handle(e) == NoteEditor::Outcome::Done) commitEdit(session);
            continue;
        }
        if (e.kind == InputEvent::Kind::Key && shortcuts && boardKey(session, e, hovered)) {
            e.consumed = true;
            skipChar = true;
        }
    }
    m_editingLastFrame = m_editor.active();
    if (m_editor.active()) GImGui->WantTextInputNextFrame = 1; // the app's single-key commands wait
}

void BoardCanvas::contextMenu(Session& session) {
    if (!ImGui::BeginPopup("##boardmenu")) return;
    if (const NoteItem* n = m_layout.note(m_menuNote)) {
        ImGui::TextDisabled("%s", str(Str::BoardColour));
        for (std::size_t i = 0; i < std::size(kNotePalette); ++i) {
            ImGui::PushID(static_cast<int>(i));
            ImVec4 c = ImGui::ColorConvertU32ToFloat4(colourFromHex(kNotePalette[i]));
            if (ImGui::ColorButton("##c", c, ImGuiColorEditFlags_NoTooltip, ImVec2(ImGui::GetFrameHeight(), ImGui::GetFrameHeight()))) {
                session.queue(RecolourNotes{m_selection.notes(), kNotePalette[i]});
                noteColour = kNotePalette[i];
                ImGui::CloseCurrentPopup();
            }
            ImGui::PopID();
            ImGui::SameLine();
        }
        ImGui::NewLine();
        if (ImGui::MenuItem(str(Str::BoardEditText), str(Str::BoardKeyEnter))) beginEdit(n->id, n->text);
        if (ImGui::MenuItem(str(Str::BoardGroup))) groupSelection(session, str(Str::BoardNewCluster));
        if (n->clusterId && ImGui::MenuItem(str(Str::BoardUngroup))) {
            MoveNotes out;
            for (Id id : m_selection.notes())
                if (const NoteItem* s = m_layout.note(id)) out.moves.push_back({id, s->rect.x0, s->rect.y0});
            out.cluster = Id{};
            session.queue(out);
        }
        bool chosen = m_layout.selectedNote() == n->id;
        if (ImGui::MenuItem(str(chosen ? Str::BoardClearIdea : Str::BoardSelectIdea)))
            session.queue(SelectIdea{m_team, chosen ? Id{} : n->id, Id{}});
        if (ImGui::MenuItem(str(Str::BoardDelete), str(Str::BoardKeyDelete))) deleteSelection(session);
    } else if (const ClusterItem* c = m_layout.cluster(m_menuCluster)) {
        ImGui::TextDisabled("%s", str(Str::BoardColour));
        for (std::size_t i = 0; i < std::size(kClusterPalette); ++i) {
            ImGui::PushID(static_cast<int>(i));
            ImVec4 col = ImGui::ColorConvertU32ToFloat4(colourFromHex(kClusterPalette[i]));
            if (ImGui::ColorButton("##k", col, ImGuiColorEditFlags_NoTooltip, ImVec2(ImGui::GetFrameHeight(), ImGui::GetFrameHeight()))) {
                session.queue(EditCluster{c->id, std::nullopt, std::string(kClusterPalette[i])});
                ImGui::CloseCurrentPopup();
            }
            ImGui::PopID();
            ImGui::SameLine();
        }
        ImGui::NewLine();
        if (ImGui::MenuItem(str(Str::BoardRename))) m_renameRequest = c->id;
        bool chosen = m_layout.selectedCluster() == c->id;
        if (ImGui::MenuItem(str(chosen ? Str::BoardClearIdea : Str::BoardSelectIdea)))
            session.queue(SelectIdea{m_team, Id{}, chosen ? Id{} : c->id});
        if (ImGui::MenuItem(str(Str::BoardDissolve))) {
            session.queue(DissolveCluster{c->id});
            m_selection.clear();
        }
    } else {
        ImGui::CloseCurrentPopup();
    }
    ImGui::EndPopup();
}

void BoardCanvas::draw(Session& session, const FontSet& fonts, Id teamId, ImVec2 size) {
    if (teamId != m_team) {
        m_team = teamId;
        m_selection.clear();
        m_editor.stop();
        m_voter = Id{};
        m_tallying = false;
        m_fitPending = true;
        author = Id{};
        m_gesture = Gesture::None;
    }
    startup::mark("board: draw begins");
    m_layout.update(session.state(), teamId, fonts.regular, m_voter, session.engine());
    startup::mark("board: layout updated");
    // What this frame queued (a new note, a new cluster) is not on the board yet: keep it selected.
    if (!session.hasPending()) m_selection.prune(m_layout);
    if (m_editor.active() && !m_layout.note(m_editor.note()) && --m_editorWaitFrames < 0) m_editor.stop();
    if (m_editor.active() && m_layout.note(m_editor.note())) m_editorWaitFrames = 0;
    const VoteRound* round = m_layout.round();
    if (voting() && (!round || round->closed || (m_tallying && round->mode != VoteMode::Tally) ||
                     (m_voter && round->mode != VoteMode::Members))) {
        setVoter(Id{});
        setTallying(false);
    }

    ImVec2 origin = ImGui::GetCursorScreenPos();
    size.x = std::max(size.x, 50.0f);
    size.y = std::max(size.y, 50.0f);
    ImGui::InvisibleButton("##board", size,
                           ImGuiButtonFlags_MouseButtonLeft | ImGuiButtonFlags_MouseButtonRight | ImGuiButtonFlags_MouseButtonMiddle);
    bool hovered = ImGui::IsItemHovered();
    m_camera.setViewport(origin, size);
    // The user moved the view since the fit (wheel, drag, keys, 1:1): the fit no longer holds.
    if (m_keepFit && (m_camera.zoom() != m_fittedZoom || m_camera.pan().x != m_fittedPan.x || m_camera.pan().y != m_fittedPan.y))
        m_keepFit = false;
    if (m_keepFit && (size.x != m_fittedSize.x || size.y != m_fittedSize.y)) m_fitPending = true; // resized: fit again
    if (m_fitPending) {
        m_camera.fit(m_layout.bounds(), 40.0f, 1.0f);
        m_fitPending = false;
        m_keepFit = true;
        m_fittedSize = size;
        m_fittedPan = m_camera.pan();
        m_fittedZoom = m_camera.zoom();
    }
    if (m_pendingView) {
        m_camera.set(ImVec2((*m_pendingView)[0], (*m_pendingView)[1]), (*m_pendingView)[2]);
        m_pendingView.reset();
        m_keepFit = false;
    }
    handleMouse(session, hovered);
    handleKeys(session, hovered);
    contextMenu(session);
    startup::mark("board: mouse, keys, menu");

    ImDrawList* list = ImGui::GetWindowDrawList();
    ImVec2 end(origin.x + size.x, origin.y + size.y);
    list->PushClipRect(origin, end, true);
    // With an OpenGL frame the content goes into a layer the frame copies while it is unchanged;
    // only what follows the mouse is drawn live on top. The layer's image has the board's
    // background: the window's clear stays the window's, and no band is needed around it.
    const bool layered = frameLayersEnabled();
    if (!layered) paintBoardBackground(origin, end);
    ImDrawList* content = layered ? m_layer.begin(m_camera) : list;
    const Camera& contentCamera = layered ? m_layer.camera() : m_camera;
    // A dot grid while the dots are far enough apart to mean something (it shows panning).
    float spacing = 80.0f * contentCamera.zoom();
    if (spacing >= 40.0f) {
        WorldRect v = contentCamera.visible();
        for (float x = std::floor(v.x0 / 80.0f) * 80.0f; x < v.x1; x += 80.0f)
            for (float y = std::floor(v.y0 / 80.0f) * 80.0f; y < v.y1; y += 80.0f) {
                ImVec2 p = contentCamera.toScreen(ImVec2(x, y));
                content->AddRectFilled(p, ImVec2(p.x + 2, p.y + 2), kGridDot);
            }
    }

    DrawOptions options;
    options.fonts = &fonts;
    options.selection = &m_selection;
    options.editor = &m_editor;
    options.hoveredNote = m_hoveredNote;
    options.hoveredCluster = m_hoveredCluster;
    options.showMyDots = m_voter && round && !round->closed;
    if (m_gesture == Gesture::DragNotes) {
        options.moving = &m_moving;
        options.moveOffset = m_offset;
        options.dropCluster = m_dropCluster;
    } else if (m_gesture == Gesture::DragCluster) {
        options.movingCluster = m_dragCluster;
        options.moveOffset = m_offset;
    }
    if (layered) {
        DrawOptions still = options;
        still.hoveredNote = still.hoveredCluster = Id{};
        m_stats = drawBoard(content, m_layout, contentCamera, still);
        startup::mark("board: layer's list built");
        // The hover outlines go over the image but not into the window's list: they change as
        // notes pass under a still mouse, and the rest of the frame can then be reused.
        drawHover(m_layer.overlay(), m_layout, m_camera, options);
        m_layer.submit(m_camera, kBoardBg);
        startup::mark("board: hover drawn, layer hashed");
    } else {
        m_stats = drawBoard(list, m_layout, m_camera, options);
    }

    if (m_gesture == Gesture::ResizeNote) {
        // The size the note will take, outlined over it until the button is released.
        ImVec2 a = m_camera.toScreen(ImVec2(m_resizeFrom.x0, m_resizeFrom.y0));
        ImVec2 b = m_camera.toScreen(ImVec2(m_resizeFrom.x0 + m_resizeSize.x, m_resizeFrom.y0 + m_resizeSize.y));
        list->AddRectFilled(a, b, IM_COL32(0x1F, 0x4E, 0x99, 0x20));
        list->AddRect(a, b, IM_COL32(0x1F, 0x4E, 0x99, 0xE0), 0, 0, 2.0f);
    } else if (const NoteItem* n = m_selection.notes().size() == 1 ? m_layout.note(m_selection.notes().front()) : nullptr;
               n && !voting() && !m_editor.active()) {
        // The resize handle of the one selected note: three short diagonal strokes in its corner.
        ImVec2 c = m_camera.toScreen(ImVec2(n->rect.x1, n->rect.y1));
        for (float k : {4.0f, 8.0f, 12.0f})
            list->AddLine(ImVec2(c.x - k, c.y - 2), ImVec2(c.x - 2, c.y - k), IM_COL32(0x33, 0x33, 0x33, 0xB0), 1.5f);
    }
    if (m_gesture == Gesture::RubberBand) {
        ImVec2 a = m_camera.toScreen(m_pressWorld), b = ImGui::GetIO().MousePos;
        ImVec2 lo(std::min(a.x, b.x), std::min(a.y, b.y)), hi(std::max(a.x, b.x), std::max(a.y, b.y));
        list->AddRectFilled(lo, hi, IM_COL32(0x1F, 0x4E, 0x99, 0x30));
        list->AddRect(lo, hi, IM_COL32(0x1F, 0x4E, 0x99, 0xC0), 0, 0, 1.5f);
    }
    if (m_layout.notes().empty() && m_layout.clusters().empty()) {
        const char* empty = str(Str::BoardEmpty);
        ImFont* font = fonts.heading;
        ImVec2 e = font->CalcTextSizeA(font->FontSize, FLT_MAX, 0, empty);
        list->AddText(font, font->FontSize, ImVec2(origin.x + (size.x - e.x) / 2, origin.y + (size.y - e.y) / 2),
                      IM_COL32(0x55, 0x55, 0x55, 0xFF), empty);
    }
    list->PopClipRect();
}

} // namespace atelier::board
