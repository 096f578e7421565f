// The embedded assets are exactly the files of assets/ (README and dot-files aside), byte for
// byte: a file added, changed or removed there shows in the binary after the next build.
#include "assets/assets.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>

namespace fs = std::filesystem;

TEST_CASE("every file of assets/ is embedded byte for byte, and nothing else", "[assets]") {
    const fs::path dir = ATELIER_ASSETS_DIR;
    std::vector<std::string> onDisk;
    for (const auto& entry : fs::recursive_directory_iterator(dir)) {
        if (!entry.is_regular_file()) continue;
        std::string name = fs::relative(entry.path(), dir).generic_string();
        const bool hidden = name.front() == '.' || name.find("/.") != std::string::npos;
        if (hidden || entry.path().filename() == "README.md") continue;
        onDisk.push_back(name);
    }
    std::sort(onDisk.begin(), onDisk.end());

    std::vector<std::string> embedded;
    for (const auto& e : atelier::assets::all()) embedded.emplace_back(e.name);
    CHECK(embedded == onDisk);

    for (const std::string& name : onDisk) {
        std::ifstream in(dir / name, std::ios::binary);
        const std::string bytes{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
        const auto found = atelier::assets::find(name);
        REQUIRE(found);
        CHECK(found->text() == bytes);
        CHECK(found->data[found->size] == 0); // readable as a C string too
    }
    CHECK_FALSE(atelier::assets::find("README.md"));
    CHECK_FALSE(atelier::assets::find("no/such/file"));
}
