#pragma once
// Row identity. Every row of an event file is keyed by a random 63-bit id, so two laptops
// working on copies of one event never generate the same key (see DESIGN.md, merge).
#include <compare>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>

namespace atelier {

struct Id {
    std::int64_t value = 0;

    constexpr Id() = default;
    constexpr explicit Id(std::int64_t v) : value(v) {}
    constexpr explicit operator bool() const { return value != 0; }
    constexpr auto operator<=>(const Id&) const = default;

    // Decimal text: ids travel as strings in JSON (64-bit numbers lose precision in JS and jq).
    std::string str() const { return std::to_string(value); }
    // Parses the decimal form; empty optional when the text is not a positive 64-bit integer.
    static std::optional<Id> parse(const std::string& text);
};

// A fresh random id, positive and never 0. Thread-safe.
Id newId();

// Makes the ids that follow a fixed sequence: for tests that must replay a random scenario
// from its seed (the merge property test). Never called by the application.
void seedIdsForTests(std::uint64_t seed);

} // namespace atelier

template <> struct std::hash<atelier::Id> {
    std::size_t operator()(const atelier::Id& id) const noexcept { return std::hash<std::int64_t>{}(id.value); }
};
