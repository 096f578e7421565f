#include "sync/merge_report.hpp"

#include "model/language.hpp"

#include <array>
#include <map>
#include <sstream>

namespace atelier {

namespace {

std::string excerpt(const std::string& text) {
    if (text.size() <= 60) return text;
    std::size_t cut = 57;
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut; // not inside a UTF-8 sequence
    return text.substr(0, cut) + "…";
}

std::string quoted(const std::string& noun, const std::string& name) {
    return messageLanguage() == Language::French ? noun + " « " + excerpt(name) + " »" : noun + " \"" + excerpt(name) + "\"";
}

// The kinds of rows a report counts, singular and plural in each language.
const std::map<std::string, std::array<const char*, 4>> kKindWords{
    {"challenge", {"défi", "défis", "défi", "défis"}},
    {"team", {"équipe", "équipes", "team", "teams"}},
    {"member", {"membre", "membres", "member", "members"}},
    {"note", {"post-it", "post-its", "note", "notes"}},
    {"cluster", {"regroupement", "regroupements", "cluster", "clusters"}},
    {"vote_round", {"tour de vote", "tours de vote", "vote round", "vote rounds"}},
    {"phase_change", {"changement de phase", "changements de phase", "phase change", "phase changes"}},
    {"prototype", {"prototype", "prototypes", "prototype", "prototypes"}},
    {"feedback", {"retour", "retours", "feedback", "feedback"}},
    {"photo", {"photo", "photos", "photo", "photos"}},
    {"slot", {"créneau", "créneaux", "slot", "slots"}},
    {"timed_session", {"minuteur", "minuteurs", "timer", "timers"}},
};

} // namespace

std::string describeRow(const EventState& s, const std::string& table, Id id) {
    if (table == "note") if (const Note* n = s.find<Note>(id)) return quoted(tr("post-it", "note"), n->text);
    if (table == "team") if (const Team* t = s.find<Team>(id)) return quoted(tr("équipe", "team"), t->name);
    if (table == "member") if (const Member* m = s.find<Member>(id)) return quoted(tr("membre", "member"), m->name);
    if (table == "cluster") if (const Cluster* c = s.find<Cluster>(id)) return quoted(tr("regroupement", "cluster"), c->title);
    if (table == "challenge")
        if (const Challenge* c = s.find<Challenge>(id)) return trf("défi {}", "défi {}", c->number);
    if (table == "slot") if (const Slot* sl = s.find<Slot>(id)) return quoted(tr("créneau", "slot"), sl->title);
    if (table == "prototype") if (const Prototype* p = s.find<Prototype>(id)) return quoted(tr("prototype", "prototype"), p->title);
    if (table == "feedback") if (const Feedback* f = s.find<Feedback>(id)) return quoted(tr("retour", "feedback"), f->text);
    if (table == "event") return tr("l'événement", "the event");
    return trf("{} {}", "{} {}", table, id.str());
}

std::string contentCounts(const EventState& s) {
    std::size_t dots = 0;
    for (const auto& [id, v] : s.votes) dots += static_cast<std::size_t>(v.count);
    return countOf(static_cast<long long>(s.challenges.size()), "défi", "défis", "défi", "défis") + ", " +
           countOf(static_cast<long long>(s.teams.size()), "équipe", "équipes", "team", "teams") + ", " +
           countOf(static_cast<long long>(s.members.size()), "membre", "membres", "member", "members") + ", " +
           countOf(static_cast<long long>(s.slots.size()), "créneau", "créneaux", "slot", "slots") + ", " +
           countOf(static_cast<long long>(s.notes.size()), "post-it", "post-its", "note", "notes") + ", " +
           countOf(static_cast<long long>(dots), "gommette", "gommettes", "dot", "dots") + ", " +
           countOf(static_cast<long long>(s.prototypes.size()), "prototype", "prototypes", "prototype", "prototypes") + ", " +
           countOf(static_cast<long long>(s.feedback.size()), "retour", "retours", "feedback", "feedback");
}

std::string formatMergeReport(const std::string& fromPath, const MergeReport& report, const EventState& before,
                              const EventState& after) {
    std::ostringstream out;
    out << trf("Fusion de {}", "Merge of {}", fromPath) << "\n";
    for (const auto& site : report.sites)
        out << "  " << trf("Site « {} » : un autre événement, réuni dans ce fichier de revue avec ses défis et ses équipes.",
                           "Site \"{}\": another event, gathered into this review file with its défis and teams.", site)
            << "\n";
    if (report.newEntries == 0) {
        out << "  "
            << (report.knownEntries == 0   ? tr("Rien de nouveau : ce fichier n’apporte aucune modification.",
                                                   "Nothing new: this file brings no change.")
                : report.knownEntries == 1 ? tr("Rien de nouveau : la modification de ce fichier est déjà là.",
                                                   "Nothing new: this file's one change is already here.")
                                           : trf("Rien de nouveau : les {} modifications de ce fichier sont déjà là.",
                                                 "Nothing new: this file's {} changes are already here.", report.knownEntries))
            << "\n";
        return out.str();
    }
    // The counts first, then one sentence per item.
    int dotsBack = 0;
    std::size_t alongRemoved = 0, alongRestored = 0;
    for (const auto& c : report.conflicts) {
        if (c.kind == ConflictKind::DotsReturned || c.kind == ConflictKind::Repaired) dotsBack += c.dots;
        if (c.kind == ConflictKind::Removed && c.alongWith) ++alongRemoved;
        if (c.kind == ConflictKind::Restored) ++alongRestored;
    }
    out << "  "
        << countOf((long long)report.newEntries, "modification nouvelle", "modifications nouvelles", "new change", "new changes")
        << ", " << countOf((long long)report.knownEntries, "déjà connue", "déjà connues", "already known", "already known")
        << ", " << countOf((long long)report.replayedEntries, "d'ici rejouée", "d'ici rejouées", "of this file's replayed",
                           "of this file's replayed")
        << "\n";
    // Only the kinds that happened, each counted with the plural rule; « Aucun conflit. » if none.
    struct Count { long long n; const char *frOne, *frMany, *enOne, *enMany; };
    const Count counts[] = {
        {(long long)report.count(ConflictKind::LaterWins), "champ modifié sur deux copies", "champs modifiés sur deux copies",
         "field changed on two copies", "fields changed on two copies"},
        {(long long)report.count(ConflictKind::Kept), "élément gardé", "éléments gardés", "item kept", "items kept"},
        {(long long)report.count(ConflictKind::BroughtBack), "élément rétabli", "éléments rétablis", "item brought back", "items brought back"},
        {(long long)alongRestored, "élément revenu avec ce qui le portait", "éléments revenus avec ce qui les portait",
         "item back with what held it", "items back with what held them"},
        {(long long)(report.count(ConflictKind::Removed) - alongRemoved), "suppression appliquée", "suppressions appliquées",
         "delete applied", "deletes applied"},
        {(long long)alongRemoved, "élément emporté par une suppression", "éléments emportés par une suppression",
         "item taken along by a delete", "items taken along by a delete"},
        {(long long)report.count(ConflictKind::Repaired), "réparation", "réparations", "repair", "repairs"},
        {(long long)dotsBack, "gommette rendue", "gommettes rendues", "dot given back", "dots given back"},
        {(long long)report.count(ConflictKind::Overdrawn), "retrait de gommettes fait deux fois", "retraits de gommettes faits deux fois",
         "dot withdrawal made twice", "dot withdrawals made twice"},
        {(long long)report.count(ConflictKind::Refused), "changement refusé", "changements refusés", "change refused", "changes refused"},
    };
    std::string list;
    for (const Count& c : counts)
        if (c.n > 0) list += (list.empty() ? "" : ", ") + countOf(c.n, c.frOne, c.frMany, c.enOne, c.enMany);
    out << "  " << (list.empty() ? tr("Aucun conflit.", "No conflict.") : tr("Conflits : ", "Conflicts: ") + list) << "\n";
    // What came back or went along with another item, counted by kind (one line each, not one per row).
    for (bool restored : {true, false}) {
        std::map<std::string, long long> byTable;
        long long dots = 0;
        for (const auto& c : report.conflicts)
            if (restored ? c.kind == ConflictKind::Restored : (c.kind == ConflictKind::Removed && c.alongWith)) {
                if (c.table == "vote") dots += c.dots < 0 ? -c.dots : c.dots; // counted as dots, not as rows
                else ++byTable[c.table];
            }
        std::string kinds;
        if (dots > 0) kinds = countOf(dots, "gommette", "gommettes", "dot", "dots");
        for (const auto& [table, n] : byTable) {
            auto it = kKindWords.find(table);
            std::string words = it == kKindWords.end() ? countOf(n, "autre élément", "autres éléments", "other item", "other items")
                                                       : countOf(n, it->second[0], it->second[1], it->second[2], it->second[3]);
            kinds += (kinds.empty() ? "" : ", ") + words;
        }
        if (kinds.empty()) continue;
        out << "  " << (restored ? tr("Revenus avec ce qui les portait : ", "Back with what held them: ")
                                 : tr("Emportés par une suppression : ", "Taken along by a delete: "))
            << kinds << "\n";
    }
    out << "  " << tr("Avant : ", "Before: ") << contentCounts(before) << "\n";
    out << "  " << tr("Après : ", "After:  ") << contentCounts(after) << "\n";
    for (ConflictKind kind : {ConflictKind::BroughtBack, ConflictKind::Kept, ConflictKind::LaterWins, ConflictKind::DotsReturned,
                              ConflictKind::Repaired, ConflictKind::Overdrawn, ConflictKind::Removed, ConflictKind::Refused})
        for (const auto& c : report.conflicts)
            if (c.kind == kind && !c.alongWith) out << "    - " << c.what << "\n";
    return out.str();
}

} // namespace atelier
