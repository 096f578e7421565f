// import, export, template: filled in with the spreadsheet import and the exports.
#include "cli/cli.hpp"

namespace atelier {

void registerIoCommands(CLI::App&, CliRun&) {}

} // namespace atelier
