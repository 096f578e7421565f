// `atelier import | template | export | search`, run as an organiser would: prepare an event
// from two spreadsheets, publish its report, archive it as a bundle and find things in it.
#include "process.hpp"
#include "support.hpp"

#include "io/import_challenges.hpp"
#include "io/import_teams.hpp"
#include "storage/store.hpp"

#include <catch2/catch.hpp>

#include <filesystem>

using namespace atelier;
using namespace atelier::test;

namespace {

ProcessResult atelierRun(std::vector<std::string> args) {
    args.insert(args.begin(), ATELIER_BINARY);
    return runProcess(args);
}

std::string fixture(const std::string& name) { return std::string(ATELIER_IO_FIXTURES) + "/" + name; }

std::string dumpOf(const std::string& db) { return Store::open(db, OpenMode::ReadOnly)->canonicalDump(); }

// A new event with the défis and teams of the fixtures.
std::string preparedEvent(const TempDir& dir) {
    std::string db = dir.file("event.db");
    REQUIRE(atelierRun({"new", db, "--name", "Université d’été", "--place", "Rennes"}).exitCode == 0);
    auto defis = atelierRun({"import", "defis", db, fixture("defis_bom_semicolon_crlf.csv")});
    INFO(defis.err);
    REQUIRE(defis.exitCode == 0);
    auto teams = atelierRun({"import", "teams", db, fixture("equipes.csv")});
    INFO(teams.err);
    REQUIRE(teams.exitCode == 0);
    return db;
}

} // namespace

TEST_CASE("cli: templates carry the French headers and never overwrite") {
    TempDir dir;
    auto defis = atelierRun({"template", "defis", dir.file("defis.csv")});
    REQUIRE(defis.exitCode == 0);
    CHECK(readBytes(dir.file("defis.csv")) == challengeTemplate());
    REQUIRE(atelierRun({"template", "teams", dir.file("equipes.csv")}).exitCode == 0);
    CHECK(readBytes(dir.file("equipes.csv")) == teamTemplate());
    auto again = atelierRun({"template", "defis", dir.file("equipes.csv")});
    CHECK(again.exitCode != 0);
    CHECK_THAT(again.err, Catch::Contains("existe déjà"));
    CHECK(readBytes(dir.file("equipes.csv")) == teamTemplate());
    CHECK(atelierRun({"template", "other", dir.file("x.csv")}).exitCode != 0);
}

TEST_CASE("cli: import défis and teams, then again without duplicates") {
    TempDir dir;
    std::string db = dir.file("event.db");
    REQUIRE(atelierRun({"new", db, "--name", "Test"}).exitCode == 0);
    auto defis = atelierRun({"import", "defis", db, fixture("defis_cp1252.csv")});
    REQUIRE(defis.exitCode == 0);
    CHECK_THAT(defis.out, Catch::Contains("Défis : 2 créés"));
    CHECK_THAT(defis.out, Catch::Contains("Windows-1252"));
    auto teams = atelierRun({"import", "teams", db, fixture("equipes_bad_defi.csv")});
    CHECK(teams.exitCode != 0); // défi 99 does not exist
    auto more = atelierRun({"import", "defis", db, fixture("defis_bom_semicolon_crlf.csv")});
    REQUIRE(more.exitCode == 0);
    CHECK_THAT(more.out, Catch::Contains("1 créé, 2 mis à jour"));
    auto ok = atelierRun({"import", "teams", db, fixture("equipes.csv")});
    REQUIRE(ok.exitCode == 0);
    CHECK_THAT(ok.out, Catch::Contains("Équipes : 3 créées"));
    CHECK_THAT(ok.out, Catch::Contains("Membres : 5 ajoutés"));
    std::string once = dumpOf(db);
    auto again = atelierRun({"import", "teams", db, fixture("equipes.csv")});
    REQUIRE(again.exitCode == 0);
    CHECK_THAT(again.out, Catch::Contains("0 créée, 0 mise à jour, 3 inchangées"));
    CHECK(dumpOf(db) == once);
}

TEST_CASE("cli: a bad row names line and column and leaves the event as it was") {
    TempDir dir;
    std::string db = preparedEvent(dir);
    std::string before = dumpOf(db);
    auto bad = atelierRun({"import", "defis", db, fixture("defis_bad_line7.csv")});
    CHECK(bad.exitCode == 1);
    CHECK_THAT(bad.err, Catch::Contains("Ligne 7, colonne « N° »") && Catch::Contains("douze"));
    CHECK(dumpOf(db) == before);
    auto missing = atelierRun({"import", "defis", db, dir.file("absent.csv")});
    CHECK(missing.exitCode == 1);
    CHECK_THAT(missing.err, Catch::Contains("absent.csv"));
}

TEST_CASE("cli: exports, names only on request, PNG needs a board") {
    TempDir dir;
    std::string db = preparedEvent(dir);
    auto html = atelierRun({"export", db, "--format", "html", "--out", dir.file("restitution.html")});
    REQUIRE(html.exitCode == 0);
    std::string page = readBytes(dir.file("restitution.html"));
    CHECK_THAT(page, Catch::Contains("Comment simplifier l&#39;accueil des usagers en mairie ?"));
    CHECK_THAT(page, !Catch::Contains("Awa Diallo"));
    REQUIRE(atelierRun({"export", db, "--format", "html", "--out", dir.file("named.html"), "--with-names"}).exitCode == 0);
    CHECK_THAT(readBytes(dir.file("named.html")), Catch::Contains("Awa Diallo"));
    auto md = atelierRun({"export", db, "--format", "md", "--out", dir.file("restitution.md")});
    REQUIRE(md.exitCode == 0);
    CHECK_THAT(readBytes(dir.file("restitution.md")), Catch::Contains("## Défi n°2 — Comment donner envie de covoiturer ?"));
    auto csv = atelierRun({"export", db, "--format", "csv", "--out", dir.file("tableaux")});
    REQUIRE(csv.exitCode == 0);
    CHECK(std::filesystem::exists(dir.file("tableaux/notes.csv")));
    auto png = atelierRun({"export", db, "--format", "png", "--out", dir.file("board.png")});
    CHECK(png.exitCode == 1);
    CHECK_THAT(png.err, Catch::Contains("--team"));
    CHECK_FALSE(std::filesystem::exists(dir.file("board.png")));
    CHECK(atelierRun({"export", db, "--format", "pdf", "--out", dir.file("x.pdf")}).exitCode == 1);
}

TEST_CASE("cli: bundle out, bundle in, same event, same bytes") {
    TempDir dir;
    std::string db = dir.file("demo.db");
    REQUIRE(atelierRun({"demo", db}).exitCode == 0);
    REQUIRE(atelierRun({"export", db, "--format", "json", "--out", dir.file("demo.json")}).exitCode == 0);
    auto in = atelierRun({"import", "bundle", dir.file("copy.db"), dir.file("demo.json")});
    INFO(in.err);
    REQUIRE(in.exitCode == 0);
    CHECK_THAT(in.out, Catch::Contains("14 défis, 14 équipes"));
    CHECK(dumpOf(dir.file("copy.db")) == dumpOf(db));
    REQUIRE(atelierRun({"export", dir.file("copy.db"), "--format", "json", "--out", dir.file("again.json")}).exitCode == 0);
    CHECK(readBytes(dir.file("again.json")) == readBytes(dir.file("demo.json")));
    auto twice = atelierRun({"import", "bundle", dir.file("copy.db"), dir.file("demo.json")});
    CHECK(twice.exitCode == 1);
    CHECK_THAT(twice.err, Catch::Contains("existe déjà"));
    writeBytes(dir.file("bad.json"), "{\"format\": \"atelier-bundle\", \"version\": 9, \"tables\": {}}");
    auto bad = atelierRun({"import", "bundle", dir.file("bad.db"), dir.file("bad.json")});
    CHECK(bad.exitCode == 1);
    CHECK_THAT(bad.err, Catch::Contains("format 9"));
    CHECK_FALSE(std::filesystem::exists(dir.file("bad.db")));
}

TEST_CASE("cli: search with and without accents, odd input never an error") {
    TempDir dir;
    std::string db = dir.file("demo.db");
    REQUIRE(atelierRun({"demo", db}).exitCode == 0);
    auto accents = atelierRun({"search", db, "cœur"});
    REQUIRE(accents.exitCode == 0);
    auto plain = atelierRun({"search", db, "coeur"});
    REQUIRE(plain.exitCode == 0);
    CHECK(plain.out == accents.out);
    CHECK_THAT(plain.out, Catch::Contains("[cœur]"));
    auto inscription = atelierRun({"search", db, "inscription en ligne"});
    REQUIRE(inscription.exitCode == 0);
    CHECK_THAT(inscription.out, Catch::Contains("Équipe 3"));
    for (const char* odd : {"\"", "l'usager", "parcours-usager", "NEAR(", "*"}) {
        auto r = atelierRun({"search", db, odd});
        INFO(odd << ": " << r.err);
        CHECK(r.exitCode == 0);
    }
    CHECK_THAT(atelierRun({"search", db, "\""}).out, Catch::Contains("Aucun résultat"));
}

TEST_CASE("cli: search marks every matched word, accents and case folded") {
    TempDir dir;
    std::string db = dir.file("demo.db");
    REQUIRE(atelierRun({"demo", db}).exitCode == 0);
    auto r = atelierRun({"search", db, "coeur de ville"});
    REQUIRE(r.exitCode == 0);
    // Défi 11 of the demo: « … jusqu’au cœur du conseil municipal ? » by the « Ville de Saint-Nazaire ».
    CHECK_THAT(r.out, Catch::Contains("[cœur]"));
    CHECK_THAT(r.out, Catch::Contains("[Ville] [de] Saint-Nazaire"));
    CHECK_THAT(r.out, Catch::Contains("[de]s citoyens"));
}
