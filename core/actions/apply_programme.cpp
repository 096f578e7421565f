// Event details, agenda slots and défis.
#include "actions/action_apply.hpp"

namespace atelier {

namespace {

void checkSlot(const Slot& s, const EventState& state) { rules::enforce(rules::checkRow(s, state)); }

void checkChallenge(const Challenge& c, const EventState& state) {
    rules::enforce(rules::checkRow(c, state));
    rules::enforce(rules::checkChallengeNumberFree(c, state));
}

template <typename T> void assignIf(T& target, const std::optional<T>& value) {
    if (value) target = *value;
}

} // namespace

void run(const EditEvent& a, ActionContext& ctx) {
    EventInfo event = ctx.state().event;
    assignIf(event.name, a.name);
    assignIf(event.organiser, a.organiser);
    assignIf(event.place, a.place);
    assignIf(event.firstDay, a.firstDay);
    assignIf(event.lastDay, a.lastDay);
    assignIf(event.timeZone, a.timeZone);
    validateEventInfo(event);
    ctx.put(event);
}
std::string describe(const EditEvent&, const EventState&) {
    return std::string(tr("Modifier l'événement", "Edit the event"));
}

void run(const AddSlot& a, ActionContext& ctx) {
    Slot slot{ctx.newRowId<Slot>(a.id), a.day, a.start, a.end, a.title, a.kind, a.room, Id{}};
    checkSlot(slot, ctx.state());
    ctx.put(slot);
}
std::string describe(const AddSlot& a, const EventState&) {
    return trf("Ajouter le créneau « {} »", "Add the slot \"{}\"", a.title);
}

void run(const EditSlot& a, ActionContext& ctx) {
    Slot slot = ctx.require<Slot>(a.slot, "Créneau", "Slot");
    assignIf(slot.day, a.day);
    assignIf(slot.start, a.start);
    assignIf(slot.end, a.end);
    assignIf(slot.title, a.title);
    assignIf(slot.kind, a.kind);
    assignIf(slot.room, a.room);
    checkSlot(slot, ctx.state());
    ctx.put(slot);
}
std::string describe(const EditSlot& a, const EventState& s) {
    const Slot* slot = s.find<Slot>(a.slot);
    return trf("Modifier le créneau « {} »", "Edit the slot \"{}\"", slot ? slot->title : a.slot.str());
}

void run(const DeleteSlot& a, ActionContext& ctx) {
    ctx.require<Slot>(a.slot, "Créneau", "Slot");
    ctx.erase<Slot>(a.slot);
}
std::string describe(const DeleteSlot& a, const EventState& s) {
    const Slot* slot = s.find<Slot>(a.slot);
    return trf("Supprimer le créneau « {} »", "Delete the slot \"{}\"", slot ? slot->title : a.slot.str());
}

void run(const AddChallenge& a, ActionContext& ctx) {
    Challenge c{ctx.newRowId<Challenge>(a.id), a.number, a.question, a.owner, a.territory, a.stakes, a.stakeholders,
                a.obstacles, a.levers, a.theme, a.link, Id{}};
    if (c.number == 0) {
        int highest = 0;
        for (const auto& [id, other] : ctx.state().challenges) highest = std::max(highest, other.number);
        c.number = highest + 1;
    }
    checkChallenge(c, ctx.state());
    ctx.put(c);
}
std::string describe(const AddChallenge& a, const EventState&) {
    return a.number ? trf("Ajouter le défi {}", "Add défi {}", a.number) : std::string(tr("Ajouter un défi", "Add a défi"));
}

void run(const EditChallenge& a, ActionContext& ctx) {
    Challenge c = ctx.require<Challenge>(a.challenge, "Défi", "Défi");
    assignIf(c.number, a.number);
    assignIf(c.question, a.question);
    assignIf(c.owner, a.owner);
    assignIf(c.territory, a.territory);
    assignIf(c.stakes, a.stakes);
    assignIf(c.stakeholders, a.stakeholders);
    assignIf(c.obstacles, a.obstacles);
    assignIf(c.levers, a.levers);
    assignIf(c.theme, a.theme);
    assignIf(c.link, a.link);
    checkChallenge(c, ctx.state());
    ctx.put(c);
}
std::string describe(const EditChallenge& a, const EventState& s) {
    const Challenge* c = s.find<Challenge>(a.challenge);
    return trf("Modifier le défi {}", "Edit défi {}", c ? std::to_string(c->number) : a.challenge.str());
}

void run(const DeleteChallenge& a, ActionContext& ctx) {
    ctx.require<Challenge>(a.challenge, "Défi", "Défi");
    ctx.erase<Challenge>(a.challenge); // teams keep existing, without a défi
}
std::string describe(const DeleteChallenge& a, const EventState& s) {
    const Challenge* c = s.find<Challenge>(a.challenge);
    return trf("Supprimer le défi {}", "Delete défi {}", c ? std::to_string(c->number) : a.challenge.str());
}

} // namespace atelier
