// Prototypes, their versions, and visitors' feedback at the exhibition.
#include "actions/action_apply.hpp"

#include <algorithm>
#include <tuple>
#include <vector>

namespace atelier {

namespace {

void checkPrototype(const Prototype& p, const ActionContext& ctx) {
    if (p.basedOnNoteId) ctx.require<Note>(p.basedOnNoteId, "Post-it", "Note");
    if (p.basedOnClusterId) ctx.require<Cluster>(p.basedOnClusterId, "Regroupement", "Cluster");
    rules::enforce(rules::checkRow(p, ctx.state()));
}

const Prototype& requirePrototype(const ActionContext& ctx, Id id) {
    return ctx.require<Prototype>(id, "Prototype", "Prototype");
}

} // namespace

void run(const AddPrototype& a, ActionContext& ctx) {
    const Team& team = ctx.require<Team>(a.team, "Équipe", "Team");
    Prototype p;
    p.id = ctx.newRowId<Prototype>(a.id);
    p.teamId = team.id;
    p.lineageId = p.id;
    p.title = a.title;
    p.description = a.description;
    p.format = a.format;
    p.status = a.status;
    p.learningGoal = a.learningGoal;
    p.basedOnNoteId = a.basedOnNote;
    p.basedOnClusterId = a.basedOnCluster;
    if (!p.basedOnNoteId && !p.basedOnClusterId) { // by default it builds on the piste retenue
        p.basedOnNoteId = team.selectedNoteId;
        p.basedOnClusterId = team.selectedClusterId;
    }
    p.createdAt = ctx.now();
    checkPrototype(p, ctx);
    ctx.put(p);
}
std::string describe(const AddPrototype& a, const EventState&) {
    return trf("Ajouter le prototype « {} »", "Add the prototype \"{}\"", a.title);
}

void run(const EditPrototype& a, ActionContext& ctx) {
    Prototype p = requirePrototype(ctx, a.prototype);
    if (a.title) p.title = *a.title;
    if (a.description) p.description = *a.description;
    if (a.format) p.format = *a.format;
    if (a.status) p.status = *a.status;
    if (a.learningGoal) p.learningGoal = *a.learningGoal;
    checkPrototype(p, ctx);
    ctx.put(p);
}
std::string describe(const EditPrototype& a, const EventState& s) {
    const Prototype* p = s.find<Prototype>(a.prototype);
    return trf("Modifier le prototype « {} »", "Edit the prototype \"{}\"", p ? p->title : a.prototype.str());
}

void run(const AddPrototypeVersion& a, ActionContext& ctx) {
    const Prototype& source = requirePrototype(ctx, a.prototype);
    const Prototype* latest = &source;
    for (const auto& [id, p] : ctx.state().prototypes)
        if (p.lineageId == source.lineageId && p.version > latest->version) latest = &p;
    Prototype next = *latest;
    next.id = ctx.newRowId<Prototype>(a.id);
    next.version = latest->version + 1;
    next.status = PrototypeStatus::Draft;
    next.createdAt = ctx.now();
    if (a.title) next.title = *a.title;
    if (a.description) next.description = *a.description;
    if (a.format) next.format = *a.format;
    if (a.learningGoal) next.learningGoal = *a.learningGoal;
    checkPrototype(next, ctx);
    ctx.put(next);
}
std::string describe(const AddPrototypeVersion& a, const EventState& s) {
    const Prototype* p = s.find<Prototype>(a.prototype);
    return trf("Nouvelle version de « {} »", "New version of \"{}\"", p ? p->title : a.prototype.str());
}

void run(const DeletePrototype& a, ActionContext& ctx) {
    const Prototype deleted = requirePrototype(ctx, a.prototype);
    // The first version gone, the next one left heads the lineage: no version may follow a
    // prototype that does not exist (rules::checkRow).
    if (deleted.lineageId == deleted.id) {
        std::vector<Prototype> rest;
        for (const auto& [id, p] : ctx.state().prototypes)
            if (p.lineageId == deleted.id && id != deleted.id) rest.push_back(p);
        std::sort(rest.begin(), rest.end(), [](const Prototype& x, const Prototype& y) { return std::tie(x.version, x.id) < std::tie(y.version, y.id); });
        for (Prototype& p : rest) {
            p.lineageId = rest.front().id;
            ctx.put(p);
        }
    }
    ctx.erase<Prototype>(a.prototype); // photos and feedback go with it; undo restores them
}
std::string describe(const DeletePrototype& a, const EventState& s) {
    const Prototype* p = s.find<Prototype>(a.prototype);
    return trf("Supprimer le prototype « {} »", "Delete the prototype \"{}\"", p ? p->title : a.prototype.str());
}

void run(const AddFeedback& a, ActionContext& ctx) {
    requirePrototype(ctx, a.prototype);
    Feedback feedback{Id{}, a.prototype, a.kind, a.text, a.rating, a.visitor, ctx.now()};
    rules::enforce(rules::checkRow(feedback, ctx.state()));
    feedback.id = ctx.newRowId<Feedback>(a.id);
    ctx.put(feedback);
}
std::string describe(const AddFeedback&, const EventState&) { return std::string(tr("Laisser un retour", "Leave feedback")); }

} // namespace atelier
