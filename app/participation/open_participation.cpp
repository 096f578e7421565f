#include "participation/open_participation.hpp"

namespace atelier {

void openParticipation(Session& session, const ParticipantServerOptions& options) {
    auto server = std::make_unique<ParticipantServer>(options);
    server->start();
    if (session.wakeLoop) server->queue().setWake(session.wakeLoop);
    server->pump(*session.engine());
    session.participationEngine = session.engine()->serial();
    session.participation = std::move(server);
}

} // namespace atelier
