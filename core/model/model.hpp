#pragma once
// Plain structs of an event, as stored in its SQLite file. Times are milliseconds since the
// Unix epoch, UTC; agenda days and hours are wall-clock values in the event's time zone.
#include "model/id.hpp"

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace atelier {

using Millis = std::int64_t;

enum class Phase { Diverge, Select, Prototype, Test };
enum class SlotKind { Talk, Workshop, Debrief, Exhibition, Other };
enum class Role { Facilitator, ChallengeOwner, Participant, Expert };
enum class VoteMode { Members, Tally };
enum class FeedbackKind { Like, Suggest, Question };
enum class TimerState { Ready, Running, Paused, Finished };
enum class PrototypeFormat { Mockup, Storyboard, RolePlay, UserJourney, Poster, Service, Other };
enum class PrototypeStatus { Draft, Ready, Tested, Dropped };

// Stable codes used in the database, JSON and CSV. Order matches the enums.
inline constexpr std::array<std::string_view, 4> kPhaseCodes{"diverge", "select", "prototype", "test"};
inline constexpr std::array<std::string_view, 5> kSlotKindCodes{"talk", "workshop", "debrief", "exhibition", "other"};
inline constexpr std::array<std::string_view, 4> kRoleCodes{"facilitator", "challenge_owner", "participant", "expert"};
inline constexpr std::array<std::string_view, 2> kVoteModeCodes{"members", "tally"};
inline constexpr std::array<std::string_view, 3> kFeedbackKindCodes{"like", "suggest", "question"};
inline constexpr std::array<std::string_view, 4> kTimerStateCodes{"ready", "running", "paused", "finished"};
inline constexpr std::array<std::string_view, 7> kPrototypeFormatCodes{"mockup", "storyboard", "role_play", "user_journey",
                                                                       "poster", "service", "other"};
inline constexpr std::array<std::string_view, 4> kPrototypeStatusCodes{"draft", "ready", "tested", "dropped"};

template <typename E> constexpr const auto& codesOf();
template <> constexpr const auto& codesOf<Phase>() { return kPhaseCodes; }
template <> constexpr const auto& codesOf<SlotKind>() { return kSlotKindCodes; }
template <> constexpr const auto& codesOf<Role>() { return kRoleCodes; }
template <> constexpr const auto& codesOf<VoteMode>() { return kVoteModeCodes; }
template <> constexpr const auto& codesOf<FeedbackKind>() { return kFeedbackKindCodes; }
template <> constexpr const auto& codesOf<TimerState>() { return kTimerStateCodes; }
template <> constexpr const auto& codesOf<PrototypeFormat>() { return kPrototypeFormatCodes; }
template <> constexpr const auto& codesOf<PrototypeStatus>() { return kPrototypeStatusCodes; }

template <typename E> std::string_view codeOf(E value) { return codesOf<E>()[static_cast<std::size_t>(value)]; }

template <typename E> std::optional<E> enumFromCode(std::string_view code) {
    const auto& codes = codesOf<E>();
    for (std::size_t i = 0; i < codes.size(); ++i)
        if (codes[i] == code) return static_cast<E>(i);
    return std::nullopt;
}

struct EventInfo {
    Id id;
    std::string name;
    std::string organiser;
    std::string place;
    std::string firstDay; // YYYY-MM-DD, may be empty
    std::string lastDay;  // YYYY-MM-DD, may be empty
    std::string timeZone = "Europe/Paris"; // IANA name
    Millis createdAt = 0;
};

struct Slot {
    Id id;
    std::string day;   // YYYY-MM-DD, event time zone
    std::string start; // HH:MM
    std::string end;   // HH:MM
    std::string title;
    SlotKind kind = SlotKind::Other;
    std::string room;
    Id siteId; // in a national review file: the site (event) it came from; 0 = this file's own event
};

struct Challenge {
    Id id;
    int number = 0;
    std::string question; // "Comment … ?"
    std::string owner;    // porteur: the local government bringing the défi
    std::string territory;
    std::string stakes;
    std::string stakeholders; // parties prenantes / usagers
    std::string obstacles;
    std::string levers;
    std::string theme;
    std::string link;
    Id siteId; // in a national review file: the site (event) it came from; 0 = this file's own event
};

struct Team {
    Id id;
    std::string name;
    std::string colour = "#4C78A8"; // #RRGGBB
    Id challengeId;                 // 0 = no défi yet
    Phase phase = Phase::Diverge;
    bool privateWriting = false;    // new notes are hidden on the projector until revealed
    Id selectedNoteId;              // piste retenue: a note, or
    Id selectedClusterId;           // a cluster (at most one of the two is set)
    Millis selectedAt = 0;
    Id siteId; // in a national review file: the site (event) it came from; 0 = this file's own event
};

struct Member {
    Id id;
    Id teamId;
    std::string name;
    std::string organisation;
    Role role = Role::Participant;
};

struct PhaseChange {
    Id id;
    Id teamId;
    Phase phase = Phase::Diverge;
    Millis at = 0;
};

struct Cluster {
    Id id;
    Id teamId;
    std::string title;
    std::string colour = "#DDDDDD";
    double x = 0, y = 0;
};

struct Note {
    Id id;
    Id teamId;
    std::string text;
    std::string colour = "#FFE066";
    double x = 0, y = 0;
    double width = 160, height = 120;
    std::int64_t z = 0;   // drawing order: higher is on top
    Id authorId;          // member, 0 = unknown
    Phase phase = Phase::Diverge; // phase it was written in
    Id clusterId;         // 0 = not in a cluster
    bool hidden = false;  // private until revealed
    Millis createdAt = 0;
};

struct VoteRound {
    Id id;
    Id teamId;
    int budget = 3;           // dots per member
    std::optional<int> cap;   // most dots one member may put on one note or cluster
    VoteMode mode = VoteMode::Members;
    bool revealed = false;
    bool closed = false;
    Millis openedAt = 0;
};

struct Vote {
    Id id;
    Id roundId;
    Id memberId;  // 0 in tally mode
    Id noteId;    // a note, or
    Id clusterId; // a cluster
    int count = 1;
};

struct Prototype {
    Id id;
    Id teamId;
    Id lineageId; // id of version 1; equal to id for the first version
    int version = 1;
    std::string title;
    std::string description;
    PrototypeFormat format = PrototypeFormat::Mockup;
    PrototypeStatus status = PrototypeStatus::Draft;
    std::string learningGoal; // what the test should learn
    Id basedOnNoteId;
    Id basedOnClusterId;
    Millis createdAt = 0;
};

struct Photo {
    Id id;
    Id prototypeId;
    std::string mime; // image/png or image/jpeg
    int width = 0, height = 0;
    std::string caption;
    Millis createdAt = 0;
    // The bytes live in the database only; load them with Store::photoBytes.
};

struct Feedback {
    Id id;
    Id prototypeId;
    FeedbackKind kind = FeedbackKind::Like;
    std::string text;
    std::optional<int> rating; // 1..5
    std::string visitor;
    Millis at = 0;
};

struct TimedSession {
    Id id;
    std::string label;
    Phase phase = Phase::Diverge;
    Id teamId;              // 0 = all teams
    Millis durationMs = 0;  // planned
    TimerState state = TimerState::Ready;
    Millis startedAt = 0;   // when last started or resumed (running only)
    Millis remainingMs = 0; // remaining at startedAt (running) or now (paused/ready)
    Millis extensionMs = 0; // total added by extensions
    int extensionCount = 0;
    Millis createdAt = 0;
    Id siteId; // in a national review file: the site (event) it came from; 0 = this file's own event
};

} // namespace atelier
