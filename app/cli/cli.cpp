#include "cli/cli.hpp"

#include "model/errors.hpp"
#include "storage/event_file.hpp"
#include "model/language.hpp"

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <iostream>

namespace atelier {

namespace {

BoardPngRenderer g_boardPngRenderer;

void chooseLanguage() {
    // French unless the user's locale or ATELIER_LANG says English.
    const char* forced = std::getenv("ATELIER_LANG");
    if (forced && std::strncmp(forced, "en", 2) == 0) setMessageLanguage(Language::English);
    else setMessageLanguage(Language::French);
}

// A file that opens but deserves care (a network share): said on stderr, the command goes on.
void printFileWarning(const std::string& message) { std::cerr << "atelier: " << message << "\n"; }

// How to open the app and its options (app/gui.cpp parses them; `atelier DB --help` lists them
// too, and tests/cli_help_test.sh checks that each one is here), then what holds for every command.
constexpr const char* kHelpFooter = R"(
Ouvrir l'application / Open the app:
  atelier [DB] [OPTIONS]      ouvre l'événement DB ; sans DB, l'événement par défaut (créé avec la démo)
                              opens event DB; without DB, the default event (created with the demo)
  --lang fr|en                langue de l'interface / interface language
  --screenshot PNG            dessine une vue dans ce PNG et quitte / renders one view to this PNG and exits
  --view VIEW                 la vue de --screenshot / the view for --screenshot: home, defi, teams,
                              programme, phases, timer, projector, board, vote, prototypes, stand,
                              dashboard, search, files
  --team N                    l'équipe (numéro de son défi) / the team (its défi number)
  --size WxH                  taille de la capture / screenshot size (1920x1080)
  --projector-content WHAT    avec --view projector / with --view projector: timer, defi, programme, board, vote
  --projection-window         ouvre la fenêtre de projection / opens the projection window
  --projection-screenshot PNG avec --screenshot : capture aussi la projection / also captures the projection
  --clock-ms MS               fige l'horloge (captures) / freezes the clock (screenshots), ms since 1970 UTC
  --shortcut-log FILE         note chaque raccourci reconnu (tests) / logs each recognised shortcut (tests)
  --board-view X Y ZOOM       avec --view board : le point du mur en haut à gauche et le zoom
                              with --view board: the board point at the top-left corner, and the zoom
  --bench-pan SECONDS         banc d'essai : fait défiler le mur de --team, écrit une mesure JSON
                              benchmark: pans the --team board, prints one JSON record (frame times)
  --bench-zoom fit|1to1       avec --bench-pan : tout le mur ou 1:1 / with --bench-pan: fit or 1:1
  --bench-label TEXT          avec --bench-pan : copié dans la mesure / copied into the record

Options globales, avant ou après la commande / global options, before or after the command:
  --lang fr|en                langue des messages / language of the messages
                              (atelier --lang en info DB ; ou/or ATELIER_LANG=en)

Formats d'export / export formats (atelier export --help):
  md, html (restitution / report), csv (tableaux, un dossier / tables, a folder),
  json (paquet sans perte / lossless bundle), png (le mur d'une équipe / a team's board, --team N)

Aide d'une commande / a command's help: atelier COMMAND --help
)";

void buildApp(CLI::App& app, CliRun& run, std::string* language) {
    app.name("atelier");
    app.description("Atelier : ateliers d'innovation publique. Sans commande, ouvre l'application.\n"
                    "Atelier: public-innovation workshops. With no command, opens the app.");
    app.set_version_flag("--version", std::string("atelier ") + ATELIER_VERSION);
    app.require_subcommand(1);
    app.fallthrough(); // a global option after the command is the app's
    app.add_option("--lang", *language, "fr | en : langue des messages / language of the messages")
        ->check(CLI::IsMember({"fr", "en"}));
    registerEventCommands(app, run);
    registerApplyCommand(app, run);
    registerIoCommands(app, run);
    registerMergeCommands(app, run);
    registerBackupCommands(app, run);
    registerGenerateCommand(app, run);
    registerServeCommand(app, run);
    app.footer(kHelpFooter); // after the subcommands, which would inherit it
}

} // namespace

void setBoardPngRenderer(BoardPngRenderer renderer) { g_boardPngRenderer = std::move(renderer); }
const BoardPngRenderer& boardPngRenderer() { return g_boardPngRenderer; }

bool isCliCommand(const std::string& firstArgument) {
    if (firstArgument == "--help" || firstArgument == "-h" || firstArgument == "--version" || firstArgument == "help")
        return true;
    CLI::App app;
    CliRun run;
    std::string language;
    buildApp(app, run, &language);
    for (const CLI::App* sub : app.get_subcommands({}))
        if (sub->get_name() == firstArgument) return true;
    return false;
}

bool isCliInvocation(int argc, char** argv) {
    int i = 1;
    while (i < argc) { // global options first: `atelier --lang en info DB`
        std::string arg = argv[i];
        if (arg == "--lang") i += 2;
        else if (arg.rfind("--lang=", 0) == 0) i += 1;
        else break;
    }
    return i < argc && isCliCommand(argv[i]);
}

int runCli(int argc, char** argv) {
    chooseLanguage();
    CLI::App app;
    CliRun run;
    std::string language;
    buildApp(app, run, &language);
    if (argc > 1 && std::string(argv[1]) == "help") argv[1] = const_cast<char*>("--help");
    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        return app.exit(e);
    }
    if (language == "en") setMessageLanguage(Language::English);
    if (language == "fr") setMessageLanguage(Language::French);
    if (!run.command) return 0;
    setFileWarningHandler(printFileWarning);
    try {
        return run.command();
    } catch (const Error& e) {
        std::fflush(stdout);
        std::cerr << "atelier: " << e.what() << "\n";
        return 1;
    } catch (const std::exception& e) {
        std::fflush(stdout);
        std::cerr << "atelier: " << tr("erreur inattendue : ", "unexpected error: ") << e.what() << "\n";
        return 1;
    }
}

} // namespace atelier
