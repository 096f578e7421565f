#pragma once
// How each model struct maps to its table: one ordered list of (column, field) per struct,
// read by the binder, the reader and the column-name collector alike, so they cannot drift.
#include "model/model.hpp"

namespace atelier {

template <typename T> struct TableOf;

#define ATELIER_TABLE(Type, name)                                                                  \
    template <> struct TableOf<Type> {                                                               \
        static constexpr const char* table = name;                                                   \
    }

ATELIER_TABLE(EventInfo, "event");
ATELIER_TABLE(Slot, "slot");
ATELIER_TABLE(Challenge, "challenge");
ATELIER_TABLE(Team, "team");
ATELIER_TABLE(Member, "member");
ATELIER_TABLE(PhaseChange, "phase_change");
ATELIER_TABLE(Cluster, "cluster");
ATELIER_TABLE(Note, "note");
ATELIER_TABLE(VoteRound, "vote_round");
ATELIER_TABLE(Vote, "vote");
ATELIER_TABLE(Prototype, "prototype");
ATELIER_TABLE(Photo, "photo");
ATELIER_TABLE(Feedback, "feedback");
ATELIER_TABLE(TimedSession, "timed_session");
#undef ATELIER_TABLE

// Column lists. The id column always comes first. Ids of 0 are stored as NULL.
template <typename V> void columns(V& v, EventInfo& r) {
    v("id", r.id); v("name", r.name); v("organiser", r.organiser); v("place", r.place);
    v("first_day", r.firstDay); v("last_day", r.lastDay); v("time_zone", r.timeZone);
    v("created_at", r.createdAt);
}
template <typename V> void columns(V& v, Slot& r) {
    v("id", r.id); v("day", r.day); v("start", r.start); v("\"end\"", r.end); v("title", r.title);
    v("kind", r.kind); v("room", r.room); v("event_id", r.siteId);
}
template <typename V> void columns(V& v, Challenge& r) {
    v("id", r.id); v("number", r.number); v("question", r.question); v("owner", r.owner);
    v("territory", r.territory); v("stakes", r.stakes); v("stakeholders", r.stakeholders);
    v("obstacles", r.obstacles); v("levers", r.levers); v("theme", r.theme); v("link", r.link); v("event_id", r.siteId);
}
template <typename V> void columns(V& v, Team& r) {
    v("id", r.id); v("name", r.name); v("colour", r.colour); v("challenge_id", r.challengeId);
    v("phase", r.phase); v("private_writing", r.privateWriting); v("selected_note_id", r.selectedNoteId);
    v("selected_cluster_id", r.selectedClusterId); v("selected_at", r.selectedAt); v("event_id", r.siteId);
}
template <typename V> void columns(V& v, Member& r) {
    v("id", r.id); v("team_id", r.teamId); v("name", r.name); v("organisation", r.organisation);
    v("role", r.role);
}
template <typename V> void columns(V& v, PhaseChange& r) {
    v("id", r.id); v("team_id", r.teamId); v("phase", r.phase); v("at", r.at);
}
template <typename V> void columns(V& v, Cluster& r) {
    v("id", r.id); v("team_id", r.teamId); v("title", r.title); v("colour", r.colour); v("x", r.x); v("y", r.y);
}
template <typename V> void columns(V& v, Note& r) {
    v("id", r.id); v("team_id", r.teamId); v("text", r.text); v("colour", r.colour); v("x", r.x); v("y", r.y);
    v("width", r.width); v("height", r.height); v("z", r.z); v("author_id", r.authorId); v("phase", r.phase);
    v("cluster_id", r.clusterId); v("hidden", r.hidden); v("created_at", r.createdAt);
}
template <typename V> void columns(V& v, VoteRound& r) {
    v("id", r.id); v("team_id", r.teamId); v("budget", r.budget); v("cap", r.cap); v("mode", r.mode);
    v("revealed", r.revealed); v("closed", r.closed); v("opened_at", r.openedAt);
}
template <typename V> void columns(V& v, Vote& r) {
    v("id", r.id); v("round_id", r.roundId); v("member_id", r.memberId); v("note_id", r.noteId);
    v("cluster_id", r.clusterId); v("count", r.count);
}
template <typename V> void columns(V& v, Prototype& r) {
    v("id", r.id); v("team_id", r.teamId); v("lineage_id", r.lineageId); v("version", r.version);
    v("title", r.title); v("description", r.description); v("format", r.format); v("status", r.status);
    v("learning_goal", r.learningGoal); v("based_on_note_id", r.basedOnNoteId);
    v("based_on_cluster_id", r.basedOnClusterId); v("created_at", r.createdAt);
}
template <typename V> void columns(V& v, Photo& r) {
    v("id", r.id); v("prototype_id", r.prototypeId); v("mime", r.mime); v("width", r.width);
    v("height", r.height); v("caption", r.caption); v("created_at", r.createdAt);
}
template <typename V> void columns(V& v, Feedback& r) {
    v("id", r.id); v("prototype_id", r.prototypeId); v("kind", r.kind); v("text", r.text);
    v("rating", r.rating); v("visitor", r.visitor); v("at", r.at);
}
template <typename V> void columns(V& v, TimedSession& r) {
    v("id", r.id); v("label", r.label); v("phase", r.phase); v("team_id", r.teamId);
    v("duration_ms", r.durationMs); v("state", r.state); v("started_at", r.startedAt);
    v("remaining_ms", r.remainingMs); v("extension_ms", r.extensionMs); v("extension_count", r.extensionCount);
    v("created_at", r.createdAt); v("event_id", r.siteId);
}

} // namespace atelier
