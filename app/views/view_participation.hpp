#pragma once
// Participation: phones on the room's network. Open or close the participant server, the
// addresses and port, the join code (renew it), its QR code in large, the devices per team
// (remove one), and the stand links of the exhibition. The server itself lives in the Session
// (closing the event closes it); its requests are run between frames (App::afterFrames).
#include "views/qr_code.hpp"
#include "views/view.hpp"

#include <string>

namespace atelier {

class ParticipationView final : public View {
public:
    ParticipationView() : View(ViewId::Participation, Str::ViewParticipation) {}

private:
    void drawContent(ViewContext& ctx) override;
    void drawClosed(ViewContext& ctx);
    void drawOpen(ViewContext& ctx, ParticipantServer& server);

    int m_port = 8080;
    std::string m_error;
    std::string m_qrText; // what m_qr encodes
    QrModules m_qr;
    std::string m_sheetPath, m_sheetHost, m_sheetError; // the last stand sheet, the address it used
};

} // namespace atelier
