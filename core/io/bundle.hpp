#pragma once
// The JSON bundle: a whole event, lossless (every content table, photos in base64), for
// archiving and moving an event between machines. Stable: rows sorted by id, keys in column
// order, no export time, so export → import → export gives the same bytes.
//
//   { "format": "atelier-bundle", "version": 1,
//     "tables": { "event": [ {…} ], "slot": [ … ], …, "photo": [ {…, "data": "<base64>"} ], … } }
//
// Ids are decimal strings (null for none); enums are their codes; times are integers (ms UTC).
#include "storage/store.hpp"

#include <memory>
#include <string>
#include <string_view>

namespace atelier {

inline constexpr int kBundleVersion = 1;

std::string exportBundle(Store& store);

// Creates the event file `path` (which must not exist) from a bundle, in bounded memory
// (io/bundle_import.cpp): the bundle is read as a stream, one row at a time, photos decoded
// and written one at a time, into a file built beside `path` in one transaction. Every field,
// id, reference and rule of the actions (rules/row_rules.hpp) is checked before the commit:
// an ImportError names the table, the row and the field (the first five rule offences), and
// no file is left. A bundle over kMaxBundleBytes (rules/limits.hpp, 2 GiB) is refused unread.
std::unique_ptr<Store> importBundle(const std::string& path, std::string_view json);
std::unique_ptr<Store> importBundleFile(const std::string& path, const std::string& jsonPath);

std::string base64Encode(std::string_view bytes);
// Empty optional when the text is not base64.
std::optional<std::string> base64Decode(std::string_view text);

} // namespace atelier
