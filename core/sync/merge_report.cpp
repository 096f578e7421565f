#include "sync/merge_report.hpp"

#include "model/language.hpp"

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
    if (!report.site.empty())
        out << "  " << trf("Site « {} » : un autre événement, réuni dans ce fichier de revue avec ses défis et ses équipes.",
                           "Site \"{}\": another event, gathered into this review file with its défis and teams.", report.site)
            << "\n";
    if (report.newEntries == 0) {
        out << "  "
            << trf("Rien de nouveau : les {} modifications de ce fichier sont déjà là.",
                   "Nothing new: this file's {} changes are already here.", report.knownEntries)
            << "\n";
        return out.str();
    }
    out << "  "
        << trf("{} modifications nouvelles, {} déjà connues, {} d'ici rejouées dans l'ordre du temps",
               "{} new changes, {} already known, {} of this file's replayed in time order", report.newEntries,
               report.knownEntries, report.replayedEntries)
        << "\n";
    out << "  " << tr("Avant : ", "Before: ") << contentCounts(before) << "\n";
    out << "  " << tr("Après : ", "After:  ") << contentCounts(after) << "\n";
    if (report.conflicts.empty()) {
        out << "  " << tr("Aucun conflit.", "No conflict.") << "\n";
    } else {
        out << "  " << trf("Conflits ({}) :", "Conflicts ({}):", report.conflicts.size()) << "\n";
        for (const auto& c : report.conflicts) {
            // Named as it is now, or as it was when the merge removed it.
            std::string name = describeRow(after, c.table, c.row);
            if (name == describeRow(EventState{}, c.table, c.row)) name = describeRow(before, c.table, c.row);
            out << "    - " << name << " : " << c.what << "\n";
        }
    }
    return out.str();
}

} // namespace atelier
