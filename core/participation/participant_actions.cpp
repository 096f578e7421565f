#include "participation/participant_actions.hpp"
#include "participation/note_placement.hpp"
#include "participation/participant_view.hpp"
#include "participation/stand_codes.hpp"

#include "model/errors.hpp"
#include "model/language.hpp"
#include "rules/text_rules.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <set>
#include <string_view>

namespace atelier::participation {

using nlohmann::json;

namespace {

struct RequestKind {
    std::string_view name;
    std::vector<std::string_view> fields; // besides "do"
};

const std::vector<RequestKind>& requestKinds() {
    static const std::vector<RequestKind> kinds{
        {"join", {"team"}},
        {"pick_member", {"member", "confirm"}},
        {"add_self", {"client_id", "name"}},
        {"add_note", {"client_id", "text", "colour"}},
        {"edit_note", {"note", "text"}},
        {"delete_note", {"note"}},
        {"cast_vote", {"note", "cluster", "count"}},
        {"withdraw_vote", {"note", "cluster", "count"}},
        {"feedback", {"stand", "client_id", "kind", "text", "rating", "visitor"}},
    };
    return kinds;
}

const RequestKind& requireKind(const json& request) {
    if (!request.is_object())
        throw ValidationError(tr("Demande illisible : un objet JSON est attendu.", "Unreadable request: a JSON object is expected."));
    auto what = request.find("do");
    if (what == request.end() || !what->is_string())
        throw ValidationError(tr("Demande illisible : le champ « do » manque.", "Unreadable request: the field \"do\" is missing."));
    const std::string name = what->get<std::string>();
    for (const RequestKind& kind : requestKinds())
        if (kind.name == name) {
            for (const auto& [key, value] : request.items())
                if (key != "do" && std::find(kind.fields.begin(), kind.fields.end(), key) == kind.fields.end())
                    throw ValidationError(trf("Champ « {} » inconnu pour « {} » : rien n’a été enregistré.",
                                              "Unknown field \"{}\" for \"{}\": nothing was saved.", key, name));
            return kind;
        }
    throw ValidationError(trf("« {} » n’est pas permis depuis un téléphone : seuls rejoindre une équipe, ses post-its, "
                              "ses gommettes et les retours d’exposition le sont.",
                              "\"{}\" is not allowed from a phone: only joining a team, one's own notes, one's own dots "
                              "and exhibition feedback are.",
                              rules::shorten(name, 60)));
}

std::string text(const json& request, const char* field, bool required) {
    auto it = request.find(field);
    if (it == request.end() || it->is_null()) {
        if (required)
            throw ValidationError(trf("Le champ « {} » manque.", "The field \"{}\" is missing.", field));
        return {};
    }
    if (!it->is_string())
        throw ValidationError(trf("Le champ « {} » doit être un texte.", "The field \"{}\" must be a text.", field));
    return it->get<std::string>();
}

Id id(const json& request, const char* field, bool required) {
    std::string value = text(request, field, required);
    if (value.empty() && !required) return Id{};
    auto parsed = Id::parse(value);
    if (!parsed)
        throw ValidationError(trf("Le champ « {} » n’est pas un identifiant valide.", "The field \"{}\" is not a valid id.", field));
    return *parsed;
}

int integer(const json& request, const char* field, int fallback) {
    auto it = request.find(field);
    if (it == request.end() || it->is_null()) return fallback;
    if (!it->is_number_integer())
        throw ValidationError(trf("Le champ « {} » doit être un nombre entier.", "The field \"{}\" must be a whole number.", field));
    auto value = it->get<long long>();
    if (value < -1000000 || value > 1000000)
        throw ValidationError(trf("Le champ « {} » est hors limites.", "The field \"{}\" is out of range.", field));
    return static_cast<int>(value);
}

bool flag(const json& request, const char* field) {
    auto it = request.find(field);
    if (it == request.end() || it->is_null()) return false;
    if (!it->is_boolean())
        throw ValidationError(trf("Le champ « {} » doit valoir true ou false.", "The field \"{}\" must be true or false.", field));
    return it->get<bool>();
}

// The page makes its ids with crypto.getRandomValues: 16 to 64 hex digits or dashes.
std::string clientId(const json& request) {
    std::string value = text(request, "client_id", true);
    bool ok = value.size() >= 16 && value.size() <= 64 &&
              std::all_of(value.begin(), value.end(), [](char c) { return std::isxdigit(static_cast<unsigned char>(c)) || c == '-'; });
    if (!ok)
        throw ValidationError(tr("Identifiant de création invalide (« client_id ») : rechargez la page.",
                                 "Invalid creation id (\"client_id\"): reload the page."));
    return value;
}

json created(const ActionResult& result) {
    return json{{"ok", true}, {"id", result.created.empty() ? std::string() : result.created.front().str()}};
}

const Note& ownNote(const EventState& state, const Device& device, Id noteId, const PrivateNotes& writtenInPrivate) {
    const Note* note = state.find<Note>(noteId);
    if (!note || note->teamId != device.team)
        throw ValidationError(tr("Ce post-it n’existe plus sur le mur de votre équipe.", "This note is no longer on your team's board."));
    if (note->authorId != device.member)
        throw ValidationError(tr("Vous ne pouvez modifier que vos propres post-its.", "You can only change your own notes."));
    const Team* team = state.find<Team>(device.team);
    if (!team || !authorMayChange(*note, *team, writtenInPrivate))
        throw ValidationError(tr("Ce post-it a été dévoilé ou l’équipe a changé de phase : il ne se modifie plus depuis un téléphone.",
                                 "This note was revealed or the team moved on: it can no longer be changed from a phone."));
    return *note;
}

} // namespace

bool isParticipantRequest(const std::string& what) {
    for (const RequestKind& kind : requestKinds())
        if (kind.name == what) return true;
    return false;
}

const json* ParticipantActions::repeated(const std::string& key) const {
    auto it = m_creates.find(key);
    return it == m_creates.end() ? nullptr : &it->second;
}

void ParticipantActions::remember(const std::string& key, const json& answer) {
    m_creates[key] = answer;
    m_createOrder.push_back(key);
    // A bound on memory: far more than a phone retries (drafts are sent once, then forgotten).
    if (m_createOrder.size() > kRememberedCreates * 200) {
        m_creates.erase(m_createOrder.front());
        m_createOrder.pop_front();
    }
}

json ParticipantActions::handle(Engine& engine, const std::string& token, const json& request) {
    const RequestKind& kind = requireKind(request);
    if (kind.name == "feedback") return feedback(engine, request);
    if (kind.name == "join") return join(engine, token, request);
    if (token.empty())
        throw ValidationError(tr("Cet appareil n’a pas encore rejoint d’équipe : choisissez votre équipe.",
                                 "This device has not joined a team yet: choose your team."));
    auto device = m_devices.find(token);
    if (!device)
        throw ValidationError(tr("Cet appareil n’est plus connu (retiré par l’animateur, ou serveur redémarré) : rejoignez "
                                 "à nouveau votre équipe.",
                                 "This device is no longer known (removed by the facilitator, or the server restarted): "
                                 "join your team again."));
    if (!engine.state().find<Team>(device->team))
        throw ValidationError(tr("Votre équipe n’existe plus : choisissez-en une autre.", "Your team no longer exists: choose another one."));
    m_devices.touch(token, engine.clock().now());
    return act(engine, *device, std::string(kind.name), request);
}

json ParticipantActions::join(Engine& engine, const std::string& token, const json& request) {
    Id team = id(request, "team", true);
    if (!engine.state().find<Team>(team))
        throw ValidationError(tr("Cette équipe n’existe pas (ou plus) : choisissez-en une dans la liste.",
                                 "This team does not exist (any more): choose one in the list."));
    if (m_servedTeam && team != m_servedTeam) {
        const Team* served = engine.state().find<Team>(m_servedTeam);
        throw ValidationError(trf("Cet ordinateur ne sert que l’équipe « {} » : pour une autre équipe, scannez le QR code "
                                  "de l’ordinateur qui la sert (celui de l’animateur).",
                                  "This computer serves team \"{}\" only: for another team, scan the QR code of the "
                                  "computer that serves it (the facilitator's).",
                                  served ? served->name : m_servedTeam.str()));
    }
    if (!token.empty() && m_devices.find(token)) {
        m_devices.setTeam(token, team);
        return json{{"ok", true}, {"token", token}};
    }
    return json{{"ok", true}, {"token", m_devices.add(team, engine.clock().now())}};
}

json ParticipantActions::act(Engine& engine, const Device& device, const std::string& what, const json& request) {
    const EventState& state = engine.state();
    if (what == "pick_member") {
        Id memberId = id(request, "member", true);
        const Member* member = state.find<Member>(memberId);
        if (!member || member->teamId != device.team)
            throw ValidationError(tr("Ce nom n’est pas dans votre équipe : choisissez-en un dans la liste ou ajoutez-vous.",
                                     "This name is not in your team: choose one in the list or add yourself."));
        auto holder = m_devices.holderOf(memberId);
        if (holder && *holder != device.token && !flag(request, "confirm"))
            return json{{"ok", false}, {"confirm", true},
                        {"error", trf("« {} » écrit déjà depuis un autre appareil. C’est bien vous ?",
                                      "\"{}\" is already writing from another device. Is it really you?", member->name)}};
        m_devices.bind(device.token, memberId);
        return json{{"ok", true}, {"member", memberId.str()}};
    }
    if (what == "add_self") {
        std::string key = device.token + "/" + clientId(request);
        if (const json* first = repeated(key)) return *first;
        AddMember add;
        add.team = device.team;
        add.name = text(request, "name", true);
        add.role = Role::Participant;
        json answer = created(engine.applyWithoutUndo(add));
        m_devices.bind(device.token, Id::parse(answer["id"].get<std::string>()).value_or(Id{}));
        answer["member"] = answer["id"];
        remember(key, answer);
        return answer;
    }
    // Everything below writes as the device's member.
    const Member* member = device.member ? state.find<Member>(device.member) : nullptr;
    if (!member || member->teamId != device.team) {
        const Member* taken = device.nameTaken ? state.find<Member>(device.nameTaken) : nullptr;
        if (taken)
            throw ValidationError(trf("« {} » écrit maintenant depuis un autre appareil : rien n’a été enregistré ici. "
                                      "Choisissez à nouveau votre nom.",
                                      "\"{}\" now writes from another device: nothing was saved here. Choose your name again.",
                                      taken->name));
        throw ValidationError(tr("Choisissez d’abord votre nom dans la liste de l’équipe.", "First choose your name in the team's list."));
    }
    if (what == "add_note") {
        std::string key = device.token + "/" + clientId(request);
        if (const json* first = repeated(key)) return *first;
        AddNote add;
        add.team = device.team;
        add.author = device.member;
        add.text = text(request, "text", true);
        add.colour = text(request, "colour", false);
        // New notes from phones line up in the board's free space; the team arranges them on the laptop.
        BoardSpot spot = freeSpotForPhoneNote(teamNotes(engine).of(device.team), state.clustersOfTeam(device.team));
        add.x = spot.x;
        add.y = spot.y;
        const Team* team = state.find<Team>(device.team);
        bool inPrivate = team && team->privateWriting;
        json answer = created(engine.applyWithoutUndo(add));
        if (inPrivate) m_writtenInPrivate.insert(Id::parse(answer["id"].get<std::string>()).value_or(Id{}));
        remember(key, answer);
        return answer;
    }
    if (what == "edit_note") {
        const Note& note = ownNote(state, device, id(request, "note", true), m_writtenInPrivate);
        EditNote edit;
        edit.note = note.id;
        edit.text = text(request, "text", true);
        engine.applyWithoutUndo(edit);
        return json{{"ok", true}};
    }
    if (what == "delete_note") {
        const Note& note = ownNote(state, device, id(request, "note", true), m_writtenInPrivate);
        engine.applyWithoutUndo(DeleteNotes{{note.id}});
        return json{{"ok", true}};
    }
    // cast_vote, withdraw_vote
    const VoteRound* round = state.currentVoteRound(device.team);
    if (!round || round->closed)
        throw ValidationError(tr("Aucun vote n’est ouvert pour votre équipe en ce moment.", "No vote is open for your team right now."));
    if (round->mode != VoteMode::Members)
        throw ValidationError(tr("Ce vote se fait avec des gommettes en papier, pas depuis les téléphones.",
                                 "This vote uses paper dots, not phones."));
    Id note = id(request, "note", false), cluster = id(request, "cluster", false);
    int count = integer(request, "count", 1);
    if (what == "cast_vote") engine.applyWithoutUndo(CastVote{round->id, device.member, note, cluster, count});
    else engine.applyWithoutUndo(WithdrawVote{round->id, device.member, note, cluster, count});
    return json{{"ok", true}};
}

json ParticipantActions::feedback(Engine& engine, const json& request) {
    if (requireKind(request).name != "feedback")
        throw ValidationError(tr("Seuls les retours sont permis avec un code de stand.", "Only feedback is allowed with a stand code."));
    std::string stand = text(request, "stand", true);
    const Prototype* prototype = prototypeOfStand(engine.state(), stand);
    if (!prototype)
        throw ValidationError(tr("Ce code de stand est inconnu : scannez à nouveau le QR code imprimé près du prototype.",
                                 "Unknown stand code: scan the QR code printed beside the prototype again."));
    std::string key = "stand/" + clientId(request);
    if (const json* first = repeated(key)) return *first;
    AddFeedback add;
    add.prototype = prototype->id;
    auto kind = enumFromCode<FeedbackKind>(text(request, "kind", true));
    if (!kind)
        throw ValidationError(tr("Choisissez « J’aime », « Je suggère » ou « Je m’interroge ».",
                                 "Choose \"I like\", \"I suggest\" or \"I wonder\"."));
    add.kind = *kind;
    add.text = text(request, "text", false);
    add.visitor = text(request, "visitor", false);
    auto rating = request.find("rating");
    if (rating != request.end() && !rating->is_null()) add.rating = integer(request, "rating", 0);
    json answer = created(engine.applyWithoutUndo(add));
    remember(key, answer);
    return answer;
}

} // namespace atelier::participation
