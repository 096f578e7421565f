#include "sync/entry_checksum.hpp"

#include <sqlite3.h>

#include <stdexcept>
#include <string>

namespace atelier {

namespace {

// FNV-1a, 64 bits, folded to 32: not a defence against forgery, a check against damage.
struct Fnv {
    std::uint64_t h = 0xcbf29ce484222325ull;
    void byte(unsigned char b) {
        h ^= b;
        h *= 0x100000001b3ull;
    }
    void number(std::int64_t v) {
        auto u = static_cast<std::uint64_t>(v);
        for (int i = 0; i < 8; ++i) byte(static_cast<unsigned char>(u >> (8 * i)));
    }
    void text(std::string_view s) {
        number(static_cast<std::int64_t>(s.size()));
        for (char c : s) byte(static_cast<unsigned char>(c));
    }
};

std::string_view textOf(sqlite3_value* v) {
    const void* p = sqlite3_value_blob(v);
    return p ? std::string_view(static_cast<const char*>(p), static_cast<std::size_t>(sqlite3_value_bytes(v))) : std::string_view();
}

void checksumFunction(sqlite3_context* ctx, int, sqlite3_value** argv) {
    EntryFields e;
    e.id = sqlite3_value_int64(argv[0]);
    e.at = sqlite3_value_int64(argv[1]);
    e.origin = sqlite3_value_int64(argv[2]);
    e.event = sqlite3_value_int64(argv[3]);
    e.seq = sqlite3_value_int64(argv[4]);
    e.seenNull = sqlite3_value_type(argv[5]) == SQLITE_NULL;
    e.seen = textOf(argv[5]);
    e.description = textOf(argv[6]);
    e.changes = textOf(argv[7]);
    sqlite3_result_int64(ctx, entryChecksum(e));
}

} // namespace

std::int64_t entryChecksum(const EntryFields& e) {
    Fnv f;
    f.number(e.id);
    f.number(e.at);
    f.number(e.origin);
    f.number(e.event);
    f.number(e.seq);
    f.byte(e.seenNull ? 0 : 1);
    f.text(e.seen);
    f.text(e.description);
    f.text(e.changes);
    return static_cast<std::int64_t>((f.h ^ (f.h >> 32)) & 0xFFFFFFFFull);
}

void checksumJournal(sqlite3* db) {
    sqlite3_create_function(db, "atelier_entry_checksum", 8, SQLITE_UTF8 | SQLITE_DETERMINISTIC, nullptr, &checksumFunction, nullptr,
                            nullptr);
    const char* sql = "UPDATE journal SET checksum = atelier_entry_checksum(id, at, origin, event_id, seq, seen, description, changes) "
                      "WHERE checksum IS NULL;"
                      "UPDATE replica SET journal_count = (SELECT count(*) FROM journal), "
                      "journal_sum = (SELECT coalesce(sum(checksum), 0) FROM journal);";
    char* error = nullptr;
    int rc = sqlite3_exec(db, sql, nullptr, nullptr, &error);
    std::string message = error ? error : "";
    sqlite3_free(error);
    sqlite3_create_function(db, "atelier_entry_checksum", 8, SQLITE_UTF8, nullptr, nullptr, nullptr, nullptr);
    if (rc != SQLITE_OK) throw std::runtime_error("checksumJournal: " + message);
}

} // namespace atelier
