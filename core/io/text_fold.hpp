#pragma once
// Folding of French (and other Latin-script) text for matching: what a user types without
// accents, in any case, or with a straight apostrophe must find what was written with them.
// Used by search (index and query), by spreadsheet header matching and by re-import matching.
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace atelier {

// Lowercase ASCII, Latin letters without their accents ("é" → "e", "Ç" → "c"), ligatures spelled
// out ("œ" → "oe", "æ" → "ae", "ß" → "ss"), typographic apostrophes as "'" and no-break spaces
// as spaces; combining accents (decomposed text) are dropped. Other characters are kept as they
// are. Invalid UTF-8 bytes are kept byte for byte.
std::string foldText(std::string_view utf8);

// The same, also giving for each byte of the result the offset in `utf8` of the character it
// came from; origins has one more entry, utf8.size(), so a folded range [a, b) maps back to the
// original range [origins[a], origins[b]) once b sits on a character boundary.
std::string foldText(std::string_view utf8, std::vector<std::size_t>& origins);

// A header key: folded, then only ASCII letters and digits kept ("N° du défi" → "ndudefi").
std::string foldKey(std::string_view utf8);

// A name key: folded, runs of spaces as one, trimmed ("  Équipe  Bleue" → "equipe bleue"), so
// a re-import matches names typed with other accents, case or spacing.
std::string nameKey(std::string_view utf8);

} // namespace atelier
