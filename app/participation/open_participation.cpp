#include "participation/open_participation.hpp"

#include <algorithm>

namespace atelier {

void openParticipation(Session& session, const ParticipantServerOptions& options) {
    // In the app the server's threads run below the UI thread: 200 phones' polls must not take
    // the projector's frames (the engine's work for them stays on the UI thread, between frames).
    ParticipantServerOptions inApp = options;
    inApp.threadNice = std::max(inApp.threadNice, 10);
    auto server = std::make_unique<ParticipantServer>(inApp);
    server->start();
    if (session.wakeLoop) server->queue().setWake(session.wakeLoop);
    server->pump(*session.engine());
    session.participationEngine = session.engine()->serial();
    session.participation = std::move(server);
}

} // namespace atelier
