#pragma once
// Every change to an event is one of these typed actions, one per user gesture. The Engine
// validates an action against the current state, applies it in one transaction and records
// its undo. The GUI, `atelier apply` (JSON lines) and the tests all build these.
//
// Each action lists its fields once, in `fields(v)`: the JSON reader, the JSON writer and the
// README's action reference all come from that list. A field of type std::optional is optional
// in JSON; for edit actions an absent field means "leave as it is". A field declared with
// Opt::Defaulted may be left out and keeps its default. Create actions take an optional `id`
// (0 = generate one), so scripts can name what they create.
#include "model/model.hpp"
#include "rules/limits.hpp"

#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace atelier {

enum class Opt { Required, Defaulted };

// ---- Event and programme ----
struct EditEvent {
    static constexpr const char* kName = "edit_event";
    std::optional<std::string> name, organiser, place, firstDay, lastDay, timeZone;
    template <typename V> void fields(V& v) {
        v("name", name); v("organiser", organiser); v("place", place); v("first_day", firstDay);
        v("last_day", lastDay); v("time_zone", timeZone);
    }
};
struct AddSlot {
    static constexpr const char* kName = "add_slot";
    Id id; std::string day, start, end, title; SlotKind kind = SlotKind::Other; std::string room;
    template <typename V> void fields(V& v) {
        v("id", id, Opt::Defaulted); v("day", day); v("start", start); v("end", end); v("title", title);
        v("kind", kind, Opt::Defaulted); v("room", room, Opt::Defaulted);
    }
};
struct EditSlot {
    static constexpr const char* kName = "edit_slot";
    Id slot; std::optional<std::string> day, start, end, title; std::optional<SlotKind> kind; std::optional<std::string> room;
    template <typename V> void fields(V& v) {
        v("slot", slot); v("day", day); v("start", start); v("end", end); v("title", title); v("kind", kind); v("room", room);
    }
};
struct DeleteSlot {
    static constexpr const char* kName = "delete_slot";
    Id slot;
    template <typename V> void fields(V& v) { v("slot", slot); }
};

// ---- Défis ----
struct AddChallenge {
    static constexpr const char* kName = "add_challenge";
    Id id; int number = 0;
    std::string question, owner, territory, stakes, stakeholders, obstacles, levers, theme, link;
    template <typename V> void fields(V& v) {
        v("id", id, Opt::Defaulted); v("number", number, Opt::Defaulted); v("question", question);
        v("owner", owner, Opt::Defaulted); v("territory", territory, Opt::Defaulted); v("stakes", stakes, Opt::Defaulted);
        v("stakeholders", stakeholders, Opt::Defaulted); v("obstacles", obstacles, Opt::Defaulted);
        v("levers", levers, Opt::Defaulted); v("theme", theme, Opt::Defaulted); v("link", link, Opt::Defaulted);
    }
};
struct EditChallenge {
    static constexpr const char* kName = "edit_challenge";
    Id challenge; std::optional<int> number;
    std::optional<std::string> question, owner, territory, stakes, stakeholders, obstacles, levers, theme, link;
    template <typename V> void fields(V& v) {
        v("challenge", challenge); v("number", number); v("question", question); v("owner", owner);
        v("territory", territory); v("stakes", stakes); v("stakeholders", stakeholders); v("obstacles", obstacles);
        v("levers", levers); v("theme", theme); v("link", link);
    }
};
struct DeleteChallenge {
    static constexpr const char* kName = "delete_challenge";
    Id challenge;
    template <typename V> void fields(V& v) { v("challenge", challenge); }
};

// ---- Teams, members, phases ----
struct AddTeam {
    static constexpr const char* kName = "add_team";
    Id id; std::string name; std::string colour; Id challenge;
    template <typename V> void fields(V& v) {
        v("id", id, Opt::Defaulted); v("name", name); v("colour", colour, Opt::Defaulted); v("challenge", challenge, Opt::Defaulted);
    }
};
struct EditTeam {
    static constexpr const char* kName = "edit_team";
    Id team; std::optional<std::string> name, colour; std::optional<Id> challenge; // challenge "0": none
    template <typename V> void fields(V& v) { v("team", team); v("name", name); v("colour", colour); v("challenge", challenge); }
};
struct DeleteTeam {
    static constexpr const char* kName = "delete_team";
    Id team;
    template <typename V> void fields(V& v) { v("team", team); }
};
struct AddMember {
    static constexpr const char* kName = "add_member";
    Id id; Id team; std::string name, organisation; Role role = Role::Participant;
    template <typename V> void fields(V& v) {
        v("id", id, Opt::Defaulted); v("team", team); v("name", name); v("organisation", organisation, Opt::Defaulted);
        v("role", role, Opt::Defaulted);
    }
};
struct EditMember {
    static constexpr const char* kName = "edit_member";
    Id member; std::optional<Id> team; std::optional<std::string> name, organisation; std::optional<Role> role;
    template <typename V> void fields(V& v) {
        v("member", member); v("team", team); v("name", name); v("organisation", organisation); v("role", role);
    }
};
struct DeleteMember {
    static constexpr const char* kName = "delete_member";
    Id member;
    template <typename V> void fields(V& v) { v("member", member); }
};
// Sets the phase of one team, or of every team when `team` is 0. For every team, a team
// already past `phase` is taken back only with `backwards` (the UI asks first, naming them).
struct SetPhase {
    static constexpr const char* kName = "set_phase";
    Id team; Phase phase = Phase::Diverge; bool backwards = false;
    template <typename V> void fields(V& v) {
        v("team", team, Opt::Defaulted); v("phase", phase); v("backwards", backwards, Opt::Defaulted);
    }
};

// ---- The board ----
struct AddNote {
    static constexpr const char* kName = "add_note";
    Id id; Id team; std::string text; std::string colour; double x = 0, y = 0;
    std::optional<double> width, height; Id author; Id cluster;
    template <typename V> void fields(V& v) {
        v("id", id, Opt::Defaulted); v("team", team); v("text", text, Opt::Defaulted); v("colour", colour, Opt::Defaulted);
        v("x", x, Opt::Defaulted); v("y", y, Opt::Defaulted); v("width", width); v("height", height);
        v("author", author, Opt::Defaulted); v("cluster", cluster, Opt::Defaulted);
    }
};
struct EditNote {
    static constexpr const char* kName = "edit_note";
    Id note; std::optional<std::string> text; std::optional<Id> author; std::optional<double> width, height;
    template <typename V> void fields(V& v) {
        v("note", note); v("text", text); v("author", author); v("width", width); v("height", height);
    }
};
struct NoteMove {
    Id note; double x = 0, y = 0;
    template <typename V> void fields(V& v) { v("note", note); v("x", x); v("y", y); }
};
// One drag of one or more notes; `cluster` set means they were dropped into it ("0": out of any).
struct MoveNotes {
    static constexpr const char* kName = "move_notes";
    std::vector<NoteMove> moves; std::optional<Id> cluster;
    template <typename V> void fields(V& v) { v("moves", moves); v("cluster", cluster); }
};
struct RecolourNotes {
    static constexpr const char* kName = "recolour_notes";
    std::vector<Id> notes; std::string colour;
    template <typename V> void fields(V& v) { v("notes", notes); v("colour", colour); }
};
struct DeleteNotes {
    static constexpr const char* kName = "delete_notes";
    std::vector<Id> notes;
    template <typename V> void fields(V& v) { v("notes", notes); }
};
struct AddCluster {
    static constexpr const char* kName = "add_cluster";
    Id id; Id team; std::string title; std::string colour; double x = 0, y = 0; std::vector<Id> notes;
    template <typename V> void fields(V& v) {
        v("id", id, Opt::Defaulted); v("team", team); v("title", title); v("colour", colour, Opt::Defaulted);
        v("x", x, Opt::Defaulted); v("y", y, Opt::Defaulted); v("notes", notes, Opt::Defaulted);
    }
};
struct EditCluster {
    static constexpr const char* kName = "edit_cluster";
    Id cluster; std::optional<std::string> title, colour;
    template <typename V> void fields(V& v) { v("cluster", cluster); v("title", title); v("colour", colour); }
};
// Moves a cluster and, by the same offset, every note in it.
struct MoveCluster {
    static constexpr const char* kName = "move_cluster";
    Id cluster; double x = 0, y = 0;
    template <typename V> void fields(V& v) { v("cluster", cluster); v("x", x); v("y", y); }
};
// Deletes the cluster; its notes stay on the board and its votes are given back.
struct DissolveCluster {
    static constexpr const char* kName = "dissolve_cluster";
    Id cluster;
    template <typename V> void fields(V& v) { v("cluster", cluster); }
};
struct SetPrivateWriting {
    static constexpr const char* kName = "set_private_writing";
    Id team; bool on = true;
    template <typename V> void fields(V& v) { v("team", team); v("on", on); }
};
struct RevealNotes {
    static constexpr const char* kName = "reveal_notes";
    Id team;
    template <typename V> void fields(V& v) { v("team", team); }
};

// ---- Dot voting and the selected idea ----
struct OpenVoteRound {
    static constexpr const char* kName = "open_vote_round";
    Id id; Id team; int budget = 3; std::optional<int> cap; VoteMode mode = VoteMode::Members;
    template <typename V> void fields(V& v) {
        v("id", id, Opt::Defaulted); v("team", team); v("budget", budget, Opt::Defaulted); v("cap", cap);
        v("mode", mode, Opt::Defaulted);
    }
};
// A member puts `count` dots on a note or a cluster (members mode).
struct CastVote {
    static constexpr const char* kName = "cast_vote";
    Id round; Id member; Id note; Id cluster; int count = 1;
    template <typename V> void fields(V& v) {
        v("round", round); v("member", member); v("note", note, Opt::Defaulted); v("cluster", cluster, Opt::Defaulted);
        v("count", count, Opt::Defaulted);
    }
};
// A member takes back `count` of their dots from a note or a cluster.
struct WithdrawVote {
    static constexpr const char* kName = "withdraw_vote";
    Id round; Id member; Id note; Id cluster; int count = 1;
    template <typename V> void fields(V& v) {
        v("round", round); v("member", member); v("note", note, Opt::Defaulted); v("cluster", cluster, Opt::Defaulted);
        v("count", count, Opt::Defaulted);
    }
};
// The facilitator types the number of paper dots on a note or a cluster (tally mode).
struct SetTally {
    static constexpr const char* kName = "set_tally";
    Id round; Id note; Id cluster; int count = 0;
    template <typename V> void fields(V& v) {
        v("round", round); v("note", note, Opt::Defaulted); v("cluster", cluster, Opt::Defaulted); v("count", count);
    }
};
struct RevealVotes {
    static constexpr const char* kName = "reveal_votes";
    Id round; bool revealed = true;
    template <typename V> void fields(V& v) { v("round", round); v("revealed", revealed, Opt::Defaulted); }
};
struct CloseVoteRound {
    static constexpr const char* kName = "close_vote_round";
    Id round;
    template <typename V> void fields(V& v) { v("round", round); }
};
// Marks the piste retenue: a note or a cluster of the team (both 0 clears it).
struct SelectIdea {
    static constexpr const char* kName = "select_idea";
    Id team; Id note; Id cluster;
    template <typename V> void fields(V& v) { v("team", team); v("note", note, Opt::Defaulted); v("cluster", cluster, Opt::Defaulted); }
};

// ---- Prototypes and feedback ----
struct AddPrototype {
    static constexpr const char* kName = "add_prototype";
    Id id; Id team; std::string title, description; PrototypeFormat format = PrototypeFormat::Mockup;
    PrototypeStatus status = PrototypeStatus::Draft; std::string learningGoal; Id basedOnNote, basedOnCluster;
    template <typename V> void fields(V& v) {
        v("id", id, Opt::Defaulted); v("team", team); v("title", title); v("description", description, Opt::Defaulted);
        v("format", format, Opt::Defaulted); v("status", status, Opt::Defaulted);
        v("learning_goal", learningGoal, Opt::Defaulted); v("based_on_note", basedOnNote, Opt::Defaulted);
        v("based_on_cluster", basedOnCluster, Opt::Defaulted);
    }
};
struct EditPrototype {
    static constexpr const char* kName = "edit_prototype";
    Id prototype; std::optional<std::string> title, description; std::optional<PrototypeFormat> format;
    std::optional<PrototypeStatus> status; std::optional<std::string> learningGoal;
    template <typename V> void fields(V& v) {
        v("prototype", prototype); v("title", title); v("description", description); v("format", format);
        v("status", status); v("learning_goal", learningGoal);
    }
};
// A new version (v2, v3 …) of a prototype: a copy of the latest version with these changes.
struct AddPrototypeVersion {
    static constexpr const char* kName = "add_prototype_version";
    Id id; Id prototype; std::optional<std::string> title, description; std::optional<PrototypeFormat> format;
    std::optional<std::string> learningGoal;
    template <typename V> void fields(V& v) {
        v("id", id, Opt::Defaulted); v("prototype", prototype); v("title", title); v("description", description);
        v("format", format); v("learning_goal", learningGoal);
    }
};
struct DeletePrototype {
    static constexpr const char* kName = "delete_prototype";
    Id prototype;
    template <typename V> void fields(V& v) { v("prototype", prototype); }
};
// Not undoable: a visitor's word at the exhibition is not the team's to take back.
struct AddFeedback {
    static constexpr const char* kName = "add_feedback";
    Id id; Id prototype; FeedbackKind kind = FeedbackKind::Like; std::string text; std::optional<int> rating;
    std::string visitor;
    template <typename V> void fields(V& v) {
        v("id", id, Opt::Defaulted); v("prototype", prototype); v("kind", kind); v("text", text, Opt::Defaulted);
        v("rating", rating); v("visitor", visitor, Opt::Defaulted);
    }
};

// A photo of a prototype, already scaled and encoded (core/io/photo_import.hpp prepares it).
// In JSON the bytes travel as base64 in `data`.
struct AddPhoto {
    static constexpr const char* kName = "add_photo";
    Id id; Id prototype; std::string data; std::string mime; int width = 0, height = 0; std::string caption;
    template <typename V> void fields(V& v) {
        v("id", id, Opt::Defaulted); v("prototype", prototype); v("data", data); v("mime", mime); v("width", width);
        v("height", height); v("caption", caption, Opt::Defaulted);
    }
};
struct DeletePhoto {
    static constexpr const char* kName = "delete_photo";
    Id photo;
    template <typename V> void fields(V& v) { v("photo", photo); }
};

// ---- Timed sessions (not undoable: time has passed; except ShortenTimer) ----
// Starting pauses the countdowns it replaces (timers/timer_scope.hpp), so that « Reprendre le
// minuteur précédent » (RestoreTimer) can bring one back with the time it had left.
struct StartTimer {
    static constexpr const char* kName = "start_timer";
    Id id; std::string label; Phase phase = Phase::Diverge; Id team; int seconds = 0;
    template <typename V> void fields(V& v) {
        v("id", id, Opt::Defaulted); v("label", label, Opt::Defaulted); v("phase", phase, Opt::Defaulted);
        v("team", team, Opt::Defaulted); v("seconds", seconds);
    }
};
struct PauseTimer {
    static constexpr const char* kName = "pause_timer";
    Id timer;
    template <typename V> void fields(V& v) { v("timer", timer); }
};
struct ResumeTimer {
    static constexpr const char* kName = "resume_timer";
    Id timer;
    template <typename V> void fields(V& v) { v("timer", timer); }
};
struct ExtendTimer {
    static constexpr const char* kName = "extend_timer";
    Id timer; int seconds = 60;
    template <typename V> void fields(V& v) { v("timer", timer); v("seconds", seconds, Opt::Defaulted); }
};
// The − key and the « −1 min » button: takes time off a countdown, never below zero (refused,
// with a message, when less than that is left). Undoable, unlike the other timer controls:
// it is a correction, and undoing it gives the time back (refused once the timer changed since).
struct ShortenTimer {
    static constexpr const char* kName = "shorten_timer";
    Id timer; int seconds = 60;
    template <typename V> void fields(V& v) { v("timer", timer); v("seconds", seconds, Opt::Defaulted); }
};
// Back to the full planned duration, not running.
struct ResetTimer {
    static constexpr const char* kName = "reset_timer";
    Id timer;
    template <typename V> void fields(V& v) { v("timer", timer); }
};
struct FinishTimer {
    static constexpr const char* kName = "finish_timer";
    Id timer;
    template <typename V> void fields(V& v) { v("timer", timer); }
};
// Brings a replaced, paused countdown back in front of its scope, still paused, with the time
// it had left; the countdowns it takes the place of are paused in turn.
struct RestoreTimer {
    static constexpr const char* kName = "restore_timer";
    Id timer;
    template <typename V> void fields(V& v) { v("timer", timer); }
};

using Action = std::variant<EditEvent, AddSlot, EditSlot, DeleteSlot, AddChallenge, EditChallenge, DeleteChallenge,
                            AddTeam, EditTeam, DeleteTeam, AddMember, EditMember, DeleteMember, SetPhase, AddNote,
                            EditNote, MoveNotes, RecolourNotes, DeleteNotes, AddCluster, EditCluster, MoveCluster,
                            DissolveCluster, SetPrivateWriting, RevealNotes, OpenVoteRound, CastVote, WithdrawVote,
                            SetTally, RevealVotes, CloseVoteRound, SelectIdea, AddPrototype, EditPrototype,
                            AddPrototypeVersion, DeletePrototype, AddFeedback, StartTimer, PauseTimer, ResumeTimer,
                            ExtendTimer, ShortenTimer, ResetTimer, FinishTimer, RestoreTimer, AddPhoto, DeletePhoto>;

// The action's JSON name ("add_note").
const char* actionName(const Action& action);

// Whether the action enters the undo history (timers and exhibition feedback do not).
bool isUndoable(const Action& action);

} // namespace atelier
