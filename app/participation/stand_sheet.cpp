#include "participation/stand_sheet.hpp"

#include "io/report.hpp"
#include "model/errors.hpp"
#include "model/language.hpp"
#include "participation/stand_codes.hpp"
#include "views/qr_code.hpp"

#include <filesystem>
#include <fstream>

namespace atelier {

namespace {

// The QR code as inline SVG with a quiet zone of four modules: crisp when printed, no script.
std::string qrSvg(const std::string& text) {
    QrModules qr = encodeQr(text);
    int total = qr.width + 8;
    std::string svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + std::to_string(total) + " " +
                      std::to_string(total) + "\" shape-rendering=\"crispEdges\"><rect width=\"100%\" height=\"100%\" fill=\"#fff\"/><path d=\"";
    for (int y = 0; y < qr.width; ++y)
        for (int x = 0; x < qr.width; ++x)
            if (qr.dark[static_cast<std::size_t>(y) * qr.width + x])
                svg += "M" + std::to_string(x + 4) + " " + std::to_string(y + 4) + "h1v1h-1z";
    return svg + "\" fill=\"#000\"/></svg>";
}

} // namespace

std::string standSheetHtml(const EventState& state, const ParticipantServer& server, const std::string& host) {
    std::string html = "<!doctype html><html lang=\"fr\"><head><meta charset=\"utf-8\"><title>" +
                       escapeHtml(tr("Stands de l’exposition", "Exhibition stands")) + " — " + escapeHtml(state.event.name) +
                       "</title><style>@page{size:A4;margin:12mm}body{font-family:sans-serif;margin:0}"
                       ".grid{display:grid;grid-template-columns:1fr 1fr;gap:8mm}"
                       ".card{border:1px solid #999;padding:5mm;break-inside:avoid;text-align:center}"
                       ".card svg{width:55mm;height:55mm}h1{font-size:16pt}h2{font-size:13pt;margin:2mm 0}"
                       "p{margin:1mm 0;font-size:10pt;overflow-wrap:anywhere}</style></head><body><h1>" +
                       escapeHtml(state.event.name) + " — " + escapeHtml(tr("retours à l’exposition", "exhibition feedback")) +
                       "</h1><p>" + escapeHtml(tr("Scannez le code pour laisser « J’aime », « Je suggère » ou « Je m’interroge ».",
                                              "Scan the code to leave \"I like\", \"I suggest\" or \"I wonder\".")) +
                       "</p><div class=\"grid\">";
    for (const Team* team : state.teamsInOrder())
        for (const Prototype* p : state.prototypesOfTeam(team->id)) {
            if (p->id != p->lineageId) continue; // one card per prototype, whatever its versions
            std::string url = server.standUrl(host, participation::standCode(state.event, p->lineageId));
            html += "<div class=\"card\"><h2>" + escapeHtml(p->title) + "</h2><p>" + escapeHtml(team->name) + "</p>" + qrSvg(url) +
                    "<p>" + escapeHtml(url) + "</p></div>";
        }
    return html + "</div></body></html>\n";
}

std::string writeStandSheet(const EventState& state, const ParticipantServer& server, const std::string& host,
                            const std::string& eventPath) {
    std::filesystem::path event(eventPath);
    std::filesystem::path out = event.parent_path() / (event.stem().string() + "-stands.html");
    std::ofstream file(out, std::ios::binary | std::ios::trunc);
    std::string html = standSheetHtml(state, server, host);
    file.write(html.data(), static_cast<std::streamsize>(html.size()));
    file.close();
    if (!file)
        throw Error(trf("Impossible d’écrire la feuille des stands {} : vérifiez la place sur le disque et les droits du dossier.",
                        "Cannot write the stand sheet {}: check the disk space and the folder's permissions.", out.string()));
    return out.string();
}

} // namespace atelier
