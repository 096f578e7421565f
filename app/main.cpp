// One binary: `atelier COMMAND …` runs a command-line command, anything else opens the app.
#include "cli/cli.hpp"
#include "gui.hpp"

int main(int argc, char** argv) {
    atelier::setBoardPngRenderer(atelier::renderBoardPng);
    if (argc > 1 && atelier::isCliCommand(argv[1])) return atelier::runCli(argc, argv);
    return atelier::runGui(argc, argv);
}
