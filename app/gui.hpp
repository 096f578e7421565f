#pragma once
// The desktop application's entry point: `atelier [PATH] [--screenshot OUT.png --view V …]`.
#include <string>

namespace atelier {
int runGui(int argc, char** argv);
// A team's board (by its défi's number) as shown on the projector, rendered to a 1920x1080 PNG.
int renderBoardPng(const std::string& db, int defiNumber, const std::string& out);
}
