// The restitution report: content for an event built with actions and for the demo event,
// escaping of every piece of user text, and people's names only when asked for.
#include "test_io_event.hpp"

#include "demo.hpp"
#include "io/bundle.hpp"
#include "io/report.hpp"
#include "model/language.hpp"

#include <catch2/catch.hpp>

using namespace atelier;
using namespace atelier::test;

namespace {

bool has(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

} // namespace

TEST_CASE("the report gathers défi, team, voted ideas, selection, prototypes and feedback") {
    Fixture f;
    RichEvent r = buildRichEvent(f);
    Report report = buildReport(f.engine->store(), f.engine->state(), {});
    REQUIRE(report.sections.size() == 2); // the défi, then the team without one
    const ReportSection& section = report.sections[0];
    REQUIRE(section.challenge);
    CHECK(section.challenge->id == r.challenge);
    REQUIRE(section.teams.size() == 1);
    const ReportTeam& team = section.teams[0];
    CHECK(team.team->id == r.team);
    CHECK(team.roleCounts[static_cast<int>(Role::Facilitator)] == 1);
    CHECK(team.members.empty()); // no names by default
    CHECK(team.dots == 6);
    REQUIRE(team.votedIdeas.size() == 2);
    CHECK(team.votedIdeas[0].isCluster); // 4 dots before 2
    CHECK(team.votedIdeas[0].votes == 4);
    CHECK(team.votedIdeas[0].notes == std::vector<std::string>{"Le cœur du parcours\nsur deux lignes"});
    CHECK(team.votedIdeas[1].votes == 2);
    CHECK(team.votedIdeas[1].author.empty());
    REQUIRE(team.selected);
    CHECK(team.selected->text == "Inscrire <en ligne>");
    REQUIRE(team.prototypes.size() == 1);
    const ReportPrototype& proto = team.prototypes[0];
    REQUIRE(proto.versions.size() == 2);
    CHECK(proto.versions[1].photos.size() == 1);
    CHECK(proto.versions[1].photos[0].bytes == tinyPng());
    CHECK(proto.synthesis.byKind == std::array<int, 3>{1, 1, 1});
    CHECK(proto.synthesis.ratings == 2);
    CHECK(proto.synthesis.averageRating == Approx(4.5));
    for (const auto& fb : proto.versions[1].feedback) CHECK(fb.visitor.empty());
    REQUIRE(proto.basedOn);
    CHECK(proto.basedOn->text == "Inscrire <en ligne>");
    CHECK(report.sections[1].challenge == nullptr);
    CHECK(report.sections[1].teams[0].team->id == r.otherTeam);

    Report named = buildReport(f.engine->store(), f.engine->state(), {true});
    CHECK(named.sections[0].teams[0].members.size() == 2);
    CHECK(named.sections[0].teams[0].votedIdeas[1].author == "Awa Diallo");
    bool visitorNamed = false;
    for (const auto& fb : named.sections[0].teams[0].prototypes[0].versions[1].feedback)
        visitorNamed = visitorNamed || fb.visitor == "Visiteuse Secrète";
    CHECK(visitorNamed);
}

TEST_CASE("HTML report: self-contained, every user text escaped, names only on request") {
    Fixture f;
    buildRichEvent(f);
    std::string html = renderHtml(buildReport(f.engine->store(), f.engine->state(), {}));
    CHECK(has(html, "<!DOCTYPE html>"));
    CHECK(has(html, "<style>"));
    CHECK_FALSE(has(html, "<script"));
    CHECK_FALSE(has(html, "<b>"));
    CHECK_FALSE(has(html, "<i>"));
    CHECK_FALSE(has(html, "<en ligne>"));
    CHECK(has(html, "&lt;script&gt;alert(&#39;note&#39;)&lt;/script&gt; &amp; co"));
    CHECK(has(html, "Inscrire &lt;en ligne&gt;"));
    CHECK(has(html, "Université d’été &lt;b&gt;2018&lt;/b&gt;"));
    CHECK(has(html, "data:image/png;base64," + base64Encode(tinyPng())));
    CHECK(has(html, "alt=\"Écran &lt;1&gt;\""));
    CHECK_FALSE(has(html, "src=\"http")); // nothing fetched from elsewhere
    CHECK(has(html, "Défi n°3"));
    CHECK(has(html, "Piste retenue"));
    CHECK(has(html, "4,5/5"));
    CHECK(has(html, "j’aime"));
    CHECK(has(html, "je m’interroge"));
    CHECK(has(html, "<a href=\"https://example.org/defi-3\">"));
    CHECK_FALSE(has(html, "Awa"));
    CHECK_FALSE(has(html, "Jean Martin"));
    CHECK_FALSE(has(html, "Visiteuse"));
    CHECK_FALSE(has(html, "Autre Visiteur"));

    std::string named = renderHtml(buildReport(f.engine->store(), f.engine->state(), {true}));
    CHECK(has(named, "Awa Diallo"));
    CHECK(has(named, "Visiteuse Secrète"));
    CHECK_FALSE(has(named, "<script"));
}

TEST_CASE("Markdown report: markup in user text is neutralised") {
    Fixture f;
    RichEvent r = buildRichEvent(f);
    MarkdownReport md = renderMarkdown(buildReport(f.engine->store(), f.engine->state(), {}), "restitution-photos");
    const std::string& text = md.text;
    CHECK(has(text, "# Restitution — Université d’été &lt;b&gt;2018&lt;/b&gt;"));
    CHECK_FALSE(has(text, "<script"));
    CHECK_FALSE(has(text, "<b>"));
    CHECK(has(text, "\\*Enjeux\\* en gras ?"));
    CHECK(has(text, "\\[lien\\](javascript:x)"));
    CHECK(has(text, "\\# titre"));
    CHECK(has(text, "Le cœur du parcours sur deux lignes")); // line break inside a list item: a space
    CHECK(has(text, "Maquette papier \\| des écrans"));
    REQUIRE(md.photos.size() == 1);
    CHECK(md.photos[0].path == "restitution-photos/photo-" + r.photo.str() + ".png");
    CHECK(md.photos[0].bytes == tinyPng());
    CHECK(has(text, "](restitution-photos/photo-" + r.photo.str() + ".png)"));
    CHECK_FALSE(has(text, "Awa"));
    CHECK_FALSE(has(text, "Visiteuse"));
    CHECK(has(renderMarkdown(buildReport(f.engine->store(), f.engine->state(), {true}), "p").text, "Visiteuse Secrète"));
}

TEST_CASE("Markdown block text keeps its lines and loses its markers") {
    CHECK(escapeMarkdownBlock("- item\n1. un\n    code\n\n# titre") == "\\- item  \n1\\. un  \ncode\n\n\\# titre");
    CHECK(escapeMarkdown("a_b*c`d<e>&") == "a\\_b\\*c\\`d&lt;e&gt;&amp;");
    CHECK(escapeHtml("<a href='x'>\"&\"</a>") == "&lt;a href=&#39;x&#39;&gt;&quot;&amp;&quot;&lt;/a&gt;");
}

TEST_CASE("report of the demo event") {
    TempDir dir;
    FakeClock clock;
    auto demo = createDemoEvent(dir.file("demo.db"), clock);
    const EventState& s = demo->state();
    Report report = buildReport(demo->store(), s, {});
    CHECK(report.sections.size() == s.challenges.size());
    std::string html = renderHtml(report);
    std::string md = renderMarkdown(report, "photos").text;
    for (const Challenge* c : s.challengesInOrder()) {
        CHECK(has(html, escapeHtml(c->question)));
        CHECK(has(md, escapeMarkdown(c->question)));
    }
    // Défi 3 went through every phase: its selection, prototypes and feedback are reported.
    CHECK(has(html, "S’inscrire en ligne"));
    CHECK(has(html, "Parcours d’inscription en ligne"));
    CHECK(has(html, "Enfin plus de queue à 6 h du matin !"));
    CHECK(has(md, "Prévoir une aide au guichet"));
    // Every note of every board, in both forms.
    for (const auto& [id, n] : s.notes) {
        CHECK(has(html, escapeHtml(n.text)));
        CHECK(has(md, escapeMarkdown(n.text)));
    }
    for (const auto& [id, m] : s.members) {
        CHECK_FALSE(has(html, m.name));
        CHECK_FALSE(has(md, escapeMarkdown(m.name)));
    }
}

TEST_CASE("the report shows the whole board: ideas with dots ranked first, then every other idea and regroupement") {
    setMessageLanguage(Language::French);
    Fixture f;
    RichEvent r = buildRichEvent(f);
    Id loneCluster = f.add(AddCluster{{}, r.team, "Regroupement sans gommette", "#F7D6E0", 900, 300, {}});
    f.clock.advance(1000);
    Id listNote = f.add(AddNote{{}, r.team, "- 1. pas une liste", "", 10, 600, {}, {}, {}, {}});
    Report report = buildReport(f.engine->store(), f.engine->state(), {});
    const ReportTeam& team = report.sections[0].teams[0];
    REQUIRE(team.votedIdeas.size() == 2);
    CHECK(team.votedIdeas[0].clusterId == r.cluster);
    CHECK(team.votedIdeas[1].noteId == r.scriptNote);
    // The rest of the board: the regroupement without dots, then the note outside any
    // regroupement; the note inside the voted regroupement is listed with it, not again.
    REQUIRE(team.otherIdeas.size() == 3);
    CHECK(team.otherIdeas[0].clusterId == loneCluster);
    CHECK(team.otherIdeas[0].notes.empty());
    CHECK(team.otherIdeas[1].noteId == r.formulaNote);
    CHECK(team.otherIdeas[1].votes == 0);
    CHECK(team.otherIdeas[2].noteId == listNote); // the oldest first
    CHECK(report.sections[1].teams[0].votedIdeas.empty());
    CHECK(report.sections[1].teams[0].otherIdeas.empty());

    std::string html = renderHtml(report);
    std::size_t ranked = html.find("Classées par gommettes"), others = html.find("Les autres idées");
    std::size_t cluster = html.find("Inscrire &lt;en ligne&gt;"), script = html.find("Un résumé &lt;script&gt;");
    std::size_t formula = html.find("=HYPERLINK(&quot;http://evil&quot;;&quot;clic&quot;)");
    REQUIRE(formula != std::string::npos);
    CHECK(ranked < cluster);
    CHECK(cluster < script);
    CHECK(script < others);
    CHECK(others < formula);
    CHECK(has(html, "n°1</span> · 4 gommettes"));
    CHECK(has(html, "n°2</span> · 2 gommettes"));
    CHECK(has(html, "Regroupement sans gommette"));
    CHECK(has(html, "Aucun post-it dans ce regroupement."));
    CHECK(has(html, "Aucune idée sur le mur.")); // the team without a défi has an empty board
    CHECK(has(html, "style=\"--note: #F7D6E0\""));

    std::string md = renderMarkdown(report, "p").text;
    CHECK(has(md, "##### Classées par gommettes"));
    CHECK(has(md, "1. regroupement « **Inscrire &lt;en ligne&gt;** » — **4 gommettes**\n   - Le cœur du parcours sur deux lignes\n"));
    CHECK(has(md, "##### Les autres idées"));
    CHECK(has(md, "- \\=HYPERLINK(\"http://evil\";\"clic\")")); // a note's first character never makes markup
    CHECK(has(md, "- \\- 1. pas une liste\n"));
    CHECK(has(md, "_Aucune idée sur le mur._"));
}

TEST_CASE("the report groups each version's feedback by kind: j'aime, je suggère, je m'interroge") {
    setMessageLanguage(Language::French);
    Fixture f;
    RichEvent r = buildRichEvent(f);
    f.add(AddFeedback{{}, r.version2, FeedbackKind::Like, "Deuxième j’aime", {}, ""});
    Report report = buildReport(f.engine->store(), f.engine->state(), {});
    std::string html = renderHtml(report);
    std::size_t like = html.find("J’aime · 2 retours"), suggest = html.find("Je suggère · 1 retour"),
                question = html.find("Je m’interroge · 1 retour");
    REQUIRE(like != std::string::npos);
    REQUIRE(suggest != std::string::npos);
    REQUIRE(question != std::string::npos);
    CHECK(like < suggest);
    CHECK(suggest < question);
    // Each kind's words sit under its heading, whatever order the visitors came in.
    std::size_t second = html.find("Deuxième j’aime");
    CHECK(like < second);
    CHECK(second < suggest);
    CHECK(html.find("+33 6 12 34 56 78") > suggest);
    CHECK(html.find("@Que se passe-t-il") > question);

    std::string md = renderMarkdown(report, "p").text;
    std::size_t mdLike = md.find("_J’aime_ · 2 retours"), mdQuestion = md.find("_Je m’interroge_ · 1 retour");
    REQUIRE(mdLike != std::string::npos);
    REQUIRE(mdQuestion != std::string::npos);
    CHECK(mdLike < md.find("Deuxième j’aime"));
    CHECK(md.find("Deuxième j’aime") < mdQuestion);

    setMessageLanguage(Language::English);
    std::string english = renderHtml(buildReport(f.engine->store(), f.engine->state(), {}));
    CHECK(has(english, "I like · 2 entries"));
    CHECK(has(english, "I wonder · 1 entry"));
    setMessageLanguage(Language::French);
}

TEST_CASE("the report counts by the plural rule: 0 and 1 singular in French, only 1 in English") {
    Fixture f;
    buildRichEvent(f);
    setMessageLanguage(Language::French);
    std::string fr = renderHtml(buildReport(f.engine->store(), f.engine->state(), {}));
    std::string frMd = renderMarkdown(buildReport(f.engine->store(), f.engine->state(), {}), "p").text;
    // The team without a défi: nothing on its board.
    CHECK(has(fr, "0 post-it, 0 regroupement, 0 gommette"));
    CHECK(has(frMd, "0 post-it, 0 regroupement, 0 gommette"));
    CHECK(has(fr, "1 défi, 2 équipes, 3 post-its, 2 versions de prototypes, 3 retours de visiteurs."));
    CHECK(has(fr, "1 facilitateur·rice, 1 participant·e"));
    CHECK(has(fr, "4,5/5 (2 notes)"));
    setMessageLanguage(Language::English);
    std::string en = renderHtml(buildReport(f.engine->store(), f.engine->state(), {}));
    std::string enMd = renderMarkdown(buildReport(f.engine->store(), f.engine->state(), {}), "p").text;
    CHECK(has(en, "0 notes, 0 clusters, 0 dots"));
    CHECK(has(enMd, "0 notes, 0 clusters, 0 dots"));
    CHECK(has(en, "1 défi, 2 teams, 3 notes, 2 prototype versions, 3 visitor feedback."));
    CHECK(has(en, "4.5/5 (2 ratings)"));
    setMessageLanguage(Language::French);
}
