#pragma once
// A bundle made into a new event before it is imported: every row gets a fresh id (references
// follow), the event gets its own identity, and its times move so that the latest one is `now`.
// The demo event is one bundle (assets/demo/): each demo file made from it is then its own
// event, as if typed in just now, and a copy of one never merges into another as the same event.
#include "model/model.hpp"

#include <string>
#include <string_view>

namespace atelier {

// The bundle's JSON text with fresh ids and shifted times; anything else is left as it is, for
// the bundle importer to check. Throws ImportError when the text is not a bundle's JSON.
std::string withFreshIdentity(std::string_view bundleJson, Millis now);

} // namespace atelier
