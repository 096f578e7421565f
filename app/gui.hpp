#pragma once
// The desktop application's entry point: `atelier [PATH] [--screenshot OUT.png --view V …]`.
namespace atelier {
int runGui(int argc, char** argv);
}
