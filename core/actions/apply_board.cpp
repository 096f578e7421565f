// Sticky notes, clusters and private writing on a team's board.
#include "actions/action_apply.hpp"
#include "storage/disk_messages.hpp"

#include <SQLiteCpp/Exception.h>

#include <algorithm>
#include <set>

namespace atelier {

namespace {

constexpr const char* kDefaultNoteColour = "#FFE066";
constexpr const char* kDefaultClusterColour = "#D9E2EC";

// One seek in the note_team_z index: scanning the state's notes cost milliseconds per action on
// a 50,000-note event. Read inside the action's transaction, so it sees earlier actions of a batch.
std::int64_t topZ(ActionContext& ctx, Id teamId) {
    SQLite::Statement& st = ctx.store().statement("SELECT max(z) FROM note WHERE team_id = ?");
    st.bind(1, teamId.value);
    std::int64_t z = 0;
    if (st.executeStep() && !st.getColumn(0).isNull()) z = std::max<std::int64_t>(0, st.getColumn(0).getInt64());
    st.reset(); // a cached statement left on a row would hold its read open
    return z;
}

// A move writes only what moved: put() would rewrite every column, and with them every index of
// the note table, where the plain UPDATE a move needs touches one (note_team_z). The undo record
// is the same: a changeset holds only the columns whose values changed.
void writeMove(ActionContext& ctx, const Note& note) {
    try {
        SQLite::Statement& st = ctx.store().statement("UPDATE note SET x = ?, y = ?, z = ?, cluster_id = ? WHERE id = ?");
        st.bind(1, note.x);
        st.bind(2, note.y);
        st.bind(3, note.z);
        if (note.clusterId) st.bind(4, note.clusterId.value);
        else st.bind(4);
        st.bind(5, note.id.value);
        st.exec();
    } catch (const SQLite::Exception& e) {
        if (auto problem = diskProblemOf(e.getExtendedErrorCode(), {}))
            throw StorageError(diskMessage(*problem, {}, e.what(), Unsaved::Change));
        throw StorageError(trf("Erreur de la base ({}) : la modification n'a pas été enregistrée.",
                               "Database error ({}): the change was not saved.", e.what()));
    }
}

const Note& requireNote(const ActionContext& ctx, Id id) { return ctx.require<Note>(id, "Post-it", "Note"); }

// All the notes of a gesture: they exist, appear once, and sit on one board.
std::vector<Note> requireNotesOfOneBoard(const ActionContext& ctx, const std::vector<Id>& ids) {
    if (ids.empty()) throw ValidationError(tr("Aucun post-it choisi.", "No note chosen."));
    std::set<Id> seen;
    std::vector<Note> notes;
    for (Id id : ids) {
        if (!seen.insert(id).second)
            throw ValidationError(trf("Le post-it {} est cité deux fois.", "Note {} is listed twice.", id.str()));
        notes.push_back(requireNote(ctx, id));
        if (notes.back().teamId != notes.front().teamId)
            throw ValidationError(tr("Ces post-its sont sur les murs de plusieurs équipes.", "These notes are on several teams' boards."));
    }
    return notes;
}

void requireClusterOfTeam(const ActionContext& ctx, Id clusterId, Id teamId) {
    const Cluster& c = ctx.require<Cluster>(clusterId, "Regroupement", "Cluster");
    if (c.teamId != teamId)
        throw ValidationError(tr("Ce regroupement est sur le mur d'une autre équipe.", "This cluster is on another team's board."));
}

std::string notesCount(std::size_t n) {
    return n == 1 ? std::string(tr("1 post-it", "1 note")) : trf("{} post-its", "{} notes", n);
}

} // namespace

void run(const AddNote& a, ActionContext& ctx) {
    const Team& team = ctx.require<Team>(a.team, "Équipe", "Team");
    Note note;
    note.id = ctx.newRowId<Note>(a.id);
    note.teamId = team.id;
    note.text = a.text;
    note.colour = a.colour.empty() ? kDefaultNoteColour : a.colour;
    note.x = a.x;
    note.y = a.y;
    if (a.width) note.width = *a.width;
    if (a.height) note.height = *a.height;
    note.z = topZ(ctx, team.id) + 1;
    note.authorId = a.author;
    note.phase = team.phase;
    note.clusterId = a.cluster;
    note.hidden = team.privateWriting;
    note.createdAt = ctx.now();
    if (note.authorId) ctx.require<Member>(note.authorId, "Membre", "Member");
    if (note.clusterId) ctx.require<Cluster>(note.clusterId, "Regroupement", "Cluster");
    rules::enforce(rules::checkRow(note, ctx.state()));
    ctx.put(note);
}
std::string describe(const AddNote&, const EventState&) { return std::string(tr("Ajouter un post-it", "Add a note")); }

void run(const EditNote& a, ActionContext& ctx) {
    Note note = requireNote(ctx, a.note);
    if (a.text) note.text = *a.text;
    if (a.author) note.authorId = *a.author;
    if (a.width) note.width = *a.width;
    if (a.height) note.height = *a.height;
    if (note.authorId) ctx.require<Member>(note.authorId, "Membre", "Member");
    rules::enforce(rules::checkRow(note, ctx.state()));
    ctx.put(note);
}
std::string describe(const EditNote& a, const EventState&) {
    return a.text ? std::string(tr("Modifier le texte d'un post-it", "Edit a note's text")) : std::string(tr("Modifier un post-it", "Edit a note"));
}

void run(const MoveNotes& a, ActionContext& ctx) {
    std::vector<Id> ids;
    for (const auto& m : a.moves) ids.push_back(m.note);
    std::vector<Note> notes = requireNotesOfOneBoard(ctx, ids);
    Id teamId = notes.front().teamId;
    if (a.cluster && *a.cluster) requireClusterOfTeam(ctx, *a.cluster, teamId);
    std::int64_t z = topZ(ctx, teamId);
    for (std::size_t i = 0; i < notes.size(); ++i) {
        check::coordinate(a.moves[i].x, "x");
        check::coordinate(a.moves[i].y, "y");
        notes[i].x = a.moves[i].x;
        notes[i].y = a.moves[i].y;
        notes[i].z = ++z; // a moved note comes to the top
        if (a.cluster) notes[i].clusterId = *a.cluster;
        writeMove(ctx, notes[i]);
    }
}
std::string describe(const MoveNotes& a, const EventState& s) {
    if (a.cluster && *a.cluster) {
        const Cluster* c = s.find<Cluster>(*a.cluster);
        return trf("Mettre {} dans « {} »", "Put {} into \"{}\"", notesCount(a.moves.size()), c ? c->title : a.cluster->str());
    }
    if (a.cluster) return trf("Sortir {} du regroupement", "Take {} out of the cluster", notesCount(a.moves.size()));
    return trf("Déplacer {}", "Move {}", notesCount(a.moves.size()));
}

void run(const RecolourNotes& a, ActionContext& ctx) {
    check::colour(a.colour, "colour");
    for (Note note : requireNotesOfOneBoard(ctx, a.notes)) {
        note.colour = a.colour;
        ctx.put(note);
    }
}
std::string describe(const RecolourNotes& a, const EventState&) {
    return trf("Changer la couleur de {}", "Recolour {}", notesCount(a.notes.size()));
}

void run(const DeleteNotes& a, ActionContext& ctx) {
    // Their votes go with them (given back to the members); undo restores both.
    for (const Note& note : requireNotesOfOneBoard(ctx, a.notes)) ctx.erase<Note>(note.id);
}
std::string describe(const DeleteNotes& a, const EventState&) {
    return trf("Supprimer {}", "Delete {}", notesCount(a.notes.size()));
}

void run(const AddCluster& a, ActionContext& ctx) {
    const Team& team = ctx.require<Team>(a.team, "Équipe", "Team");
    Cluster c{ctx.newRowId<Cluster>(a.id), team.id, a.title, a.colour.empty() ? kDefaultClusterColour : a.colour, a.x, a.y};
    rules::enforce(rules::checkRow(c, ctx.state()));
    ctx.put(c);
    if (!a.notes.empty()) {
        for (Note note : requireNotesOfOneBoard(ctx, a.notes)) {
            if (note.teamId != team.id)
                throw ValidationError(tr("Ces post-its sont sur le mur d'une autre équipe.", "These notes are on another team's board."));
            note.clusterId = c.id;
            ctx.put(note);
        }
    }
}
std::string describe(const AddCluster& a, const EventState&) {
    return trf("Créer le regroupement « {} »", "Create the cluster \"{}\"", a.title);
}

void run(const EditCluster& a, ActionContext& ctx) {
    Cluster c = ctx.require<Cluster>(a.cluster, "Regroupement", "Cluster");
    if (a.title) c.title = *a.title;
    if (a.colour) c.colour = *a.colour;
    rules::enforce(rules::checkRow(c, ctx.state()));
    ctx.put(c);
}
std::string describe(const EditCluster& a, const EventState& s) {
    const Cluster* c = s.find<Cluster>(a.cluster);
    if (a.title && !a.colour) return trf("Renommer « {} » en « {} »", "Rename \"{}\" to \"{}\"", c ? c->title : "", *a.title);
    return trf("Modifier le regroupement « {} »", "Edit the cluster \"{}\"", c ? c->title : a.cluster.str());
}

void run(const MoveCluster& a, ActionContext& ctx) {
    Cluster c = ctx.require<Cluster>(a.cluster, "Regroupement", "Cluster");
    check::coordinate(a.x, "x");
    check::coordinate(a.y, "y");
    double dx = a.x - c.x, dy = a.y - c.y;
    c.x = a.x;
    c.y = a.y;
    ctx.put(c);
    for (const auto& [id, note] : ctx.state().notes)
        if (note.clusterId == c.id) {
            Note moved = note;
            moved.x += dx;
            moved.y += dy;
            ctx.put(moved);
        }
}
std::string describe(const MoveCluster& a, const EventState& s) {
    const Cluster* c = s.find<Cluster>(a.cluster);
    return trf("Déplacer le regroupement « {} »", "Move the cluster \"{}\"", c ? c->title : a.cluster.str());
}

void run(const DissolveCluster& a, ActionContext& ctx) {
    ctx.require<Cluster>(a.cluster, "Regroupement", "Cluster");
    // Notes leave it (ON DELETE SET NULL), its votes are given back (ON DELETE CASCADE).
    ctx.erase<Cluster>(a.cluster);
}
std::string describe(const DissolveCluster& a, const EventState& s) {
    const Cluster* c = s.find<Cluster>(a.cluster);
    return trf("Défaire le regroupement « {} »", "Dissolve the cluster \"{}\"", c ? c->title : a.cluster.str());
}

void run(const SetPrivateWriting& a, ActionContext& ctx) {
    Team team = ctx.require<Team>(a.team, "Équipe", "Team");
    team.privateWriting = a.on;
    ctx.put(team);
}
std::string describe(const SetPrivateWriting& a, const EventState&) {
    return a.on ? std::string(tr("Activer l'écriture individuelle", "Turn private writing on"))
                : std::string(tr("Désactiver l'écriture individuelle", "Turn private writing off"));
}

void run(const RevealNotes& a, ActionContext& ctx) {
    Team team = ctx.require<Team>(a.team, "Équipe", "Team");
    if (team.privateWriting) {
        team.privateWriting = false;
        ctx.put(team);
    }
    for (const auto& [id, note] : ctx.state().notes)
        if (note.teamId == team.id && note.hidden) {
            Note shown = note;
            shown.hidden = false;
            ctx.put(shown);
        }
}
std::string describe(const RevealNotes&, const EventState&) { return std::string(tr("Dévoiler les post-its", "Reveal the notes")); }

} // namespace atelier
