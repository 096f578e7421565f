// The CSV reader: encodings, separators, quoting, line numbers and limits.
#include "io/csv_reader.hpp"
#include "io/import_error.hpp"
#include "io/text_encoding.hpp"

#include <catch2/catch.hpp>

using namespace atelier;

namespace {
std::string fixture(const std::string& name) { return std::string(ATELIER_IO_FIXTURES) + "/" + name; }
} // namespace

TEST_CASE("UTF-8 with BOM, semicolons and CRLF") {
    CsvTable t = readCsvFile(fixture("defis_bom_semicolon_crlf.csv"));
    CHECK(t.source == TextSource::Utf8Bom);
    CHECK(t.separator == ';');
    REQUIRE(t.header.fields.size() == 10);
    CHECK(t.header.fields[0] == "N°"); // no BOM left in the first header
    REQUIRE(t.rows.size() == 3);
    CHECK(t.rows[0].line == 2);
    CHECK(t.rows[0].fields[5] == "Usagers, agents d'accueil");
    CHECK(t.rows[2].fields[9].empty()); // no \r left at the end of a line
    CHECK(t.rows[1].fields[9].empty());
}

TEST_CASE("commas with quoted fields holding commas") {
    CsvTable t = readCsvFile(fixture("defis_comma.csv"));
    CHECK(t.source == TextSource::Utf8);
    CHECK(t.separator == ',');
    REQUIRE(t.rows.size() == 2);
    CHECK(t.rows[0].fields[1] == "Comment simplifier l'accueil, en mairie, des usagers ?");
    CHECK(t.rows[1].fields[5] == "Salariés, étudiants");
}

TEST_CASE("tabs") {
    CsvTable t = readCsvFile(fixture("defis_tab.csv"));
    CHECK(t.separator == '\t');
    REQUIRE(t.rows.size() == 2);
    CHECK(t.rows[1].fields[2] == "Région Bretagne");
}

TEST_CASE("multi-line quoted fields keep their line breaks and the line count") {
    CsvTable t = readCsvFile(fixture("defis_multiline.csv"));
    REQUIRE(t.rows.size() == 2);
    CHECK(t.rows[0].line == 2);
    CHECK(t.rows[0].fields[1] == "Comment simplifier\nl'accueil des usagers ?"); // CRLF inside a cell becomes \n
    CHECK(t.rows[0].fields[2] == "Accès aux droits;\négalité");
    CHECK(t.rows[0].fields[3] == "Les \"silos\" entre services");
    CHECK(t.rows[1].line == 5);
    CHECK(t.rows[1].fields[3] == "Habitudes\nHoraires\nConfiance");
}

TEST_CASE("Windows-1252 is detected and converted") {
    CsvTable t = readCsvFile(fixture("defis_cp1252.csv"));
    CHECK(t.source == TextSource::Windows1252);
    CHECK(t.header.fields[1] == "Intitulé");
    REQUIRE(t.rows.size() == 2);
    CHECK(t.rows[0].fields[1] == "Comment remettre l’usager au cœur de l’accueil ?");
    CHECK(t.rows[0].fields[2] == "Ville de Sète");
}

TEST_CASE("UTF-16 with BOM (Excel's Unicode text) is converted") {
    std::string bytes = std::string("\xFF\xFE", 2) + std::string("N\0\xB0\0\t\0I\0\n\0" "1\0\t\0\xE9\0", 16);
    CsvTable t = readCsv(bytes);
    CHECK(t.source == TextSource::Utf16);
    CHECK(t.header.fields == std::vector<std::string>{"N°", "I"});
    REQUIRE(t.rows.size() == 1);
    CHECK(t.rows[0].fields[1] == "é");
}

TEST_CASE("blank rows are skipped, lone CR ends a line, text after a closing quote is kept") {
    CsvTable t = readCsv("a;b\r\n;\r\n1;2\r3;\"x\"y\n\n");
    REQUIRE(t.rows.size() == 2);
    CHECK(t.rows[0].line == 3);
    CHECK(t.rows[1].line == 4);
    CHECK(t.rows[1].fields[1] == "xy");
}

TEST_CASE("an unclosed quote names the line where the cell starts") {
    try {
        readCsv("a;b\n1;2\n3;\"never closed\n4;5\n");
        FAIL("no error");
    } catch (const ImportError& e) {
        CHECK(e.line() == 3);
        CHECK(std::string(e.what()).find("Ligne 3") != std::string::npos);
    }
}

TEST_CASE("limits give clear errors, not exhaustion") {
    SECTION("a million rows") {
        std::string big = "N°;Intitulé\n";
        big.reserve(12'000'000);
        for (int i = 0; i < 1'000'000; ++i) big += "1;x\n";
        try {
            readCsv(big);
            FAIL("no error");
        } catch (const ImportError& e) {
            CHECK(std::string(e.what()).find("20000") != std::string::npos);
            CHECK(e.line() == 20002);
        }
    }
    SECTION("a 10 MB field") {
        std::string big = "N°;Intitulé\n1;\"" + std::string(10u << 20, 'x') + "\"\n";
        try {
            readCsv(big);
            FAIL("no error");
        } catch (const ImportError& e) {
            CHECK(e.line() == 2);
            CHECK(std::string(e.what()).find("64 Kio") != std::string::npos);
        }
    }
    SECTION("a file over the size limit") {
        CsvLimits limits;
        limits.maxBytes = 1000;
        CHECK_THROWS_AS(readCsv(std::string(2000, 'x'), limits), ImportError);
    }
    SECTION("too many columns") {
        CHECK_THROWS_WITH(readCsv(std::string(500, ';')), Catch::Contains("colonnes"));
    }
}

TEST_CASE("what is not a CSV text is refused with what to do") {
    CHECK_THROWS_WITH(readCsv(std::string("PK\x03\x04rest", 8)), Catch::Contains("CSV UTF-8"));
    CHECK_THROWS_WITH(readCsv(std::string("a;b\0c", 5)), Catch::Contains("octets nuls"));
    CHECK_THROWS_WITH(readCsv(""), Catch::Contains("vide"));
    CHECK_THROWS_WITH(readCsv("\n;;\n"), Catch::Contains("aucune ligne"));
}
