#pragma once
// What a restitution report says, gathered once from the event and rendered as Markdown or
// HTML (report.hpp). The organiser dashboard can read the same figures. People's names are
// filled in only when asked for (a report is meant to be published).
#include "storage/state.hpp"

#include <array>
#include <optional>
#include <string>
#include <vector>

namespace atelier {

class Store;

struct ReportOptions {
    bool withNames = false; // members, note authors and visitors by name
};

struct ReportIdea {
    Id noteId, clusterId;           // which one it is (one of the two is set)
    bool isCluster = false;
    std::string text;               // the note's text, or the cluster's title
    std::string colour;             // the note's or cluster's colour on the board (#RRGGBB)
    std::vector<std::string> notes; // a cluster's notes
    std::string author;             // a note's author (only with names)
    int votes = 0;
};

struct ReportPhoto {
    Id id;
    std::string mime, caption, bytes;
    int width = 0, height = 0;
};

struct ReportFeedback {
    FeedbackKind kind = FeedbackKind::Like;
    std::string text;
    std::optional<int> rating;
    std::string visitor; // only with names
};

struct FeedbackSynthesis {
    std::array<int, 3> byKind{}; // j'aime, je suggère, je m'interroge
    int ratings = 0;
    double averageRating = 0; // over the feedback that gave one
    int total() const { return byKind[0] + byKind[1] + byKind[2]; }
};

struct ReportVersion {
    const Prototype* prototype = nullptr;
    std::vector<ReportPhoto> photos;
    std::vector<ReportFeedback> feedback; // oldest first
    FeedbackSynthesis synthesis;
};

struct ReportPrototype {
    std::vector<ReportVersion> versions; // v1, v2 …
    std::optional<ReportIdea> basedOn;
    FeedbackSynthesis synthesis;         // all versions together
};

struct ReportMember {
    std::string name, organisation; // only with names
    Role role = Role::Participant;
};

struct ReportTeam {
    const Team* team = nullptr;
    Millis phaseSince = 0;              // when it reached its current phase
    std::array<int, 4> roleCounts{};
    std::vector<ReportMember> members;  // only with names
    int notes = 0, clusters = 0, dots = 0;
    // The whole board, as ideas: the ones that got dots in the latest round with dots (most
    // dots first), then every other regroupement (in board order) with its notes, then every
    // other note outside a regroupement (oldest first). Together they hold every note.
    std::vector<ReportIdea> votedIdeas;
    std::vector<ReportIdea> otherIdeas;
    std::optional<ReportIdea> selected; // piste retenue
    std::vector<ReportPrototype> prototypes;
};

struct ReportSection {
    const Challenge* challenge = nullptr; // null: the teams without a défi
    Id site;                              // a review file's site (0: the file's own event)
    std::vector<ReportTeam> teams;
};

struct Report {
    const EventState* state = nullptr;
    ReportOptions options;
    std::vector<ReportSection> sections; // défis by number, then teams without a défi (site by site)
    int teams = 0, notes = 0, prototypes = 0, feedback = 0;
};

// A section's title prefix in a review file that holds several sites ("Lyon 2019 · "), else "".
std::string sitePrefix(const Report& report, const ReportSection& section);

// "14 défis, 14 équipes, 16 post-its, 3 versions de prototypes, 3 retours de visiteurs", by the
// plural rule of the message language.
std::string reportFigures(const Report& report);

// The state must outlive the report (rows are pointed to, not copied).
Report buildReport(Store& store, const EventState& state, const ReportOptions& options);

} // namespace atelier
