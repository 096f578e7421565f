#include "rules/row_rules.hpp"

#include "io/photo_import.hpp"
#include "model/errors.hpp"
#include "model/language.hpp"
#include "model/rows.hpp"
#include "rules/field_rules.hpp"
#include "rules/limits.hpp"
#include "rules/text_rules.hpp"

#include <map>
#include <unordered_map>
#include <unordered_set>

namespace atelier::rules {

namespace {

// Gathers a row's offences: each check runs, and a ValidationError it throws becomes an offence.
class Collector {
public:
    Collector(const char* table, Id row) : m_table(table), m_row(row) {}
    template <typename F> void operator()(std::string_view field, F&& check) {
        try {
            check();
        } catch (const ValidationError& e) {
            add(field, e.what());
        }
    }
    void add(std::string_view field, std::string message) {
        m_out.push_back({m_table, m_row, std::string(field), std::move(message)});
    }
    Offences take() { return std::move(m_out); }

private:
    const char* m_table;
    Id m_row;
    Offences m_out;
};

template <typename T> Collector collectorFor(const T& row) { return Collector(TableOf<T>::table, row.id); }

std::string missing(std::string_view whatFr, std::string_view whatEn, Id id) {
    return trf("{} introuvable (identifiant {}).", "{} not found (id {}).",
               messageLanguage() == Language::French ? whatFr : whatEn, id.str());
}

// The team a referenced row sits on; null (and an offence) when it does not exist.
template <typename T>
const T* reference(Collector& c, const EventState& state, std::string_view field, Id id, std::string_view fr, std::string_view en) {
    if (!id) return nullptr;
    const T* row = state.find<T>(id);
    if (!row) c.add(field, missing(fr, en, id));
    return row;
}

void requireTeam(Collector& c, const EventState& state, Id teamId) {
    if (!teamId) c.add("team_id", std::string(tr("une équipe est obligatoire.", "a team is required.")));
    else reference<Team>(c, state, "team_id", teamId, "Équipe", "Team");
}

void site(Collector& c, const EventState& state, Id siteId) {
    if (siteId && siteId != state.event.id && !state.sites.count(siteId))
        c.add("site_id", missing("Site", "Site", siteId));
}

} // namespace

Offences checkRow(const EventInfo& e, const EventState&) {
    Collector c("event", e.id);
    c("name", [&] { text(e.name, "name", kMaxShortText, true); });
    c("organiser", [&] { text(e.organiser, "organiser", kMaxShortText, false); });
    c("place", [&] { text(e.place, "place", kMaxShortText, false); });
    c("first_day", [&] { day(e.firstDay, "first_day", false); });
    c("last_day", [&] { day(e.lastDay, "last_day", false); });
    if (!e.firstDay.empty() && !e.lastDay.empty() && e.lastDay < e.firstDay)
        c.add("last_day", trf("Le dernier jour ({}) précède le premier ({}).", "The last day ({}) is before the first ({}).",
                              e.lastDay, e.firstDay));
    c("time_zone", [&] { timeZone(e.timeZone); });
    return c.take();
}

Offences checkRow(const Slot& s, const EventState& state) {
    Collector c = collectorFor(s);
    c("day", [&] { day(s.day, "day", true); });
    c("start", [&] { hourMinute(s.start, "start"); });
    c("end", [&] { hourMinute(s.end, "end"); });
    if (s.end < s.start)
        c.add("end", trf("Le créneau finit ({}) avant de commencer ({}).", "The slot ends ({}) before it starts ({}).",
                         shorten(s.end), shorten(s.start)));
    c("title", [&] { text(s.title, "title", kMaxShortText, true); });
    c("room", [&] { text(s.room, "room", kMaxShortText, false); });
    site(c, state, s.siteId);
    return c.take();
}

Offences checkRow(const Challenge& ch, const EventState& state) {
    Collector c = collectorFor(ch);
    c("number", [&] { range(ch.number, "number", 0, kMaxChallengeNumber); });
    c("question", [&] { text(ch.question, "question", kMaxLongText, true); });
    // A named pair, not a structured binding: clang 14 cannot capture those in a lambda.
    for (const auto& entry : {std::pair{&ch.owner, "owner"}, {&ch.territory, "territory"}, {&ch.stakes, "stakes"},
                              {&ch.stakeholders, "stakeholders"}, {&ch.obstacles, "obstacles"}, {&ch.levers, "levers"},
                              {&ch.theme, "theme"}, {&ch.link, "link"}})
        c(entry.second, [&] { text(*entry.first, entry.second, kMaxLongText, false); });
    site(c, state, ch.siteId);
    return c.take();
}

Offences checkRow(const Team& t, const EventState& state) {
    Collector c = collectorFor(t);
    c("name", [&] { text(t.name, "name", kMaxShortText, true); });
    c("colour", [&] { colour(t.colour, "colour"); });
    reference<Challenge>(c, state, "challenge_id", t.challengeId, "Défi", "Défi");
    if (t.selectedNoteId && t.selectedClusterId)
        c.add("selected_cluster_id", std::string(tr("Retenez un post-it ou un regroupement, pas les deux.",
                                                    "Select a note or a cluster, not both.")));
    if (const Note* n = reference<Note>(c, state, "selected_note_id", t.selectedNoteId, "Post-it", "Note"); n && n->teamId != t.id)
        c.add("selected_note_id", std::string(tr("Ce post-it est sur le mur d'une autre équipe.", "This note is on another team's board.")));
    if (const Cluster* cl = reference<Cluster>(c, state, "selected_cluster_id", t.selectedClusterId, "Regroupement", "Cluster");
        cl && cl->teamId != t.id)
        c.add("selected_cluster_id",
              std::string(tr("Ce regroupement est sur le mur d'une autre équipe.", "This cluster is on another team's board.")));
    site(c, state, t.siteId);
    return c.take();
}

Offences checkTeamNameFree(const Team& t, const EventState& state) {
    Collector c = collectorFor(t);
    for (const auto& [id, other] : state.teams)
        if (id != t.id && other.name == t.name && other.siteId == t.siteId) { // sites of a review file may share names
            c.add("name", trf("Une équipe s'appelle déjà « {} ». Choisissez un autre nom.",
                              "A team is already called \"{}\". Choose another name.", shorten(t.name)));
            break;
        }
    return c.take();
}

Offences checkChallengeNumberFree(const Challenge& ch, const EventState& state) {
    Collector c = collectorFor(ch);
    if (ch.number > 0)
        for (const auto& [id, other] : state.challenges)
            if (id != ch.id && other.number == ch.number && other.siteId == ch.siteId) {
                c.add("number", trf("Le défi n° {} existe déjà. Choisissez un autre numéro.",
                                    "Défi number {} already exists. Choose another number.", ch.number));
                break;
            }
    return c.take();
}

Offences checkRow(const Member& m, const EventState& state) {
    Collector c = collectorFor(m);
    requireTeam(c, state, m.teamId);
    c("name", [&] { text(m.name, "name", kMaxShortText, true); });
    c("organisation", [&] { text(m.organisation, "organisation", kMaxShortText, false); });
    return c.take();
}

Offences checkRow(const PhaseChange& p, const EventState& state) {
    Collector c = collectorFor(p);
    requireTeam(c, state, p.teamId);
    return c.take();
}

Offences checkRow(const Cluster& cl, const EventState& state) {
    Collector c = collectorFor(cl);
    requireTeam(c, state, cl.teamId);
    c("title", [&] { text(cl.title, "title", kMaxShortText, true); });
    c("colour", [&] { colour(cl.colour, "colour"); });
    c("x", [&] { coordinate(cl.x, "x"); });
    c("y", [&] { coordinate(cl.y, "y"); });
    return c.take();
}

Offences checkRow(const Note& n, const EventState& state) {
    Collector c = collectorFor(n);
    requireTeam(c, state, n.teamId);
    c("text", [&] { text(n.text, "text", kMaxLongText, false); });
    c("colour", [&] { colour(n.colour, "colour"); });
    c("x", [&] { coordinate(n.x, "x"); });
    c("y", [&] { coordinate(n.y, "y"); });
    c("width", [&] { noteSide(n.width, "width"); });
    c("height", [&] { noteSide(n.height, "height"); });
    if (const Member* author = reference<Member>(c, state, "author_id", n.authorId, "Membre", "Member");
        author && author->teamId != n.teamId)
        c.add("author_id", std::string(tr("L'auteur du post-it n'est pas membre de cette équipe.",
                                          "The note's author is not a member of this team.")));
    if (const Cluster* cl = reference<Cluster>(c, state, "cluster_id", n.clusterId, "Regroupement", "Cluster");
        cl && cl->teamId != n.teamId)
        c.add("cluster_id",
              std::string(tr("Ce regroupement est sur le mur d'une autre équipe.", "This cluster is on another team's board.")));
    return c.take();
}

Offences checkRow(const VoteRound& r, const EventState& state) {
    Collector c = collectorFor(r);
    requireTeam(c, state, r.teamId);
    c("budget", [&] { range(r.budget, "budget", kMinVoteBudget, kMaxVoteBudget); });
    if (r.cap) c("cap", [&] { range(*r.cap, "cap", 1, r.budget); });
    return c.take();
}

Offences checkRow(const Vote& v, const EventState& state) {
    Collector c = collectorFor(v);
    c("count", [&] { range(v.count, "count", 1, kMaxDots); });
    const VoteRound* round = reference<VoteRound>(c, state, "round_id", v.roundId, "Tour de vote", "Vote round");
    if (!v.roundId) c.add("round_id", std::string(tr("un tour de vote est obligatoire.", "a vote round is required.")));
    if (bool(v.noteId) == bool(v.clusterId))
        c.add("note_id", std::string(tr("Votez pour un post-it ou pour un regroupement (l'un des deux).",
                                        "Vote for a note or for a cluster (one of the two).")));
    const Note* note = reference<Note>(c, state, "note_id", v.noteId, "Post-it", "Note");
    const Cluster* cluster = reference<Cluster>(c, state, "cluster_id", v.clusterId, "Regroupement", "Cluster");
    const Member* member = reference<Member>(c, state, "member_id", v.memberId, "Membre", "Member");
    if (!round) return c.take();
    if ((note && note->teamId != round->teamId) || (cluster && cluster->teamId != round->teamId))
        c.add(note ? "note_id" : "cluster_id", std::string(tr("Ce post-it est sur le mur d'une autre équipe que ce vote.",
                                                              "This note is on another team's board than this vote.")));
    if (round->mode == VoteMode::Members) {
        if (!v.memberId)
            c.add("member_id", std::string(tr("Dans un tour en mode vote des membres, chaque vote a son membre.",
                                              "In a members round, each vote has its member.")));
        if (member && member->teamId != round->teamId)
            c.add("member_id", trf("{} n'est pas membre de l'équipe qui vote.", "{} is not a member of the voting team.",
                                   shorten(member->name)));
        if (round->cap && v.count > *round->cap)
            c.add("count", trf("{} gommettes sur une idée : au plus {} par idée.", "{} dots on one idea: at most {} per idea.",
                               v.count, *round->cap));
        if (v.count > round->budget)
            c.add("count", trf("{} gommettes : au plus {} par personne dans ce tour.", "{} dots: at most {} each in this round.",
                               v.count, round->budget));
    } else if (v.memberId) {
        c.add("member_id", std::string(tr("Dans un tour en mode décompte, les votes n'ont pas de membre.",
                                          "In a tally round, votes have no member.")));
    }
    return c.take();
}

Offences checkRow(const Prototype& p, const EventState& state) {
    Collector c = collectorFor(p);
    requireTeam(c, state, p.teamId);
    c("title", [&] { text(p.title, "title", kMaxShortText, true); });
    c("description", [&] { text(p.description, "description", kMaxLongText, false); });
    c("learning_goal", [&] { text(p.learningGoal, "learning_goal", kMaxLongText, false); });
    c("version", [&] { range(p.version, "version", 1, 1000000); });
    if (p.basedOnNoteId && p.basedOnClusterId)
        c.add("based_on_cluster_id", std::string(tr("Un prototype part d'un post-it ou d'un regroupement, pas des deux.",
                                                    "A prototype builds on a note or a cluster, not both.")));
    if (const Note* n = reference<Note>(c, state, "based_on_note_id", p.basedOnNoteId, "Post-it", "Note"); n && n->teamId != p.teamId)
        c.add("based_on_note_id", std::string(tr("Ce post-it est sur le mur d'une autre équipe.", "This note is on another team's board.")));
    if (const Cluster* cl = reference<Cluster>(c, state, "based_on_cluster_id", p.basedOnClusterId, "Regroupement", "Cluster");
        cl && cl->teamId != p.teamId)
        c.add("based_on_cluster_id",
              std::string(tr("Ce regroupement est sur le mur d'une autre équipe.", "This cluster is on another team's board.")));
    if (p.lineageId != p.id) {
        const Prototype* first = reference<Prototype>(c, state, "lineage_id", p.lineageId, "Prototype", "Prototype");
        if (!p.lineageId) c.add("lineage_id", std::string(tr("la lignée est obligatoire.", "the lineage is required.")));
        else if (first && first->teamId != p.teamId)
            c.add("lineage_id", std::string(tr("Cette version suit le prototype d'une autre équipe.",
                                               "This version follows another team's prototype.")));
    }
    return c.take();
}

Offences checkRow(const Photo& p, const EventState& state) {
    Collector c = collectorFor(p);
    if (!p.prototypeId) c.add("prototype_id", std::string(tr("un prototype est obligatoire.", "a prototype is required.")));
    reference<Prototype>(c, state, "prototype_id", p.prototypeId, "Prototype", "Prototype");
    c("caption", [&] { text(p.caption, "caption", kMaxShortText, false); });
    if (p.mime != "image/jpeg" && p.mime != "image/png")
        c.add("mime", trf("« mime » : « {} » n'est pas accepté (image/jpeg ou image/png).",
                          "\"mime\": \"{}\" is not accepted (image/jpeg or image/png).", shorten(p.mime)));
    c("width", [&] { range(p.width, "width", 1, kMaxPhotoFileSide); });
    c("height", [&] { range(p.height, "height", 1, kMaxPhotoFileSide); });
    return c.take();
}

Offences checkPhotoBytes(const Photo& p, std::string_view bytes) {
    Collector c = collectorFor(p);
    if (bytes.empty()) c.add("data", std::string(tr("« data » : la photo n'a pas d'octets.", "\"data\": the photo has no bytes.")));
    else if (bytes.size() > kMaxStoredPhotoBytes)
        c.add("data", trf("« data » : photo trop lourde ({} octets, au plus {}).", "\"data\": photo too large ({} bytes, at most {}).",
                          bytes.size(), kMaxStoredPhotoBytes));
    else if (photoMime(bytes) != p.mime)
        c.add("data", trf("« data » n'est pas une image {}.", "\"data\" is not an {} image.", shorten(p.mime)));
    return c.take();
}

Offences checkRow(const Feedback& f, const EventState& state) {
    Collector c = collectorFor(f);
    if (!f.prototypeId) c.add("prototype_id", std::string(tr("un prototype est obligatoire.", "a prototype is required.")));
    reference<Prototype>(c, state, "prototype_id", f.prototypeId, "Prototype", "Prototype");
    c("text", [&] { text(f.text, "text", kMaxLongText, !f.rating.has_value()); });
    c("visitor", [&] { text(f.visitor, "visitor", kMaxShortText, false); });
    if (f.rating) c("rating", [&] { range(*f.rating, "rating", 1, 5); });
    return c.take();
}

Offences checkRow(const TimedSession& t, const EventState& state) {
    Collector c = collectorFor(t);
    c("label", [&] { text(t.label, "label", kMaxShortText, false); });
    reference<Team>(c, state, "team_id", t.teamId, "Équipe", "Team");
    constexpr Millis kMaxMs = Millis{kMaxTimerSeconds} * 1000;
    auto within = [&](const char* field, Millis value, Millis min, Millis max) {
        if (value < min || value > max)
            c.add(field, trf("« {} » doit être entre {} et {} ms (reçu {}).", "\"{}\" must be between {} and {} ms (got {}).",
                             field, min, max, value));
    };
    within("duration_ms", t.durationMs, 1000, kMaxMs);
    // Each extension adds at most kMaxTimerSeconds; the remaining time never exceeds what was planned and added.
    within("extension_count", t.extensionCount, 0, 1000000);
    within("extension_ms", t.extensionMs, 0, kMaxMs * std::max<Millis>(1, t.extensionCount));
    within("remaining_ms", t.remainingMs, 0, t.durationMs + std::max<Millis>(0, t.extensionMs));
    site(c, state, t.siteId);
    return c.take();
}

namespace {

template <typename T> void checkTable(const Rows<T>& rows, const EventState& state, Offences& out, std::size_t limit) {
    for (const auto& [id, row] : rows) {
        if (out.size() >= limit) return;
        for (Offence& o : checkRow(row, state)) out.push_back(std::move(o));
    }
}

} // namespace

Offences checkState(const EventState& s, std::size_t limit) {
    Offences out;
    for (Offence& o : checkRow(s.event, s)) out.push_back(std::move(o));
    checkTable(s.sites, s, out, limit);
    checkTable(s.slots, s, out, limit);
    checkTable(s.challenges, s, out, limit);
    checkTable(s.teams, s, out, limit);
    checkTable(s.members, s, out, limit);
    checkTable(s.phaseChanges, s, out, limit);
    checkTable(s.clusters, s, out, limit);
    checkTable(s.notes, s, out, limit);
    checkTable(s.voteRounds, s, out, limit);
    checkTable(s.votes, s, out, limit);
    checkTable(s.prototypes, s, out, limit);
    checkTable(s.photos, s, out, limit);
    checkTable(s.feedback, s, out, limit);
    checkTable(s.timedSessions, s, out, limit);

    // Across rows, with one pass and a map each (a bundle may hold 100,000 notes).
    std::map<std::pair<Id, std::string>, Id> teamNames; // (site, name) → team
    for (const auto& [id, t] : s.teams)
        if (auto [it, fresh] = teamNames.emplace(std::pair{t.siteId, t.name}, id); !fresh && out.size() < limit)
            for (Offence& o : checkTeamNameFree(t, s)) out.push_back(std::move(o));
    std::map<std::pair<Id, int>, Id> numbers; // (site, number) → défi
    for (const auto& [id, ch] : s.challenges)
        if (ch.number > 0)
            if (auto [it, fresh] = numbers.emplace(std::pair{ch.siteId, ch.number}, id); !fresh && out.size() < limit)
                for (Offence& o : checkChallengeNumberFree(ch, s)) out.push_back(std::move(o));
    std::unordered_set<Id> openRoundTeams;
    for (const auto& [id, r] : s.voteRounds)
        if (!r.closed && !openRoundTeams.insert(r.teamId).second && out.size() < limit)
            out.push_back({"vote_round", id, "closed",
                           std::string(tr("Une équipe a au plus un tour de vote ouvert.", "A team has at most one open vote round."))});
    struct Spent {
        long long dots = 0;
        Id lastVote;
    };
    std::map<std::pair<Id, Id>, Spent> used; // (round, member) → dots, and one of the votes
    for (const auto& [id, v] : s.votes)
        if (v.memberId) {
            Spent& spent = used[{v.roundId, v.memberId}];
            spent.dots += v.count;
            spent.lastVote = std::max(spent.lastVote, id);
        }
    for (const auto& [key, spent] : used) {
        const VoteRound* round = s.find<VoteRound>(key.first);
        long long dots = spent.dots;
        if (round && dots > round->budget && out.size() < limit)
            out.push_back({"vote", spent.lastVote, "count",
                           trf("le membre {} a posé {} gommettes dans le tour {}, au plus {} par personne.",
                               "member {} has used {} dots in round {}, at most {} each.", key.second.str(), dots,
                               key.first.str(), round->budget)});
    }
    if (out.size() > limit) out.resize(limit);
    return out;
}

void enforce(const Offences& offences) {
    if (!offences.empty()) throw ValidationError(offences.front().message);
}

} // namespace atelier::rules
