// The atelier binary built without its desktop interface (ATELIER_BUILD_GUI=OFF).
#include "gui.hpp"

#include <cstdio>

namespace atelier {
int runGui(int, char**) {
    std::fprintf(stderr, "atelier: built without the desktop interface (ATELIER_BUILD_GUI=OFF); "
                         "the commands work: see `atelier --help`.\n");
    return 2;
}
int renderBoardPng(const std::string&, int, const std::string&) { return runGui(0, nullptr); }
} // namespace atelier
