#include "assets/assets.hpp"
#include "io/bundle.hpp"
#include "io/labels.hpp"
#include "io/report.hpp"
#include "model/language.hpp"

#include <cctype>

namespace atelier {

namespace {

// The stylesheet is data: assets/report/report.css, embedded at build time.
std::string_view reportStyle() {
    static const auto css = assets::find("report/report.css");
    return css ? css->text() : std::string_view();
}

bool isColour(const std::string& c) {
    if (c.size() != 7 || c[0] != '#') return false;
    for (std::size_t i = 1; i < 7; ++i)
        if (!std::isxdigit(static_cast<unsigned char>(c[i]))) return false;
    return true;
}

bool embeddableImage(const std::string& mime) {
    return mime == "image/png" || mime == "image/jpeg" || mime == "image/gif" || mime == "image/webp";
}

bool webLink(const std::string& link) { return link.rfind("https://", 0) == 0 || link.rfind("http://", 0) == 0; }

std::string dots(int count) { return countOf(count, "gommette", "gommettes", "dot", "dots"); }

// A colour given to CSS only once it is known to be one: user text never reaches a style.
std::string colourStyle(const char* property, const std::string& colour) {
    return isColour(colour) ? std::string(" style=\"") + property + ": " + colour + "\"" : std::string();
}

// The idea's own words, with its author and a regroupement's notes; the caller adds the card.
std::string ideaBody(const ReportIdea& idea) {
    std::string out = idea.isCluster ? "<p class=\"card-title\">" + tr("Regroupement", "Cluster") + " « <strong>" + escapeHtml(idea.text) +
                                           "</strong> »</p>\n"
                                     : "<p class=\"card-title text\">" + escapeHtml(idea.text) + "</p>\n";
    if (!idea.author.empty()) out += "<p class=\"meta\">" + escapeHtml(idea.author) + "</p>\n";
    if (idea.isCluster) {
        if (idea.notes.empty()) out += "<p class=\"meta\">" + tr("Aucun post-it dans ce regroupement.", "No note in this cluster.") + "</p>\n";
        else {
            out += "<ul class=\"notes\">\n";
            for (const auto& n : idea.notes) out += "<li class=\"text\">" + escapeHtml(n) + "</li>\n";
            out += "</ul>\n";
        }
    }
    return out;
}

// An idea as a card that printing never cuts across pages (report.css: .card).
std::string ideaCard(const ReportIdea& idea, int rank) {
    std::string h = "<div class=\"card idea" + std::string(idea.isCluster ? " cluster" : " note") + "\"" +
                    colourStyle("--note", idea.colour) + ">\n";
    if (rank > 0)
        h += "<p class=\"votes\"><span class=\"rank\">" + trf("n°{}", "#{}", rank) + "</span> · " + dots(idea.votes) + "</p>\n";
    h += ideaBody(idea) + "</div>\n";
    return h;
}

std::string synthesisHtml(const FeedbackSynthesis& s) {
    std::string out = "<table class=\"synthesis\"><tr>";
    for (std::size_t k = 0; k < 3; ++k) out += "<th>" + escapeHtml(feedbackKindLabel(static_cast<FeedbackKind>(k))) + "</th>";
    out += "<th>" + tr("note moyenne", "average rating") + "</th></tr><tr>";
    for (int count : s.byKind) out += "<td>" + std::to_string(count) + "</td>";
    out += "<td>" + (s.ratings ? decimal(s.averageRating) + "/5 (" + countOf(s.ratings, "note", "notes", "rating", "ratings") + ")"
                               : std::string("—")) +
           "</td></tr></table>\n";
    return out;
}

std::string capitalised(std::string text) {
    if (!text.empty() && text[0] >= 'a' && text[0] <= 'z') text[0] = static_cast<char>(text[0] - 'a' + 'A');
    return text;
}

// The visitors' words grouped by kind: J'aime, then Je suggère, then Je m'interroge.
std::string feedbackHtml(const std::vector<ReportFeedback>& feedback) {
    std::string h;
    for (std::size_t k = 0; k < 3; ++k) {
        std::string items;
        int count = 0;
        for (const auto& f : feedback) {
            if (static_cast<std::size_t>(f.kind) != k) continue;
            ++count;
            items += "<li><span class=\"text\">" + (f.text.empty() ? "<em>" + tr("(sans texte)", "(no text)") + "</em>" : escapeHtml(f.text)) +
                     "</span>";
            if (f.rating) items += " <span class=\"meta\">(" + std::to_string(*f.rating) + "/5)</span>";
            if (!f.visitor.empty()) items += " — " + escapeHtml(f.visitor);
            items += "</li>\n";
        }
        if (!count) continue;
        h += "<div class=\"feedback-group\">\n<p class=\"kind\">" +
             escapeHtml(capitalised(feedbackKindLabel(static_cast<FeedbackKind>(k)))) + " · " +
             countOf(count, "retour", "retours", "entry", "entries") + "</p>\n<ul class=\"feedback\">\n" + items + "</ul>\n</div>\n";
    }
    return h;
}

std::string roleSummary(const ReportTeam& t) {
    std::string roles;
    for (std::size_t r = 0; r < 4; ++r) {
        int n = t.roleCounts[r];
        if (!n) continue;
        roles += (roles.empty() ? "" : ", ") + std::to_string(n) + " " +
                 (singularFor(n) ? roleLabel(static_cast<Role>(r)) : roleLabelPlural(static_cast<Role>(r)));
    }
    return roles;
}

void teamHtml(std::string& h, const ReportTeam& t, const Report& report) {
    const std::string& zone = report.state->event.timeZone;
    h += "<section class=\"team\"" + colourStyle("--team", t.team->colour) + ">\n";
    h += "<h3>" + escapeHtml(t.team->name) + "</h3>\n<ul class=\"facts\">\n";
    h += "<li><strong>" + tr("Phase atteinte :", "Phase reached:") + "</strong> " + escapeHtml(phaseLabel(t.team->phase));
    if (t.phaseSince) h += " " + escapeHtml(trf("(depuis le {})", "(since {})", localDateTime(t.phaseSince, zone)));
    h += "</li>\n";
    int members = t.roleCounts[0] + t.roleCounts[1] + t.roleCounts[2] + t.roleCounts[3];
    std::string roles = roleSummary(t);
    h += "<li><strong>" + tr("Membres :", "Members:") + "</strong> " + std::to_string(members) +
         (roles.empty() ? "" : " (" + escapeHtml(roles) + ")");
    if (!t.members.empty()) {
        h += "<ul>";
        for (const auto& m : t.members)
            h += "<li>" + escapeHtml(m.name) + ", " + escapeHtml(roleLabel(m.role)) +
                 (m.organisation.empty() ? "" : " — " + escapeHtml(m.organisation)) + "</li>";
        h += "</ul>";
    }
    h += "</li>\n<li><strong>" + tr("Mur :", "Board:") + "</strong> " + countOf(t.notes, "post-it", "post-its", "note", "notes") + ", " +
         countOf(t.clusters, "regroupement", "regroupements", "cluster", "clusters") + ", " + dots(t.dots) + "</li>\n</ul>\n";

    h += "<h4>" + tr("Idées et regroupements", "Ideas and clusters") + "</h4>\n";
    if (t.votedIdeas.empty() && t.otherIdeas.empty())
        h += "<p><em>" + tr("Aucune idée sur le mur.", "No idea on the board.") + "</em></p>\n";
    if (!t.votedIdeas.empty()) {
        h += "<h5>" + tr("Classées par gommettes", "Ranked by dots") + "</h5>\n<div class=\"ideas ranked\">\n";
        int rank = 0;
        for (const auto& idea : t.votedIdeas) h += ideaCard(idea, ++rank);
        h += "</div>\n";
    }
    if (!t.otherIdeas.empty()) {
        h += "<h5>" + (t.votedIdeas.empty() ? tr("Sur le mur", "On the board") : tr("Les autres idées", "The other ideas")) +
             "</h5>\n<div class=\"ideas\">\n";
        for (const auto& idea : t.otherIdeas) h += ideaCard(idea, 0);
        h += "</div>\n";
    }
    h += "<h4>" + tr("Piste retenue", "Selected idea") + "</h4>\n";
    h += t.selected ? "<div class=\"card selected\">\n" + ideaBody(*t.selected) + "</div>\n"
                    : "<p><em>" + tr("Pas encore choisie.", "Not chosen yet.") + "</em></p>\n";

    if (!t.prototypes.empty()) h += "<h4>" + tr("Prototypes", "Prototypes") + "</h4>\n";
    for (const auto& proto : t.prototypes) {
        h += "<article class=\"prototype\">\n<h5>" + escapeHtml(proto.versions.back().prototype->title) + "</h5>\n";
        if (proto.basedOn)
            h += "<p>" + tr("À partir de : ", "Builds on: ") +
                 (proto.basedOn->isCluster ? tr("regroupement ", "cluster ") + "« " + escapeHtml(proto.basedOn->text) + " »"
                                           : "« " + escapeHtml(proto.basedOn->text) + " »") +
                 "</p>\n";
        for (const auto& version : proto.versions) {
            const Prototype& p = *version.prototype;
            h += "<div class=\"card version\">\n<p class=\"card-title\"><strong>Version " + std::to_string(p.version) + "</strong> — " +
                 escapeHtml(p.title) + " <span class=\"meta\">(" + escapeHtml(formatLabel(p.format)) + ", " +
                 escapeHtml(statusLabel(p.status)) + ")</span></p>\n";
            if (!p.description.empty()) h += "<p class=\"text\">" + escapeHtml(p.description) + "</p>\n";
            if (!p.learningGoal.empty())
                h += "<p><em>" + tr("Ce que le test doit apprendre :", "What the test should learn:") + "</em> <span class=\"text\">" +
                     escapeHtml(p.learningGoal) + "</span></p>\n";
            for (const auto& photo : version.photos) {
                if (!embeddableImage(photo.mime)) continue;
                std::string alt = photo.caption.empty() ? tr("Photo du prototype", "Photo of the prototype") : photo.caption;
                h += "<figure><img src=\"data:" + photo.mime + ";base64," + base64Encode(photo.bytes) + "\" alt=\"" +
                     escapeHtml(alt) + "\"";
                if (photo.width > 0 && photo.height > 0)
                    h += " width=\"" + std::to_string(photo.width) + "\" height=\"" + std::to_string(photo.height) + "\"";
                h += ">";
                if (!photo.caption.empty()) h += "<figcaption>" + escapeHtml(photo.caption) + "</figcaption>";
                h += "</figure>\n";
            }
            if (!version.feedback.empty()) h += synthesisHtml(version.synthesis) + feedbackHtml(version.feedback);
            h += "</div>\n";
        }
        if (proto.versions.size() > 1 && proto.synthesis.total() > 0)
            h += "<div class=\"card all-versions\">\n<p class=\"card-title\"><strong>" +
                 tr("Synthèse des retours, toutes versions", "Feedback, all versions") + "</strong></p>\n" + synthesisHtml(proto.synthesis) +
                 "</div>\n";
        h += "</article>\n";
    }
    h += "</section>\n";
}

} // namespace

std::string escapeHtml(std::string_view text) {
    std::string out;
    out.reserve(text.size() + 16);
    for (char c : text) {
        switch (c) {
        case '&': out += "&amp;"; break;
        case '<': out += "&lt;"; break;
        case '>': out += "&gt;"; break;
        case '"': out += "&quot;"; break;
        case '\'': out += "&#39;"; break;
        default: out += c;
        }
    }
    return out;
}

std::string renderHtml(const Report& report) {
    const EventInfo& e = report.state->event;
    std::string h;
    h += "<!DOCTYPE html>\n<html lang=\"" + tr("fr", "en") + "\">\n<head>\n<meta charset=\"utf-8\">\n";
    h += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
    h += "<title>" + tr("Restitution — ", "Report — ") + escapeHtml(e.name) + "</title>\n<style>" + std::string(reportStyle()) + "</style>\n</head>\n<body>\n";
    h += "<header>\n<h1>" + escapeHtml(e.name) + "</h1>\n<p class=\"meta\">" + tr("Restitution", "Report");
    if (!e.organiser.empty()) h += " · " + escapeHtml(e.organiser);
    if (!e.place.empty()) h += " · " + escapeHtml(e.place);
    if (!e.firstDay.empty())
        h += " · " + escapeHtml(e.lastDay.empty() || e.lastDay == e.firstDay
                                    ? trf("le {}", "on {}", displayDay(e.firstDay))
                                    : trf("du {} au {}", "from {} to {}", displayDay(e.firstDay), displayDay(e.lastDay)));
    h += "</p>\n<p class=\"figures\">";
    if (!report.state->sites.empty())
        h += countOf(static_cast<long long>(report.state->sites.size()), "site", "sites", "site", "sites") + ", ";
    h += reportFigures(report) + ".</p>\n</header>\n";

    h += "<nav>\n<h2>" + tr("Sommaire", "Contents") + "</h2>\n<ol>\n";
    for (std::size_t i = 0; i < report.sections.size(); ++i) {
        const auto& section = report.sections[i];
        const Challenge* c = section.challenge;
        h += "<li><a href=\"#s" + std::to_string(i + 1) + "\">" +
             (c ? escapeHtml(sitePrefix(report, section)) + trf("Défi n°{} — ", "Défi #{} — ", c->number) + escapeHtml(c->question)
                : escapeHtml(sitePrefix(report, section)) + tr("Équipes sans défi", "Teams without a défi")) +
             "</a></li>\n";
    }
    h += "</ol>\n</nav>\n";

    for (std::size_t i = 0; i < report.sections.size(); ++i) {
        const auto& section = report.sections[i];
        h += "<section class=\"defi\" id=\"s" + std::to_string(i + 1) + "\">\n";
        if (const Challenge* c = section.challenge) {
            h += "<h2>" + escapeHtml(sitePrefix(report, section)) + trf("Défi n°{} — ", "Défi #{} — ", c->number) + escapeHtml(c->question) + "</h2>\n";
            const std::pair<std::string, const std::string*> context[] = {
                {tr("Porteur", "Owner"), &c->owner},           {tr("Territoire", "Territory"), &c->territory},
                {tr("Enjeux", "Stakes"), &c->stakes},          {tr("Parties prenantes", "Stakeholders"), &c->stakeholders},
                {tr("Obstacles", "Obstacles"), &c->obstacles}, {tr("Leviers", "Levers"), &c->levers},
                {tr("Thème", "Theme"), &c->theme}};
            h += "<dl class=\"context\">\n";
            for (const auto& [label, value] : context)
                if (!value->empty()) h += "<dt>" + label + "</dt><dd>" + escapeHtml(*value) + "</dd>\n";
            if (!c->link.empty()) {
                h += "<dt>" + tr("Lien", "Link") + "</dt><dd>";
                h += webLink(c->link) ? "<a href=\"" + escapeHtml(c->link) + "\">" + escapeHtml(c->link) + "</a>" : escapeHtml(c->link);
                h += "</dd>\n";
            }
            h += "</dl>\n";
            if (section.teams.empty()) h += "<p><em>" + tr("Aucune équipe sur ce défi.", "No team on this défi.") + "</em></p>\n";
        } else {
            h += "<h2>" + escapeHtml(sitePrefix(report, section)) + tr("Équipes sans défi", "Teams without a défi") + "</h2>\n";
        }
        for (const auto& t : section.teams) teamHtml(h, t, report);
        h += "</section>\n";
    }
    h += "</body>\n</html>\n";
    return h;
}

} // namespace atelier
