#pragma once
// The event file's schema and its ordered migrations.
#include <cstdint>
#include <string>
#include <vector>

namespace atelier {

// PRAGMA application_id of every Atelier event file: "ATLR".
inline constexpr std::int32_t kApplicationId = 0x41544C52;

struct Migration {
    int toVersion;           // PRAGMA user_version after it ran
    const char* description;
    const char* sql;
};

// Ordered by toVersion, starting at 1. A new file runs them all; an old one the missing ones.
const std::vector<Migration>& migrations();

inline int currentSchemaVersion() { return migrations().back().toVersion; }

// Tables holding the event's content: what actions change, undo restores and merges carry.
const std::vector<std::string>& contentTables();

} // namespace atelier
