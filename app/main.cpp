// One binary: `atelier [--lang fr|en] COMMAND …` runs a command-line command, anything else
// opens the app (`atelier [DB] [OPTIONS]`).
#include "cli/cli.hpp"
#include "gui.hpp"

int main(int argc, char** argv) {
    atelier::setBoardPngRenderer(atelier::renderBoardPng);
    if (atelier::isCliInvocation(argc, argv)) return atelier::runCli(argc, argv);
    return atelier::runGui(argc, argv);
}
