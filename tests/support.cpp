#include "support.hpp"

#include "model/rows.hpp"

#include <algorithm>
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

void writeBytes(const std::string& path, const std::string& bytes) {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
}

namespace {

template <typename T> struct IsOptionalField : std::false_type {};
template <typename T> struct IsOptionalField<std::optional<T>> : std::true_type {};

struct FieldPrinter {
    std::ostringstream& out;
    template <typename F> void operator()(const char* column, const F& field) {
        out << column << '=';
        if constexpr (std::is_same_v<F, Id>) out << field.value;
        else if constexpr (std::is_same_v<F, std::string>) out << '"' << field << '"';
        else if constexpr (std::is_enum_v<F>) out << codeOf(field);
        else if constexpr (IsOptionalField<F>::value) {
            if (field) out << *field; else out << "null";
        } else out << field;
        out << ' ';
    }
};

template <typename T> void printRow(std::ostringstream& out, const T& row) {
    FieldPrinter printer{out};
    columns(printer, const_cast<T&>(row)); // the printer only reads
    out << '\n';
}

template <typename T> void printTable(std::ostringstream& out, const Rows<T>& rows) {
    out << "# " << TableOf<T>::table << '\n';
    std::vector<const T*> sorted;
    for (const auto& [id, row] : rows) {
        if (id != row.id) out << "KEY MISMATCH " << id.value << '\n';
        sorted.push_back(&row);
    }
    std::sort(sorted.begin(), sorted.end(), [](const T* a, const T* b) { return a->id < b->id; });
    for (const T* row : sorted) printRow(out, *row);
}

} // namespace

std::string stateText(const EventState& s) {
    std::ostringstream out;
    out.precision(17);
    printRow(out, s.event);
    printTable(out, s.slots);
    printTable(out, s.challenges);
    printTable(out, s.teams);
    printTable(out, s.members);
    printTable(out, s.phaseChanges);
    printTable(out, s.clusters);
    printTable(out, s.notes);
    printTable(out, s.voteRounds);
    printTable(out, s.votes);
    printTable(out, s.prototypes);
    printTable(out, s.photos);
    printTable(out, s.feedback);
    printTable(out, s.timedSessions);
    return out.str();
}

bool permissionsEnforced() {
    TempDir dir;
    std::string probe = dir.file("probe");
    writeBytes(probe, "x");
    std::filesystem::permissions(probe, std::filesystem::perms::owner_read);
    std::ofstream out(probe, std::ios::app);
    return !out.is_open();
}

} // namespace atelier::test
