// import, export, template, search: spreadsheets in, reports and bundles out, search across
// an event. The work is in core/io and core/search; this file parses arguments and prints.
#include "cli/cli.hpp"

#include "model/clock.hpp"
#include "engine/engine.hpp"
#include "model/errors.hpp"
#include "io/bundle.hpp"
#include "io/export.hpp"
#include "io/import_challenges.hpp"
#include "io/import_teams.hpp"
#include "model/language.hpp"
#include "io/search.hpp"

#include <filesystem>
#include <cstdlib>
#include <iostream>
#include <memory>

namespace atelier {

namespace {

int importDefis(const std::string& db, const std::string& file) {
    SystemClock clock;
    auto engine = Engine::open(db, clock);
    ImportSummary summary = importChallengesFile(*engine, file);
    std::cout << summary.text();
    return 0;
}

int importTeams(const std::string& db, const std::string& file) {
    SystemClock clock;
    auto engine = Engine::open(db, clock);
    ImportSummary summary = importTeamsFile(*engine, file);
    std::cout << summary.text();
    return 0;
}

int importBundleCommand(const std::string& db, const std::string& file) {
    auto store = importBundleFile(db, file);
    EventState s = store->loadAll();
    std::cout << trf("Événement « {} » créé dans {} depuis {} : {}, {}, {}, {}, {}.\n",
                     "Event \"{}\" created in {} from {}: {}, {}, {}, {}, {}.\n", s.event.name, db, file,
                     countOf(static_cast<long long>(s.challenges.size()), "défi", "défis", "défi", "défis"), countOf(static_cast<long long>(s.teams.size()), "équipe", "équipes", "team", "teams"), countOf(static_cast<long long>(s.notes.size()), "post-it", "post-its", "note", "notes"),
                     countOf(static_cast<long long>(s.prototypes.size()), "prototype", "prototypes", "prototype", "prototypes"), countOf(static_cast<long long>(s.feedback.size()), "retour", "retours", "feedback", "feedback"));
    return 0;
}

int writeTemplate(const std::string& kind, const std::string& out) {
    std::error_code ec;
    if (std::filesystem::exists(out, ec))
        throw FileError(trf("« {} » existe déjà : Atelier n'écrase pas un fichier (ce pourrait être un tableau rempli). "
                            "Choisissez un autre nom.",
                            "\"{}\" already exists: Atelier does not overwrite a file (it could be a filled-in table). "
                            "Choose another name.",
                            out));
    writeFileAtomically(out, kind == "defis" ? challengeTemplate() : teamTemplate());
    std::cout << trf("Modèle écrit dans {} (UTF-8, séparateur point-virgule) : remplissez-le dans votre tableur, "
                     "enregistrez en CSV, puis « atelier import {} ÉVÉNEMENT {} ».\n",
                     "Template written to {} (UTF-8, semicolon separator): fill it in your spreadsheet, save as CSV, "
                     "then \"atelier import {} EVENT {}\".\n",
                     out, kind, out);
    return 0;
}

// A team's board as the room sees it on the projector (hidden notes stay blank), 1920x1080.
int exportBoardPng(const std::string& db, const std::string& team, const std::string& out) {
    if (!boardPngRenderer())
        throw ValidationError(tr("Cette version d'Atelier a été construite sans l'interface graphique : l'export PNG n'y est pas disponible.",
                                 "This Atelier was built without the desktop interface: PNG export is not available."));
    if (team.empty())
        throw ValidationError(tr("Précisez le mur à exporter avec --team (numéro du défi ou nom de l'équipe).",
                                 "Say which board to export with --team (the défi's number or the team's name)."));
    SystemClock clock;
    int number = 0;
    {
        auto engine = Engine::open(db, clock, OpenMode::ReadOnly);
        const Team* t = engine->state().teamByReference(team);
        if (!t)
            throw ValidationError(trf("Aucune équipe « {} » : donnez le numéro du défi ou le nom de l'équipe.",
                                      "No team \"{}\": give the défi's number or the team's name.", team));
        const Challenge* c = engine->state().find<Challenge>(t->challengeId);
        if (!c)
            throw ValidationError(trf("L'équipe « {} » n'a pas de défi : l'export PNG désigne un mur par son défi.",
                                      "Team \"{}\" has no défi: PNG export names a board by its défi.", t->name));
        number = c->number;
    }
    if (!std::getenv("DISPLAY") && !std::getenv("WAYLAND_DISPLAY"))
        throw ValidationError(tr("L'export PNG dessine le mur et demande un écran : lancez-le sous « xvfb-run -a » sur un serveur.",
                                 "PNG export draws the board and needs a display: run it under \"xvfb-run -a\" on a server."));
    int code = boardPngRenderer()(db, number, out);
    if (code == 0) std::cout << tr("Écrit : ", "Written: ") << out << "\n";
    return code;
}

int exportCommand(const std::string& db, const std::string& formatName, const std::string& out, bool withNames,
                  const std::string& team) {
    if (formatName == "png") return exportBoardPng(db, team, out);
    auto format = exportFormatFromName(formatName);
    if (!format)
        throw ValidationError(trf("Format « {} » inconnu. Formats disponibles : md, html, csv, json, png.",
                                  "Unknown format \"{}\". Available formats: md, html, csv, json, png.", formatName));
    SystemClock clock;
    auto engine = Engine::open(db, clock, OpenMode::ReadOnly);
    ExportResult result = exportEvent(engine->store(), *format, out, ReportOptions{withNames});
    for (const auto& path : result.written) std::cout << tr("Écrit : ", "Written: ") << path << "\n";
    if (!withNames && *format != ExportFormat::Json)
        std::cout << tr("Sans les noms des personnes (ajoutez --with-names pour les inclure).\n",
                        "Without people's names (add --with-names to include them).\n");
    return 0;
}

std::string kindLabel(SearchKind kind) {
    switch (kind) {
    case SearchKind::Challenge: return tr("défi", "défi");
    case SearchKind::Note: return "post-it";
    case SearchKind::Prototype: return "prototype";
    case SearchKind::Feedback: return tr("retour", "feedback");
    }
    return {};
}

int searchCommand(const std::string& db, const std::string& terms, int limit) {
    SystemClock clock;
    auto engine = Engine::open(db, clock, OpenMode::ReadOnly);
    auto hits = searchEvent(engine->store(), terms, limit);
    if (hits.empty()) {
        std::cout << trf("Aucun résultat pour « {} ».\n", "No results for \"{}\".\n", terms);
        return 0;
    }
    const EventState& s = engine->state();
    for (const auto& hit : hits) {
        std::string where = kindLabel(hit.kind);
        if (const Team* team = hit.teamId ? s.find<Team>(hit.teamId) : nullptr) where += " · " + team->name;
        if (!hit.title.empty()) where += " · " + hit.title;
        // Every match in [brackets], inserted from the last so the earlier offsets hold.
        std::string snippet = hit.snippet;
        for (auto m = hit.matches.rbegin(); m != hit.matches.rend(); ++m) {
            snippet.insert(m->start + m->length, "]");
            snippet.insert(m->start, "[");
        }
        std::cout << "[" << where << "] " << snippet << "  (id " << hit.id.str() << ")\n";
    }
    return 0;
}

} // namespace

void registerIoCommands(CLI::App& app, CliRun& run) {
    {
        auto* cmd = app.add_subcommand("import", "Importe des défis, des équipes (CSV) ou un paquet JSON / import défis, "
                                                 "teams (CSV) or a JSON bundle");
        cmd->require_subcommand(1);
        auto db = std::make_shared<std::string>();
        auto file = std::make_shared<std::string>();
        auto* defis = cmd->add_subcommand("defis", "Défis depuis un CSV (une ligne par défi) / défis from a CSV");
        defis->add_option("DB", *db, "fichier d'événement / event file")->required();
        defis->add_option("FILE", *file, "fichier CSV / CSV file")->required();
        defis->callback([&run, db, file] { run.command = [db, file] { return importDefis(*db, *file); }; });
        auto* teams = cmd->add_subcommand("teams", "Équipes et membres depuis un CSV (une ligne par membre) / teams and "
                                                   "members from a CSV");
        teams->alias("equipes");
        teams->add_option("DB", *db, "fichier d'événement / event file")->required();
        teams->add_option("FILE", *file, "fichier CSV / CSV file")->required();
        teams->callback([&run, db, file] { run.command = [db, file] { return importTeams(*db, *file); }; });
        auto* bundle = cmd->add_subcommand("bundle", "Crée un événement depuis un paquet JSON / create an event from a "
                                                     "JSON bundle");
        bundle->add_option("DB", *db, "fichier d'événement à créer / event file to create")->required();
        bundle->add_option("FILE", *file, "paquet JSON / JSON bundle")->required();
        bundle->callback([&run, db, file] { run.command = [db, file] { return importBundleCommand(*db, *file); }; });
    }
    {
        auto* cmd = app.add_subcommand("template", "Écrit un modèle CSV vide / write an empty CSV template");
        auto kind = std::make_shared<std::string>();
        auto out = std::make_shared<std::string>();
        cmd->add_option("KIND", *kind, "defis | teams")->required()->check(CLI::IsMember({"defis", "teams"}));
        cmd->add_option("OUT", *out, "fichier CSV à créer / CSV file to create")->required();
        cmd->callback([&run, kind, out] { run.command = [kind, out] { return writeTemplate(*kind, *out); }; });
    }
    {
        auto* cmd = app.add_subcommand("export", "Restitution (md, html), tableaux (csv), paquet (json) ou mur (png) / "
                                                 "report, tables, bundle or a team's board");
        auto db = std::make_shared<std::string>();
        auto format = std::make_shared<std::string>();
        auto out = std::make_shared<std::string>();
        auto withNames = std::make_shared<bool>(false);
        cmd->add_option("DB", *db, "fichier d'événement / event file")->required();
        cmd->add_option("--format", *format, "md | html | csv (un dossier / a folder) | json | png (un mur / a board)")->required();
        cmd->add_option("--out", *out, "fichier ou dossier à écrire / file or folder to write")->required();
        auto team = std::make_shared<std::string>();
        cmd->add_option("--team", *team, "avec --format png : le mur de cette équipe (numéro du défi ou nom) / with png: this team's board");
        cmd->add_flag("--with-names", *withNames,
                      "inclut les noms des personnes (membres, auteurs, visiteurs) / include people's names");
        cmd->callback([&run, db, format, out, withNames, team] {
            run.command = [db, format, out, withNames, team] { return exportCommand(*db, *format, *out, *withNames, *team); };
        });
    }
    {
        auto* cmd = app.add_subcommand("search", "Cherche dans les post-its, prototypes, retours et défis / search notes, "
                                                 "prototypes, feedback and défis");
        auto db = std::make_shared<std::string>();
        auto terms = std::make_shared<std::string>();
        auto limit = std::make_shared<int>(20);
        cmd->add_option("DB", *db, "fichier d'événement / event file")->required();
        cmd->add_option("TERMS", *terms, "mots cherchés (sans souci des accents) / words (accents optional)")->required();
        cmd->add_option("--limit", *limit, "nombre maximal de résultats / most results (20)");
        cmd->callback([&run, db, terms, limit] {
            run.command = [db, terms, limit] { return searchCommand(*db, *terms, *limit); };
        });
    }
}

} // namespace atelier
