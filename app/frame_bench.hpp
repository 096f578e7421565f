#pragma once
// The whole-frame benchmark (issue 17): the real app in a real window pans a team's board on a
// circle for a few seconds, flat out (no vsync), and reports what the user waits for: the
// interval between buffer swaps, the CPU time of the whole process per frame (the software
// rasteriser's threads included), and the fragments the GPU (or llvmpipe) shaded per frame.
#include <chrono>
#include <string>

namespace atelier {

struct PanBenchRequest {
    int width = 1920, height = 1080; // the window, placed at 0,0
    bool fit = true;                 // zoomed to fit the whole board; else 1:1 at its centre
    double settleSeconds = 1.0, warmupSeconds = 0.5, panSeconds = 3.0;
    float radiusPx = 200;            // the pan's circle, in screen pixels (the peer harness's)
    std::string label;               // free text copied into the record (e.g. the round)
    std::chrono::steady_clock::time_point processStart; // for the time to the first frame
};

} // namespace atelier
