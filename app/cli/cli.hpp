#pragma once
// The command line of the atelier binary. Each command group registers its subcommands on
// the CLI11 app; a command's callback stores what to run, and runCli runs it and maps errors
// to a message on stderr and a non-zero exit.
#include <CLI/CLI.hpp>

#include <functional>
#include <string>

namespace atelier {

struct CliRun {
    std::function<int()> command; // set by the chosen subcommand's callback
};

// Renders a team's board to a PNG (the desktop layer does it; main() installs it). Returns the
// exit code. Absent in a build without the desktop interface.
using BoardPngRenderer = std::function<int(const std::string& db, int defiNumber, const std::string& out)>;
void setBoardPngRenderer(BoardPngRenderer renderer);
const BoardPngRenderer& boardPngRenderer();

// True when argv[1] names a subcommand (or is --help/--version), so main() runs the CLI.
bool isCliCommand(const std::string& firstArgument);
// The same for a whole command line: global options (--lang fr|en) may come before the command.
bool isCliInvocation(int argc, char** argv);
int runCli(int argc, char** argv);

// Command groups (one file each in app/cli/).
void registerEventCommands(CLI::App& app, CliRun& run); // new, demo, info, check, actions
void registerApplyCommand(CLI::App& app, CliRun& run);  // apply
void registerIoCommands(CLI::App& app, CliRun& run);    // import, export, template
void registerMergeCommands(CLI::App& app, CliRun& run); // copy, merge
void registerBackupCommands(CLI::App& app, CliRun& run); // backup, backups, restore
void registerGenerateCommand(CLI::App& app, CliRun& run); // generate (benchmarks)
void registerServeCommand(CLI::App& app, CliRun& run);    // serve (phones on the LAN)

} // namespace atelier
