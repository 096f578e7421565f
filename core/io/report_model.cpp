#include "io/report_model.hpp"

#include "model/language.hpp"
#include "storage/store.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <tuple>
#include <unordered_map>

namespace atelier {

namespace {

// Rows grouped by their parent in one pass over each table, in the orders EventState's sorted
// views give: asking EventState per team and per prototype scanned every note and every feedback
// entry each time (seconds for an event of 50,000 notes and 10,000 feedback entries).
struct ReportIndex {
    std::unordered_map<Id, std::vector<const Note*>> notesOfTeam;    // oldest first
    std::unordered_map<Id, std::vector<const Note*>> notesOfCluster; // by z, then creation
    std::unordered_map<Id, std::vector<const Feedback*>> feedbackOf; // oldest first
    std::unordered_map<Id, std::vector<const Photo*>> photosOf;      // oldest first
    std::unordered_map<Id, std::vector<const Vote*>> votesOfRound;

    explicit ReportIndex(const EventState& s) {
        for (const auto& [id, n] : s.notes) {
            notesOfTeam[n.teamId].push_back(&n);
            if (n.clusterId) notesOfCluster[n.clusterId].push_back(&n);
        }
        for (auto& [id, notes] : notesOfTeam)
            std::sort(notes.begin(), notes.end(), [](const Note* a, const Note* b) {
                return std::tie(a->createdAt, a->z, a->id) < std::tie(b->createdAt, b->z, b->id);
            });
        for (auto& [id, notes] : notesOfCluster)
            std::sort(notes.begin(), notes.end(), [](const Note* a, const Note* b) {
                return std::tie(a->z, a->createdAt, a->id) < std::tie(b->z, b->createdAt, b->id);
            });
        for (const auto& [id, f] : s.feedback) feedbackOf[f.prototypeId].push_back(&f);
        for (auto& [id, list] : feedbackOf)
            std::sort(list.begin(), list.end(), [](const Feedback* a, const Feedback* b) { return std::tie(a->at, a->id) < std::tie(b->at, b->id); });
        for (const auto& [id, photo] : s.photos) photosOf[photo.prototypeId].push_back(&photo);
        for (auto& [id, list] : photosOf)
            std::sort(list.begin(), list.end(), [](const Photo* a, const Photo* b) {
                return a->createdAt != b->createdAt ? a->createdAt < b->createdAt : a->id < b->id;
            });
        for (const auto& [id, v] : s.votes) votesOfRound[v.roundId].push_back(&v);
    }
    template <typename T> static const std::vector<const T*>& of(const std::unordered_map<Id, std::vector<const T*>>& map, Id id) {
        static const std::vector<const T*> none;
        auto it = map.find(id);
        return it == map.end() ? none : it->second;
    }
};

ReportIdea ideaOf(const EventState& s, const ReportIndex& index, Id noteId, Id clusterId, const ReportOptions& options) {
    ReportIdea idea;
    if (const Note* note = noteId ? s.find<Note>(noteId) : nullptr) {
        idea.noteId = note->id;
        idea.text = note->text;
        idea.colour = note->colour;
        if (options.withNames)
            if (const Member* author = note->authorId ? s.find<Member>(note->authorId) : nullptr) idea.author = author->name;
    } else if (const Cluster* cluster = clusterId ? s.find<Cluster>(clusterId) : nullptr) {
        idea.clusterId = cluster->id;
        idea.isCluster = true;
        idea.text = cluster->title;
        idea.colour = cluster->colour;
        for (const Note* n : ReportIndex::of(index.notesOfCluster, cluster->id))
            if (n->teamId == cluster->teamId) idea.notes.push_back(n->text);
    }
    return idea;
}

void add(FeedbackSynthesis& into, const Feedback& f) {
    ++into.byKind[static_cast<std::size_t>(f.kind)];
    if (f.rating) {
        into.averageRating = (into.averageRating * into.ratings + *f.rating) / (into.ratings + 1);
        ++into.ratings;
    }
}

std::vector<ReportIdea> votedIdeas(const EventState& s, const ReportIndex& index, Id teamId, const ReportOptions& options,
                                   int& dots) {
    // The latest round that got dots: a later round usually re-votes among the finalists.
    const VoteRound* latest = nullptr;
    for (const auto& [id, round] : s.voteRounds) {
        if (round.teamId != teamId) continue;
        bool hasVotes = !ReportIndex::of(index.votesOfRound, id).empty();
        if (hasVotes && (!latest || round.openedAt > latest->openedAt || (round.openedAt == latest->openedAt && id > latest->id)))
            latest = &round;
    }
    std::vector<ReportIdea> ideas;
    if (!latest) return ideas;
    std::map<std::pair<Id, Id>, int> counts; // (note, cluster) → dots
    for (const Vote* vote : ReportIndex::of(index.votesOfRound, latest->id)) counts[{vote->noteId, vote->clusterId}] += vote->count;
    for (const auto& [target, count] : counts) {
        if (count <= 0) continue;
        ReportIdea idea = ideaOf(s, index, target.first, target.second, options);
        idea.votes = count;
        dots += count;
        ideas.push_back(std::move(idea));
    }
    std::stable_sort(ideas.begin(), ideas.end(), [](const ReportIdea& a, const ReportIdea& b) {
        return a.votes != b.votes ? a.votes > b.votes : a.text < b.text;
    });
    return ideas;
}

// Every regroupement and every note outside one that got no dot: the rest of the board.
std::vector<ReportIdea> otherIdeas(const EventState& s, const ReportIndex& index, Id teamId, const ReportOptions& options,
                                   const std::vector<ReportIdea>& voted) {
    std::set<std::pair<Id, Id>> shown;
    for (const ReportIdea& idea : voted) shown.insert({idea.noteId, idea.clusterId});
    std::vector<ReportIdea> ideas;
    std::vector<const Cluster*> clusters = s.clustersOfTeam(teamId);
    // Board order: top to bottom, then left to right (as the board is read).
    std::stable_sort(clusters.begin(), clusters.end(),
                     [](const Cluster* a, const Cluster* b) { return std::tie(a->y, a->x) < std::tie(b->y, b->x); });
    for (const Cluster* c : clusters)
        if (!shown.count({Id{}, c->id})) ideas.push_back(ideaOf(s, index, {}, c->id, options));
    auto notes = index.notesOfTeam.find(teamId);
    if (notes == index.notesOfTeam.end()) return ideas;
    for (const Note* n : notes->second) {
        const Cluster* cluster = n->clusterId ? s.find<Cluster>(n->clusterId) : nullptr;
        bool inCluster = cluster && cluster->teamId == n->teamId; // listed with its regroupement
        if (!inCluster && !shown.count({n->id, Id{}})) ideas.push_back(ideaOf(s, index, n->id, {}, options));
    }
    return ideas;
}

ReportTeam teamReport(Store& store, const EventState& s, const ReportIndex& index, const Team& team, const ReportOptions& options) {
    ReportTeam out;
    out.team = &team;
    auto history = s.phaseHistory(team.id);
    for (const PhaseChange* change : history)
        if (change->phase == team.phase) out.phaseSince = change->at; // the last time it got there
    for (const Member* m : s.membersOfTeam(team.id)) {
        ++out.roleCounts[static_cast<std::size_t>(m->role)];
        if (options.withNames) out.members.push_back({m->name, m->organisation, m->role});
    }
    if (auto it = index.notesOfTeam.find(team.id); it != index.notesOfTeam.end()) out.notes = static_cast<int>(it->second.size());
    out.clusters = static_cast<int>(s.clustersOfTeam(team.id).size());
    out.votedIdeas = votedIdeas(s, index, team.id, options, out.dots);
    out.otherIdeas = otherIdeas(s, index, team.id, options, out.votedIdeas);
    if (team.selectedNoteId || team.selectedClusterId)
        out.selected = ideaOf(s, index, team.selectedNoteId, team.selectedClusterId, options);

    std::map<Id, std::size_t> lineageIndex;
    for (const Prototype* p : s.prototypesOfTeam(team.id)) {
        auto [it, fresh] = lineageIndex.emplace(p->lineageId, out.prototypes.size());
        if (fresh) out.prototypes.emplace_back();
        ReportPrototype& proto = out.prototypes[it->second];
        if (!proto.basedOn && (p->basedOnNoteId || p->basedOnClusterId))
            proto.basedOn = ideaOf(s, index, p->basedOnNoteId, p->basedOnClusterId, options);
        ReportVersion version;
        version.prototype = p;
        for (const Photo* photo : ReportIndex::of(index.photosOf, p->id))
            version.photos.push_back({photo->id, photo->mime, photo->caption, store.photoBytes(photo->id), photo->width,
                                      photo->height});
        for (const Feedback* f : ReportIndex::of(index.feedbackOf, p->id)) {
            version.feedback.push_back({f->kind, f->text, f->rating, options.withNames ? f->visitor : std::string()});
            add(version.synthesis, *f);
            add(proto.synthesis, *f);
        }
        proto.versions.push_back(std::move(version));
    }
    return out;
}

} // namespace

std::string sitePrefix(const Report& report, const ReportSection& section) {
    if (report.state->sites.empty()) return {};
    return report.state->siteName(section.site) + " · ";
}

std::string reportFigures(const Report& report) {
    const EventState& s = *report.state;
    return countOf(static_cast<long long>(s.challenges.size()), "défi", "défis", "défi", "défis") + ", " +
           countOf(report.teams, "équipe", "équipes", "team", "teams") + ", " + countOf(report.notes, "post-it", "post-its", "note", "notes") +
           ", " + countOf(report.prototypes, "version de prototype", "versions de prototypes", "prototype version", "prototype versions") +
           ", " + countOf(report.feedback, "retour de visiteur", "retours de visiteurs", "visitor feedback", "visitor feedback");
}

Report buildReport(Store& store, const EventState& s, const ReportOptions& options) {
    Report report;
    report.state = &s;
    report.options = options;
    std::vector<const Team*> teams = s.teamsInOrder();
    const ReportIndex index(s);
    auto challenges = s.challengesInOrder();
    // Site by site (a review file), each site's défis by number, then its teams without a défi.
    std::vector<Id> sites{Id{}};
    for (const EventInfo* site : s.sitesInOrder()) sites.push_back(site->id);
    for (Id site : sites) {
        for (const Challenge* c : challenges) {
            if (c->siteId != site) continue;
            ReportSection section;
            section.challenge = c;
            section.site = site;
            for (const Team* t : teams)
                if (t->challengeId == c->id) section.teams.push_back(teamReport(store, s, index, *t, options));
            report.sections.push_back(std::move(section));
        }
        ReportSection loose;
        loose.site = site;
        for (const Team* t : teams)
            if (t->siteId == site && (!t->challengeId || !s.find<Challenge>(t->challengeId)))
                loose.teams.push_back(teamReport(store, s, index, *t, options));
        if (!loose.teams.empty()) report.sections.push_back(std::move(loose));
    }
    report.teams = static_cast<int>(s.teams.size());
    report.notes = static_cast<int>(s.notes.size());
    report.prototypes = static_cast<int>(s.prototypes.size());
    report.feedback = static_cast<int>(s.feedback.size());
    return report;
}

} // namespace atelier
