#pragma once
// An event touching every table, built with actions (and a photo through the store), with
// text that would break markup or a spreadsheet if it were not escaped.
#include "support.hpp"

namespace atelier::test {

struct RichEvent {
    Id challenge, team, otherTeam, awa, jean, cluster, scriptNote, formulaNote, heartNote, round, prototype, version2,
        photo, like, suggest, question, timer;
};

RichEvent buildRichEvent(Fixture& f);

// A 1×1 PNG.
std::string tinyPng();

} // namespace atelier::test
