// The file picker: its listing, places and checks (UI-free), the in-app dialog driven by clicks
// and typing in a headless ImGui context (exports, templates, open, new event, photo), and the
// desktop's dialog run as a child process (a stand-in zenity script) without blocking frames.
#include "app_headless.hpp"

#include "child_process.hpp"
#include "file_picker.hpp"
#include "file_picker_model.hpp"
#include "io/import_challenges.hpp"
#include "outcomes/outcome_focus.hpp"
#include "storage/store.hpp"
#include "sync/replica.hpp"
#include "views/view_import.hpp"
#include "widgets.hpp"

#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>
#include <catch2/catch.hpp>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <optional>
#include <thread>

using namespace atelier;
using atelier::test::Headless;
using atelier::test::TempDir;
namespace fs = std::filesystem;

namespace {

void write(const std::string& path, const std::string& bytes) {
    fs::create_directories(fs::path(path).parent_path());
    std::ofstream(path, std::ios::binary) << bytes;
}

std::string read(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), {});
}

std::vector<std::string> names(const std::vector<FolderEntry>& entries) {
    std::vector<std::string> out;
    for (const auto& e : entries) out.push_back(e.folder ? e.name + "/" : e.name);
    return out;
}

// An environment variable set for one test, put back after.
class ScopedEnv {
public:
    ScopedEnv(const char* name, const std::string& value) : m_name(name) {
        if (const char* old = std::getenv(name)) m_old = old;
        setenv(name, value.c_str(), 1);
    }
    ~ScopedEnv() {
        if (m_old) setenv(m_name, m_old->c_str(), 1);
        else unsetenv(m_name);
    }
    ScopedEnv(const ScopedEnv&) = delete;
    ScopedEnv& operator=(const ScopedEnv&) = delete;

private:
    const char* m_name;
    std::optional<std::string> m_old;
};

// Whether the item is drawn now: the recorded rectangles are cleared, then one frame drawn.
bool shown(Headless& h, const std::string& label) {
    recordItemRects(true);
    h.frame();
    return h.has(label);
}

void retype(Headless& h, const std::string& field, const std::string& text) {
    h.click(field);
    h.key(GLFW_KEY_A, true);
    h.type(text);
}

// In the in-app dialog: go to `folder` by typing it, then give the name and press the action.
void pickIn(Headless& h, const std::string& folder, const std::string& name, const std::string& action) {
    h.frame(); // the dialog's first frame places it: click where the second drew
    REQUIRE(h.has("##pickerfolder"));
    retype(h, "##pickerfolder", folder);
    h.key(GLFW_KEY_ENTER);
    if (!name.empty()) retype(h, "##pickername", name);
    h.click(action);
}

FilesView& filesView(Headless& h) { return *dynamic_cast<FilesView*>(h.app().view(ViewId::Files)); }

void openExports(Headless& h) {
    requestFilesTab(FilesTab::Export);
    h.session().view = ViewId::Files;
    h.frames(3);
}

// Frames until `done` or about five seconds; the frames themselves must stay quick.
template <typename F> bool framesUntil(Headless& h, F done, double& slowestFrame) {
    slowestFrame = 0;
    for (int i = 0; i < 500 && !done(); ++i) {
        auto start = std::chrono::steady_clock::now();
        h.frame();
        slowestFrame = std::max(slowestFrame, std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    return done();
}

std::string script(const TempDir& dir, const std::string& name, const std::string& body) {
    std::string path = dir.file("bin/" + name);
    write(path, "#!/bin/sh\n" + body);
    fs::permissions(path, fs::perms::owner_all);
    return path;
}

} // namespace

TEST_CASE("file picker: a folder lists its folders first, then the files of the kind, as people sort them", "[app][picker]") {
    TempDir dir;
    fs::create_directories(dir.file("sub"));
    fs::create_directories(dir.file("Été 2026"));
    fs::create_directories(dir.file(".cache"));
    for (const char* f : {"b.csv", "A.CSV", "école.csv", "notes.txt", "event.db", "rapport.html", ".cachée.csv", "photo.JPG"})
        write(dir.file(f), "x");
    std::string error;
    CHECK(names(listFolder(dir.path().string(), FileKind::Spreadsheet, error)) ==
          std::vector<std::string>{"Été 2026/", "sub/", "A.CSV", "b.csv", "école.csv", "notes.txt"});
    CHECK(error.empty());
    CHECK(names(listFolder(dir.path().string(), FileKind::Event, error)) == std::vector<std::string>{"Été 2026/", "sub/", "event.db"});
    CHECK(names(listFolder(dir.path().string(), FileKind::Image, error)) == std::vector<std::string>{"Été 2026/", "sub/", "photo.JPG"});
    CHECK(listFolder(dir.path().string(), FileKind::Any, error).size() == 9); // 2 folders, 7 files: no hidden one
    CHECK(matchesKind("Restitution.HTM", FileKind::Html));
    CHECK_FALSE(matchesKind("restitution", FileKind::Html));
    CHECK(listFolder(dir.file("absent"), FileKind::Any, error).empty());
    CHECK_THAT(error, Catch::Contains("Impossible de lire le dossier") && Catch::Contains(dir.file("absent")));
}

TEST_CASE("file picker: typed paths, and what a pick refuses, said in the user's words", "[app][picker]") {
    TempDir dir;
    write(dir.file("a.csv"), "x");
    fs::create_directories(dir.file("sub"));
    ScopedEnv home("HOME", dir.path().string());
    CHECK(resolveTypedPath("/tmp", "~/a.csv") == dir.file("a.csv"));
    CHECK(resolveTypedPath(dir.path().string(), "sub/../a.csv ") == dir.file("a.csv"));
    CHECK(resolveTypedPath(dir.path().string(), "/srv/x.db") == "/srv/x.db");
    CHECK(resolveTypedPath(dir.path().string(), "  ").empty());

    CHECK(checkPick(PickMode::Open, FileKind::Spreadsheet, dir.file("a.csv")).path == dir.file("a.csv"));
    CHECK_THAT(checkPick(PickMode::Open, FileKind::Spreadsheet, dir.file("b.csv")).problem, Catch::Contains("n’existe pas"));
    CHECK_THAT(checkPick(PickMode::Open, FileKind::Spreadsheet, dir.file("sub")).problem, Catch::Contains("est un dossier"));
    CHECK_THAT(checkPick(PickMode::Open, FileKind::Spreadsheet, "").problem, Catch::Contains("Écrivez un nom de fichier"));
    // Saving: the kind's extension is added, the folder must exist, an existing file is named.
    PickCheck save = checkPick(PickMode::Save, FileKind::Html, dir.file("restitution"));
    CHECK(save.path == dir.file("restitution.html"));
    CHECK(save.problem.empty());
    CHECK(save.warning.empty());
    CHECK(checkPick(PickMode::Save, FileKind::Html, dir.file("r.HTM")).path == dir.file("r.HTM"));
    CHECK_THAT(checkPick(PickMode::Save, FileKind::Html, dir.file("absent/r.html")).problem, Catch::Contains("n’existe pas"));
    CHECK_THAT(checkPick(PickMode::Save, FileKind::Spreadsheet, dir.file("a.csv")).warning, Catch::Contains("existe déjà"));
    CHECK(checkPick(PickMode::Folder, FileKind::Any, dir.file("sub")).path == dir.file("sub"));
    CHECK_THAT(checkPick(PickMode::Folder, FileKind::Any, dir.file("a.csv")).problem, Catch::Contains("n’est pas un dossier"));
    CHECK(fileNameStem("Université d’été 2026 !") == "universite-d-ete-2026");
}

TEST_CASE("file picker: the user's places, recent ones first, the desktop's own folder names", "[app][picker]") {
    TempDir dir;
    std::string home = dir.file("home");
    for (const char* f : {"Documents", "Bureau", "Téléchargements", "Projets", "Événements"}) fs::create_directories(home + "/" + f);
    ScopedEnv homeEnv("HOME", home);
    ScopedEnv config("XDG_CONFIG_HOME", dir.file("config"));
    auto labels = [](const std::vector<Place>& places) {
        std::vector<std::string> out;
        for (const auto& p : places) out.push_back(p.label + "=" + fs::path(p.path).filename().string());
        return out;
    };
    std::string event = home + "/Événements";
    CHECK(labels(userPlaces(event, {home + "/Projets", home + "/absent"})) ==
          std::vector<std::string>{home + "/Projets=Projets", "Dossier de l’événement=Événements", "Dossier personnel=home",
                                   "Documents=Documents", "Bureau=Bureau", "Téléchargements=Téléchargements"});
    // The desktop's own names (~/.config/user-dirs.dirs); the event in the home folder: once.
    fs::create_directories(home + "/Schreibtisch");
    write(dir.file("config/user-dirs.dirs"), "# written by xdg-user-dirs-update\nXDG_DESKTOP_DIR=\"$HOME/Schreibtisch\"\n");
    auto places = userPlaces(home, {});
    CHECK(labels(places) == std::vector<std::string>{"Dossier de l’événement=home", "Documents=Documents", "Bureau=Schreibtisch",
                                                     "Téléchargements=Téléchargements"});
    rememberPickFolder(home + "/Projets");
    rememberPickFolder(home + "/Bureau");
    rememberPickFolder(home + "/Projets");
    CHECK(recentPickFolders().at(0) == home + "/Projets");
    CHECK(recentPickFolders().at(1) == home + "/Bureau");
}

TEST_CASE("file picker: the desktop dialog's command lines", "[app][picker]") {
    PickRequest save{0, PickMode::Save, FileKind::Html, "restitution.html", {}, {}};
    auto zenity = desktopPickerCommand(PickerBackend::Zenity, save, "/home/a");
    CHECK(zenity == std::vector<std::string>{"zenity", "--file-selection", "--title=Enregistrer sous", "--filename=/home/a/restitution.html",
                                             "--save", "--confirm-overwrite", "--file-filter=Pages web (.html) | *.html *.HTML *.htm *.HTM",
                                             "--file-filter=Tous les fichiers | *"});
    PickRequest folder{0, PickMode::Folder, FileKind::Any, {}, {}, {}};
    CHECK(desktopPickerCommand(PickerBackend::Zenity, folder, "/home/a") ==
          std::vector<std::string>{"zenity", "--file-selection", "--title=Choisir un dossier", "--filename=/home/a/", "--directory"});
    PickRequest open{0, PickMode::Open, FileKind::Event, {}, {}, {}};
    CHECK(desktopPickerCommand(PickerBackend::Kdialog, open, "/home/a") ==
          std::vector<std::string>{"kdialog", "--title", "Choisir un fichier", "--getopenfilename", "/home/a/",
                                   "*.db *.DB *.atelier *.ATELIER *.sqlite *.SQLITE|Événements Atelier (.db)\n*|Tous les fichiers"});
    // A template is never written over another file: no « replace? » question in the desktop's dialog.
    PickRequest tpl{0, PickMode::Save, FileKind::Spreadsheet, "defis.csv", {}, Str::FilesTemplateExists};
    auto args = desktopPickerCommand(PickerBackend::Zenity, tpl, "/home/a");
    CHECK(std::find(args.begin(), args.end(), "--confirm-overwrite") == args.end());
}

TEST_CASE("exports from the Fichiers screen through the in-app picker: report, tables, bundle, templates", "[app][picker]") {
    setPickerBackend(PickerBackend::InApp);
    Headless h;
    TempDir out;
    fs::create_directories(out.file("sub"));
    write(out.file("notes.txt"), "pas un rapport");
    write(out.file("ancien.html"), "ancien");
    openExports(h);

    // The report as HTML: the folder navigated to, the filter shows HTML and folders only.
    h.click("Exporter…##html");
    REQUIRE(shown(h, "##pickername"));
    retype(h, "##pickerfolder", out.path().string());
    h.key(GLFW_KEY_ENTER);
    CHECK(shown(h, "sub/"));
    CHECK(shown(h, "ancien.html"));
    CHECK_FALSE(shown(h, "notes.txt"));
    h.click("sub/");
    CHECK_FALSE(shown(h, "ancien.html"));
    h.click("Dossier parent");
    CHECK(shown(h, "ancien.html"));
    // A folder that does not exist: said in the dialog, which stays open; nothing written.
    retype(h, "##pickername", out.file("absent/rapport"));
    h.click("Enregistrer");
    CHECK(shown(h, "##pickername"));
    CHECK_FALSE(fs::exists(out.file("absent")));
    retype(h, "##pickername", "rapport");
    h.click("Enregistrer");
    h.frames(3);
    CHECK_FALSE(shown(h, "##pickername"));
    REQUIRE(fs::exists(out.file("rapport.html"))); // the kind's extension added
    CHECK_THAT(read(out.file("rapport.html")), Catch::Contains("<html"));
    CHECK_FALSE(filesView(h).exportFailed());
    CHECK_THAT(filesView(h).exportResult(), Catch::Contains(out.file("rapport.html")));

    // An existing file: the first « Enregistrer » warns, the second replaces.
    h.click("Exporter…##html");
    pickIn(h, out.path().string(), "ancien.html", "Enregistrer");
    CHECK(shown(h, "##pickername"));
    CHECK(read(out.file("ancien.html")) == "ancien");
    h.click("Enregistrer");
    h.frames(3);
    CHECK_THAT(read(out.file("ancien.html")), Catch::Contains("<html"));

    // Markdown, the CSV tables in a folder, the JSON bundle.
    h.click("Exporter…##md");
    pickIn(h, out.path().string(), "restitution", "Enregistrer");
    h.frames(3);
    CHECK(fs::exists(out.file("restitution.md")));
    h.click("Exporter…##csv");
    pickIn(h, out.file("sub"), "", "Choisir ce dossier");
    h.frames(3);
    CHECK(fs::exists(out.file("sub/notes.csv")));
    CHECK(fs::exists(out.file("sub/feedback.csv")));
    CHECK_THAT(filesView(h).exportResult(), Catch::Contains("4 fichiers"));
    h.click("Exporter…##json");
    pickIn(h, out.path().string(), "paquet", "Enregistrer");
    h.frames(3);
    CHECK_THAT(read(out.file("paquet.json")), Catch::Contains(h.state().event.name));

    // The défis template; a second one over it is refused in the dialog, the table untouched.
    h.click("Écrire le modèle…##tpldefis");
    pickIn(h, out.path().string(), "", "Enregistrer"); // the name offered: defis.csv
    h.frames(3);
    REQUIRE(fs::exists(out.file("defis.csv")));
    CHECK(read(out.file("defis.csv")) == challengeTemplate());
    CHECK_THAT(filesView(h).exportResult(), Catch::Contains("Modèle écrit dans " + out.file("defis.csv")));
    write(out.file("defis.csv"), "mon tableau rempli");
    h.click("Écrire le modèle…##tpldefis");
    pickIn(h, out.path().string(), "defis.csv", "Enregistrer");
    h.click("Enregistrer");
    CHECK(shown(h, "##pickername")); // still asking for another name
    CHECK(read(out.file("defis.csv")) == "mon tableau rempli");
    h.click("Annuler##picker");
    CHECK_FALSE(shown(h, "##pickername"));
    h.click("Écrire le modèle…##tplteams");
    pickIn(h, out.path().string(), "", "Enregistrer");
    h.frames(3);
    CHECK(fs::exists(out.file("equipes.csv")));
    setPickerBackend(PickerBackend::Auto);
}

TEST_CASE("a team's board as PNG from the Fichiers screen: the atelier binary runs beside the window", "[app][picker]") {
    setPickerBackend(PickerBackend::InApp);
    Headless h;
    TempDir out;
    // Stands in for the atelier binary: records its arguments, writes the file, after a while.
    std::string saved = atelierExecutable();
    atelierExecutable() = script(out, "atelier", "printf '%s\\n' \"$@\" > " + out.file("args") +
                                                     "\nsleep 0.3\nfor a; do last=$a; done\necho png > \"$last\"\n");
    openExports(h);
    h.click("Exporter…##png");
    pickIn(h, out.path().string(), "mur", "Enregistrer");
    double slowest = 0;
    REQUIRE(framesUntil(h, [&] { return filesView(h).exportResult().rfind("Écrit", 0) == 0; }, slowest));
    CHECK(slowest < 0.25); // the frames went on while it ran
    CHECK(read(out.file("mur.png")) == "png\n");
    const Team* first = h.state().teamsInOrder().front();
    int number = h.state().find<Challenge>(first->challengeId)->number;
    CHECK(read(out.file("args")) == "--lang\nfr\nexport\n" + h.path() + "\n--format\npng\n--team\n" + std::to_string(number) + "\n--out\n" +
                                        out.file("mur.png") + "\n");
    // A failure is said with the binary's own message.
    atelierExecutable() = script(out, "broken", "echo 'atelier: pas d’écran' >&2\nexit 1\n");
    h.click("Exporter…##png");
    pickIn(h, out.path().string(), "mur2", "Enregistrer");
    REQUIRE(framesUntil(h, [&] { return filesView(h).exportFailed(); }, slowest));
    CHECK(filesView(h).exportResult() == "Le mur n’a pas été exporté : pas d’écran");
    atelierExecutable() = saved;
    setPickerBackend(PickerBackend::Auto);
}

TEST_CASE("the desktop's dialog runs as a child process polled each frame, the in-app one when it cannot", "[app][picker]") {
    TempDir out;
    std::string bin = out.file("bin");
    ScopedEnv path("PATH", bin + ":" + std::string(std::getenv("PATH") ? std::getenv("PATH") : "/usr/bin:/bin"));
    ScopedEnv display("DISPLAY", ":97");
    ScopedEnv desktop("XDG_CURRENT_DESKTOP", "GNOME");
    unsetenv("ATELIER_FILE_PICKER");
    setPickerBackend(PickerBackend::Auto);
    script(out, "zenity", "printf '%s\\n' \"$@\" > " + out.file("args") + "\nsleep 0.4\necho " + out.file("chosen") + "\n");
    REQUIRE(resolvedPickerBackend() == PickerBackend::Zenity);
    Headless h;
    openExports(h);
    h.click("Exporter…##html");
    CHECK(shown(h, "Annuler##pickerwait")); // says where to choose; the window keeps drawing
    CHECK_FALSE(shown(h, "##pickername"));
    double slowest = 0;
    REQUIRE(framesUntil(h, [&] { return fs::exists(out.file("chosen.html")); }, slowest));
    CHECK(slowest < 0.25);
    h.frames(2);
    CHECK_THAT(filesView(h).exportResult(), Catch::Contains(out.file("chosen.html")));
    CHECK_THAT(read(out.file("args")), Catch::Contains("--save\n") && Catch::Contains("--file-filter=Pages web (.html)"));
    CHECK_FALSE(shown(h, "Annuler##pickerwait"));

    // Cancelled there (exit 1): nothing chosen, nothing else opens.
    script(out, "zenity", "exit 1\n");
    h.click("Exporter…##md");
    REQUIRE(framesUntil(h, [&] { return runningChildProcesses() == 0; }, slowest));
    h.frames(2);
    CHECK_FALSE(shown(h, "##pickername"));
    CHECK_FALSE(shown(h, "Annuler##pickerwait"));
    // It cannot show itself (no display, a broken install): the in-app dialog instead.
    script(out, "zenity", "echo 'cannot open display' >&2\nexit 255\n");
    h.click("Exporter…##md");
    REQUIRE(framesUntil(h, [&] { return shown(h, "##pickername"); }, slowest));
    // Cancelling the desktop's dialog from the app ends it.
    h.click("Annuler##picker");
    script(out, "zenity", "sleep 30\n");
    h.click("Exporter…##md");
    REQUIRE(runningChildProcesses() == 1);
    h.click("Annuler##pickerwait");
    CHECK(runningChildProcesses() == 0);
    CHECK_FALSE(fs::exists(out.file("restitution.md")));
}

TEST_CASE("Ouvrir with the picker: a file that is not an event is said over the open event; another event opens", "[app][picker]") {
    setPickerBackend(PickerBackend::InApp);
    Headless h;
    TempDir out;
    write(out.file("notes.txt"), "pas une base");
    std::string other = out.file("autre.db");
    {
        EventInfo info;
        info.name = "Université d’été 2026";
        Engine::create(other, info, h.clock());
    }
    std::string before = h.state().event.name;
    h.key(GLFW_KEY_O, true);
    h.click("Parcourir…##open");
    retype(h, "##pickerfolder", out.path().string());
    h.key(GLFW_KEY_ENTER);
    CHECK(shown(h, "autre.db"));
    CHECK_FALSE(shown(h, "notes.txt")); // event files only…
    pickIn(h, out.path().string(), "notes.txt", "Choisir"); // …but a typed name is taken
    h.frames(3);
    REQUIRE(h.session().isOpen());
    CHECK(h.state().event.name == before);
    REQUIRE_FALSE(h.session().toasts().empty());
    CHECK(h.session().toasts().back().error);
    CHECK_THAT(h.session().toasts().back().text, Catch::Contains("notes.txt") && Catch::Contains("reste « " + before + " »"));

    h.key(GLFW_KEY_O, true);
    h.click("Parcourir…##open");
    pickIn(h, out.path().string(), "", "autre.db"); // a click selects it…
    h.click("Choisir");                              // …and « Choisir » opens it
    h.frames(3);
    CHECK(h.state().event.name == "Université d’été 2026");
    setPickerBackend(PickerBackend::Auto);
}

TEST_CASE("New event: the file chosen with the picker, and a national review file made as `atelier new --review` does", "[app][picker]") {
    setPickerBackend(PickerBackend::InApp);
    Headless h;
    TempDir out;
    h.app().eventDialogs().requestNew();
    h.frames(2);
    retype(h, "##evname", "Revue nationale 2026");
    h.click("Parcourir…##new");
    pickIn(h, out.path().string(), "", "Enregistrer"); // the name offered comes from the event's
    h.frames(1);
    h.click("##review");
    h.click("Créer");
    h.frames(3);
    std::string made = out.file("revue-nationale-2026.db");
    REQUIRE(fs::exists(made));
    CHECK(h.state().event.name == "Revue nationale 2026");
    CHECK(isReviewFile(h.session().engine()->store()));
    CHECK_THAT(h.session().toasts().back().text, Catch::Contains("Fichier de revue « Revue nationale 2026 » créé"));
    // Over an existing file: refused in the dialog, the file untouched.
    h.app().eventDialogs().requestNew();
    h.frames(2);
    retype(h, "##newpath", made);
    h.click("Créer");
    CHECK(shown(h, "##newpath"));
    CHECK(h.state().event.name == "Revue nationale 2026");
    setPickerBackend(PickerBackend::Auto);
}
