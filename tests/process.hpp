#pragma once
// Runs a program with arguments and optional standard input, capturing its outputs: for
// end-to-end tests of the atelier binary.
#include <string>
#include <vector>

namespace atelier::test {

struct ProcessResult {
    int exitCode = -1; // -1 when killed by a signal
    std::string out;
    std::string err;
    // The child's peak resident memory (ru_maxrss, kB). A forked child starts with its parent's
    // pages, so this is never below the test process's own size at the fork.
    long peakKilobytes = 0;
};

ProcessResult runProcess(const std::vector<std::string>& argv, const std::string& input = {},
                         const std::vector<std::string>& extraEnvironment = {});

} // namespace atelier::test
