#pragma once
// The few things a participant may do from a phone, each turned into the engine's ordinary
// action (same validation as every other way in) after the checks only a phone needs: the
// device's own team, its own member, its own notes, its team's open round. Runs on the
// engine's thread only (through EngineQueue). Phones' actions stay off the undo history.
//
// A request is a JSON object {"do": "...", ...}:
//   join {team}                          a device (new token, or the one given) in a team
//   pick_member {member, confirm?}       write as a member of the team (« C'est bien vous ? »)
//   add_self {client_id, name}           add oneself as a member of the team, and write as it
//   add_note {client_id, text, colour?}  a note by the device's member on its team's board
//   edit_note {note, text}, delete_note {note}   own note, while the author may change it
//   cast_vote / withdraw_vote {note | cluster, count?}   own dots in the team's open round
// Stand feedback (no device) is `feedback`, below.
#include "engine/engine.hpp"
#include "participation/device_registry.hpp"
#include "participation/participant_view.hpp"
#include "participation/team_notes.hpp"

#include <nlohmann/json.hpp>

#include <deque>
#include <map>
#include <string>

namespace atelier::participation {

class ParticipantActions {
public:
    explicit ParticipantActions(DeviceRegistry& devices) : m_devices(devices) {}

    // `token` empty for a device that has not joined yet (only `join` is accepted then).
    // Returns the answer; throws ValidationError (nothing written) with a message for the phone.
    nlohmann::json handle(Engine& engine, const std::string& token, const nlohmann::json& request);
    // {stand, kind: like|suggest|question, text?, rating?, visitor?}: AddFeedback on the latest
    // version of the stand's prototype.
    nlohmann::json feedback(Engine& engine, const nlohmann::json& request);

    // Notes phones wrote under private writing (memory only: a restart forgets them, and
    // such a note, revealed, is then treated as written in the open).
    const PrivateNotes& writtenInPrivate() const { return m_writtenInPrivate; }
    // A team laptop's copy: only that team may be joined (0: every team).
    void setServedTeam(Id team) { m_servedTeam = team; }
    // Each team's notes, brought up to the engine's state (the snapshot's copy reads them too).
    const TeamNotes& teamNotes(const Engine& engine) {
        m_teamNotes.follow(engine);
        return m_teamNotes;
    }

    static constexpr std::size_t kRememberedCreates = 256; // per device: retries answered alike

private:
    nlohmann::json join(Engine& engine, const std::string& token, const nlohmann::json& request);
    nlohmann::json act(Engine& engine, const Device& device, const std::string& what, const nlohmann::json& request);
    const nlohmann::json* repeated(const std::string& key) const;
    void remember(const std::string& key, const nlohmann::json& answer);

    DeviceRegistry& m_devices;
    // (token or stand, client id) → the first answer: a retried create is answered as the
    // first time, even after the note was deleted (so it never comes back).
    std::map<std::string, nlohmann::json> m_creates;
    std::deque<std::string> m_createOrder;
    PrivateNotes m_writtenInPrivate;
    Id m_servedTeam;
    TeamNotes m_teamNotes;
};

// The requests and fields a phone may send, for the README and the refusal messages.
bool isParticipantRequest(const std::string& what);

} // namespace atelier::participation
