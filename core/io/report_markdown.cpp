#include "io/labels.hpp"
#include "io/report.hpp"
#include "model/language.hpp"

#include <cctype>

namespace atelier {

namespace {

std::string plural(int n, std::string_view one, std::string_view many) {
    return std::to_string(n) + " " + std::string(n > 1 ? many : one);
}

std::string extensionOf(const std::string& mime) {
    if (mime == "image/png") return "png";
    if (mime == "image/jpeg") return "jpg";
    if (mime == "image/gif") return "gif";
    if (mime == "image/webp") return "webp";
    return "bin";
}

std::string ideaLine(const ReportIdea& idea) {
    std::string line = escapeMarkdown(idea.text);
    if (idea.isCluster) line = tr("regroupement ", "cluster ") + "« " + line + " »";
    if (!idea.author.empty()) line += " (" + escapeMarkdown(idea.author) + ")";
    if (!idea.notes.empty()) {
        std::string notes;
        for (const auto& n : idea.notes) notes += (notes.empty() ? "" : " ; ") + escapeMarkdown(n);
        line += " : " + notes;
    }
    return line;
}

std::string synthesisLine(const FeedbackSynthesis& s) {
    std::string line = plural(s.byKind[0], tr("« j’aime »", "\"I like\""), tr("« j’aime »", "\"I like\"")) + ", " +
                       plural(s.byKind[1], tr("« je suggère »", "\"I suggest\""), tr("« je suggère »", "\"I suggest\"")) +
                       ", " +
                       plural(s.byKind[2], tr("« je m’interroge »", "\"I wonder\""), tr("« je m’interroge »", "\"I wonder\""));
    if (s.ratings > 0)
        line += trf(" ; note moyenne {}/5 ({})", "; average rating {}/5 ({})", decimal(s.averageRating),
                    plural(s.ratings, tr("note", "rating"), tr("notes", "ratings")));
    return line;
}

void team(std::string& md, const ReportTeam& t, const Report& report, const std::string& photoFolder,
          std::vector<ReportFile>& photos) {
    const std::string& zone = report.state->event.timeZone;
    md += "### " + escapeMarkdown(t.team->name) + "\n\n";
    md += "- " + tr("**Phase atteinte :** ", "**Phase reached:** ") + phaseLabel(t.team->phase);
    if (t.phaseSince) md += trf(" (depuis le {})", " (since {})", localDateTime(t.phaseSince, zone));
    md += "\n";
    int members = t.roleCounts[0] + t.roleCounts[1] + t.roleCounts[2] + t.roleCounts[3];
    md += "- " + tr("**Membres :** ", "**Members:** ") + std::to_string(members);
    std::string roles;
    for (std::size_t r = 0; r < 4; ++r)
        if (t.roleCounts[r])
            roles += (roles.empty() ? "" : ", ") + std::to_string(t.roleCounts[r]) + " " +
                     (t.roleCounts[r] > 1 ? roleLabelPlural(static_cast<Role>(r)) : roleLabel(static_cast<Role>(r)));
    if (!roles.empty()) md += " (" + roles + ")";
    md += "\n";
    for (const auto& m : t.members) {
        md += "  - " + escapeMarkdown(m.name) + ", " + roleLabel(m.role);
        if (!m.organisation.empty()) md += " — " + escapeMarkdown(m.organisation);
        md += "\n";
    }
    md += "- " + tr("**Mur :** ", "**Board:** ") + plural(t.notes, "post-it", "post-its") + ", " +
          plural(t.clusters, tr("regroupement", "cluster"), tr("regroupements", "clusters")) + ", " +
          plural(t.dots, tr("gommette", "dot"), tr("gommettes", "dots")) + "\n\n";

    if (!t.votedIdeas.empty()) {
        md += "#### " + tr("Idées qui ont reçu des gommettes", "Ideas that got dots") + "\n\n";
        int rank = 0;
        for (const auto& idea : t.votedIdeas)
            md += std::to_string(++rank) + ". " + ideaLine(idea) + " — **" +
                  plural(idea.votes, tr("gommette", "dot"), tr("gommettes", "dots")) + "**\n";
        md += "\n";
    }
    md += "#### " + tr("Piste retenue", "Selected idea") + "\n\n";
    md += (t.selected ? ideaLine(*t.selected) : tr("_Pas encore choisie._", "_Not chosen yet._")) + "\n\n";

    if (t.prototypes.empty()) return;
    md += "#### " + tr("Prototypes", "Prototypes") + "\n\n";
    for (const auto& proto : t.prototypes) {
        const Prototype& last = *proto.versions.back().prototype;
        md += "##### " + escapeMarkdown(last.title) + "\n\n";
        if (proto.basedOn) md += tr("À partir de : ", "Builds on: ") + ideaLine(*proto.basedOn) + "\n\n";
        for (const auto& version : proto.versions) {
            const Prototype& p = *version.prototype;
            md += "**Version " + std::to_string(p.version) + "** — " + escapeMarkdown(p.title) + " (" + formatLabel(p.format) +
                  ", " + statusLabel(p.status) + ")\n\n";
            if (!p.description.empty()) md += escapeMarkdownBlock(p.description) + "\n\n";
            if (!p.learningGoal.empty())
                md += tr("_Ce que le test doit apprendre :_ ", "_What the test should learn:_ ") +
                      escapeMarkdown(p.learningGoal) + "\n\n";
            for (const auto& photo : version.photos) {
                std::string file = photoFolder + "/photo-" + photo.id.str() + "." + extensionOf(photo.mime);
                photos.push_back({file, photo.bytes});
                std::string alt = photo.caption.empty() ? tr("Photo du prototype", "Photo of the prototype") : photo.caption;
                md += "![" + escapeMarkdown(alt) + "](" + file + ")\n\n";
            }
            if (!version.feedback.empty()) {
                md += tr("Retours : ", "Feedback: ") + synthesisLine(version.synthesis) + "\n\n";
                for (const auto& f : version.feedback) {
                    md += "- _" + feedbackKindLabel(f.kind) + "_ : " + escapeMarkdown(f.text);
                    if (f.rating) md += " (" + std::to_string(*f.rating) + "/5)";
                    if (!f.visitor.empty()) md += " — " + escapeMarkdown(f.visitor);
                    md += "\n";
                }
                md += "\n";
            }
        }
        if (proto.versions.size() > 1 && proto.synthesis.total() > 0)
            md += tr("**Synthèse des retours, toutes versions :** ", "**Feedback, all versions:** ") +
                  synthesisLine(proto.synthesis) + "\n\n";
    }
}

} // namespace

std::string escapeMarkdown(std::string_view text) {
    std::string out;
    out.reserve(text.size() + 8);
    for (char c : text) {
        switch (c) {
        case '<': out += "&lt;"; break;
        case '>': out += "&gt;"; break;
        case '&': out += "&amp;"; break;
        case '\n': case '\r': case '\t': out += ' '; break;
        case '\\': case '`': case '*': case '_': case '[': case ']': case '#': case '|': case '~': case '!':
            out += '\\';
            out += c;
            break;
        default: out += c;
        }
    }
    return out;
}

std::string escapeMarkdownBlock(std::string_view text) {
    std::vector<std::string> lines;
    std::size_t start = 0;
    while (start <= text.size()) {
        std::size_t end = text.find('\n', start);
        if (end == std::string_view::npos) end = text.size();
        std::string_view raw = text.substr(start, end - start);
        std::size_t lead = raw.find_first_not_of(" \t\r"); // indentation would make a code block
        std::string line = lead == std::string_view::npos ? std::string() : escapeMarkdown(raw.substr(lead));
        while (!line.empty() && line.back() == ' ') line.pop_back();
        // Markers that only mean something at the start of a line: lists, setext underlines.
        if (!line.empty() && (line[0] == '-' || line[0] == '+' || line[0] == '=')) line.insert(0, "\\");
        std::size_t digits = 0;
        while (digits < line.size() && std::isdigit(static_cast<unsigned char>(line[digits]))) ++digits;
        if (digits > 0 && digits < line.size() && (line[digits] == '.' || line[digits] == ')')) line.insert(digits, "\\");
        lines.push_back(std::move(line));
        start = end + 1;
    }
    std::string out;
    for (std::size_t i = 0; i < lines.size(); ++i) {
        if (i) out += lines[i].empty() || lines[i - 1].empty() ? "\n" : "  \n"; // two spaces: a hard line break
        out += lines[i];
    }
    return out;
}

MarkdownReport renderMarkdown(const Report& report, const std::string& photoFolder) {
    MarkdownReport out;
    std::string& md = out.text;
    const EventInfo& e = report.state->event;
    md += "# " + tr("Restitution — ", "Report — ") + escapeMarkdown(e.name) + "\n\n";
    std::string meta;
    if (!e.organiser.empty()) meta += escapeMarkdown(e.organiser);
    if (!e.place.empty()) meta += (meta.empty() ? "" : " · ") + escapeMarkdown(e.place);
    if (!e.firstDay.empty())
        meta += (meta.empty() ? "" : " · ") +
                (e.lastDay.empty() || e.lastDay == e.firstDay
                     ? trf("le {}", "on {}", displayDay(e.firstDay))
                     : trf("du {} au {}", "from {} to {}", displayDay(e.firstDay), displayDay(e.lastDay)));
    if (!meta.empty()) md += meta + "\n\n";
    std::size_t challenges = report.state->challenges.size();
    if (!report.state->sites.empty()) {
        md += plural(static_cast<int>(report.state->sites.size()), "site", "sites") + tr(" : ", ": ");
        std::string names;
        for (const EventInfo* site : report.state->sitesInOrder()) names += (names.empty() ? "" : ", ") + escapeMarkdown(site->name);
        md += names + ".\n\n";
    }
    md += plural(static_cast<int>(challenges), tr("défi", "défi"), tr("défis", "défis")) + ", " +
          plural(report.teams, tr("équipe", "team"), tr("équipes", "teams")) + ", " + plural(report.notes, "post-it", "post-its") +
          ", " + plural(report.prototypes, tr("version de prototype", "prototype version"), tr("versions de prototypes", "prototype versions")) +
          ", " + plural(report.feedback, tr("retour de visiteur", "visitor feedback"), tr("retours de visiteurs", "visitor feedback")) +
          ".\n\n";

    for (const auto& section : report.sections) {
        if (const Challenge* c = section.challenge) {
            md += "## " + escapeMarkdown(sitePrefix(report, section)) + trf("Défi n°{} — ", "Défi #{} — ", c->number) + escapeMarkdown(c->question) + "\n\n";
            const std::pair<std::string, const std::string*> context[] = {
                {tr("Porteur", "Owner"), &c->owner},           {tr("Territoire", "Territory"), &c->territory},
                {tr("Enjeux", "Stakes"), &c->stakes},          {tr("Parties prenantes", "Stakeholders"), &c->stakeholders},
                {tr("Obstacles", "Obstacles"), &c->obstacles}, {tr("Leviers", "Levers"), &c->levers},
                {tr("Thème", "Theme"), &c->theme},             {tr("Lien", "Link"), &c->link}};
            for (const auto& [label, value] : context)
                if (!value->empty()) md += "- **" + label + tr(" :** ", ":** ") + escapeMarkdown(*value) + "\n";
            md += "\n";
            if (section.teams.empty()) md += tr("_Aucune équipe sur ce défi._", "_No team on this défi._") + "\n\n";
        } else {
            md += "## " + escapeMarkdown(sitePrefix(report, section)) + tr("Équipes sans défi", "Teams without a défi") + "\n\n";
        }
        for (const auto& t : section.teams) team(md, t, report, photoFolder, out.photos);
    }
    return out;
}

} // namespace atelier
