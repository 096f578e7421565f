// Event details, agenda slots and défis.
#include "actions/action_apply.hpp"
#include "model/typed_time.hpp"

namespace atelier {

namespace {

// A slot's times come as people type them (« 14h », « 14h30 », « 14:30 ») and are stored as HH:MM;
// the messages speak of the slot's day, start and end as the programme shows them.
void normaliseAndCheckSlot(Slot& s, const EventState& state) {
    if (auto day = parseDay(s.day)) s.day = *day;
    else
        throw ValidationError(trf("Le jour du créneau « {} » n'est pas une date : choisissez un jour de l'événement (par exemple 2026-07-07).",
                                  "The slot's day \"{}\" is not a date: choose a day of the event (for example 2026-07-07).", s.day));
    auto time = [](std::string& value, const char* fr, const char* en) {
        if (auto parsed = parseTimeOfDay(value)) {
            value = *parsed;
            return;
        }
        if (value.empty() || value.find_first_not_of(' ') == std::string::npos)
            throw ValidationError(trf("Indiquez l'heure de {} du créneau (par exemple 14h, 14h30 ou 14:30).",
                                      "Give the slot's {} time (for example 14:00, 14h30 or 14:30).", tr(fr, en)));
        throw ValidationError(trf("« {} » n'est pas une heure de {} : écrivez par exemple 14h, 14h30 ou 14:30.",
                                  "\"{}\" is not a {} time: write for example 14:00, 14h30 or 14:30.", value, tr(fr, en)));
    };
    time(s.start, "début", "start");
    time(s.end, "fin", "end");
    if (s.end < s.start)
        throw ValidationError(trf("Le créneau finit à {} avant de commencer à {} : mettez une fin après le début.",
                                  "The slot ends at {} before it starts at {}: put the end after the start.", s.end, s.start));
    if (s.title.find_first_not_of(" \t\r\n") == std::string::npos)
        throw ValidationError(tr("Donnez un titre au créneau (par exemple « Atelier : diverger »).",
                                 "Give the slot a title (for example \"Workshop: diverge\")."));
    // Then the one set of rules every way in goes through (lengths, the site).
    rules::enforce(rules::checkRow(s, state));
}

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
    normaliseAndCheckSlot(slot, ctx.state());
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
    normaliseAndCheckSlot(slot, ctx.state());
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
