#pragma once
// What the bundle's writer and reader share: how a column is named in JSON, the format's name.
#include <optional>
#include <string>
#include <type_traits>

namespace atelier::bundle_columns {

inline constexpr const char* kFormat = "atelier-bundle";

template <typename T> struct IsOptional : std::false_type {};
template <typename T> struct IsOptional<std::optional<T>> : std::true_type {};

// rows.hpp quotes SQL keywords ("end"); JSON keys do without.
inline std::string keyOf(const char* column) {
    std::string key = column;
    if (key.size() > 1 && key.front() == '"') key = key.substr(1, key.size() - 2);
    return key;
}

} // namespace atelier::bundle_columns
