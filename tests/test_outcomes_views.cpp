// The prototypes, stand, dashboard, search and files screens in a headless ImGui context,
// driven by clicks and typing; assertions on the saved model.
#include "app_headless.hpp"

#include "engine/engine.hpp"
#include "sync/replica.hpp"
#include "outcomes/dashboard_model.hpp"
#include "outcomes/outcome_focus.hpp"
#include "views/view_dashboard.hpp"
#include "views/view_import.hpp"
#include "views/view_search.hpp"
#include "widgets.hpp"

#include <SQLiteCpp/Database.h>
#include <catch2/catch.hpp>

#include <algorithm>

using namespace atelier;
using atelier::test::Headless;

namespace {

EventState reopened(Headless& h) { return Engine::open(h.path(), h.clock(), OpenMode::ReadOnly)->state(); }

// The team with prototypes in the demo (défi 3), and its first prototype's latest version.
const Prototype* demoPrototype(Headless& h) {
    const Team* team = h.state().teamByReference("3");
    REQUIRE(team);
    auto protos = h.state().prototypesOfTeam(team->id);
    REQUIRE_FALSE(protos.empty());
    return protos.back();
}

} // namespace

TEST_CASE("stand: with nothing chosen, the screen shows a prototype's latest version, the one its QR link leaves feedback on", "[app][outcomes]") {
    Headless h;
    // The demo's team 3 shows « Parcours d'inscription en ligne » in two versions, then « Le jour J ».
    auto protos = h.state().prototypesOfTeam(h.state().teamByReference("3")->id);
    auto v2 = std::find_if(protos.begin(), protos.end(), [](const Prototype* p) { return p->version == 2; });
    REQUIRE(v2 != protos.end());
    Id shown = (*v2)->id;
    std::size_t before = h.state().feedbackOf(shown).size();
    h.session().view = ViewId::Stand;
    h.frames(2);
    h.click("J’aime");
    h.frames(1);
    h.click("5##rating");
    h.click("Envoyer");
    h.frames(1);
    CHECK(reopened(h).feedbackOf(shown).size() == before + 1);
}

TEST_CASE("stand: a visitor leaves feedback by clicks and typing, the screen thanks and resets", "[app][outcomes]") {
    Headless h;
    const Prototype* p = demoPrototype(h);
    Id prototype = p->id;
    std::size_t before = h.state().feedbackOf(prototype).size();
    outcomeFocus().prototype = prototype;
    h.session().view = ViewId::Stand;
    h.frames(2);

    h.click("Je suggère");
    h.frames(1);
    h.click("##standtext");
    h.type("Ajouter un plan du quartier, en gros caractères");
    h.click("4##rating");
    h.click("##standname");
    h.type("Maïwenn");
    h.click("Envoyer");
    h.frames(1);
    CHECK(h.has("Au visiteur suivant"));

    EventState disk = reopened(h);
    auto feedback = disk.feedbackOf(prototype);
    REQUIRE(feedback.size() == before + 1);
    auto mine = std::find_if(feedback.begin(), feedback.end(), [](const Feedback* x) { return x->visitor == "Maïwenn"; });
    REQUIRE(mine != feedback.end());
    const Feedback* f = *mine;
    CHECK(f->kind == FeedbackKind::Suggest);
    CHECK(f->text == "Ajouter un plan du quartier, en gros caractères");
    CHECK(f->rating == 4);
    CHECK(f->visitor == "Maïwenn");
    CHECK(h.session().engine()->undoDescription() != "Laisser un retour"); // not undoable

    // After a few seconds, the next visitor sees the three buttons again, with nothing typed.
    h.clock().advance(6000);
    h.frames(2);
    // (the J'aime click below only lands when the three buttons are back)

    // A rating alone is enough; the name is optional.
    h.click("J’aime");
    h.frames(1);
    h.click("5##rating");
    h.click("Envoyer");
    h.frames(1);
    disk = reopened(h);
    feedback = disk.feedbackOf(prototype);
    REQUIRE(feedback.size() == before + 2);
    CHECK(std::count_if(feedback.begin(), feedback.end(), [](const Feedback* x) {
              return x->kind == FeedbackKind::Like && x->rating == 5 && x->visitor.empty() && x->text.empty();
          }) >= 1);
    // "Au visiteur suivant" resets at once: a question can follow without waiting.
    h.click("Au visiteur suivant");
    h.frames(1);
    h.click("Je m’interroge");
    h.frames(1);
    h.click("##standtext");
    h.type("Et pour les personnes malvoyantes ?");
    h.click("Envoyer");
    disk = reopened(h);
    feedback = disk.feedbackOf(prototype);
    REQUIRE(feedback.size() == before + 3);
    CHECK(std::count_if(feedback.begin(), feedback.end(), [](const Feedback* x) {
              return x->kind == FeedbackKind::Question && x->text == "Et pour les personnes malvoyantes ?";
          }) == 1);
}

TEST_CASE("prototypes: add, edit, new version and delete through undoable actions", "[app][outcomes]") {
    Headless h;
    const Team* team = h.state().teamByReference("3");
    h.session().team = team->id;
    h.session().view = ViewId::Prototypes;
    h.frames(2);
    std::size_t before = h.state().prototypesOfTeam(team->id).size();
    h.click("+ Nouveau prototype");
    h.frames(2);
    auto protos = reopened(h).prototypesOfTeam(team->id);
    REQUIRE(protos.size() == before + 1);
    h.click("Nouvelle version");
    h.frames(2);
    protos = h.state().prototypesOfTeam(team->id);
    REQUIRE(protos.size() == before + 2);
    CHECK(std::any_of(protos.begin(), protos.end(), [](const Prototype* p) { return p->version == 2 && p->title == "Nouveau prototype"; }));
    h.click("Supprimer le prototype");
    h.frames(1);
    CHECK(h.state().prototypesOfTeam(team->id).size() == before + 1);
    h.session().requestUndo(); // Edit > Undo brings it back
    h.frames(1);
    CHECK(h.state().prototypesOfTeam(team->id).size() == before + 2);
}

TEST_CASE("dashboard: the demo event's counts, sorting by a header and filtering by phase", "[app][outcomes]") {
    Headless h;
    h.session().view = ViewId::Dashboard;
    h.frames(3);
    auto* view = dynamic_cast<DashboardView*>(h.app().view(ViewId::Dashboard));
    REQUIRE(view);
    const EventState& s = h.state();
    auto rows = view->shownRows();
    REQUIRE(rows.size() == s.teams.size());
    // Défi order by default.
    CHECK(std::is_sorted(rows.begin(), rows.end(), [](auto* a, auto* b) { return a->number < b->number; }));
    int notes = 0, feedback = 0, prototypes = 0;
    for (const DashboardRow* row : rows) {
        CHECK(row->notes == static_cast<int>(s.notesOfTeam(row->team).size()));
        notes += row->notes;
        feedback += row->feedback();
        prototypes += row->versions;
        const Team* t = s.find<Team>(row->team);
        CHECK(row->phase == t->phase);
    }
    CHECK(notes == static_cast<int>(s.notes.size()));
    CHECK(feedback == static_cast<int>(s.feedback.size()));
    CHECK(prototypes == static_cast<int>(s.prototypes.size()));
    const DashboardRow* three = *std::find_if(rows.begin(), rows.end(), [](auto* r) { return r->number == 3; });
    CHECK(three->prototypes >= 1);
    CHECK(three->feedback() > 0);
    CHECK(three->ratings > 0);

    // A click on "Post-its" sorts by notes (ascending), a second click descending.
    h.click("Post-its");
    h.frames(1);
    rows = view->shownRows();
    CHECK(std::is_sorted(rows.begin(), rows.end(), [](auto* a, auto* b) { return a->notes < b->notes; }));
    h.click("Post-its");
    h.frames(1);
    rows = view->shownRows();
    CHECK(std::is_sorted(rows.begin(), rows.end(), [](auto* a, auto* b) { return a->notes > b->notes; }));
    CHECK(rows.front()->notes > rows.back()->notes);

    // Filtering by phase keeps only the teams in it.
    Phase phase = three->phase;
    DashboardFilter filter;
    filter.phase = static_cast<int>(phase);
    Dashboard d = buildDashboard(h.session().engine()->store(), s, h.clock().now());
    auto filtered = dashboardRows(d, filter, {});
    REQUIRE_FALSE(filtered.empty());
    for (auto* r : filtered) CHECK(r->phase == phase);
    CHECK(filtered.size() == static_cast<std::size_t>(std::count_if(s.teams.begin(), s.teams.end(), [&](auto& t) { return t.second.phase == phase; })));
    // And by thème.
    REQUIRE_FALSE(d.themes.empty());
    filter = {};
    filter.theme = d.themes.front();
    for (auto* r : dashboardRows(d, filter, {{DashboardColumn::Team, true}})) CHECK(r->theme == d.themes.front());
}

TEST_CASE("dashboard: a review file lists each site's teams and filters them by site", "[app][outcomes]") {
    Headless h;
    atelier::test::TempDir dir;
    std::string lyon = dir.file("lyon.db"), review = dir.file("revue.db");
    {
        EventInfo info;
        info.name = "Lyon 2019";
        auto e = Engine::create(lyon, info, h.clock());
        Id c = e->apply(AddChallenge{{}, 1, "Comment accueillir à Lyon ?", "", "", "", "", "", "", "", ""}).created[0];
        e->apply(AddTeam{{}, "Équipe lyonnaise", "", c});
        info.name = "Revue nationale";
        auto r = Engine::create(review, info, h.clock());
        markAsReviewFile(r->store()); // as `atelier new --review` does
        r->mergeFrom(h.path());
        r->mergeFrom(lyon);
    }
    REQUIRE(h.session().open(review));
    h.session().view = ViewId::Dashboard;
    h.frames(3);
    auto* view = dynamic_cast<DashboardView*>(h.app().view(ViewId::Dashboard));
    REQUIRE(view);
    auto rows = view->shownRows();
    REQUIRE(rows.size() == 15);
    // Site by site in défi order: the sites sort by name, Lyon before the demo's "Université…".
    CHECK(rows.front()->site == "Lyon 2019");
    CHECK(rows.back()->site == h.state().siteName(h.state().teamByReference("14")->siteId));
    h.click("##site");
    h.frames(1);
    h.click("Lyon 2019");
    h.frames(2);
    rows = view->shownRows();
    REQUIRE(rows.size() == 1);
    CHECK(rows.front()->teamName == "Équipe lyonnaise");
}

TEST_CASE("files: a team laptop's copy is compared, then merged, with a report of what came in", "[app][outcomes]") {
    Headless h;
    atelier::test::TempDir dir;
    std::string laptop = dir.file("equipe-3.db");
    const Team* three = h.state().teamByReference("3");
    REQUIRE(three);
    Id team = three->id;
    copyEventFile(h.path(), laptop, "équipe 3", team);
    Id note;
    {
        auto e = Engine::open(laptop, h.clock());
        h.clock().advance(1000);
        note = e->apply(AddNote{{}, team, "Idée venue du portable", "", 40, 40, {}, {}, {}, {}}).created[0];
    }
    std::size_t notesBefore = h.state().notes.size();
    requestFilesTab(FilesTab::Merge);
    h.session().view = ViewId::Files;
    h.frames(2);
    h.click("##mergepath");
    h.type(laptop);
    h.click("Comparer");
    h.frames(1);
    CHECK(h.has("Fusionner"));
    CHECK(h.state().notes.size() == notesBefore); // comparing changes nothing
    h.click("Fusionner");
    h.frames(3);
    CHECK(h.state().notes.size() == notesBefore + 1);
    REQUIRE(h.state().find<Note>(note));
    auto* files = dynamic_cast<FilesView*>(h.app().view(ViewId::Files));
    REQUIRE(files);
    CHECK_THAT(files->mergeReport(), Catch::Contains("1 modification nouvelle,") && Catch::Contains("Aucun conflit."));
    // Saved, not only shown: the file on disk holds the laptop's note.
    CHECK(reopened(h).find<Note>(note));
}

TEST_CASE("files: several laptops' copies merge in one transaction, all of them or none", "[app][outcomes]") {
    Headless h;
    atelier::test::TempDir dir;
    std::vector<std::string> laptops;
    std::vector<Id> notes;
    for (const char* ref : {"3", "4", "5"}) {
        const Team* team = h.state().teamByReference(ref);
        REQUIRE(team);
        laptops.push_back(dir.file(std::string("equipe-") + ref + ".db"));
        copyEventFile(h.path(), laptops.back(), std::string("équipe ") + ref, team->id);
        auto e = Engine::open(laptops.back(), h.clock());
        h.clock().advance(1000);
        notes.push_back(e->apply(AddNote{{}, team->id, std::string("Idée du portable ") + ref, "", 40, 40, {}, {}, {}, {}}).created[0]);
    }
    {   // The third laptop's journal wiped by hand: a damaged copy.
        SQLite::Database db(laptops[2], SQLite::OPEN_READWRITE);
        db.exec("DELETE FROM journal");
    }
    std::size_t notesBefore = h.state().notes.size();
    std::string before = Engine::open(h.path(), h.clock(), OpenMode::ReadOnly)->store().canonicalDump();
    requestFilesTab(FilesTab::Merge);
    h.session().view = ViewId::Files;
    h.frames(2);
    auto compare = [&](const std::string& path) {
        h.click("##mergepath");
        h.type(path);
        h.click("Comparer");
        h.frames(1);
    };
    for (const auto& path : laptops) compare(path);
    CHECK(h.has("Fusionner"));
    h.click("Fusionner");
    h.frames(3);
    // Refused by its name, and nothing of the two sound copies came in either.
    auto& toasts = h.session().toasts();
    CHECK(std::any_of(toasts.begin(), toasts.end(), [&](const Toast& t) {
        return t.error && t.text.find(laptops[2]) != std::string::npos && t.text.find("Rien n'a été fusionné") != std::string::npos;
    }));
    CHECK(h.state().notes.size() == notesBefore);
    CHECK(Engine::open(h.path(), h.clock(), OpenMode::ReadOnly)->store().canonicalDump() == before);
    // The two sound copies, merged together: both laptops' notes, one report.
    compare(laptops[0]);
    compare(laptops[1]);
    h.click("Fusionner");
    h.frames(3);
    CHECK(h.state().notes.size() == notesBefore + 2);
    CHECK(reopened(h).find<Note>(notes[0]));
    CHECK(reopened(h).find<Note>(notes[1]));
    auto* files = dynamic_cast<FilesView*>(h.app().view(ViewId::Files));
    REQUIRE(files);
    CHECK_THAT(files->mergeReport(), Catch::Contains("2 modifications nouvelles,") && Catch::Contains(laptops[0]) &&
                                         Catch::Contains(laptops[1]));
}

TEST_CASE("search: typing finds notes without accents, a click opens the board", "[app][outcomes]") {
    Headless h;
    h.session().view = ViewId::Search;
    h.frames(2);
    auto* view = dynamic_cast<SearchView*>(h.app().view(ViewId::Search));
    REQUIRE(view);
    h.click("##search");
    h.type("usager");
    h.frames(1);
    REQUIRE_FALSE(view->hits().empty());
    auto hit = view->hits().front();
    h.click("hit0");
    h.frames(1);
    CHECK(h.session().view != ViewId::Search);
    if (hit.teamId) CHECK(h.session().team == hit.teamId);
}
