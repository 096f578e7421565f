// Importing a bundle in bounded memory (issue 12): the real `atelier import bundle`, run as a
// child process on the 10x event's bundle (about 25 MB), peaks at no more than 2 × its size +
// 100 MB, and gives back the same event. Reading the whole bundle into one JSON tree peaked at
// 213 MB on this bundle; the benchmark (bench/bench_bundle_import.cpp) measures 200 MB too.
#include "process.hpp"
#include "support.hpp"

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>

using namespace atelier::test;

namespace {

ProcessResult atelierRun(std::vector<std::string> args) {
    args.insert(args.begin(), ATELIER_BINARY);
    return runProcess(args);
}

std::string contentOf(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

} // namespace

// AddressSanitizer's shadow memory and quarantine make a peak that says nothing of the import.
#if defined(__SANITIZE_ADDRESS__)
#define ATELIER_UNDER_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define ATELIER_UNDER_ASAN 1
#endif
#endif
#ifndef ATELIER_UNDER_ASAN
#define ATELIER_UNDER_ASAN 0
#endif

TEST_CASE("a 25 MB bundle imports within 2 x its size + 100 MB of memory, and gives the same event back", "[bundle][memory]") {
    TempDir dir;
    const std::string db = dir.file("big.db"), json = dir.file("big.json"), copy = dir.file("copy.db");
    REQUIRE(atelierRun({"generate", db, "--scale", "10"}).exitCode == 0);
    REQUIRE(atelierRun({"export", db, "--format", "json", "--out", json}).exitCode == 0);
    const auto size = static_cast<long>(std::filesystem::file_size(json));
    INFO("bundle: " << size / 1000000 << " MB");
    REQUIRE(size > 20'000'000); // the 10x event's bundle, as the issue measured it

    ProcessResult imported = atelierRun({"import", "bundle", copy, json});
    INFO(imported.err);
    REQUIRE(imported.exitCode == 0);
    const long peakBytes = imported.peakKilobytes * 1024;
    INFO("peak: " << peakBytes / 1000000 << " MB, bound " << (2 * size + 100'000'000) / 1000000 << " MB");
    CHECK(peakBytes > 0);
#if ATELIER_UNDER_ASAN
    // Under AddressSanitizer the binary's memory is its shadow and quarantine, not the import's:
    // the bound is checked by the Release run only (scripts/test.sh).
    WARN("AddressSanitizer build: peak " << peakBytes / 1000000 << " MB not held to the bound");
#else
    CHECK(peakBytes <= 2 * size + 100'000'000);
#endif

    const std::string again = dir.file("again.json");
    REQUIRE(atelierRun({"export", copy, "--format", "json", "--out", again}).exitCode == 0);
    CHECK(contentOf(again) == contentOf(json));
}
