// Exports to files: CSV cells neutralised and quoted, folders and files written whole.
#include "test_io_event.hpp"

#include "model/errors.hpp"
#include "io/bundle.hpp"
#include "io/csv_reader.hpp"
#include "io/export.hpp"
#include "io/export_csv.hpp"

#include <catch2/catch.hpp>

#include <filesystem>

using namespace atelier;
using namespace atelier::test;

namespace {
bool has(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }
} // namespace

TEST_CASE("CSV cells: formulas neutralised, separators and quotes quoted") {
    CHECK(csvCell("=1+2") == "'=1+2");
    CHECK(csvCell("+33 6 12") == "'+33 6 12");
    CHECK(csvCell("-x") == "'-x");
    CHECK(csvCell("@SUM(A1)") == "'@SUM(A1)");
    CHECK(csvCell("\tx") == "'\tx");
    CHECK(csvCell("\rx") == "\"'\rx\"");
    CHECK(csvCell("a;b") == "\"a;b\"");
    CHECK(csvCell("dit \"oui\"") == "\"dit \"\"oui\"\"\"");
    CHECK(csvCell("deux\nlignes") == "\"deux\nlignes\"");
    CHECK(csvCell("=HYPERLINK(\"x\";\"y\")") == "\"'=HYPERLINK(\"\"x\"\";\"\"y\"\")\"");
    CHECK(csvCell("simple é") == "simple é");
}

TEST_CASE("CSV export: four files, BOM and semicolons, readable back, names on request") {
    Fixture f;
    buildRichEvent(f);
    auto files = exportCsv(f.engine->state(), {});
    REQUIRE(files.size() == 4);
    CHECK(files[0].name == "notes.csv");
    CHECK(files[1].name == "votes.csv");
    CHECK(files[2].name == "prototypes.csv");
    CHECK(files[3].name == "feedback.csv");
    for (const auto& file : files) {
        CHECK(file.bytes.rfind("\xEF\xBB\xBF", 0) == 0);
        CsvTable table = readCsv(file.bytes);
        CHECK(table.separator == ';');
        CHECK(table.source == TextSource::Utf8Bom);
    }
    CsvTable notes = readCsv(files[0].bytes);
    REQUIRE(notes.rows.size() == 3);
    bool formulaSeen = false;
    for (const auto& row : notes.rows) {
        for (const auto& cell : row.fields) {
            CHECK_FALSE((!cell.empty() && (cell[0] == '=' || cell[0] == '+' || cell[0] == '@')));
            if (cell == "'=HYPERLINK(\"http://evil\";\"clic\")") formulaSeen = true;
        }
    }
    CHECK(formulaSeen);
    CHECK(has(files[0].bytes, "\"Le cœur du parcours\nsur deux lignes\""));
    CsvTable feedback = readCsv(files[3].bytes);
    REQUIRE(feedback.rows.size() == 3);
    CHECK(has(files[3].bytes, "'+33 6 12 34 56 78"));
    CHECK(has(files[3].bytes, "'@Que se passe-t-il"));
    CHECK(has(files[2].bytes, "'-Trouver un créneau seul ?"));
    for (const auto& file : files) {
        CHECK_FALSE(has(file.bytes, "Awa"));
        CHECK_FALSE(has(file.bytes, "Visiteuse"));
    }
    auto named = exportCsv(f.engine->state(), {true});
    CHECK(has(named[0].bytes, "Awa Diallo"));
    CHECK(has(named[1].bytes, "Jean Martin"));
    CHECK(has(named[3].bytes, "Visiteuse Secrète"));
}

TEST_CASE("exportEvent writes every format") {
    Fixture f;
    RichEvent r = buildRichEvent(f);
    Store& store = f.engine->store();
    TempDir out;
    auto html = exportEvent(store, ExportFormat::Html, out.file("restitution.html"), {});
    CHECK(html.written == std::vector<std::string>{out.file("restitution.html")});
    CHECK(has(readBytes(out.file("restitution.html")), "</html>"));

    auto md = exportEvent(store, ExportFormat::Markdown, out.file("restitution.md"), {});
    REQUIRE(md.written.size() == 2);
    CHECK(readBytes(out.file("restitution-photos/photo-" + r.photo.str() + ".png")) == tinyPng());
    CHECK(has(readBytes(out.file("restitution.md")), "(restitution-photos/photo-"));

    auto csv = exportEvent(store, ExportFormat::Csv, out.file("tableaux"), {});
    CHECK(csv.written.size() == 4);
    CHECK(std::filesystem::exists(out.file("tableaux/feedback.csv")));

    auto json = exportEvent(store, ExportFormat::Json, out.file("event.json"), {});
    CHECK(readBytes(out.file("event.json")) == exportBundle(store));

    CHECK_THROWS_WITH(exportEvent(store, ExportFormat::Csv, out.file("event.json"), {}), Catch::Contains("dossier"));
    CHECK_THROWS_AS(exportEvent(store, ExportFormat::Html, out.file("missing/dir/x.html"), {}), FileError);
    CHECK_FALSE(std::filesystem::exists(out.file("missing")));
    for (const auto& entry : std::filesystem::recursive_directory_iterator(out.path()))
        CHECK(entry.path().extension() != ".part");
    CHECK(exportFormatFromName("md") == ExportFormat::Markdown);
    CHECK_FALSE(exportFormatFromName("png"));
}
