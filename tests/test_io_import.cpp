// Importing défis and teams from spreadsheets: every variant of fixture file, all-or-nothing
// errors naming line and column, and re-imports that update instead of duplicating.
#include "io/import_challenges.hpp"
#include "io/import_error.hpp"
#include "io/import_teams.hpp"
#include "support.hpp"

#include <catch2/catch.hpp>

using namespace atelier;
using namespace atelier::test;

namespace {

std::string fixture(const std::string& name) { return std::string(ATELIER_IO_FIXTURES) + "/" + name; }

const Challenge* challengeNumber(const EventState& s, int number) {
    for (const auto& [id, c] : s.challenges)
        if (c.number == number) return &c;
    return nullptr;
}

const Team* teamNamed(const EventState& s, const std::string& name) {
    for (const auto& [id, t] : s.teams)
        if (t.name == name) return &t;
    return nullptr;
}

const Member* memberNamed(const EventState& s, const std::string& name) {
    for (const auto& [id, m] : s.members)
        if (m.name == name) return &m;
    return nullptr;
}

} // namespace

TEST_CASE("défis from every spreadsheet variant") {
    Fixture f;
    const auto& s = f.engine->state();
    SECTION("BOM, semicolons, CRLF") {
        auto summary = importChallengesFile(*f.engine, fixture("defis_bom_semicolon_crlf.csv"));
        CHECK(summary.created == 3);
        REQUIRE(s.challenges.size() == 3);
        const Challenge* c = challengeNumber(s, 1);
        REQUIRE(c);
        CHECK(c->question == "Comment simplifier l'accueil des usagers en mairie ?");
        CHECK(c->owner == "Ville de Rennes");
        CHECK(c->stakeholders == "Usagers, agents d'accueil");
        CHECK(c->levers == "Guichet unique");
        CHECK(c->link == "https://example.org/defi-1");
        CHECK(challengeNumber(s, 3)->owner == "Département d'Ille-et-Vilaine");
        CHECK(f.engine->undoDescription() == "Importer les défis de defis_bom_semicolon_crlf.csv");
    }
    SECTION("commas") {
        importChallengesFile(*f.engine, fixture("defis_comma.csv"));
        REQUIRE(s.challenges.size() == 2);
        CHECK(challengeNumber(s, 1)->question == "Comment simplifier l'accueil, en mairie, des usagers ?");
        CHECK(challengeNumber(s, 1)->stakes == "Accès aux droits, égalité");
        CHECK(challengeNumber(s, 2)->stakeholders == "Salariés, étudiants");
    }
    SECTION("tabs") {
        importChallengesFile(*f.engine, fixture("defis_tab.csv"));
        REQUIRE(s.challenges.size() == 2);
        CHECK(challengeNumber(s, 2)->owner == "Région Bretagne");
    }
    SECTION("multi-line quoted fields") {
        importChallengesFile(*f.engine, fixture("defis_multiline.csv"));
        REQUIRE(s.challenges.size() == 2);
        CHECK(challengeNumber(s, 1)->question == "Comment simplifier\nl'accueil des usagers ?");
        CHECK(challengeNumber(s, 1)->obstacles == "Les \"silos\" entre services");
        CHECK(challengeNumber(s, 2)->obstacles == "Habitudes\nHoraires\nConfiance");
    }
    SECTION("Windows-1252") {
        auto summary = importChallengesFile(*f.engine, fixture("defis_cp1252.csv"));
        CHECK(summary.source == TextSource::Windows1252);
        CHECK(summary.text().find("Windows-1252") != std::string::npos);
        CHECK(challengeNumber(s, 1)->question == "Comment remettre l’usager au cœur de l’accueil ?");
        CHECK(challengeNumber(s, 1)->owner == "Ville de Sète");
        CHECK(challengeNumber(s, 2)->theme == "Alimentation");
    }
    SECTION("shuffled, accented, English headers and an unknown column") {
        auto summary = importChallengesFile(*f.engine, fixture("defis_shuffled_headers.csv"));
        CHECK(summary.unknownColumns == std::vector<std::string>{"Commentaire"});
        CHECK(summary.text().find("« Commentaire »") != std::string::npos);
        REQUIRE(s.challenges.size() == 2);
        const Challenge* c = challengeNumber(s, 1);
        CHECK(c->question == "Comment simplifier l'accueil des usagers en mairie ?");
        CHECK(c->theme == "Accueil");
        CHECK(c->stakeholders == "Usagers");
        CHECK(c->territory == "Rennes");
        CHECK(challengeNumber(s, 2)->owner == "Région Bretagne");
    }
}

TEST_CASE("a bad row on line 7 names line and column and changes nothing") {
    Fixture f;
    f.add(AddChallenge{{}, 9, "Un défi déjà là", "", "", "", "", "", "", "", ""});
    std::string before = f.engine->store().canonicalDump();
    try {
        importChallengesFile(*f.engine, fixture("defis_bad_line7.csv"));
        FAIL("no error");
    } catch (const ImportError& e) {
        std::string message = e.what();
        CHECK(e.line() == 7);
        CHECK(e.column() == "N°");
        CHECK(message.find("Ligne 7") != std::string::npos);
        CHECK(message.find("« N° »") != std::string::npos);
        CHECK(message.find("douze") != std::string::npos);
    }
    CHECK(f.engine->store().canonicalDump() == before);
    CHECK(f.engine->state().challenges.size() == 1);
    f.reopen();
    CHECK(f.engine->store().canonicalDump() == before);
}

TEST_CASE("row errors name what is wrong") {
    Fixture f;
    auto importText = [&](const std::string& text) {
        return applyImport(*f.engine, planChallengeImport(f.engine->state(), readCsv(text)));
    };
    CHECK_THROWS_WITH(importText("N°;Intitulé\n1;\n"), Catch::Contains("Ligne 2, colonne « Intitulé »") &&
                                                              Catch::Contains("vide"));
    CHECK_THROWS_WITH(importText("N°;Intitulé\n1;a\n1;b\n"), Catch::Contains("Ligne 3") && Catch::Contains("ligne 2"));
    CHECK_THROWS_WITH(importText("Intitulé;Porteur\nx;y\n"), Catch::Contains("« N° » introuvable"));
    CHECK_THROWS_WITH(importText("N°;Question;Intitulé\n1;a;b\n"), Catch::Contains("désignent toutes deux"));
    CHECK_THROWS_WITH(importText("N°;Intitulé\n1;" + std::string(30000, 'x') + "\n"),
                      Catch::Contains("Ligne 2") && Catch::Contains("trop long"));
    // A negative number is not défi 3; a huge cell is echoed shortened.
    CHECK_THROWS_WITH(importText("N°;Intitulé\n-3;a\n"), Catch::Contains("« -3 » n'est pas un numéro de défi"));
    CHECK_THROWS_WITH(importText("N°;Intitulé\n " + std::string(30000, 'x') + ";a\n"), Catch::Contains("octets)"));
    CHECK(f.engine->state().challenges.empty());
}

TEST_CASE("re-importing défis updates by number, never duplicates") {
    Fixture f;
    importChallengesFile(*f.engine, fixture("defis_bom_semicolon_crlf.csv"));
    std::string once = f.engine->store().canonicalDump();
    auto again = importChallengesFile(*f.engine, fixture("defis_bom_semicolon_crlf.csv"));
    CHECK(again.created == 0);
    CHECK(again.unchanged == 3);
    CHECK(f.engine->store().canonicalDump() == once);
    CHECK(f.engine->undoDescription() == "Importer les défis de defis_bom_semicolon_crlf.csv"); // no empty entry

    // The same défis from another file with fewer columns: updated, nothing else lost.
    auto update = importChallengesFile(*f.engine, fixture("defis_comma.csv"));
    CHECK(update.updated == 2);
    CHECK(update.created == 0);
    const auto& s = f.engine->state();
    CHECK(s.challenges.size() == 3);
    CHECK(challengeNumber(s, 1)->question == "Comment simplifier l'accueil, en mairie, des usagers ?");
    CHECK(challengeNumber(s, 1)->levers == "Guichet unique"); // no Leviers column: left as it was
    f.engine->undo();
    CHECK(f.engine->store().canonicalDump() == once);
}

TEST_CASE("teams with members and roles") {
    Fixture f;
    importChallengesFile(*f.engine, fixture("defis_bom_semicolon_crlf.csv"));
    auto summary = importTeamsFile(*f.engine, fixture("equipes.csv"));
    CHECK(summary.created == 3);
    CHECK(summary.membersCreated == 5);
    const auto& s = f.engine->state();
    const Team* accueil = teamNamed(s, "Équipe Accueil");
    REQUIRE(accueil);
    CHECK(accueil->colour == "#54A24B");
    CHECK(accueil->challengeId == challengeNumber(s, 1)->id);
    CHECK(s.membersOfTeam(accueil->id).size() == 3);
    CHECK(memberNamed(s, "Awa Diallo")->role == Role::Facilitator);
    CHECK(memberNamed(s, "Awa Diallo")->organisation == "Ville de Rennes");
    CHECK(memberNamed(s, "Jean Martin")->role == Role::ChallengeOwner);
    CHECK(memberNamed(s, "Chloé Le Goff")->role == Role::Participant);
    const Team* mobilite = teamNamed(s, "Équipe Mobilité");
    REQUIRE(mobilite);
    CHECK(mobilite->colour == "#4C78A8"); // "bleu"
    CHECK(memberNamed(s, "Karim Benali")->role == Role::Expert);
    CHECK(memberNamed(s, "Léa Moreau")->role == Role::Participant);
    const Team* cantine = teamNamed(s, "Équipe Cantine");
    REQUIRE(cantine);
    CHECK(s.membersOfTeam(cantine->id).empty());
    CHECK(cantine->challengeId == challengeNumber(s, 3)->id);

    SECTION("re-import does not duplicate") {
        std::string once = f.engine->store().canonicalDump();
        auto again = importTeamsFile(*f.engine, fixture("equipes.csv"));
        CHECK(again.created == 0);
        CHECK(again.unchanged == 3);
        CHECK(again.membersCreated == 0);
        CHECK(again.membersUnchanged == 5);
        CHECK(f.engine->store().canonicalDump() == once);
    }
    SECTION("names match ignoring case and accents; changes are updates") {
        auto changed = applyImport(*f.engine, planTeamImport(s, readCsv("equipe;membre;role\n"
                                                                        "EQUIPE ACCUEIL;awa diallo;expert\n"
                                                                        "Equipe Accueil;Nina;\n")));
        CHECK(changed.created == 0);
        CHECK(changed.membersUpdated == 1);
        CHECK(changed.membersCreated == 1);
        CHECK(memberNamed(s, "Awa Diallo")->role == Role::Expert);
        CHECK(s.membersOfTeam(accueil->id).size() == 4);
    }
}

TEST_CASE("teams in English with first and last names apart") {
    Fixture f;
    importChallengesFile(*f.engine, fixture("defis_comma.csv"));
    auto summary = importTeamsFile(*f.engine, fixture("teams_english.csv"));
    CHECK(summary.created == 1);
    const auto& s = f.engine->state();
    REQUIRE(memberNamed(s, "Awa Diallo"));
    CHECK(memberNamed(s, "Awa Diallo")->role == Role::Facilitator);
    CHECK(memberNamed(s, "Jean Martin")->role == Role::ChallengeOwner);
    CHECK(memberNamed(s, "Jean Martin")->organisation == "Rennes Metropole");
}

TEST_CASE("a team's unknown défi stops the whole import") {
    Fixture f;
    importChallengesFile(*f.engine, fixture("defis_comma.csv"));
    std::string before = f.engine->store().canonicalDump();
    try {
        importTeamsFile(*f.engine, fixture("equipes_bad_defi.csv"));
        FAIL("no error");
    } catch (const ImportError& e) {
        CHECK(e.line() == 4);
        CHECK(e.column() == "Défi");
        CHECK(std::string(e.what()).find("99") != std::string::npos);
    }
    CHECK(f.engine->store().canonicalDump() == before);
}

TEST_CASE("team row errors") {
    Fixture f;
    auto importText = [&](const std::string& text) {
        return applyImport(*f.engine, planTeamImport(f.engine->state(), readCsv(text)));
    };
    CHECK_THROWS_WITH(importText("Équipe;Rôle;Membre\nA;chef;Awa\n"),
                      Catch::Contains("Ligne 2, colonne « Rôle »") && Catch::Contains("chef"));
    CHECK_THROWS_WITH(importText("Équipe;Couleur\nA;fuchsia\n"), Catch::Contains("fuchsia"));
    CHECK_THROWS_WITH(importText("Équipe;Couleur\nA;rouge\nA;vert\n"), Catch::Contains("Ligne 3"));
    CHECK_THROWS_WITH(importText("Équipe;Membre\nA;Awa\nA;AWA\n"), Catch::Contains("Ligne 3") && Catch::Contains("ligne 2"));
    CHECK_THROWS_WITH(importText("Équipe;Membre;Organisation\nA;;CNFPT\n"), Catch::Contains("nom du membre manquant"));
    CHECK_THROWS_WITH(importText("Équipe;Membre\n;Awa\n"), Catch::Contains("nom d'équipe manquant"));
    CHECK(f.engine->state().teams.empty());
}

TEST_CASE("roles and colours in the words spreadsheets use") {
    CHECK(parseRole("Facilitatrice") == Role::Facilitator);
    CHECK(parseRole("facilitateur·rice") == Role::Facilitator);
    CHECK(parseRole("Porteuse du défi") == Role::ChallengeOwner);
    CHECK(parseRole("porteur du defi") == Role::ChallengeOwner);
    CHECK(parseRole("challenge_owner") == Role::ChallengeOwner);
    CHECK(parseRole("Participant·e") == Role::Participant);
    CHECK(parseRole("EXPERTE") == Role::Expert);
    CHECK_FALSE(parseRole("chef"));
    CHECK(parseColour("#54a24b") == "#54A24B");
    CHECK(parseColour("54A24B") == "#54A24B");
    CHECK(parseColour("Vert") == "#54A24B");
    CHECK_FALSE(parseColour("#12345"));
}

TEST_CASE("templates carry the expected French headers") {
    CHECK(challengeTemplate() ==
          "\xEF\xBB\xBFN°;Intitulé;Porteur;Territoire;Enjeux;Parties prenantes;Obstacles;Leviers;Thème;Lien\r\n");
    CHECK(teamTemplate() == "\xEF\xBB\xBF\xC3\x89quipe;Couleur;Défi;Membre;Organisation;Rôle\r\n");
    // A template read back is a valid, empty import.
    Fixture f;
    CHECK(planChallengeImport(f.engine->state(), readCsv(challengeTemplate())).actions.empty());
    CHECK(planTeamImport(f.engine->state(), readCsv(teamTemplate())).actions.empty());
}
