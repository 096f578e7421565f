// The board, driven like a user would: a headless ImGui frame loop around the real App, with
// the mouse and keyboard simulated through ImGuiIO, and every assertion on the saved model.
#include "app.hpp"
#include "board/board_draw.hpp"
#include "board/hit_test.hpp"
#include "board/ranking.hpp"
#include "board/text_wrap.hpp"
#include "demo.hpp"
#include "layout/cluster_layout.hpp"
#include "support.hpp"
#include "views/view_board.hpp"
#include "board/board_layer.hpp"
#include "frame_layer.hpp"

#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>
#include <catch2/catch.hpp>

#include <algorithm>
#include <chrono>
#include <cstdio>

namespace atelier::test {

namespace {

class BoardHarness {
public:
    BoardHarness() {
        createDemoEvent(path(), m_clock);
        m_app = std::make_unique<App>(m_clock, Settings{});
        m_context = ImGui::CreateContext();
        ImGuiIO& io = ImGui::GetIO();
        io.IniFilename = nullptr;
        io.DisplaySize = ImVec2(1600, 1000);
        io.DeltaTime = 1.0f / 60.0f;
        io.BackendFlags |= ImGuiBackendFlags_RendererHasVtxOffset;
        io.KeyMap[ImGuiKey_Backspace] = GLFW_KEY_BACKSPACE;
        io.KeyMap[ImGuiKey_Delete] = GLFW_KEY_DELETE;
        io.KeyMap[ImGuiKey_Enter] = GLFW_KEY_ENTER;
        io.KeyMap[ImGuiKey_Escape] = GLFW_KEY_ESCAPE;
        io.KeyMap[ImGuiKey_LeftArrow] = GLFW_KEY_LEFT;
        io.KeyMap[ImGuiKey_RightArrow] = GLFW_KEY_RIGHT;
        io.KeyMap[ImGuiKey_Tab] = GLFW_KEY_TAB;
        REQUIRE(session().open(path()));
        m_app->afterFrames();
        m_app->fonts().build(*io.Fonts);
        m_app->applyStyle(ImGui::GetStyle());
        session().view = ViewId::Board;
        frames(3);
    }
    ~BoardHarness() { ImGui::DestroyContext(m_context); }
    BoardHarness(const BoardHarness&) = delete;
    BoardHarness& operator=(const BoardHarness&) = delete;

    App& app() { return *m_app; }
    Session& session() { return m_app->session(); }
    const EventState& state() { return session().state(); }
    Engine& engine() { return *session().engine(); }
    std::string path() const { return m_dir.file("event.db"); }
    board::BoardCanvas& canvas() { return static_cast<BoardView*>(m_app->view(ViewId::Board))->canvas(); }

    Id teamNumber(int number) {
        for (const Team* t : state().teamsInOrder())
            if (const Challenge* c = state().find<Challenge>(t->challengeId); c && c->number == number) return t->id;
        FAIL("no team " << number);
        return Id{};
    }
    void showTeam(Id team) {
        session().team = team;
        frames(3);
    }

    void frame() {
        ImGui::SetCurrentContext(m_context);
        if (m_app->fonts().dirty()) m_app->fonts().build(*ImGui::GetIO().Fonts);
        ImGui::NewFrame();
        m_app->handleShortcuts(false);
        m_app->drawMainWindow();
        ImGui::Render();
        m_app->afterFrames();
    }
    void frames(int n) {
        for (int i = 0; i < n; ++i) frame();
    }

    ImVec2 screen(ImVec2 world) { return canvas().camera().toScreen(world); }
    void moveTo(ImVec2 p) {
        ImGui::GetIO().MousePos = p;
        frame();
    }
    void click(ImVec2 p, bool shift = false, int button = 0) {
        ImGuiIO& io = ImGui::GetIO();
        io.KeyShift = shift;
        moveTo(p);
        io.MouseDown[button] = true;
        frame();
        io.MouseDown[button] = false;
        frame();
        io.KeyShift = false;
        frame();
    }
    void doubleClick(ImVec2 p) {
        ImGuiIO& io = ImGui::GetIO();
        moveTo(p);
        for (int i = 0; i < 2; ++i) {
            io.MouseDown[0] = true;
            frame();
            io.MouseDown[0] = false;
            frame();
        }
        frame();
    }
    void drag(ImVec2 from, ImVec2 to, bool shift = false) {
        ImGuiIO& io = ImGui::GetIO();
        io.KeyShift = shift;
        moveTo(from);
        io.MouseDown[0] = true;
        frame();
        for (int step = 1; step <= 8; ++step)
            moveTo(ImVec2(from.x + (to.x - from.x) * float(step) / 8, from.y + (to.y - from.y) * float(step) / 8));
        io.MouseDown[0] = false;
        frame();
        io.KeyShift = false;
        frames(2);
    }
    void type(const std::string& utf8) {
        ImGui::GetIO().AddInputCharactersUTF8(utf8.c_str());
        frame();
    }
    void key(int glfwKey, bool ctrl = false) {
        ImGuiIO& io = ImGui::GetIO();
        io.KeyCtrl = ctrl;
        io.KeysDown[glfwKey] = true;
        frame();
        io.KeysDown[glfwKey] = false;
        io.KeyCtrl = false;
        frames(2);
    }
    bool toastContains(const std::string& part) {
        for (const Toast& t : session().toasts())
            if (t.error && t.text.find(part) != std::string::npos) return true;
        return false;
    }

private:
    TempDir m_dir;
    FakeClock m_clock;
    std::unique_ptr<App> m_app;
    ImGuiContext* m_context = nullptr;
};

ImVec2 centre(const Note& n) { return ImVec2(float(n.x + n.width / 2), float(n.y + n.height / 2)); }

const Note* noteWithText(const EventState& state, Id team, const std::string& text) {
    for (const Note* n : state.notesOfTeam(team))
        if (n->text == text) return n;
    return nullptr;
}

} // namespace

TEST_CASE("a facilitator takes an empty board to a selected idea, then undoes every step", "[board]") {
    BoardHarness h;
    Id team = h.teamNumber(2); // défi 2's board is empty in the demo
    REQUIRE(h.state().notesOfTeam(team).empty());
    h.showTeam(team);
    const std::string start = stateText(h.state());
    int actions = 0;

    // Double-click on empty space creates a note there; typing goes into it; Enter commits.
    h.doubleClick(h.screen(ImVec2(300, 260)));
    h.type("Un guichet unique à l’accueil");
    h.key(GLFW_KEY_ENTER);
    actions += 2; // AddNote, then ONE EditNote for the whole text
    auto notes = h.state().notesOfTeam(team);
    REQUIRE(notes.size() == 1);
    const Note* a = notes.front();
    CHECK(a->text == "Un guichet unique à l’accueil");
    CHECK(a->x == Approx(300 - 80));
    CHECK(a->y == Approx(260 - 60));
    CHECK(h.engine().undoDescription() == "Modifier le texte d'un post-it");
    Id aId = a->id;

    // N at the cursor creates another; a click elsewhere commits its text.
    h.moveTo(h.screen(ImVec2(600, 260)));
    h.key(GLFW_KEY_N);
    h.type("Des horaires élargis");
    h.click(h.screen(ImVec2(900, 700)));
    actions += 2;
    const Note* b = noteWithText(h.state(), team, "Des horaires élargis");
    REQUIRE(b);
    Id bId = b->id;
    h.doubleClick(h.screen(ImVec2(300, 520)));
    h.type("Un rendez-vous en ligne");
    h.key(GLFW_KEY_ENTER);
    actions += 2;
    const Note* c = noteWithText(h.state(), team, "Un rendez-vous en ligne");
    REQUIRE(c);
    Id cId = c->id;

    // A cluster, then b dragged into it with the mouse: one MoveNotes that sets its cluster.
    h.session().queue(AddCluster{{}, team, "Accueil", "", 900, 200, {}});
    h.frames(2);
    actions += 1;
    REQUIRE(h.state().clustersOfTeam(team).size() == 1);
    Id clusterId = h.state().clustersOfTeam(team).front()->id;
    h.drag(h.screen(centre(*h.state().find<Note>(bId))), h.screen(ImVec2(1000, 320)));
    actions += 1;
    CHECK(h.state().find<Note>(bId)->clusterId == clusterId);
    CHECK(h.engine().undoDescription() == "Mettre 1 post-it dans « Accueil »");

    // Rubber band (Shift+drag on empty space) around a and c, then drag a: both move, once.
    h.click(h.screen(ImVec2(700, 800))); // empty space: clears the selection
    CHECK(h.canvas().selection().empty());
    h.drag(h.screen(ImVec2(150, 150)), h.screen(ImVec2(420, 620)), true);
    CHECK(h.canvas().selection().notes().size() == 2);
    Note aBefore = *h.state().find<Note>(aId), cBefore = *h.state().find<Note>(cId);
    h.drag(h.screen(centre(aBefore)), h.screen(ImVec2(centre(aBefore).x + 40, centre(aBefore).y + 30)));
    actions += 1;
    CHECK(h.engine().undoDescription() == "Déplacer 2 post-its");
    CHECK(h.state().find<Note>(aId)->x == Approx(aBefore.x + 40));
    CHECK(h.state().find<Note>(aId)->y == Approx(aBefore.y + 30));
    CHECK(h.state().find<Note>(cId)->x == Approx(cBefore.x + 40));
    CHECK(h.state().find<Note>(cId)->y == Approx(cBefore.y + 30));
    // Shift+click takes one out of the selection.
    h.click(h.screen(centre(*h.state().find<Note>(cId))), true);
    CHECK(h.canvas().selection().notes() == std::vector<Id>{aId});

    // Voting: a round of 2 dots; a member clicks ideas; the third dot is refused with a message.
    h.session().queue(OpenVoteRound{{}, team, 2, {}, VoteMode::Members});
    h.frames(2);
    actions += 1;
    const VoteRound* round = h.state().currentVoteRound(team);
    REQUIRE(round);
    Id roundId = round->id;
    Id voter = h.state().membersOfTeam(team).front()->id;
    h.canvas().setVoter(voter);
    h.click(h.screen(centre(*h.state().find<Note>(aId))));
    h.click(h.screen(centre(*h.state().find<Note>(aId))));
    actions += 2;
    CHECK(h.state().votesFor(roundId, aId, Id{}) == 2);
    h.click(h.screen(centre(*h.state().find<Note>(cId))));
    CHECK(h.state().votesUsedBy(roundId, voter) == 2);
    CHECK(h.state().votesFor(roundId, cId, Id{}) == 0);
    CHECK(h.toastContains("plus assez de gommettes"));
    // The cluster's frame takes a vote from another member.
    Id voter2 = h.state().membersOfTeam(team)[1]->id;
    h.canvas().setVoter(voter2);
    h.click(h.screen(ImVec2(1000, 225)));
    actions += 1;
    CHECK(h.state().votesFor(roundId, Id{}, clusterId) == 1);
    h.canvas().setVoter(Id{});
    h.frame();
    CHECK_FALSE(h.canvas().layout().votesShown());

    // Reveal, rank, select the idea.
    h.session().queue(RevealVotes{roundId, true});
    h.frames(2);
    actions += 1;
    CHECK(h.canvas().layout().votesShown());
    auto ranking = board::rankRound(h.state(), roundId);
    REQUIRE(ranking.size() == 2);
    CHECK(ranking[0].note == aId);
    CHECK(ranking[0].dots == 2);
    CHECK(ranking[1].cluster == clusterId);
    h.session().queue(SelectIdea{team, ranking[0].note, Id{}});
    h.frames(2);
    actions += 1;
    CHECK(h.state().find<Team>(team)->selectedNoteId == aId);

    // Everything is saved already: another reader of the file sees the same event.
    {
        auto reader = Engine::open(h.path(), FakeClock{}, OpenMode::ReadOnly);
        CHECK(stateText(reader->state()) == stateText(h.state()));
    }

    // Ctrl+Z, once per action, back to the empty board; Ctrl+Y brings the last one back.
    for (int i = 0; i < actions; ++i) {
        INFO("undo " << i);
        REQUIRE(h.engine().canUndo());
        h.key(GLFW_KEY_Z, true);
    }
    CHECK_FALSE(h.engine().canUndo());
    CHECK(h.state().notesOfTeam(team).empty());
    CHECK(stateText(h.state()) == start);
    h.key(GLFW_KEY_Y, true);
    CHECK(h.state().notesOfTeam(team).size() == 1);
}

TEST_CASE("Delete removes the selected notes, undoably; Escape ends a text edit and keeps the text, undo takes it back", "[board]") {
    BoardHarness h;
    Id team = h.teamNumber(11);
    h.showTeam(team);
    auto notes = h.state().notesOfTeam(team);
    REQUIRE(notes.size() == 3);
    Id first = notes.front()->id;
    std::string text = notes.front()->text;
    h.click(h.screen(centre(*notes.front())));
    h.key(GLFW_KEY_DELETE);
    CHECK_FALSE(h.state().find<Note>(first));
    h.key(GLFW_KEY_Z, true);
    REQUIRE(h.state().find<Note>(first));

    h.frames(30); // past the double-click time of the click above
    h.doubleClick(h.screen(centre(*h.state().find<Note>(first))));
    REQUIRE(h.canvas().editor().active());
    h.type(" et plus");
    h.key(GLFW_KEY_ESCAPE);
    CHECK_FALSE(h.canvas().editor().active());
    CHECK(h.state().find<Note>(first)->text == text + " et plus");
    CHECK(h.engine().undoDescription() == "Modifier le texte d'un post-it");
    h.key(GLFW_KEY_Z, true);
    CHECK(h.state().find<Note>(first)->text == text);
}

TEST_CASE("a note is resized by dragging its corner, within the allowed sizes, and undone", "[board]") {
    BoardHarness h;
    Id team = h.teamNumber(2);
    Id id = h.engine().apply(AddNote{{}, team, "Une idée à agrandir", "", 100, 100, 200.0, 150.0, {}, {}}).created[0];
    h.showTeam(team);
    float zoom = h.canvas().camera().zoom();
    // A press inside the note, away from its corner, moves it: the corner resizes it.
    ImVec2 corner = h.screen(ImVec2(300 - 4, 250 - 4));
    h.drag(corner, ImVec2(corner.x + 80, corner.y + 40));
    const Note* n = h.state().find<Note>(id);
    REQUIRE(n);
    CHECK(n->x == 100);
    CHECK(n->y == 100);
    CHECK(n->width == Approx(200 + 80 / zoom).margin(1));
    CHECK(n->height == Approx(150 + 40 / zoom).margin(1));
    // Dragged far inwards, it stops at the smallest size a note may have, not at an error.
    corner = h.screen(ImVec2(float(n->x + n->width) - 4, float(n->y + n->height) - 4));
    h.drag(corner, ImVec2(corner.x - 600, corner.y - 600));
    n = h.state().find<Note>(id);
    CHECK(n->width == 40);
    CHECK(n->height == 40);
    CHECK_FALSE(h.toastContains("doit être"));
    // Each resize is one undoable action.
    h.engine().undo();
    h.engine().undo();
    h.frames(2);
    CHECK(h.state().find<Note>(id)->width == 200);
    CHECK(h.state().find<Note>(id)->height == 150);
}

TEST_CASE("regroupements lay out their notes: a drop finds a free place, the frame grows and moves a loose note away, in one undo; a note dragged out leaves; Shift+drag on the title band selects", "[board][layout]") {
    BoardHarness h;
    Id team = h.teamNumber(2); // an empty board
    Id a = h.engine().apply(AddNote{{}, team, "A", "", 300, 300, {}, {}, {}, {}}).created[0];
    Id cluster = h.engine().apply(AddCluster{{}, team, "Accueil", "", 280, 254, {a}}).created[0];
    Id b = h.engine().apply(AddNote{{}, team, "B", "", 900, 300, {}, {}, {}, {}}).created[0];
    Id loose = h.engine().apply(AddNote{{}, team, "libre", "", 300, 470, {}, {}, {}, {}}).created[0];
    h.showTeam(team);
    auto box = [&](Id id) {
        const Note* n = h.state().find<Note>(id);
        return layout::Box{n->x, n->y, n->x + n->width, n->y + n->height};
    };
    auto frame = [&] { return layout::Board::ofTeam(h.state(), team).frame(cluster); };
    REQUIRE_FALSE(frame().overlaps(box(loose)));
    const Note looseBefore = *h.state().find<Note>(loose);

    // B dropped right onto A: it joins the regroupement beside A, never on it.
    h.drag(h.screen(centre(*h.state().find<Note>(b))), h.screen(centre(*h.state().find<Note>(a))));
    CHECK(h.state().find<Note>(b)->clusterId == cluster);
    CHECK_FALSE(box(a).overlaps(box(b)));
    CHECK(h.state().find<Note>(a)->x == 300); // what was there stays
    // The frame grew to hold B and does not cover the loose note: it was moved out of the way.
    CHECK_FALSE(frame().overlaps(box(loose)));
    const Note* l = h.state().find<Note>(loose);
    CHECK((l->x != looseBefore.x || l->y != looseBefore.y));
    CHECK_FALSE(l->clusterId);
    // On screen too: the frame drawn is the stored one.
    const board::ClusterItem* drawn = h.canvas().layout().cluster(cluster);
    REQUIRE(drawn);
    CHECK(drawn->frame.y1 == Approx(frame().y1));
    // One undo takes back the drop and the move it caused.
    CHECK(h.engine().undoDescription() == "Mettre 1 post-it dans « Accueil »");
    h.key(GLFW_KEY_Z, true);
    CHECK(h.state().find<Note>(b)->x == 900);
    CHECK_FALSE(h.state().find<Note>(b)->clusterId);
    CHECK(h.state().find<Note>(loose)->x == looseBefore.x);
    CHECK(h.state().find<Note>(loose)->y == looseBefore.y);
    h.key(GLFW_KEY_Y, true);
    CHECK(h.state().find<Note>(b)->clusterId == cluster);

    // Dragged out of the frame onto empty board, B leaves the regroupement.
    h.frames(30);
    layout::Box f = frame();
    h.drag(h.screen(centre(*h.state().find<Note>(b))), h.screen(ImVec2(float(f.x1) + 300, float(f.y0) + 80)));
    CHECK_FALSE(h.state().find<Note>(b)->clusterId);
    CHECK(h.engine().undoDescription() == "Sortir 1 post-it du regroupement");

    // Shift+drag from the title band draws a rubber band: A gets selected, the cluster stays.
    h.frames(30);
    f = frame();
    const Cluster before = *h.state().find<Cluster>(cluster);
    h.click(h.screen(ImVec2(float(f.x1) + 150, float(f.y0) + 200))); // empty space: nothing selected
    CHECK(h.canvas().selection().empty());
    h.drag(h.screen(ImVec2(float(f.x0) + 4, float(f.y0) + 10)), h.screen(ImVec2(float(f.x1) - 4, float(f.y1) - 4)), true);
    CHECK(h.state().find<Cluster>(cluster)->x == before.x);
    CHECK(h.state().find<Cluster>(cluster)->y == before.y);
    CHECK(h.canvas().selection().contains(a));
    // Without Shift the title band still carries the regroupement.
    h.frames(30); // not a double-click with the press above
    h.drag(h.screen(ImVec2(float(f.x0) + 4, float(f.y0) + 10)), h.screen(ImVec2(float(f.x0) + 4, float(f.y0) - 90)));
    CHECK(h.state().find<Cluster>(cluster)->y != before.y);
}

TEST_CASE("grouping the selection selects the new regroupement, laid out, for its title to be typed", "[board][layout]") {
    BoardHarness h;
    Id team = h.teamNumber(2);
    Id a = h.engine().apply(AddNote{{}, team, "A", "", 300, 300, {}, {}, {}, {}}).created[0];
    Id b = h.engine().apply(AddNote{{}, team, "B", "", 340, 320, {}, {}, {}, {}}).created[0]; // on top of A
    h.showTeam(team);
    h.canvas().selection().clear();
    h.canvas().selection().add({a, b});
    h.canvas().groupSelection(h.session(), "Idées");
    h.frames(3);
    REQUIRE(h.state().clustersOfTeam(team).size() == 1);
    Id cluster = h.state().clustersOfTeam(team).front()->id;
    CHECK(h.canvas().selection().cluster() == cluster);
    layout::Board board = layout::Board::ofTeam(h.state(), team);
    CHECK_FALSE(layout::notesOfAClusterOverlap(board));
    CHECK(h.engine().undoDescription() == "Créer le regroupement « Idées »");
}

TEST_CASE("hidden notes are blank cards on the projector until revealed", "[board]") {
    BoardHarness h;
    Id team = h.teamNumber(1); // private writing in the demo: one hidden note
    const Note* hidden = nullptr;
    for (const Note* n : h.state().notesOfTeam(team))
        if (n->hidden) hidden = n;
    REQUIRE(hidden);
    Id hiddenId = hidden->id;
    h.session().projectorTeam = team;
    h.session().projectorContent = ProjectorContent::Board;
    h.session().presentationFullScreen = true;

    auto drawn = [&] {
        board::recordDrawnText(true);
        h.frame();
        auto text = board::drawnText();
        board::recordDrawnText(false);
        return text;
    };
    auto mentions = [](const std::vector<std::string>& drawnText, const std::string& word) {
        return std::any_of(drawnText.begin(), drawnText.end(), [&](const std::string& s) { return s.find(word) != std::string::npos; });
    };
    auto before = drawn();
    CHECK(mentions(before, "Visite sensible")); // a revealed note of the same board
    CHECK_FALSE(mentions(before, "habitants"));
    CHECK_FALSE(mentions(before, "Label"));

    // On the team's laptop the text is there, tagged as hidden from the room.
    h.session().presentationFullScreen = false;
    h.showTeam(team);
    CHECK(mentions(drawn(), "Label"));

    h.session().queue(RevealNotes{team});
    h.session().presentationFullScreen = true;
    h.frames(2);
    CHECK_FALSE(h.state().find<Note>(hiddenId)->hidden);
    auto after = drawn();
    CHECK(mentions(after, "Label"));
}

// The layout holds its notes' texts and names in one buffer it owns (issue 17: memory):
// after any rebuild each item still shows its note's current text and author, and the
// wrapping of a note is kept when only its place changed, redone when its text changed.
TEST_CASE("board layout: texts and authors follow the state across rebuilds", "[board]") {
    BoardHarness h;
    Id team = h.teamNumber(3);
    h.showTeam(team);
    const board::BoardLayout& layout = h.canvas().layout();
    REQUIRE(layout.notes().size() >= 2);
    auto checkAgainstState = [&] {
        for (const board::NoteItem& n : layout.notes()) {
            const Note* note = h.state().find<Note>(n.id);
            REQUIRE(note);
            CHECK(n.text == note->text);
            const Member* author = h.state().find<Member>(note->authorId);
            CHECK(n.author == (author && author->teamId == team ? std::string_view(author->name) : std::string_view()));
        }
    };
    checkAgainstState();
    const Id moved = layout.notes()[0].id, edited = layout.notes()[1].id;
    const std::vector<board::TextLine>* movedLines = &layout.lines(*layout.note(moved));
    const std::size_t editedLines = layout.lines(*layout.note(edited)).size();

    MoveNotes move;
    move.moves.push_back({moved, layout.note(moved)->rect.x0 + 300, layout.note(moved)->rect.y0});
    h.engine().apply(move);
    EditNote edit;
    edit.note = edited;
    edit.text = std::string(layout.note(edited)->text) + " et encore une phrase assez longue pour passer à la ligne suivante";
    h.engine().apply(edit);
    h.frames(2);
    checkAgainstState();
    CHECK(&layout.lines(*layout.note(moved)) == movedLines); // kept, not wrapped again
    CHECK(layout.lines(*layout.note(edited)).size() > editedLines);
    for (const board::TextLine& line : layout.lines(*layout.note(edited))) CHECK(line.end <= layout.note(edited)->text.size());
}

TEST_CASE("board geometry: wrapping, hit-testing, drop targets", "[board]") {
    BoardHarness h;
    Id team = h.teamNumber(3);
    h.showTeam(team);
    const board::BoardLayout& layout = h.canvas().layout();
    REQUIRE(layout.notes().size() == 9);
    REQUIRE(layout.clusters().size() == 2);
    // Every note's text fits its width once wrapped.
    const ImFont* font = ImGui::GetIO().Fonts->Fonts[0];
    int wrapped = 0;
    for (const auto& n : layout.notes()) {
        wrapped += layout.lines(n).empty() ? 0 : 1; // measured when asked for
        for (const auto& line : layout.lines(n)) {
            float w = font->CalcTextSizeA(board::kTextSize, FLT_MAX, 0, n.text.data() + line.begin, n.text.data() + line.end).x;
            CHECK(w <= n.rect.width() - 2 * board::kNotePadding + 1.0f);
        }
    }
    CHECK(wrapped > 0);
    // The topmost note wins; a cluster frame holds its notes.
    const board::NoteItem& top = layout.notes().back();
    ImVec2 mid((top.rect.x0 + top.rect.x1) / 2, (top.rect.y0 + top.rect.y1) / 2);
    CHECK(board::noteAt(layout, mid) == int(layout.notes().size() - 1));
    for (const auto& n : layout.notes())
        if (n.clusterId) CHECK(n.rect.inside(layout.cluster(n.clusterId)->frame));
    // Without its notes a cluster shrinks back to its anchor box: dragging a note out leaves it.
    std::unordered_set<Id> moving;
    for (const auto& n : layout.notes())
        if (n.clusterId) moving.insert(n.id);
    auto frames = board::clusterFramesWithout(layout, moving);
    ImVec2 farInside(layout.clusters()[0].frame.x1 - 5, layout.clusters()[0].frame.y1 - 5);
    CHECK_FALSE(board::dropTarget(layout, frames, farInside));

    // Wrapping keeps explicit line breaks and never loops on a word wider than the note.
    auto lines = board::wrapText(font, board::kTextSize, 60, "a\n\nbb " + std::string(40, 'x'));
    CHECK(lines.size() >= 4);
    CHECK(lines[1].begin == lines[1].end);
}

TEST_CASE("a board of 20,000 notes is culled and split past 16-bit indices", "[board][perf]") {
    BoardHarness h;
    // The layout and the renderer read a plain EventState: fill one directly, as a benchmark would.
    EventState state;
    Team team;
    team.id = Id{1};
    state.teams.emplace(team.id, team);
    for (int i = 0; i < 20000; ++i) {
        Note n;
        n.id = Id{i + 100};
        n.teamId = team.id;
        n.text = "Idée numéro " + std::to_string(i) + " pour l’accueil des usagers";
        n.x = (i % 150) * 180.0;
        n.y = (i / 150) * 140.0;
        n.z = i;
        state.notes.emplace(n.id, n);
    }
    const FontSet& fonts = h.app().fonts().set();
    board::BoardLayout layout;
    board::Camera camera;
    auto frame = [&](bool fit) {
        ImGui::NewFrame();
        ImGui::SetNextWindowPos(ImVec2(0, 0));
        ImGui::SetNextWindowSize(ImVec2(1600, 1000));
        ImGui::Begin("##bench", nullptr, ImGuiWindowFlags_NoDecoration);
        layout.update(state, team.id, fonts.regular);
        camera.setViewport(ImVec2(0, 0), ImVec2(1600, 1000));
        if (fit) camera.fit(layout.bounds(), 20.0f);
        else camera.set(ImVec2(9000, 6000), 1.0f);
        board::DrawOptions options;
        options.fonts = &fonts;
        auto stats = board::drawBoard(ImGui::GetWindowDrawList(), layout, camera, options);
        ImGui::End();
        ImGui::Render();
        return stats;
    };
    auto fitted = frame(true);
    CHECK(fitted.notesDrawn == 20000);
    CHECK(fitted.notesWithText == 0); // too small to read: lighter detail
    // Every draw command stays within 16-bit indices thanks to VtxOffset.
    ImDrawData* data = ImGui::GetDrawData();
    REQUIRE(data);
    int vertices = 0;
    for (int l = 0; l < data->CmdListsCount; ++l) {
        const ImDrawList* list = data->CmdLists[l];
        vertices += list->VtxBuffer.Size;
        for (const ImDrawCmd& cmd : list->CmdBuffer)
            for (unsigned i = cmd.IdxOffset; i < cmd.IdxOffset + cmd.ElemCount; ++i)
                REQUIRE(cmd.VtxOffset + list->IdxBuffer[int(i)] < unsigned(list->VtxBuffer.Size));
    }
    CHECK(vertices > 65536);
    // At 1:1 only what the camera sees is drawn, with its text.
    auto actual = frame(false);
    CHECK(actual.notesDrawn > 20);
    CHECK(actual.notesDrawn < 200);
    CHECK(actual.notesWithText == actual.notesDrawn);
}

TEST_CASE("tally mode: the facilitator counts paper dots by clicking, right-click takes one back", "[board]") {
    BoardHarness h;
    Id team = h.teamNumber(11);
    h.showTeam(team);
    h.session().queue(OpenVoteRound{{}, team, 3, {}, VoteMode::Tally});
    h.frames(2);
    const VoteRound* round = h.state().currentVoteRound(team);
    REQUIRE(round);
    Id roundId = round->id;
    const Note* note = h.state().notesOfTeam(team).front();
    Id noteId = note->id;
    h.canvas().setTallying(true);
    ImVec2 at = h.screen(centre(*note));
    h.click(at);
    h.click(at);
    h.click(at);
    CHECK(h.state().votesFor(roundId, noteId, Id{}) == 3);
    h.click(at, false, 1);
    CHECK(h.state().votesFor(roundId, noteId, Id{}) == 2);
    // Members' clicks are refused in tally mode, with the rule in the message.
    h.session().queue(CastVote{roundId, h.state().membersOfTeam(team).front()->id, noteId, Id{}, 1});
    h.frames(2);
    CHECK(h.toastContains("décompte"));
    CHECK(h.state().votesFor(roundId, noteId, Id{}) == 2);
}

// Not a pass/fail test: `board_tests "[.bench]"` prints the CPU time of one headless board frame.
TEST_CASE("board frame cost", "[.bench]") {
    BoardHarness h;
    const FontSet& fonts = h.app().fonts().set();
    for (int count : {2000, 20000}) {
        EventState state;
        Team team;
        team.id = Id{1};
        state.teams.emplace(team.id, team);
        int columns = count == 2000 ? 50 : 150;
        for (int i = 0; i < count; ++i) {
            Note n;
            n.id = Id{i + 100};
            n.teamId = team.id;
            n.text = "Idée numéro " + std::to_string(i) + " pour l’accueil des usagers en mairie";
            n.x = (i % columns) * 180.0;
            n.y = (i / columns) * 140.0;
            n.z = i;
            state.notes.emplace(n.id, n);
        }
        board::BoardLayout layout;
        board::Camera camera;
        ImGui::GetIO().DisplaySize = ImVec2(1920, 1080);
        for (bool fit : {true, false}) {
            std::vector<double> times;
            for (int run = 0; run < 41; ++run) {
                auto t0 = std::chrono::steady_clock::now();
                ImGui::NewFrame();
                ImGui::SetNextWindowPos(ImVec2(0, 0));
                ImGui::SetNextWindowSize(ImVec2(1920, 1080));
                ImGui::Begin("##bench", nullptr, ImGuiWindowFlags_NoDecoration);
                layout.update(state, team.id, fonts.regular);
                camera.setViewport(ImVec2(0, 0), ImVec2(1920, 1080));
                if (fit) camera.fit(layout.bounds(), 20.0f);
                else camera.set(ImVec2(2000, 1000), 1.0f);
                board::DrawOptions options;
                options.fonts = &fonts;
                board::drawBoard(ImGui::GetWindowDrawList(), layout, camera, options);
                ImGui::End();
                ImGui::Render();
                if (run > 0) times.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count());
            }
            std::sort(times.begin(), times.end());
            std::printf("board frame, %d notes, %s: median %.3f ms\n", count, fit ? "fit" : "1:1", times[times.size() / 2]);
        }
    }
}


TEST_CASE("the board's layer is drawn again only when what it shows changes: not while panning within its margin, nor for the hover", "[board][layer]") {
    struct LayersOn { // as the OpenGL frame loop does; headless frames draw without layers otherwise
        LayersOn() { enableFrameLayers(true); }
        ~LayersOn() { enableFrameLayers(false); }
    } layersOn;
    BoardHarness h;
    Id team = h.teamNumber(1);
    h.showTeam(team);
    std::vector<const Note*> notes = h.state().notesOfTeam(team);
    REQUIRE(notes.size() >= 2);
    const Note& note = *notes.front();
    const Id noteId = note.id;
    board::BoardCanvas& canvas = h.canvas();
    canvas.showAt(ImVec2(float(note.x) - 100, float(note.y) - 100), 1.0f);
    h.frames(2);
    auto layer = [] {
        REQUIRE(frameLayer());
        return *frameLayer();
    };
    CHECK(layer().size.x == canvas.camera().size().x + 2 * board::BoardLayer::kMargin);
    h.frame();
    CHECK_FALSE(layer().changed);
    const ImVec2 at = layer().imageAt;
    auto covers = [&](const FrameLayer& l) { // the image holds the whole view
        const board::Camera& c = canvas.camera();
        return l.imageAt.x <= c.origin().x && l.imageAt.y <= c.origin().y && l.imageAt.x + l.size.x >= c.origin().x + c.size().x &&
               l.imageAt.y + l.size.y >= c.origin().y + c.size().y;
    };
    CHECK(covers(layer()));

    canvas.camera().panBy(ImVec2(100, -60)); // within the margin: the same image, shown moved
    h.frame();
    CHECK_FALSE(layer().changed);
    CHECK(layer().imageAt.x == at.x + 100);
    CHECK(layer().imageAt.y == at.y - 60);
    CHECK(covers(layer()));

    h.moveTo(h.screen(centre(note))); // hovered: its outline is drawn live, over the image
    CHECK(canvas.layout().note(noteId));
    CHECK_FALSE(layer().changed);

    canvas.camera().panBy(ImVec2(2 * board::BoardLayer::kMargin + 1, 0)); // past the margin: drawn again
    h.frame();
    CHECK(layer().changed);
    CHECK(covers(layer()));
    h.frame();
    CHECK_FALSE(layer().changed);

    canvas.camera().zoomAt(ImVec2(800, 500), 0.8f);
    h.frame();
    CHECK(layer().changed);
    h.frame();
    CHECK_FALSE(layer().changed);

    h.session().queue(RecolourNotes{{noteId}, "#9AD0F5"}); // an edit shows at once
    h.frames(2);
    REQUIRE(h.state().find<Note>(noteId)->colour == "#9AD0F5");
    bool redrawn = false;
    h.session().queue(RecolourNotes{{noteId}, "#FFE066"});
    for (int i = 0; i < 2; ++i) {
        h.frame();
        redrawn = redrawn || layer().changed;
    }
    CHECK(redrawn);
    h.frame();
    CHECK_FALSE(layer().changed);
}

} // namespace atelier::test
