#pragma once
// The in-memory picture of one event, kept equal to its database after every committed
// change. Views read it (const) every frame; only the Engine writes it.
#include "model/model.hpp"

#include <cstdint>
#include <unordered_map>
#include <vector>

namespace atelier {

template <typename T> using Rows = std::unordered_map<Id, T>;

struct EventState {
    EventInfo event;       // this file's own event
    Rows<EventInfo> sites; // a national review file: the other events (sites) merged into it
    Rows<Slot> slots;
    Rows<Challenge> challenges;
    Rows<Team> teams;
    Rows<Member> members;
    Rows<PhaseChange> phaseChanges;
    Rows<Cluster> clusters;
    Rows<Note> notes;
    Rows<VoteRound> voteRounds;
    Rows<Vote> votes;
    Rows<Prototype> prototypes;
    Rows<Photo> photos;
    Rows<Feedback> feedback;
    Rows<TimedSession> timedSessions;

    // Bumped on every change, so views can keep derived caches (sorted lists, layouts).
    std::uint64_t revision = 0;

    template <typename T> Rows<T>& rows();
    template <typename T> const Rows<T>& rows() const { return const_cast<EventState*>(this)->rows<T>(); }

    template <typename T> const T* find(Id id) const {
        const auto& table = rows<T>();
        auto it = table.find(id);
        return it == table.end() ? nullptr : &it->second;
    }

    // Sorted views for display and export (stable orders, independent of hashing). Rows of a
    // review file's sites come after the file's own, site by site (by name).
    std::vector<const EventInfo*> sitesInOrder() const;         // by name
    const EventInfo* site(Id siteId) const;                    // null for 0 (the file's own event)
    // The name a row's site goes by: its event's name, or this file's event name for 0.
    const std::string& siteName(Id siteId) const;
    std::vector<const Slot*> slotsInOrder() const;             // by day, start, title
    std::vector<const Challenge*> challengesInOrder() const;   // by number
    std::vector<const Team*> teamsInOrder() const;             // by défi number, then name
    std::vector<const Member*> membersOfTeam(Id teamId) const; // by role, then name
    std::vector<const Note*> notesOfTeam(Id teamId) const;     // by z, then creation
    std::vector<const Cluster*> clustersOfTeam(Id teamId) const;
    std::vector<const PhaseChange*> phaseHistory(Id teamId) const; // oldest first
    std::vector<const Prototype*> prototypesOfTeam(Id teamId) const; // by lineage, version
    std::vector<const Feedback*> feedbackOf(Id prototypeId) const;   // oldest first
    const Team* teamOfChallenge(Id challengeId) const;
    // A team named the way people name it: its défi's number ("3"), its id, or its name.
    const Team* teamByReference(const std::string& reference) const;
    const VoteRound* currentVoteRound(Id teamId) const; // latest opened, or null
    // The timer a scope shows: the latest created for this team (0 = the all-teams timer).
    const TimedSession* currentTimer(Id teamId) const;
    // Dots on a note or cluster in a round (votes on a cluster's notes are not added in).
    int votesFor(Id roundId, Id noteId, Id clusterId) const;
    int votesUsedBy(Id roundId, Id memberId) const;
};

template <> inline Rows<Slot>& EventState::rows<Slot>() { return slots; }
template <> inline Rows<Challenge>& EventState::rows<Challenge>() { return challenges; }
template <> inline Rows<Team>& EventState::rows<Team>() { return teams; }
template <> inline Rows<Member>& EventState::rows<Member>() { return members; }
template <> inline Rows<PhaseChange>& EventState::rows<PhaseChange>() { return phaseChanges; }
template <> inline Rows<Cluster>& EventState::rows<Cluster>() { return clusters; }
template <> inline Rows<Note>& EventState::rows<Note>() { return notes; }
template <> inline Rows<VoteRound>& EventState::rows<VoteRound>() { return voteRounds; }
template <> inline Rows<Vote>& EventState::rows<Vote>() { return votes; }
template <> inline Rows<Prototype>& EventState::rows<Prototype>() { return prototypes; }
template <> inline Rows<Photo>& EventState::rows<Photo>() { return photos; }
template <> inline Rows<Feedback>& EventState::rows<Feedback>() { return feedback; }
template <> inline Rows<TimedSession>& EventState::rows<TimedSession>() { return timedSessions; }

} // namespace atelier
