#include "io/labels.hpp"
#include "io/report.hpp"
#include "model/language.hpp"

#include <cctype>

namespace atelier {

namespace {

std::string dots(int count) { return countOf(count, "gommette", "gommettes", "dot", "dots"); }

std::string extensionOf(const std::string& mime) {
    if (mime == "image/png") return "png";
    if (mime == "image/jpeg") return "jpg";
    if (mime == "image/gif") return "gif";
    if (mime == "image/webp") return "webp";
    return "bin";
}

// User text that starts a list item: inline markup escaped, and what would make it a nested
// list, a heading underline or an indented code block at the start neutralised.
std::string itemText(std::string_view text) {
    std::size_t lead = text.find_first_not_of(" \t\r\n");
    std::string line = lead == std::string_view::npos ? std::string() : escapeMarkdown(text.substr(lead));
    if (!line.empty() && (line[0] == '-' || line[0] == '+' || line[0] == '=')) line.insert(0, "\\");
    std::size_t digits = 0;
    while (digits < line.size() && std::isdigit(static_cast<unsigned char>(line[digits]))) ++digits;
    if (digits > 0 && digits < line.size() && (line[digits] == '.' || line[digits] == ')')) line.insert(digits, "\\");
    return line;
}

std::string ideaLine(const ReportIdea& idea) {
    std::string line = itemText(idea.text);
    if (idea.isCluster) line = tr("regroupement ", "cluster ") + "« **" + line + "** »";
    if (!idea.author.empty()) line += " (" + escapeMarkdown(idea.author) + ")";
    return line;
}

// An idea as a list item; a regroupement's notes as a nested list under it.
std::string ideaItem(const std::string& marker, const ReportIdea& idea, const std::string& suffix) {
    std::string md = marker + ideaLine(idea) + suffix + "\n";
    std::string indent(marker.size(), ' ');
    for (const auto& n : idea.notes) md += indent + "- " + itemText(n) + "\n";
    return md;
}

std::string synthesisLine(const FeedbackSynthesis& s) {
    std::string line = countOf(s.byKind[0], "« j’aime »", "« j’aime »", "\"I like\"", "\"I like\"") + ", " +
                       countOf(s.byKind[1], "« je suggère »", "« je suggère »", "\"I suggest\"", "\"I suggest\"") + ", " +
                       countOf(s.byKind[2], "« je m’interroge »", "« je m’interroge »", "\"I wonder\"", "\"I wonder\"");
    if (s.ratings > 0)
        line += trf(" ; note moyenne {}/5 ({})", "; average rating {}/5 ({})", decimal(s.averageRating),
                    countOf(s.ratings, "note", "notes", "rating", "ratings"));
    return line;
}

std::string capitalised(std::string text) {
    if (!text.empty() && text[0] >= 'a' && text[0] <= 'z') text[0] = static_cast<char>(text[0] - 'a' + 'A');
    return text;
}

// The visitors' words grouped by kind: J'aime, then Je suggère, then Je m'interroge.
std::string feedbackLines(const std::vector<ReportFeedback>& feedback) {
    std::string md;
    for (std::size_t k = 0; k < 3; ++k) {
        std::string items;
        int count = 0;
        for (const auto& f : feedback) {
            if (static_cast<std::size_t>(f.kind) != k) continue;
            ++count;
            items += "- " + (f.text.empty() ? tr("_(sans texte)_", "_(no text)_") : itemText(f.text));
            if (f.rating) items += " (" + std::to_string(*f.rating) + "/5)";
            if (!f.visitor.empty()) items += " — " + escapeMarkdown(f.visitor);
            items += "\n";
        }
        if (!count) continue;
        md += "_" + capitalised(feedbackKindLabel(static_cast<FeedbackKind>(k))) + "_ · " +
              countOf(count, "retour", "retours", "entry", "entries") + "\n\n" + items + "\n";
    }
    return md;
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
        if (int n = t.roleCounts[r])
            roles += (roles.empty() ? "" : ", ") + std::to_string(n) + " " +
                     (singularFor(n) ? roleLabel(static_cast<Role>(r)) : roleLabelPlural(static_cast<Role>(r)));
    if (!roles.empty()) md += " (" + roles + ")";
    md += "\n";
    for (const auto& m : t.members) {
        md += "  - " + escapeMarkdown(m.name) + ", " + roleLabel(m.role);
        if (!m.organisation.empty()) md += " — " + escapeMarkdown(m.organisation);
        md += "\n";
    }
    md += "- " + tr("**Mur :** ", "**Board:** ") + countOf(t.notes, "post-it", "post-its", "note", "notes") + ", " +
          countOf(t.clusters, "regroupement", "regroupements", "cluster", "clusters") + ", " + dots(t.dots) + "\n\n";

    md += "#### " + tr("Idées et regroupements", "Ideas and clusters") + "\n\n";
    if (t.votedIdeas.empty() && t.otherIdeas.empty()) md += tr("_Aucune idée sur le mur._", "_No idea on the board._") + "\n\n";
    if (!t.votedIdeas.empty()) {
        md += "##### " + tr("Classées par gommettes", "Ranked by dots") + "\n\n";
        int rank = 0;
        for (const auto& idea : t.votedIdeas)
            md += ideaItem(std::to_string(++rank) + ". ", idea, " — **" + dots(idea.votes) + "**");
        md += "\n";
    }
    if (!t.otherIdeas.empty()) {
        md += "##### " + (t.votedIdeas.empty() ? tr("Sur le mur", "On the board") : tr("Les autres idées", "The other ideas")) + "\n\n";
        for (const auto& idea : t.otherIdeas) md += ideaItem("- ", idea, "");
        md += "\n";
    }
    md += "#### " + tr("Piste retenue", "Selected idea") + "\n\n";
    if (t.selected) md += ideaItem("", *t.selected, "") + "\n";
    else md += tr("_Pas encore choisie._", "_Not chosen yet._") + "\n\n";

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
            if (!version.feedback.empty())
                md += tr("Retours : ", "Feedback: ") + synthesisLine(version.synthesis) + "\n\n" + feedbackLines(version.feedback);
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
    if (!report.state->sites.empty()) {
        md += countOf(static_cast<long long>(report.state->sites.size()), "site", "sites", "site", "sites") + tr(" : ", ": ");
        std::string names;
        for (const EventInfo* site : report.state->sitesInOrder()) names += (names.empty() ? "" : ", ") + escapeMarkdown(site->name);
        md += names + ".\n\n";
    }
    md += capitalised(reportFigures(report)) + ".\n\n";

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
