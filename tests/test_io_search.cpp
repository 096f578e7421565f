// Search (FTS5, schema v2): folding at indexing and query time, quoting of user terms, and an
// index that follows actions, undo and redo.
#include "storage/schema.hpp"
#include "io/search.hpp"
#include "support.hpp"

#include <catch2/catch.hpp>

#include <SQLiteCpp/Database.h>

using namespace atelier;
using namespace atelier::test;

namespace {

std::vector<Id> idsOf(const std::vector<SearchHit>& hits) {
    std::vector<Id> ids;
    for (const auto& h : hits) ids.push_back(h.id);
    return ids;
}

bool found(Store& store, const std::string& query, Id id) {
    auto ids = idsOf(searchEvent(store, query, 100));
    return std::find(ids.begin(), ids.end(), id) != ids.end();
}

} // namespace

TEST_CASE("search folds accents, case and ligatures both ways") {
    Fixture f;
    Id team = f.add(AddTeam{{}, "Équipe 1", "", {}});
    Id resume = f.add(AddNote{{}, team, "Un résumé du parcours", "", 0, 0, {}, {}, {}, {}});
    Id coeur = f.add(AddNote{{}, team, "Le cœur de l’usager", "", 0, 0, {}, {}, {}, {}});
    Id plain = f.add(AddNote{{}, team, "resume plain and coeur", "", 0, 0, {}, {}, {}, {}});
    Store& store = f.engine->store();
    CHECK(found(store, "resume", resume));
    CHECK(found(store, "résumé", resume));
    CHECK(found(store, "RÉSUMÉ", plain));
    CHECK(found(store, "coeur", coeur));
    CHECK(found(store, "cœur", plain));
    CHECK(found(store, "Cœur", coeur));
    CHECK(found(store, "l'usager", coeur)); // straight apostrophe finds the typographic one
    CHECK(found(store, "l’usager", coeur));
    CHECK_FALSE(found(store, "coeur", resume));
}

TEST_CASE("user terms never raise an FTS syntax error") {
    Fixture f;
    Id team = f.add(AddTeam{{}, "Équipe 1", "", {}});
    Id journey = f.add(AddNote{{}, team, "Cartographier le parcours-usager", "", 0, 0, {}, {}, {}, {}});
    Store& store = f.engine->store();
    CHECK(found(store, "parcours-usager", journey));
    CHECK_NOTHROW(searchEvent(store, "l'usager", 10));
    CHECK(searchEvent(store, "\"", 10).empty());
    for (const char* odd : {"\"", "\"\"", "'", "*", "AND", "OR NOT", "(", "col:x", "NEAR(a b)", "^", "-", "l'usager\"", "\"parcours"})
        CHECK_NOTHROW(searchEvent(store, odd, 10));
    CHECK(found(store, "\"parcours", journey));
    CHECK(searchQuery("\"") .empty());
    CHECK(searchQuery("l'usager") == "\"l'usager\"*");
    CHECK(searchQuery("a\"b") == "\"a\"\"b\"*");
}

TEST_CASE("all terms must match, as prefixes") {
    Fixture f;
    Id team = f.add(AddTeam{{}, "Équipe 1", "", {}});
    Id a = f.add(AddNote{{}, team, "Accueil des usagers en mairie", "", 0, 0, {}, {}, {}, {}});
    Id b = f.add(AddNote{{}, team, "Accueil téléphonique", "", 0, 0, {}, {}, {}, {}});
    Store& store = f.engine->store();
    CHECK(idsOf(searchEvent(store, "accueil usager", 10)) == std::vector<Id>{a});
    CHECK(found(store, "accu", b));
    CHECK(searchEvent(store, "", 10).empty());
    CHECK(searchEvent(store, "   ", 10).empty());
}

TEST_CASE("prototypes, feedback and défis are searched, with their team") {
    Fixture f;
    Id challenge = f.add(AddChallenge{{}, 3, "Comment rendre l'accueil des nouveaux arrivants chaleureux ?", "Rennes Métropole",
                                      "", "", "", "", "", "", ""});
    Id team = f.add(AddTeam{{}, "Équipe 3", "", challenge});
    Id proto = f.add(AddPrototype{{}, team, "Kit d'accueil", "Une boîte remise en mairie", PrototypeFormat::Mockup,
                                  PrototypeStatus::Draft, "Savoir si les arrivants l'ouvrent", {}, {}});
    Id feedback = f.add(AddFeedback{{}, proto, FeedbackKind::Suggest, "Ajouter un plan du quartier", 4, "Awa"});
    Store& store = f.engine->store();
    auto hits = searchEvent(store, "boite", 10);
    REQUIRE(hits.size() == 1);
    CHECK(hits[0].kind == SearchKind::Prototype);
    CHECK(hits[0].id == proto);
    CHECK(hits[0].teamId == team);
    CHECK(hits[0].title == "Kit d'accueil");
    CHECK(hits[0].snippet.substr(hits[0].matchStart, hits[0].matchLength) == "boîte");
    hits = searchEvent(store, "quartier", 10);
    REQUIRE(hits.size() == 1);
    CHECK(hits[0].kind == SearchKind::Feedback);
    CHECK(hits[0].id == feedback);
    CHECK(hits[0].teamId == team);
    hits = searchEvent(store, "metropole", 10);
    REQUIRE(hits.size() == 1);
    CHECK(hits[0].kind == SearchKind::Challenge);
    CHECK(hits[0].teamId == team);
    CHECK(hits[0].title == "Défi n°3");
    CHECK_FALSE(found(store, "Awa", feedback)); // visitors' names are not indexed
}

TEST_CASE("the index follows edits, deletes, cascades, undo and redo") {
    Fixture f;
    Id team = f.add(AddTeam{{}, "Équipe 1", "", {}});
    Id note = f.add(AddNote{{}, team, "Idée de départ", "", 0, 0, {}, {}, {}, {}});
    Store& store = f.engine->store();
    f.engine->apply(EditNote{note, std::string("Guichet unique"), {}, {}, {}});
    CHECK_FALSE(found(store, "depart", note));
    CHECK(found(store, "guichet", note));
    f.engine->undo();
    CHECK(found(store, "depart", note));
    CHECK_FALSE(found(store, "guichet", note));
    f.engine->redo();
    CHECK(found(store, "guichet", note));
    f.engine->apply(DeleteTeam{team}); // the note goes by cascade
    CHECK_FALSE(found(store, "guichet", note));
    f.engine->undo();
    CHECK(found(store, "guichet", note));
    f.reopen();
    CHECK(found(f.engine->store(), "guichet", note));
}

TEST_CASE("a version 1 file gets its index built when opened") {
    TempDir dir;
    std::string path = dir.file("v1.db");
    {
        // A file as the first version of Atelier wrote it: schema v1 only.
        SQLite::Database db(path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
        db.exec("PRAGMA application_id=" + std::to_string(kApplicationId));
        db.exec(migrations().front().sql);
        db.exec("PRAGMA user_version=1");
        db.exec("INSERT INTO event(id, name, created_at) VALUES (1, 'Ancien', 0)");
        db.exec("INSERT INTO team(id, name, colour, phase) VALUES (2, 'Équipe', '#4C78A8', 'diverge')");
        db.exec("INSERT INTO note(id, team_id, text, colour, x, y, width, height, phase, created_at) "
                "VALUES (3, 2, 'Un résumé du cœur', '#FFE066', 0, 0, 160, 120, 'diverge', 0)");
    }
    FakeClock clock;
    auto engine = Engine::open(path, clock);
    CHECK(engine->store().schemaVersion() == currentSchemaVersion());
    CHECK(found(engine->store(), "resume", Id{3}));
    CHECK(found(engine->store(), "coeur", Id{3}));
}

namespace {

// The marked parts of a text, as the search marks them.
std::vector<std::string> marked(const std::string& text, const std::string& query) {
    std::vector<std::string> parts;
    for (const TextRange& r : matchRanges(text, query)) parts.push_back(text.substr(r.start, r.length));
    return parts;
}

} // namespace

TEST_CASE("every matched word is marked, accents and case folded as the search folds them") {
    using V = std::vector<std::string>;
    // « de » matches « Des » as the search does (each term is a prefix: its « De » is marked).
    CHECK(marked("Des citoyens au cœur de la Ville", "coeur de ville") == V{"De", "cœur", "de", "Ville"});
    CHECK(marked("Des citoyens au cœur de la Ville", "CŒUR") == V{"cœur"});
    // A term of several words (apostrophe, hyphen) matches them in a row, not each alone.
    CHECK(marked("l’accueil à l'entrée, et l accueil", "l'accueil") == V{"l’accueil", "l accueil"});
    CHECK(marked("Un parcours-usager, un parcours et un usager", "parcours-usager") == V{"parcours-usager"});
    // Prefixes of a word only, never the middle of one; punctuation around a word is no part of it.
    CHECK(marked("Villejean, Deville et « ville »", "ville") == V{"Ville", "ville"});
    // A ligature or a decomposed accent is marked whole.
    CHECK(marked("un œuf", "o") == V{"œ"});
    CHECK(marked("cafe\xCC\x81 et cafés", "café") == V{"cafe\xCC\x81", "café"});
    CHECK(marked("rien ici", "coeur").empty());
    CHECK(marked("rien ici", "\"").empty());
}

TEST_CASE("a hit's snippet marks every match inside it") {
    Fixture f;
    Id team = f.add(AddTeam{{}, "Équipe 1", "", {}});
    f.add(AddNote{{}, team, "Des citoyens au cœur de la Ville, le cœur battant", "", 0, 0, {}, {}, {}, {}});
    auto hits = searchEvent(f.engine->store(), "coeur ville", 10);
    REQUIRE(hits.size() == 1);
    const SearchHit& hit = hits[0];
    std::vector<std::string> parts;
    for (const TextRange& r : hit.matches) parts.push_back(hit.snippet.substr(r.start, r.length));
    CHECK(parts == std::vector<std::string>{"cœur", "Ville", "cœur"});
    CHECK(hit.matchStart == hit.matches[0].start);
    CHECK(hit.matchLength == hit.matches[0].length);
    // A long text is cut around the first match; the matches kept are those inside the snippet.
    std::string longText = "cœur " + std::string(300, 'x') + " cœur";
    f.add(AddNote{{}, team, longText, "", 0, 0, {}, {}, {}, {}});
    hits = searchEvent(f.engine->store(), "coeur", 10);
    REQUIRE(hits.size() == 2);
    for (const SearchHit& h : hits) {
        for (const TextRange& r : h.matches) CHECK(h.snippet.substr(r.start, r.length) == "cœur");
        if (h.snippet.find("xxx") != std::string::npos) CHECK(h.matches.size() == 1);
    }
}
