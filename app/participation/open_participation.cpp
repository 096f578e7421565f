#include "participation/open_participation.hpp"

#include "sync/replica.hpp"

#include <algorithm>

namespace atelier {

void openParticipation(Session& session, const ParticipantServerOptions& options) {
    // A team laptop's copy serves its own team only (the others join the facilitator's laptop).
    // In the app the server's threads run below the UI thread: 200 phones' polls must not take
    // the projector's frames (the engine's work for them stays on the UI thread, between frames).
    ParticipantServerOptions inApp = options;
    if (!inApp.servedTeam) inApp.servedTeam = readReplicaInfo(session.engine()->path()).teamId;
    inApp.idleThreads = true;
    auto server = std::make_unique<ParticipantServer>(inApp);
    server->start();
    if (session.wakeLoop) server->queue().setWake(session.wakeLoop);
    server->pump(*session.engine());
    session.participationEngine = session.engine()->serial();
    session.participation = std::move(server);
}

} // namespace atelier
