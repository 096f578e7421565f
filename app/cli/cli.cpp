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

void buildApp(CLI::App& app, CliRun& run) {
    app.description("Atelier : ateliers d'innovation publique. Sans commande, ouvre l'application.\n"
                    "Atelier: public-innovation workshops. With no command, opens the app.");
    app.set_version_flag("--version", "atelier 0.1.0");
    app.require_subcommand(1);
    registerEventCommands(app, run);
    registerApplyCommand(app, run);
    registerIoCommands(app, run);
    registerMergeCommands(app, run);
    registerBackupCommands(app, run);
    registerGenerateCommand(app, run);
}

} // namespace

void setBoardPngRenderer(BoardPngRenderer renderer) { g_boardPngRenderer = std::move(renderer); }
const BoardPngRenderer& boardPngRenderer() { return g_boardPngRenderer; }

bool isCliCommand(const std::string& firstArgument) {
    if (firstArgument == "--help" || firstArgument == "-h" || firstArgument == "--version" || firstArgument == "help")
        return true;
    CLI::App app;
    CliRun run;
    buildApp(app, run);
    for (const CLI::App* sub : app.get_subcommands({}))
        if (sub->get_name() == firstArgument) return true;
    return false;
}

int runCli(int argc, char** argv) {
    chooseLanguage();
    CLI::App app{"atelier"};
    CliRun run;
    buildApp(app, run);
    if (argc > 1 && std::string(argv[1]) == "help") argv[1] = const_cast<char*>("--help");
    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        return app.exit(e);
    }
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
