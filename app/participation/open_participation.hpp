#pragma once
// Opens participation for the session's event, as the Participation screen's button does (and
// the hidden --participation-port of the app, for the phones benchmark): the server started, the
// app's loop woken by each phone's request, the first snapshot published before any phone asks.
#include "server/participant_server.hpp"
#include "session.hpp"

namespace atelier {

// Throws Error with a French message naming the address and port when it cannot listen; the
// session is then left as it was.
void openParticipation(Session& session, const ParticipantServerOptions& options);

} // namespace atelier
