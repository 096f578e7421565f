#pragma once
// What phones may read, made on the engine's thread after each change and then only read
// (any thread) through a shared pointer: HTTP threads never touch the Engine or its state.
// Each part holds only what its readers may see: a team's public part has no hidden text
// (private writing) and no dot counts before the reveal; a member's part holds that member's
// own hidden notes and dots, and is sent to the device bound to that member only.
#include "storage/state.hpp"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>
#include <unordered_set>

namespace atelier {
class Engine;
}

namespace atelier::participation {

struct TeamView {
    // The state's revision when anything in this team's view last changed: the phone's
    // « since » in the change feed.
    std::uint64_t revision = 0;
    nlohmann::json shared;                            // every device of the team
    std::unordered_map<Id, nlohmann::json> perMember; // a member's own hidden notes and dots

    // The shared part as JSON text, made once, by the first phone that asks (an HTTP thread, not
    // the engine's), not once per poll: copying and dumping a board of 2,000 notes for each of
    // its phones was most of the app's CPU with 200 phones. Its notes array; its other fields
    // but the members, without the braces.
    const std::string& notesText() const;
    const std::string& otherText() const;

private:
    void makeText() const;
    mutable std::once_flag m_textOnce;
    mutable std::string m_notesText, m_otherText;
};

struct StandView {
    Id prototype; // the latest version of the lineage
    std::string title, team;
};

struct ParticipantSnapshot {
    std::uint64_t revision = 0; // the state's
    nlohmann::json event;       // name, teams to join (no ids of other rows)
    std::unordered_map<Id, std::shared_ptr<const TeamView>> teams; // shared with the next snapshot when unchanged
    std::unordered_map<std::string, StandView> stands; // by stand code
};

// Notes written while their team's private writing was on (ParticipantActions keeps them):
// their author may change them only until « Dévoiler ».
using PrivateNotes = std::unordered_set<Id>;

// Built from the state; a team's revision is kept from `previous` when its view is unchanged,
// so a phone polling « since R » gets « unchanged » until its own team changes.
// With `changedTeams` (and `previous`), only those teams' views are built again; the others are
// taken from `previous` as they are (an action on one team's board must not rebuild 50,000 notes).
std::shared_ptr<const ParticipantSnapshot> makeSnapshot(const EventState& state, const ParticipantSnapshot* previous,
                                                        const PrivateNotes& writtenInPrivate = {},
                                                        const std::unordered_set<Id>* changedTeams = nullptr,
                                                        Id servedTeam = {}); // set: that team only (a team laptop's copy)

// The teams whose views the rows changed after revision `since` can touch, or nothing when that
// cannot be told (a row gone, a table not tied to one team, the engine cannot say): then every team.
std::optional<std::unordered_set<Id>> teamsChangedSince(const Engine& engine, std::uint64_t since);

// Whether the author may still change a note from a phone: while it is hidden (private
// writing, before « Dévoiler »); a note written in the open, while the team is in the phase it
// was written in.
bool authorMayChange(const Note& note, const Team& team, const PrivateNotes& writtenInPrivate);

// The device's view of its team at `now` (server clock, for the countdown): {"unchanged":true}
// when its team's revision is still `since`. `held` lists the members bound to a device.
nlohmann::json teamViewFor(const ParticipantSnapshot& snapshot, Id team, Id member, std::uint64_t since, Millis now,
                           const std::vector<Id>& held);
// The same as the text the server sends, with "ok" and the event's name: made from the team's
// text (TeamView::notesText) and the device's own small part, no copy of the board.
std::string teamViewText(const ParticipantSnapshot& snapshot, Id team, Id member, std::uint64_t since, Millis now,
                         const std::vector<Id>& held, const std::string& eventName);

} // namespace atelier::participation
