#include "io/export_csv.hpp"

#include "io/labels.hpp"
#include "model/language.hpp"

#include <algorithm>
#include <map>

namespace atelier {

namespace {

// A number or a code we wrote ourselves: never neutralised (a negative count stays a number).
struct Raw {
    std::string text;
};

class CsvWriter {
public:
    CsvWriter() : m_out("\xEF\xBB\xBF") {}
    template <typename... Cells> void row(const Cells&... cells) {
        bool first = true;
        ((m_out += (first ? "" : ";"), m_out += render(cells), first = false), ...);
        m_out += "\r\n";
    }
    std::string take() { return std::move(m_out); }

private:
    static std::string render(const std::string& text) { return csvCell(text); }
    static std::string render(const char* text) { return csvCell(text); }
    static std::string render(const Raw& raw) { return raw.text; }
    static std::string render(int n) { return std::to_string(n); }
    std::string m_out;
};

Raw number(int n) { return {std::to_string(n)}; }
std::string yesNo(bool b) { return b ? tr("oui", "yes") : tr("non", "no"); }

struct TeamInfo {
    std::string challenge; // défi number, empty when none
    std::string name;
};

TeamInfo teamInfo(const EventState& s, Id teamId) {
    TeamInfo info;
    if (const Team* t = s.find<Team>(teamId)) {
        info.name = t->name;
        if (const Challenge* c = t->challengeId ? s.find<Challenge>(t->challengeId) : nullptr)
            info.challenge = std::to_string(c->number);
    }
    return info;
}

Raw challengeCell(const TeamInfo& info) { return {info.challenge}; }

std::string memberName(const EventState& s, Id memberId, const ReportOptions& options) {
    if (!options.withNames || !memberId) return {};
    const Member* m = s.find<Member>(memberId);
    return m ? m->name : std::string();
}

template <typename T> std::vector<const T*> sortedRows(const Rows<T>& rows) {
    std::vector<const T*> out;
    for (const auto& [id, row] : rows) out.push_back(&row);
    return out;
}

std::string notesCsv(const EventState& s, const ReportOptions& options) {
    std::map<Id, int> dots;
    for (const auto& [id, v] : s.votes)
        if (v.noteId) dots[v.noteId] += v.count;
    CsvWriter csv;
    if (options.withNames)
        csv.row(tr("Défi n°", "Défi #"), tr("Équipe", "Team"), tr("Texte", "Text"), tr("Regroupement", "Cluster"),
                tr("Phase", "Phase"), tr("Masqué", "Hidden"), tr("Gommettes", "Dots"), tr("Auteur", "Author"),
                tr("Créé le", "Created"));
    else
        csv.row(tr("Défi n°", "Défi #"), tr("Équipe", "Team"), tr("Texte", "Text"), tr("Regroupement", "Cluster"),
                tr("Phase", "Phase"), tr("Masqué", "Hidden"), tr("Gommettes", "Dots"), tr("Créé le", "Created"));
    for (const Team* team : s.teamsInOrder()) {
        TeamInfo info = teamInfo(s, team->id);
        for (const Note* n : s.notesOfTeam(team->id)) {
            const Cluster* cluster = n->clusterId ? s.find<Cluster>(n->clusterId) : nullptr;
            std::string clusterTitle = cluster ? cluster->title : std::string();
            std::string created = localDateTime(n->createdAt, s.event.timeZone);
            if (options.withNames)
                csv.row(challengeCell(info), info.name, n->text, clusterTitle, phaseLabel(n->phase), yesNo(n->hidden),
                        number(dots[n->id]), memberName(s, n->authorId, options), created);
            else
                csv.row(challengeCell(info), info.name, n->text, clusterTitle, phaseLabel(n->phase), yesNo(n->hidden),
                        number(dots[n->id]), created);
        }
    }
    return csv.take();
}

std::string votesCsv(const EventState& s, const ReportOptions& options) {
    CsvWriter csv;
    std::vector<std::string> header{tr("Défi n°", "Défi #"), tr("Équipe", "Team"), tr("Tour ouvert le", "Round opened"),
                                    tr("Mode", "Mode"), tr("Cible", "Target"), tr("Idée", "Idea"), tr("Gommettes", "Dots")};
    if (options.withNames)
        csv.row(header[0], header[1], header[2], header[3], header[4], header[5], header[6], tr("Membre", "Member"));
    else
        csv.row(header[0], header[1], header[2], header[3], header[4], header[5], header[6]);
    std::vector<const Vote*> votes = sortedRows(s.votes);
    auto key = [&](const Vote* v) {
        const VoteRound* r = s.find<VoteRound>(v->roundId);
        const Team* t = r ? s.find<Team>(r->teamId) : nullptr;
        return std::make_tuple(t ? t->name : std::string(), r ? r->openedAt : 0, r ? r->id : Id{}, -v->count, v->id);
    };
    std::sort(votes.begin(), votes.end(), [&](const Vote* a, const Vote* b) { return key(a) < key(b); });
    for (const Vote* v : votes) {
        const VoteRound* round = s.find<VoteRound>(v->roundId);
        if (!round) continue;
        TeamInfo info = teamInfo(s, round->teamId);
        std::string target, idea;
        if (const Note* n = v->noteId ? s.find<Note>(v->noteId) : nullptr) target = "post-it", idea = n->text;
        else if (const Cluster* c = v->clusterId ? s.find<Cluster>(v->clusterId) : nullptr)
            target = tr("regroupement", "cluster"), idea = c->title;
        std::string opened = localDateTime(round->openedAt, s.event.timeZone);
        std::string mode = round->mode == VoteMode::Members ? tr("gommettes par membre", "dots per member")
                                                            : tr("décompte", "tally");
        if (options.withNames)
            csv.row(challengeCell(info), info.name, opened, mode, target, idea, number(v->count), memberName(s, v->memberId, options));
        else
            csv.row(challengeCell(info), info.name, opened, mode, target, idea, number(v->count));
    }
    return csv.take();
}

std::string prototypesCsv(const EventState& s) {
    CsvWriter csv;
    csv.row(tr("Défi n°", "Défi #"), tr("Équipe", "Team"), tr("Prototype", "Prototype"), tr("Version", "Version"),
            tr("Titre", "Title"), tr("Format", "Format"), tr("Statut", "Status"), tr("Description", "Description"),
            tr("Ce que le test doit apprendre", "What the test should learn"), tr("Photos", "Photos"),
            feedbackKindLabel(FeedbackKind::Like), feedbackKindLabel(FeedbackKind::Suggest),
            feedbackKindLabel(FeedbackKind::Question), tr("Note moyenne", "Average rating"), tr("Créé le", "Created"));
    for (const Team* team : s.teamsInOrder()) {
        TeamInfo info = teamInfo(s, team->id);
        std::map<Id, int> lineageNumber; // 1, 2 … per team, in lineage order
        for (const Prototype* p : s.prototypesOfTeam(team->id)) {
            int lineage = lineageNumber.emplace(p->lineageId, static_cast<int>(lineageNumber.size()) + 1).first->second;
            int photos = static_cast<int>(std::count_if(s.photos.begin(), s.photos.end(),
                                                        [&](const auto& ph) { return ph.second.prototypeId == p->id; }));
            int kinds[3] = {0, 0, 0}, ratings = 0, ratingSum = 0;
            for (const Feedback* f : s.feedbackOf(p->id)) {
                ++kinds[static_cast<int>(f->kind)];
                if (f->rating) ++ratings, ratingSum += *f->rating;
            }
            csv.row(challengeCell(info), info.name, number(lineage), number(p->version), p->title, formatLabel(p->format),
                    statusLabel(p->status), p->description, p->learningGoal, number(photos), number(kinds[0]),
                    number(kinds[1]), number(kinds[2]), Raw{ratings ? decimal(double(ratingSum) / ratings) : std::string()},
                    localDateTime(p->createdAt, s.event.timeZone));
        }
    }
    return csv.take();
}

std::string feedbackCsv(const EventState& s, const ReportOptions& options) {
    CsvWriter csv;
    if (options.withNames)
        csv.row(tr("Défi n°", "Défi #"), tr("Équipe", "Team"), tr("Prototype", "Prototype"), tr("Version", "Version"),
                tr("Type", "Kind"), tr("Texte", "Text"), tr("Note", "Rating"), tr("Visiteur", "Visitor"), tr("Date", "Date"));
    else
        csv.row(tr("Défi n°", "Défi #"), tr("Équipe", "Team"), tr("Prototype", "Prototype"), tr("Version", "Version"),
                tr("Type", "Kind"), tr("Texte", "Text"), tr("Note", "Rating"), tr("Date", "Date"));
    for (const Team* team : s.teamsInOrder()) {
        TeamInfo info = teamInfo(s, team->id);
        for (const Prototype* p : s.prototypesOfTeam(team->id)) {
            for (const Feedback* f : s.feedbackOf(p->id)) {
                Raw rating{f->rating ? std::to_string(*f->rating) : std::string()};
                std::string at = localDateTime(f->at, s.event.timeZone);
                if (options.withNames)
                    csv.row(challengeCell(info), info.name, p->title, number(p->version), feedbackKindLabel(f->kind), f->text,
                            rating, f->visitor, at);
                else
                    csv.row(challengeCell(info), info.name, p->title, number(p->version), feedbackKindLabel(f->kind), f->text,
                            rating, at);
            }
        }
    }
    return csv.take();
}

} // namespace

std::string csvCell(std::string_view text) {
    std::string cell(text);
    if (!cell.empty() && (cell[0] == '=' || cell[0] == '+' || cell[0] == '-' || cell[0] == '@' || cell[0] == '\t' ||
                          cell[0] == '\r'))
        cell.insert(0, "'");
    bool quote = cell.find_first_of(";\"\r\n") != std::string::npos || (!cell.empty() && (cell.front() == ' ' || cell.back() == ' '));
    if (!quote) return cell;
    std::string out = "\"";
    for (char c : cell) out += c == '"' ? std::string("\"\"") : std::string(1, c);
    return out + "\"";
}

std::vector<CsvExportFile> exportCsv(const EventState& state, const ReportOptions& options) {
    return {{"notes.csv", notesCsv(state, options)},
            {"votes.csv", votesCsv(state, options)},
            {"prototypes.csv", prototypesCsv(state)},
            {"feedback.csv", feedbackCsv(state, options)}};
}

} // namespace atelier
