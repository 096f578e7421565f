#include "participation/open_participation.hpp"

#include "sync/replica.hpp"

namespace atelier {

void openParticipation(Session& session, const ParticipantServerOptions& options) {
    ParticipantServerOptions served = options;
    // A team laptop's copy serves its own team only (the others join the facilitator's laptop).
    if (!served.servedTeam) served.servedTeam = readReplicaInfo(session.engine()->path()).teamId;
    auto server = std::make_unique<ParticipantServer>(served);
    server->start();
    if (session.wakeLoop) server->queue().setWake(session.wakeLoop);
    server->pump(*session.engine());
    session.participationEngine = session.engine()->serial();
    session.participation = std::move(server);
}

} // namespace atelier
