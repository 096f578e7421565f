#pragma once
// The A4 sheet of stand QR codes for the exhibition: one card per prototype (its title, its
// team, the stand link and its QR code), printed from a browser. Links carry the laptop's
// address: reprint when it changes (the Participation screen says so).
#include "server/participant_server.hpp"
#include "storage/state.hpp"

#include <string>

namespace atelier {

// The sheet as a standalone HTML page (inline SVG, no script, nothing loaded from outside).
std::string standSheetHtml(const EventState& state, const ParticipantServer& server, const std::string& host);
// Writes it beside the event file ("event.db" → "event-stands.html"); returns the path.
// Throws Error with a French message when the file cannot be written.
std::string writeStandSheet(const EventState& state, const ParticipantServer& server, const std::string& host,
                            const std::string& eventPath);

} // namespace atelier
