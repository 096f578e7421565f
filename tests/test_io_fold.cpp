// Text folding shared by search and spreadsheet header matching.
#include "io/text_fold.hpp"

#include <catch2/catch.hpp>

using namespace atelier;

TEST_CASE("folding removes case, accents and ligatures") {
    CHECK(foldText("Résumé") == "resume");
    CHECK(foldText("CŒUR du cœur") == "coeur du coeur");
    CHECK(foldText("Æsthétique") == "aesthetique");
    CHECK(foldText("l’usager") == "l'usager");
    CHECK(foldText("ÀÉÎÕÜÇ àéîõüç ÿ") == "aeiouc aeiouc y");
    CHECK(foldText("Straße") == "strasse");
    CHECK(foldText("e\xCC\x81t\xC3\xA9") == "ete"); // decomposed é, then composed é
    CHECK(foldText("\xE9t\xE9") == "\xE9t\xE9");     // not UTF-8: bytes kept
}

TEST_CASE("folding keeps the way back to the original text") {
    std::vector<std::size_t> origins;
    std::string folded = foldText("Œuvre é", origins);
    REQUIRE(folded == "oeuvre e");
    REQUIRE(origins.size() == folded.size() + 1);
    CHECK(origins[0] == 0);
    CHECK(origins[1] == 0); // both letters of "oe" come from Œ
    CHECK(origins[2] == 2);
    CHECK(origins[7] == 7);
    CHECK(origins.back() == std::string("Œuvre é").size());
}

TEST_CASE("matching keys keep letters and digits only") {
    CHECK(foldKey("N°") == "n");
    CHECK(foldKey("Parties prenantes / Usagers") == "partiesprenantesusagers");
    CHECK(foldKey("  Intitulé du défi ") == "intituledudefi");
}

TEST_CASE("name keys ignore case, accents and spacing") {
    CHECK(nameKey("  Équipe   Bleue ") == "equipe bleue");
    CHECK(nameKey("ÉQUIPE BLEUE") == nameKey("equipe bleue"));
}
