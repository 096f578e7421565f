#include "views/view_participation.hpp"

#include "model/language.hpp"
#include "participation/open_participation.hpp"
#include "participation/stand_codes.hpp"
#include "participation/stand_sheet.hpp"
#include "widgets.hpp"

#include <algorithm>
#include <chrono>

namespace atelier {

namespace {

std::string teamName(const EventState& state, Id team) {
    const Team* t = state.find<Team>(team);
    return t ? t->name : tr("(équipe supprimée)", "(deleted team)");
}

} // namespace

void ParticipationView::drawContent(ViewContext& ctx) {
    ImGui::PushFont(ctx.fonts.heading);
    ImGui::TextUnformatted(tr("Participation depuis les téléphones", "Participation from phones").c_str());
    ImGui::PopFont();
    if (!ctx.session.isOpen()) {
        ImGui::TextWrapped("%s", tr("Ouvrez d’abord un événement.", "Open an event first.").c_str());
        return;
    }
    if (ctx.session.participation && ctx.session.participation->running()) drawOpen(ctx, *ctx.session.participation);
    else drawClosed(ctx);
}

void ParticipationView::drawClosed(ViewContext& ctx) {
    textWrapped(ctx.fonts.regular,
                tr("Les participants écrivent leurs post-its et votent depuis leur téléphone, sur le Wi-Fi de la salle, sans "
                   "compte ni internet : cet ordinateur sert la page. Fermée par défaut.",
                   "Participants write their notes and vote from their phones, on the room's Wi-Fi, with no account and "
                   "no internet: this computer serves the page. Closed by default."));
    ImGui::SetNextItemWidth(160 * ctx.scale);
    ImGui::InputInt(tr("Port", "Port").c_str(), &m_port);
    m_port = std::clamp(m_port, 1024, 65535);
    if (button(tr("Ouvrir la participation", "Open participation").c_str())) {
        ParticipantServerOptions options;
        options.port = m_port;
        try {
            openParticipation(ctx.session, options);
            m_error.clear();
        } catch (const std::exception& e) {
            m_error = e.what();
        }
    }
    if (!m_error.empty()) textWrapped(ctx.fonts.bold, m_error, IM_COL32(0xB0, 0x00, 0x20, 0xFF));
}

void ParticipationView::drawOpen(ViewContext& ctx, ParticipantServer& server) {
    const EventState& state = ctx.session.state();
    std::vector<std::string> hosts = localAddresses();
    if (hosts.empty()) {
        textWrapped(ctx.fonts.bold,
                    tr("Aucun réseau : branchez cet ordinateur au Wi-Fi de la salle. Les téléphones doivent être sur le même "
                       "réseau (pas en données mobiles, pas sur un réseau invité qui isole les appareils).",
                       "No network: connect this computer to the room's Wi-Fi. Phones must be on the same network (not on "
                       "mobile data, not on a guest network that isolates devices)."),
                    IM_COL32(0xB0, 0x00, 0x20, 0xFF));
        hosts.push_back("127.0.0.1");
    }
    std::string url = server.joinUrl(hosts.front());
    ImGui::PushFont(ctx.fonts.heading);
    ImGui::Text("%s %s", tr("Code :", "Code:").c_str(), server.codes().current().c_str());
    ImGui::PopFont();
    for (const auto& host : hosts) ImGui::TextUnformatted(server.joinUrl(host).c_str());
    if (const Team* served = ctx.session.state().find<Team>(server.options().servedTeam))
        textWrapped(ctx.fonts.bold,
                    trf("Copie d’équipe : cet ordinateur ne sert que l’équipe « {} ». Les autres équipes rejoignent l’ordinateur "
                        "qui les sert (celui de l’animateur).",
                        "Team copy: this computer serves team \"{}\" only. The other teams join the computer that serves "
                        "them (the facilitator's).",
                        served->name));
    if (button(tr("Renouveler le code", "Renew the code").c_str())) server.codes().renew();
    ImGui::SameLine();
    if (button(tr("Projeter le QR code", "Project the QR code").c_str())) ctx.session.projectorContent = ProjectorContent::Join;
    ImGui::SameLine();
    if (button(tr("Fermer la participation", "Close participation").c_str())) {
        ctx.session.participation.reset();
        return;
    }
    if (url != m_qrText) {
        m_qr = encodeQr(url);
        m_qrText = url;
    }
    float side = std::min(ImGui::GetContentRegionAvail().x * 0.45f, 420.0f * ctx.scale);
    ImGui::BeginGroup();
    drawQr(m_qr, side);
    ImGui::EndGroup();
    ImGui::SameLine();
    ImGui::BeginGroup();
    ImGui::PushFont(ctx.fonts.bold);
    auto devices = server.devices().list();
    ImGui::Text("%s", trf("Appareils connectés : {}", "Devices joined: {}", devices.size()).c_str());
    ImGui::PopFont();
    Id shownTeam{-1};
    Millis now = ctx.session.now();
    std::string removeToken;
    for (const auto& device : devices) {
        if (device.team != shownTeam) {
            shownTeam = device.team;
            ImGui::Spacing();
            ImGui::PushFont(ctx.fonts.bold);
            ImGui::TextUnformatted(teamName(state, device.team).c_str());
            ImGui::PopFont();
        }
        const Member* member = device.member ? state.find<Member>(device.member) : nullptr;
        ImGui::PushID(device.token.c_str());
        std::string seen = trf("vu il y a {} s", "seen {} s ago", std::max<Millis>(0, now - device.lastSeen) / 1000);
        ImGui::Text("  %s · %s%s", member ? member->name.c_str() : tr("sans nom", "no name").c_str(), seen.c_str(),
                    device.movedFrom.empty() ? "" : tr(" · nom repris d’un autre appareil", " · name taken from another device").c_str());
        ImGui::SameLine();
        if (button(tr("Retirer", "Remove").c_str())) removeToken = device.token;
        ImGui::PopID();
    }
    if (!removeToken.empty()) server.devices().remove(removeToken);
    if (server.connectionsRefused() > 0)
        ImGui::Text("%s", trf("Connexions refusées (trop à la fois) : {}", "Connections refused (too many at once): {}",
                              server.connectionsRefused()).c_str());
    ImGui::EndGroup();

    ImGui::Spacing();
    ImGui::PushFont(ctx.fonts.bold);
    ImGui::TextUnformatted(tr("Stands de l’exposition (retours seulement)", "Exhibition stands (feedback only)").c_str());
    ImGui::PopFont();
    for (const Team* team : state.teamsInOrder())
        for (const Prototype* p : state.prototypesOfTeam(team->id))
            if (p->id == p->lineageId)
                ImGui::Text("%s — %s : %s", team->name.c_str(), p->title.c_str(),
                            server.standUrl(hosts.front(), participation::standCode(state.event, p->lineageId)).c_str());
    if (button(tr("Feuille A4 des stands", "A4 stand sheet").c_str())) {
        try {
            m_sheetPath = writeStandSheet(state, server, hosts.front(), ctx.session.engine()->path());
            m_sheetHost = hosts.front();
            m_sheetError.clear();
        } catch (const std::exception& e) {
            m_sheetError = e.what();
        }
    }
    if (!m_sheetPath.empty())
        textWrapped(ctx.fonts.regular, trf("Feuille écrite : {} (ouvrez-la dans un navigateur pour l’imprimer).",
                                           "Sheet written: {} (open it in a browser to print it).", m_sheetPath));
    if (!m_sheetHost.empty() && m_sheetHost != hosts.front())
        textWrapped(ctx.fonts.bold,
                    trf("L’adresse de cet ordinateur a changé ({} → {}) : réimprimez la feuille des stands.",
                        "This computer's address changed ({} → {}): print the stand sheet again.", m_sheetHost, hosts.front()),
                    IM_COL32(0xB0, 0x00, 0x20, 0xFF));
    if (!m_sheetError.empty()) textWrapped(ctx.fonts.bold, m_sheetError, IM_COL32(0xB0, 0x00, 0x20, 0xFF));
    ImGui::Spacing();
    textWrapped(ctx.fonts.regular,
                tr("Si un téléphone n’arrive pas à ouvrir la page : il doit être sur le même Wi-Fi que cet ordinateur (pas en "
                   "données mobiles) ; un réseau invité qui isole les appareils ou un portail captif bloque l’accès ; une box "
                   "grand public sert 15 à 30 appareils.",
                   "If a phone cannot open the page: it must be on the same Wi-Fi as this computer (not on mobile data); a "
                   "guest network that isolates devices, or a captive portal, blocks it; a consumer router serves 15 to 30 devices."));
}

} // namespace atelier
