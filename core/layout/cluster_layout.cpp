#include "layout/cluster_layout.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <tuple>
#include <unordered_map>
#include <unordered_set>

namespace atelier::layout {

void Box::add(const Box& o) {
    if (o.empty()) return;
    if (empty()) {
        *this = o;
        return;
    }
    x0 = std::min(x0, o.x0);
    y0 = std::min(y0, o.y0);
    x1 = std::max(x1, o.x1);
    y1 = std::max(y1, o.y1);
}

Box clusterFrame(double x, double y, const Box& members) {
    Box frame{x, y, x + kClusterMinWidth, y + kClusterHeader + kClusterMinBody};
    // Notes sit below the title band: the frame grows around them on every side.
    if (!members.empty())
        frame.add({members.x0 - kClusterPadding, members.y0 - kClusterHeader, members.x1 + kClusterPadding,
                   members.y1 + kClusterPadding});
    return frame;
}

Board Board::ofTeam(const EventState& state, Id team) {
    Board board;
    for (const Cluster* c : state.clustersOfTeam(team)) board.clusters.push_back({c->id, c->x, c->y});
    for (const Note* n : state.notesOfTeam(team)) board.notes.push_back({n->id, n->clusterId, n->x, n->y, n->width, n->height});
    // A note naming a cluster of no board here is loose as far as frames go.
    for (PlacedNote& n : board.notes)
        if (n.cluster && !board.cluster(n.cluster)) n.cluster = Id{};
    return board;
}

PlacedNote* Board::note(Id id) {
    for (PlacedNote& n : notes)
        if (n.id == id) return &n;
    return nullptr;
}
const PlacedNote* Board::note(Id id) const { return const_cast<Board*>(this)->note(id); }

PlacedCluster* Board::cluster(Id id) {
    for (PlacedCluster& c : clusters)
        if (c.id == id) return &c;
    return nullptr;
}

Box Board::frame(Id id) const {
    const PlacedCluster* c = const_cast<Board*>(this)->cluster(id);
    if (!c) return {};
    Box members;
    for (const PlacedNote& n : notes)
        if (n.cluster == id) members.add(n.box());
    return clusterFrame(c->x, c->y, members);
}

namespace {

bool contains(const std::vector<Id>& ids, Id id) { return std::find(ids.begin(), ids.end(), id) != ids.end(); }

Box boxAt(double x, double y, double w, double h) { return {x, y, x + w, y + h}; }

bool overlapsAny(const Box& b, const std::vector<Box>& others) {
    for (const Box& o : others)
        if (b.overlaps(o)) return true;
    return false;
}

double distance2(double ax, double ay, double bx, double by) { return (ax - bx) * (ax - bx) + (ay - by) * (ay - by); }

// The place nearest (x, y) where a w x h box overlaps none of `taken`: beside one of them, in
// line with the wanted place, or in their corners. Right of them all is always free.
std::pair<double, double> nearestFree(double x, double y, double w, double h, const std::vector<Box>& taken, double gap) {
    if (!overlapsAny(boxAt(x, y, w, h), taken)) return {x, y};
    std::vector<double> xs{x}, ys{y};
    double right = -std::numeric_limits<double>::infinity();
    for (const Box& t : taken) {
        xs.push_back(t.x1 + gap);
        xs.push_back(t.x0 - gap - w);
        xs.push_back(t.x0);
        ys.push_back(t.y1 + gap);
        ys.push_back(t.y0 - gap - h);
        ys.push_back(t.y0);
        right = std::max(right, t.x1);
    }
    std::pair<double, double> best{right + gap, y};
    double bestCost = distance2(x, y, best.first, best.second);
    auto consider = [&](double cx, double cy) {
        double cost = distance2(x, y, cx, cy);
        if (cost < bestCost && !overlapsAny(boxAt(cx, cy, w, h), taken)) {
            best = {cx, cy};
            bestCost = cost;
        }
    };
    // Every pair of candidate coordinates while that stays cheap; in line with the wanted
    // place only on a crowded cluster.
    if (xs.size() * ys.size() * taken.size() <= 2'000'000) {
        for (double cx : xs)
            for (double cy : ys) consider(cx, cy);
    } else {
        for (double cx : xs) consider(cx, y);
        for (double cy : ys) consider(x, cy);
    }
    return best;
}

// Rule 1: within each cluster, kept notes first, then the others where they are unless they
// land on one already placed, then the notes just put down, each at the nearest free place.
void layOutMembers(Board& board, const Focus& focus) {
    std::unordered_map<Id, std::vector<std::size_t>> members;
    for (std::size_t i = 0; i < board.notes.size(); ++i)
        if (board.notes[i].cluster) members[board.notes[i].cluster].push_back(i);
    for (const PlacedCluster& c : board.clusters) {
        auto it = members.find(c.id);
        if (it == members.end()) continue;
        std::vector<std::size_t>& order = it->second;
        auto rank = [&](std::size_t i) {
            Id id = board.notes[i].id;
            return contains(focus.kept, id) ? 0 : contains(focus.placed, id) ? 2 : 1;
        };
        std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
            int ra = rank(a), rb = rank(b);
            if (ra != rb) return ra < rb;
            const PlacedNote &na = board.notes[a], &nb = board.notes[b];
            if (ra == 1 && na.y != nb.y) return na.y < nb.y; // untouched: reading order
            if (ra == 1 && na.x != nb.x) return na.x < nb.x;
            return false;
        });
        std::vector<Box> taken;
        for (std::size_t i : order) {
            PlacedNote& n = board.notes[i];
            if (rank(i) != 0) std::tie(n.x, n.y) = nearestFree(n.x, n.y, n.width, n.height, taken, kNoteGap);
            taken.push_back(n.box());
        }
    }
}

void moveCluster(Board& board, Id id, double dx, double dy) {
    PlacedCluster* c = board.cluster(id);
    c->x += dx;
    c->y += dy;
    for (PlacedNote& n : board.notes)
        if (n.cluster == id) {
            n.x += dx;
            n.y += dy;
        }
}

// Rule 2: the fixed cluster stays; every other one, in reading order, stays unless its frame
// reaches one already settled, and then moves by the shortest way out of all of them.
void separateFrames(Board& board, Id fixed) {
    std::vector<Id> order;
    if (fixed && board.cluster(fixed)) order.push_back(fixed);
    std::vector<std::pair<Box, Id>> others;
    for (const PlacedCluster& c : board.clusters)
        if (c.id != fixed) others.push_back({board.frame(c.id), c.id});
    std::stable_sort(others.begin(), others.end(), [](const auto& a, const auto& b) {
        return a.first.y0 != b.first.y0 ? a.first.y0 < b.first.y0 : a.first.x0 < b.first.x0;
    });
    for (const auto& o : others) order.push_back(o.second);
    std::vector<Box> settled;
    for (Id id : order) {
        Box f = board.frame(id);
        auto [x, y] = nearestFree(f.x0, f.y0, f.x1 - f.x0, f.y1 - f.y0, settled, kFrameGap);
        if (x != f.x0 || y != f.y0) moveCluster(board, id, x - f.x0, y - f.y0);
        settled.push_back(board.frame(id));
    }
}

// Rule 3: a loose note under a frame goes just outside it, nearest first, preferably where no
// other note lies.
void clearFrames(Board& board) {
    std::vector<Box> frames;
    for (const PlacedCluster& c : board.clusters) frames.push_back(board.frame(c.id));
    if (frames.empty()) return;
    for (PlacedNote& n : board.notes) {
        if (n.cluster || !overlapsAny(n.box(), frames)) continue;
        // Everything but this note counts as taken when looking for a clear place; the frames
        // alone when there is none nearby.
        std::vector<Box> taken = frames;
        for (const PlacedNote& o : board.notes)
            if (o.id != n.id && !o.cluster) taken.push_back(o.box());
        auto clear = nearestFree(n.x, n.y, n.width, n.height, taken, kFrameGap);
        auto justFrames = nearestFree(n.x, n.y, n.width, n.height, frames, kFrameGap);
        double far = 4 * std::max(n.width, n.height);
        bool clearIsNear = distance2(n.x, n.y, clear.first, clear.second) <=
                           distance2(n.x, n.y, justFrames.first, justFrames.second) + far * far;
        std::tie(n.x, n.y) = clearIsNear ? clear : justFrames;
    }
}

} // namespace

void settle(Board& board, const Focus& focus) {
    layOutMembers(board, focus);
    separateFrames(board, focus.fixedCluster);
    clearFrames(board);
}

bool notesOfAClusterOverlap(const Board& board) {
    for (std::size_t i = 0; i < board.notes.size(); ++i)
        for (std::size_t j = i + 1; j < board.notes.size(); ++j) {
            const PlacedNote &a = board.notes[i], &b = board.notes[j];
            if (a.cluster && a.cluster == b.cluster && a.box().overlaps(b.box())) return true;
        }
    return false;
}

bool aFrameCoversAForeignNote(const Board& board) {
    for (const PlacedCluster& c : board.clusters) {
        Box f = board.frame(c.id);
        for (const PlacedNote& n : board.notes)
            if (n.cluster != c.id && f.overlaps(n.box())) return true;
    }
    return false;
}

bool framesOverlap(const Board& board) {
    for (std::size_t i = 0; i < board.clusters.size(); ++i)
        for (std::size_t j = i + 1; j < board.clusters.size(); ++j)
            if (board.frame(board.clusters[i].id).overlaps(board.frame(board.clusters[j].id))) return true;
    return false;
}

bool changesLayout(const Action& gesture) {
    if (const EditNote* e = std::get_if<EditNote>(&gesture)) return e->width || e->height;
    return std::holds_alternative<MoveNotes>(gesture) || std::holds_alternative<AddNote>(gesture) ||
           std::holds_alternative<AddCluster>(gesture) || std::holds_alternative<MoveCluster>(gesture);
}

namespace {

// The gesture's own effect on the board, and what it focuses on; false when the gesture is
// not one the engine would accept as it stands (it is then left for the engine to refuse).
struct Planned {
    Board board;
    Focus focus;
};

bool plan(const EventState& state, Action& gesture, Planned& out) {
    auto teamOfNote = [&](Id id) {
        const Note* n = state.find<Note>(id);
        return n ? n->teamId : Id{};
    };
    if (auto* m = std::get_if<MoveNotes>(&gesture)) {
        if (m->moves.empty()) return false;
        Id team = teamOfNote(m->moves.front().note);
        if (!team) return false;
        out.board = Board::ofTeam(state, team);
        if (m->cluster && *m->cluster && !out.board.cluster(*m->cluster)) return false;
        for (const NoteMove& move : m->moves) {
            PlacedNote* n = out.board.note(move.note);
            if (!n || contains(out.focus.placed, move.note)) return false;
            n->x = move.x;
            n->y = move.y;
            if (m->cluster) n->cluster = *m->cluster;
            out.focus.placed.push_back(move.note);
        }
        out.focus.fixedCluster = out.board.note(m->moves.front().note)->cluster;
        return true;
    }
    if (auto* a = std::get_if<AddNote>(&gesture)) {
        if (!state.find<Team>(a->team)) return false;
        if (!a->id) a->id = newId(); // known now, so the batch can move it
        out.board = Board::ofTeam(state, a->team);
        if (a->cluster && !out.board.cluster(a->cluster)) return false;
        PlacedNote n{a->id, a->cluster, a->x, a->y};
        if (a->width) n.width = *a->width;
        if (a->height) n.height = *a->height;
        out.board.notes.push_back(n);
        out.focus.placed.push_back(a->id);
        out.focus.fixedCluster = a->cluster;
        return true;
    }
    if (auto* a = std::get_if<AddCluster>(&gesture)) {
        if (!state.find<Team>(a->team)) return false;
        if (!a->id) a->id = newId();
        out.board = Board::ofTeam(state, a->team);
        out.board.clusters.push_back({a->id, a->x, a->y});
        for (Id id : a->notes) {
            PlacedNote* n = out.board.note(id);
            if (!n) return false;
            n->cluster = a->id;
        }
        out.focus.fixedCluster = a->id;
        return true;
    }
    if (auto* a = std::get_if<MoveCluster>(&gesture)) {
        const Cluster* c = state.find<Cluster>(a->cluster);
        if (!c) return false;
        out.board = Board::ofTeam(state, c->teamId);
        moveCluster(out.board, a->cluster, a->x - c->x, a->y - c->y);
        out.focus.fixedCluster = a->cluster;
        return true;
    }
    if (auto* e = std::get_if<EditNote>(&gesture)) {
        Id team = teamOfNote(e->note);
        if (!team) return false;
        out.board = Board::ofTeam(state, team);
        PlacedNote* n = out.board.note(e->note);
        if (!n) return false;
        if (e->width) n->width = *e->width;
        if (e->height) n->height = *e->height;
        out.focus.kept.push_back(e->note);
        out.focus.fixedCluster = n->cluster;
        return true;
    }
    return false;
}

} // namespace

std::vector<Action> withLayout(const EventState& state, Action gesture) {
    Planned p;
    if (!changesLayout(gesture) || !plan(state, gesture, p)) return {gesture};
    Board before = p.board; // what the gesture alone would leave
    settle(p.board, p.focus);
    const Board& after = p.board;

    // The gesture's own notes go straight to their laid-out places.
    auto placeOwn = [&](Id id, double& x, double& y) {
        if (const PlacedNote* n = after.note(id)) {
            x = n->x;
            y = n->y;
            PlacedNote* b = before.note(id);
            b->x = n->x;
            b->y = n->y;
        }
    };
    if (auto* m = std::get_if<MoveNotes>(&gesture))
        for (NoteMove& move : m->moves) placeOwn(move.note, move.x, move.y);
    if (auto* a = std::get_if<AddNote>(&gesture)) placeOwn(a->id, a->x, a->y);

    std::vector<Action> batch{gesture};
    // Clusters pushed away, with their notes (MoveCluster carries them) ...
    for (const PlacedCluster& c : after.clusters) {
        PlacedCluster* b = before.cluster(c.id);
        if (b && (b->x != c.x || b->y != c.y)) {
            batch.push_back(MoveCluster{c.id, c.x, c.y});
            moveCluster(before, c.id, c.x - b->x, c.y - b->y);
        }
    }
    // ... then every note that is still not where the layout put it.
    MoveNotes rest;
    for (const PlacedNote& n : after.notes) {
        const PlacedNote* b = before.note(n.id);
        if (b && (b->x != n.x || b->y != n.y)) rest.moves.push_back({n.id, n.x, n.y});
    }
    if (!rest.moves.empty()) batch.push_back(std::move(rest));
    return batch;
}

ActionResult applyWithLayout(Engine& engine, const Action& gesture) {
    std::vector<Action> batch = withLayout(engine.state(), gesture);
    if (batch.size() == 1) return engine.apply(batch.front());
    return engine.applyBatch(batch, engine.describe(gesture));
}

} // namespace atelier::layout
