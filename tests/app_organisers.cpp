// The organisers' screens driven by clicks and typing in a headless ImGui context: the défi form,
// the event's fields and the programme's slot editor. Every assertion is on the saved model.
#include "app_headless.hpp"

#include "engine/engine.hpp"
#include "file_picker.hpp"
#include "outcomes/outcome_focus.hpp"
#include "presentation.hpp"
#include "strings.hpp"
#include "views/view_challenge.hpp"
#include "widgets.hpp"

#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>
#include <catch2/catch.hpp>

#include <stb_image_write.h>

#include <algorithm>
#include <filesystem>
#include <fstream>

using namespace atelier;
using atelier::test::Headless;

namespace {

EventState reopened(Headless& h) { return Engine::open(h.path(), h.clock(), OpenMode::ReadOnly)->state(); }

// Replaces the text of a field: click in it, select all, type, then leave it with Enter (one
// line) or a click on `leaveTo` (multi-line fields keep Enter for new lines).
void retype(Headless& h, const std::string& field, const std::string& text, const std::string& leaveTo = "") {
    h.click(field);
    h.key(GLFW_KEY_A, true);
    h.type(text);
    if (leaveTo.empty()) h.key(GLFW_KEY_ENTER);
    else h.click(leaveTo);
}

void appendBytes(void* context, void* data, int size) {
    static_cast<std::string*>(context)->append(static_cast<const char*>(data), static_cast<std::size_t>(size));
}

// A plain PNG file of the given size.
void writePng(const std::string& path, int width, int height) {
    std::vector<unsigned char> pixels(static_cast<std::size_t>(width * height * 3), 0x80);
    std::string png;
    REQUIRE(stbi_write_png_to_func(appendBytes, &png, width, height, 3, pixels.data(), width * 3));
    std::ofstream(path, std::ios::binary) << png;
}

bool inside(const ItemRect& r, ImVec2 size) { return r.min.x >= 0 && r.min.y >= 0 && r.max.x <= size.x && r.max.y <= size.y; }

} // namespace

TEST_CASE("défi form: add a défi, fill its whole brief, reorder, undo, delete", "[app][organisers]") {
    Headless h;
    h.session().view = ViewId::Challenge;
    h.frames(2);
    std::size_t before = h.state().challenges.size();
    h.click("Ajouter un défi");
    REQUIRE(h.state().challenges.size() == before + 1);
    // The new défi is the one being edited.
    const Challenge* added = h.state().find<Challenge>(h.session().challenge);
    REQUIRE(added);
    CHECK(added->question == "Comment … ?");
    Id id = added->id;
    int number = added->number;
    CHECK(number == static_cast<int>(before) + 1);
    h.frames(2);

    retype(h, "##question", "Comment accueillir les nouveaux habitants ?\nEt les garder ?", "##owner");
    retype(h, "##owner", "Ville de Rennes");
    retype(h, "##territory", "Rennes Métropole");
    retype(h, "##theme", "Accueil");
    retype(h, "##stakes", "Que chacun trouve sa place.", "##owner");
    retype(h, "##stakeholders", "Habitants, associations, agents d’accueil", "##owner");
    retype(h, "##obstacles", "Des services éparpillés", "##owner");
    retype(h, "##levers", "Un guichet unique ; les associations", "##owner");
    retype(h, "##link", "https://example.org/defi");
    for (const EventState& s : {h.state(), reopened(h)}) {
        const Challenge* c = s.find<Challenge>(id);
        REQUIRE(c);
        CHECK(c->question == "Comment accueillir les nouveaux habitants ?\nEt les garder ?");
        CHECK(c->owner == "Ville de Rennes");
        CHECK(c->territory == "Rennes Métropole");
        CHECK(c->theme == "Accueil");
        CHECK(c->stakes == "Que chacun trouve sa place.");
        CHECK(c->stakeholders == "Habitants, associations, agents d’accueil");
        CHECK(c->obstacles == "Des services éparpillés");
        CHECK(c->levers == "Un guichet unique ; les associations");
        CHECK(c->link == "https://example.org/defi");
    }
    // Each change is one undoable action.
    h.key(GLFW_KEY_Z, true);
    CHECK(h.state().find<Challenge>(id)->link.empty());
    CHECK(h.state().find<Challenge>(id)->levers == "Un guichet unique ; les associations");
    h.key(GLFW_KEY_Y, true);
    CHECK(h.state().find<Challenge>(id)->link == "https://example.org/defi");

    // A number already taken is refused and said; nothing changes.
    retype(h, "##number", "1");
    CHECK(h.state().find<Challenge>(id)->number == number);
    REQUIRE_FALSE(h.session().toasts().empty());
    CHECK(h.session().toasts().back().error);
    CHECK(h.session().toasts().back().text.find("existe déjà") != std::string::npos);

    // Moving up swaps numbers with the one above, as one step.
    Id above;
    for (const auto& [cid, c] : h.state().challenges)
        if (c.number == number - 1) above = cid;
    REQUIRE(above);
    h.click("Monter");
    CHECK(h.state().find<Challenge>(id)->number == number - 1);
    CHECK(h.state().find<Challenge>(above)->number == number);
    CHECK(reopened(h).find<Challenge>(id)->number == number - 1);
    h.key(GLFW_KEY_Z, true);
    CHECK(h.state().find<Challenge>(id)->number == number);
    CHECK(h.state().find<Challenge>(above)->number == number - 1);

    h.click("Supprimer le défi");
    CHECK_FALSE(h.state().find<Challenge>(id));
    CHECK(h.state().challenges.size() == before);
    h.key(GLFW_KEY_Z, true);
    CHECK(h.state().find<Challenge>(id));
}

TEST_CASE("event fields: days typed day first, refused dates said and not saved", "[app][organisers]") {
    Headless h;
    h.session().engine()->apply(EditEvent{std::nullopt, std::nullopt, std::nullopt, std::string(), std::string(), std::nullopt});
    h.session().view = ViewId::Programme;
    h.frames(3); // undated: the event's fields are open
    retype(h, "##evplace", "Rennes, Couvent des Jacobins");
    retype(h, "##evfirst", "6/7/2026");
    retype(h, "##evlast", "08/07/2026");
    CHECK(h.state().event.place == "Rennes, Couvent des Jacobins");
    CHECK(h.state().event.firstDay == "2026-07-06");
    CHECK(h.state().event.lastDay == "2026-07-08");
    CHECK(reopened(h).event.lastDay == "2026-07-08");
    retype(h, "##evlast", "31/02/2026");
    CHECK(h.state().event.lastDay == "2026-07-08");
    // One tab per day of the event, the middle one included.
    h.frames(2);
    CHECK(h.has("2026-07-06"));
    CHECK(h.has("2026-07-07"));
    CHECK(h.has("2026-07-08"));
}

TEST_CASE("slot editor: a slot added is edited as a whole, typed times, saved as one action", "[app][organisers]") {
    Headless h;
    h.session().engine()->apply(EditEvent{std::nullopt, std::nullopt, std::nullopt, std::string("2026-07-06"),
                                          std::string("2026-07-08"), std::nullopt});
    h.session().view = ViewId::Programme;
    h.frames(2);
    h.click("2026-07-07");
    std::size_t count = h.state().slots.size();
    h.click("Ajouter un créneau");
    REQUIRE(h.state().slots.size() == count + 1);
    Id id = h.session().lastCreated().at(0);
    CHECK(h.state().find<Slot>(id)->day == "2026-07-07");
    h.frames(2);
    REQUIRE(h.has("##slotstart")); // the new slot is in the editor

    // 09:00–10:00 to 14:00–15:30 at once: one action, whatever the order of the fields.
    h.click("##slotstart"); h.key(GLFW_KEY_A, true); h.type("14h");
    h.click("##slotend"); h.key(GLFW_KEY_A, true); h.type("15h30");
    h.click("##slottitle"); h.key(GLFW_KEY_A, true); h.type("Prototyper");
    h.click("##slotroom"); h.key(GLFW_KEY_A, true); h.type("Salle 2");
    std::string undoBefore = h.session().engine()->undoDescription();
    h.click("Enregistrer le créneau");
    for (const EventState& s : {h.state(), reopened(h)}) {
        const Slot* slot = s.find<Slot>(id);
        REQUIRE(slot);
        CHECK(slot->day == "2026-07-07");
        CHECK(slot->start == "14:00");
        CHECK(slot->end == "15:30");
        CHECK(slot->title == "Prototyper");
        CHECK(slot->room == "Salle 2");
    }
    h.key(GLFW_KEY_Z, true); // one undo takes the whole edit back
    CHECK(h.state().find<Slot>(id)->start != "14:00");
    CHECK(h.state().find<Slot>(id)->title != "Prototyper");
    h.key(GLFW_KEY_Y, true);

    // A time nobody can read: said in the editor, nothing saved.
    h.frames(2);
    h.click("Modifier");
    REQUIRE(h.has("##slotstart"));
    h.click("##slotstart"); h.key(GLFW_KEY_A, true); h.type("25h");
    h.click("Enregistrer le créneau");
    CHECK(h.state().find<Slot>(id)->start == "14:00");
    h.click("##slotstart"); h.key(GLFW_KEY_A, true); h.type("16h");
    h.click("##slotend"); h.key(GLFW_KEY_A, true); h.type("15:00");
    h.click("Enregistrer le créneau");
    CHECK(h.state().find<Slot>(id)->start == "14:00");
    CHECK(h.state().find<Slot>(id)->end == "15:30");
}

TEST_CASE("teams: a team and members just added are the ones being edited", "[app][organisers]") {
    Headless h;
    h.session().view = ViewId::Teams;
    h.frames(2);
    Id shown = h.session().selectedTeamOrFirst()->id;
    std::string shownName = h.state().find<Team>(shown)->name;
    h.click("Ajouter une équipe");
    Id added = h.session().team;
    REQUIRE(added != shown);
    REQUIRE(h.state().find<Team>(added));
    // A second one, from a team other than the first: each new team is selected.
    h.click("Ajouter une équipe");
    Id second = h.session().team;
    CHECK(second != added);
    h.frames(2);
    retype(h, "##name", "Équipe des Lices");
    CHECK(h.state().find<Team>(second)->name == "Équipe des Lices");
    CHECK(h.state().find<Team>(shown)->name == shownName);
    CHECK(h.state().find<Team>(added)->name != "Équipe des Lices");
    // Members typed one after the other, Enter adds each and returns to the name field.
    h.click("##newname");
    for (const char* name : {"Anaïs", "Bérénice", "Clément", "Dounia"}) {
        h.type(name);
        h.key(GLFW_KEY_ENTER);
    }
    auto members = h.state().membersOfTeam(second);
    REQUIRE(members.size() == 4);
    CHECK(std::any_of(members.begin(), members.end(), [](const Member* m) { return m->name == "Dounia"; }));
    CHECK(h.state().membersOfTeam(shown).size() == reopened(h).membersOfTeam(shown).size());
}

TEST_CASE("plurals: one rule for every counted string, 0 1 2 in French and English", "[app][organisers]") {
    Language before = uiLanguage();
    for (Language language : {Language::French, Language::English}) {
        setUiLanguage(language);
        for (const CountedStr& counted : countedStrings()) {
            std::string singular = str(counted.singular), plural = str(counted.plural);
            INFO(singular << " / " << plural);
            CHECK(singular != plural); // a real singular form, not the plural again
            for (long long n : {0LL, 1LL, 2LL}) {
                bool one = language == Language::French ? n <= 1 : n == 1;
                // Fill every placeholder with the count: the form must depend on it alone.
                std::string got = counted.countArg == 0 ? strCount(counted.singular, counted.plural, n, n)
                                                        : strCount(counted.singular, counted.plural, n, "x", n);
                std::string want = counted.countArg == 0 ? fmt::format(fmt::runtime(one ? singular : plural), n)
                                                         : fmt::format(fmt::runtime(one ? singular : plural), "x", n);
                CHECK(got == want);
                CHECK(got.find(std::to_string(n)) != std::string::npos);
            }
        }
    }
    setUiLanguage(Language::French);
    CHECK(strCount(Str::CountNotesOne, Str::CountNotes, 0, 0) == "0 post-it");
    CHECK(strCount(Str::CountNotesOne, Str::CountNotes, 1, 1) == "1 post-it");
    CHECK(strCount(Str::CountNotesOne, Str::CountNotes, 2, 2) == "2 post-its");
    CHECK(countOf(0, "créneau", "créneaux", "slot", "slots") == "0 créneau");
    CHECK(countOf(1, "créneau", "créneaux", "slot", "slots") == "1 créneau");
    CHECK(countOf(2, "créneau", "créneaux", "slot", "slots") == "2 créneaux");
    CHECK(strCount(Str::StandAverageOne, Str::StandAverage, 1, "4,0", 1) == "Note moyenne : 4,0 (1 note)");
    setUiLanguage(Language::English);
    CHECK(strCount(Str::CountNotesOne, Str::CountNotes, 0, 0) == "0 notes");
    CHECK(strCount(Str::CountNotesOne, Str::CountNotes, 1, 1) == "1 note");
    CHECK(countOf(0, "créneau", "créneaux", "slot", "slots") == "0 slots");
    CHECK(countOf(1, "créneau", "créneaux", "slot", "slots") == "1 slot");
    setUiLanguage(before);
}

TEST_CASE("défi form: the preview draws the projector's pages of a long brief, turned by the organiser", "[app][organisers]") {
    Headless h;
    const Challenge* c = h.state().challengesInOrder().front();
    Id id = c->id;
    EditChallenge e;
    e.challenge = id;
    std::string longText;
    for (int i = 0; i < 60; ++i) longText += "Une phrase de plus sur les enjeux du défi, pour remplir la page. ";
    e.stakes = longText;
    h.session().engine()->apply(e);
    h.session().challenge = id;
    h.session().view = ViewId::Challenge;
    h.frames(3);
    auto* view = dynamic_cast<ChallengeView*>(h.app().view(ViewId::Challenge));
    REQUIRE(view);
    REQUIRE(view->previewPages() > 1);
    CHECK(view->previewPage() == 0);
    h.click("Page suivante");
    CHECK(view->previewPage() == 1);
    for (int i = 0; i < view->previewPages() + 2; ++i) h.click("Page suivante"); // never past the last
    CHECK(view->previewPage() == view->previewPages() - 1);
    h.click("Page précédente");
    CHECK(view->previewPage() == view->previewPages() - 2);
    // A short brief is one page.
    e.stakes = "Court.";
    h.session().engine()->apply(e);
    h.frames(2);
    CHECK(view->previewPages() == 1);
    CHECK(view->previewPage() == 0);
}

TEST_CASE("stand: the prototype's title, latest photo and description above the three buttons, at 1280x720", "[app][organisers]") {
    setPickerBackend(PickerBackend::InApp);
    Headless h;
    atelier::test::TempDir dir;
    writePng(dir.file("maquette-large.png"), 400, 100);
    writePng(dir.file("maquette-haute.png"), 100, 200);
    const Team* team = h.state().teamByReference("3");
    REQUIRE(team);
    h.session().team = team->id;
    h.session().view = ViewId::Prototypes;
    h.frames(3);
    // Two photos chosen with the picker, the tall one last.
    std::size_t photos = h.state().photos.size();
    for (const char* name : {"maquette-large.png", "maquette-haute.png"}) {
        h.clock().advance(60000);
        h.click("Parcourir…##photo");
        h.click("##pickerfolder");
        h.key(GLFW_KEY_A, true);
        h.type(dir.path().string());
        h.key(GLFW_KEY_ENTER);
        h.click(name);
        h.click("Choisir");
        h.frames(2);
    }
    REQUIRE(h.state().photos.size() == photos + 2);
    Id prototype;
    for (const auto& [pid, photo] : h.state().photos)
        if (photo.width == 100 && photo.height == 200) prototype = photo.prototypeId;
    REQUIRE(prototype);
    EditPrototype describe;
    describe.prototype = prototype;
    describe.description = "Un guichet mobile qui va vers les habitants, le samedi au marché.";
    h.session().engine()->apply(describe);

    ImGui::GetIO().DisplaySize = ImVec2(1280, 720);
    outcomeFocus().prototype = prototype;
    h.session().view = ViewId::Stand;
    h.frames(3);
    ImVec2 window(1280, 720);
    for (const char* label : {"##standtitle", "##standphoto", "##standdescription"}) {
        INFO(label);
        REQUIRE(h.has(label));
        CHECK(inside(itemRects().at(label), window));
    }
    const ItemRect& photo = itemRects().at("##standphoto");
    CHECK(photo.max.y - photo.min.y > photo.max.x - photo.min.x); // the latest photo: the tall one
    for (Str kind : {Str::StandLike, Str::StandSuggest, Str::StandQuestion}) {
        std::string label = str(kind);
        INFO(label);
        REQUIRE(h.has(label));
        const ItemRect& b = itemRects().at(label);
        CHECK(inside(b, window));
        CHECK(b.min.y >= photo.max.y);
        CHECK(b.min.y >= itemRects().at("##standdescription").max.y);
        CHECK(b.max.y - b.min.y >= 80); // still big buttons
    }
    setPickerBackend(PickerBackend::Auto);
}
