#pragma once
// The event's own fields (name, organiser, place, first and last day, time zone), shared by the
// Événement screen and the New-event dialog: dates typed day first, the zone from a list.
#include "model/model.hpp"

#include <optional>
#include <string>

namespace atelier {

// "06/07/2026" from "2026-07-06" (the text itself when it is not a date).
std::string dayForTyping(const std::string& isoDay);

// "La Réunion — Indian/Reunion", or the zone's name when it has no French name.
std::string timeZoneLabel(const std::string& zone);

// A combo of the time zones (France and its overseas territories first) with a search field.
// Returns true with `out` when the user picks another zone.
bool timeZoneCombo(const char* label, const std::string& zone, std::string& out, float width);

// The fields of a new event as typed. check() turns the typed days into YYYY-MM-DD and returns
// the first problem in the user's words, or nothing when the event can be created.
struct EventDraft {
    std::string name, organiser, place, firstDay, lastDay, timeZone = "Europe/Paris";
    std::optional<std::string> check(EventInfo& out) const;
    // Draws the fields one per line, labels on the left.
    void draw(float labelWidth, float fieldWidth);
};

} // namespace atelier
