#include "support.hpp"

#include <fstream>
#include <random>
#include <sstream>

namespace atelier::test {

TempDir::TempDir() {
    std::random_device device;
    m_path = std::filesystem::temp_directory_path() / ("atelier-test-" + std::to_string(device()) + std::to_string(device()));
    std::filesystem::create_directories(m_path);
}

TempDir::~TempDir() {
    std::error_code ec;
    std::filesystem::permissions(m_path, std::filesystem::perms::owner_all, std::filesystem::perm_options::add, ec);
    std::filesystem::remove_all(m_path, ec);
}

Fixture::Fixture() {
    EventInfo info;
    info.name = "Test";
    engine = Engine::create(dbPath(), info, clock);
}

Id Fixture::add(const Action& action) {
    auto result = engine->apply(action);
    return result.created.empty() ? Id{} : result.created.front();
}

void Fixture::reopen() {
    engine.reset();
    engine = Engine::open(dbPath(), clock);
}

std::string readBytes(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

} // namespace atelier::test
