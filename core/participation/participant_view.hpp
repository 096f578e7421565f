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
#include <vector>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>
#include <unordered_set>

namespace atelier::participation {

class TeamNotes;

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

// Notes written while their team's private writing was on (ParticipantActions keeps them):
// their author may change them only until « Dévoiler ».
using PrivateNotes = std::unordered_set<Id>;

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

// The rows one team's view is made of, copied on the engine's thread as plain values (no pointer
// into the state): the view's JSON is then made on another thread (SnapshotBuilder), and the
// engine's thread spends only the copy.
struct TeamRows {
    struct NoteRow {
        Note note;
        bool open = false; // authorMayChange, decided with the state at hand
    };
    Team team;
    std::optional<Challenge> challenge;
    std::optional<TimedSession> timer;       // the team's current, else the event's
    std::vector<Member> members;             // by role, then name
    std::vector<NoteRow> notes;              // by z, then creation
    std::vector<Cluster> clusters;           // by title
    std::optional<VoteRound> round;          // the current round, members' mode only
    std::vector<Vote> votes;                 // that round's
    std::vector<std::pair<Id, int>> totals;  // once revealed: each voted note's or cluster's total
};

// What a snapshot is made from: the event's small parts, and the rows of the teams whose views
// are made again (the others are kept from the previous snapshot as they are).
struct SnapshotRows {
    struct TeamEntry {
        Id id;
        std::string name, colour;
        std::optional<std::string> question;
    };
    std::uint64_t revision = 0;
    std::string eventName;
    std::vector<TeamEntry> teams; // in order
    std::unordered_map<std::string, StandView> stands;
    std::unordered_map<Id, TeamRows> changed;
};

// On the engine's thread: the rows of `changedTeams` (every team without it), and of every team
// not in `knownTeams` when given (a team the previous snapshots never had). With `teamNotes`
// (followed up to `state`), a copied team's notes are read from it instead of a pass over all.
SnapshotRows copyRows(const EventState& state, const PrivateNotes& writtenInPrivate = {},
                      const std::unordered_set<Id>* changedTeams = nullptr, const std::unordered_set<Id>* knownTeams = nullptr,
                      Id servedTeam = {}, // set: that team only (a team laptop's copy)
                      const TeamNotes* teamNotes = nullptr);
// Any thread: the snapshot from those rows, teams not in `rows.changed` taken from `previous`; a
// team whose view came out the same keeps its revision (and its text already made).
std::shared_ptr<const ParticipantSnapshot> buildSnapshot(const SnapshotRows& rows, const ParticipantSnapshot* previous);

// Built from the state; a team's revision is kept from `previous` when its view is unchanged,
// so a phone polling « since R » gets « unchanged » until its own team changes.
// With `changedTeams` (and `previous`), only those teams' views are built again; the others are
// taken from `previous` as they are (an action on one team's board must not rebuild 50,000 notes).
// copyRows then buildSnapshot, on the calling thread (tests, tools).
std::shared_ptr<const ParticipantSnapshot> makeSnapshot(const EventState& state, const ParticipantSnapshot* previous,
                                                        const PrivateNotes& writtenInPrivate = {},
                                                        const std::unordered_set<Id>* changedTeams = nullptr,
                                                        Id servedTeam = {}); // set: that team only (a team laptop's copy)

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
