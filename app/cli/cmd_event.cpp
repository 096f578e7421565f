// new, demo, info, check, actions: creating and inspecting event files.
#include "cli/cli.hpp"

#include "actions/action_json.hpp"
#include "model/clock.hpp"
#include "demo.hpp"
#include "engine/engine.hpp"
#include "model/errors.hpp"
#include "storage/atomic_create.hpp"
#include "storage/content_check.hpp"
#include "storage/event_file.hpp"
#include "model/language.hpp"
#include "storage/schema.hpp"
#include "summary.hpp"
#include "sync/replica.hpp"

#include <SQLiteCpp/Exception.h>

#include <iostream>

namespace atelier {

namespace {

int runNew(const std::string& path, const EventInfo& info, bool review) {
    SystemClock clock;
    if (review) {
        // One step: built beside its name and marked as a review file before it is renamed into
        // place, so no kill can leave an ordinary event where the review file should be.
        auto built = Engine::createBeside(path, info, clock);
        try {
            markAsReviewFile(built->store());
        } catch (...) {
            built.reset();
            discardBuilt(path);
            throw;
        }
        auto engine = Engine::publish(std::move(built), path, clock);
        std::cout << trf("Fichier de revue « {} » créé dans {} : fusionnez-y le fichier de chaque site (atelier merge {} site.db).",
                         "Review file \"{}\" created in {}: merge each site's file into it (atelier merge {} site.db).",
                         engine->state().event.name, path, path)
                  << "\n";
        return 0;
    }
    auto engine = Engine::create(path, info, clock);
    std::cout << trf("Événement « {} » créé dans {}.", "Event \"{}\" created in {}.", engine->state().event.name, path) << "\n";
    return 0;
}

int runDemo(const std::string& path) {
    SystemClock clock;
    auto engine = createDemoEvent(path, clock);
    const auto& s = engine->state();
    std::cout << trf("Événement de démonstration « {} » créé dans {} : {}, {}, {}.",
                     "Demo event \"{}\" created in {}: {}, {}, {}.", s.event.name, path, countOf(static_cast<long long>(s.challenges.size()), "défi", "défis", "défi", "défis"),
                     countOf(static_cast<long long>(s.teams.size()), "équipe", "équipes", "team", "teams"), countOf(static_cast<long long>(s.slots.size()), "créneau", "créneaux", "slot", "slots"))
              << "\n";
    return 0;
}

int runInfo(const std::string& path) {
    SystemClock clock;
    auto engine = Engine::open(path, clock, OpenMode::ReadOnly);
    std::cout << eventSummary(engine->state(), clock.now());
    return 0;
}

// Schema version, SQLite's integrity and foreign-key checks, and whether the content loads.
int runCheck(const std::string& path) {
    SystemClock clock;
    auto engine = Engine::open(path, clock, OpenMode::ReadOnly);
    auto& db = engine->store().db();
    bool ok = true;
    std::cout << trf("Fichier : {}\nSchéma : version {} (cette version d'Atelier : {})\n",
                     "File: {}\nSchema: version {} (this Atelier: {})\n", path, engine->store().schemaVersion(),
                     currentSchemaVersion());
    SQLite::Statement integrity(db, "PRAGMA integrity_check");
    std::string integrityResult;
    while (integrity.executeStep()) integrityResult += integrity.getColumn(0).getString() + "\n";
    bool intact = integrityResult == "ok\n";
    ok = ok && intact;
    std::cout << tr("Intégrité : ", "Integrity: ") << (intact ? "ok\n" : integrityResult);
    SQLite::Statement foreignKeys(db, "PRAGMA foreign_key_check");
    int broken = 0;
    while (foreignKeys.executeStep()) ++broken;
    ok = ok && broken == 0;
    std::cout << tr("Références : ", "References: ")
              << (broken == 0 ? std::string("ok") : (countOf(broken, "lien", "liens", "broken link", "broken links") +
                                                    std::string(messageLanguage() == Language::French ? (singularFor(broken) ? " cassé" : " cassés") : ""))) << "\n";
    // The rows against Atelier's rules, by SQL queries written apart from the validation code.
    std::vector<RuleBreak> breaks = findRuleBreaks(db);
    std::cout << tr("Règles : ", "Rules: ")
              << (breaks.empty() ? std::string("ok")
                                 : trf("{} hors des règles d'Atelier", "{} breaking Atelier's rules",
                                       countOf(static_cast<long long>(breaks.size()), "ligne", "lignes", "row", "rows")))
              << "\n";
    for (const RuleBreak& b : breaks) std::cout << "  " << b.text() << "\n";
    bool followsRules = breaks.empty();
    if (isOnNetworkFilesystem(path))
        std::cout << tr("Attention : fichier sur un partage réseau ; le verrouillage de SQLite n'y est pas fiable. "
                        "Copiez-le sur le disque local.\n",
                        "Warning: file on a network share; SQLite's locking is not reliable there. Copy it to a local disk.\n");
    if (!ok)
        std::cout << tr("Résultat : ABÎMÉ — restaurez une sauvegarde\n", "Result: DAMAGED — restore a backup\n");
    else if (!followsRules)
        std::cout << tr("Résultat : intact, mais des lignes enfreignent les règles d'Atelier (fichier d'une ancienne version "
                        "ou modifié à la main) : corrigez-les dans Atelier, ou restaurez une sauvegarde.\n",
                        "Result: intact, but rows break Atelier's rules (a file from an older version or edited by hand): "
                        "fix them in Atelier, or restore a backup.\n");
    else
        std::cout << tr("Résultat : bon\n", "Result: good\n");
    return ok && followsRules ? 0 : 1;
}

int runActions(bool markdown) {
    for (const auto& doc : actionReference()) {
        if (markdown) {
            std::cout << "- `" << doc.name << "`" << (doc.undoable ? "" : " (not undoable)") << ":";
            for (const auto& f : doc.fields)
                std::cout << " `" << f.name << "`" << (f.required ? "" : "?") << " (" << f.type << ")"
                          << (&f == &doc.fields.back() ? "" : ",");
            std::cout << "\n";
        } else {
            std::cout << doc.name << (doc.undoable ? "" : "  [not undoable]") << "\n";
            for (const auto& f : doc.fields)
                std::cout << "    " << f.name << (f.required ? "" : " (optional)") << ": " << f.type << "\n";
        }
    }
    return 0;
}

} // namespace

void registerEventCommands(CLI::App& app, CliRun& run) {
    {
        auto* cmd = app.add_subcommand("new", "Crée un événement vide / create an empty event");
        auto path = std::make_shared<std::string>();
        auto info = std::make_shared<EventInfo>();
        cmd->add_option("DB", *path, "fichier à créer / file to create")->required();
        cmd->add_option("--name", info->name, "nom de l'événement / event name")->required();
        cmd->add_option("--organiser", info->organiser, "organisateur / organiser");
        cmd->add_option("--place", info->place, "lieu / place");
        cmd->add_option("--tz", info->timeZone, "fuseau IANA / IANA time zone (Europe/Paris)");
        cmd->add_option("--from", info->firstDay, "premier jour / first day (YYYY-MM-DD)");
        cmd->add_option("--to", info->lastDay, "dernier jour / last day (YYYY-MM-DD)");
        auto review = std::make_shared<bool>(false);
        cmd->add_flag("--review", *review, "fichier de revue nationale, qui réunit des sites / national review file gathering sites");
        cmd->callback([&run, path, info, review] { run.command = [path, info, review] { return runNew(*path, *info, *review); }; });
    }
    {
        auto* cmd = app.add_subcommand("demo", "Crée l'événement de démonstration (Rennes 2018) / create the demo event");
        auto path = std::make_shared<std::string>();
        cmd->add_option("DB", *path, "fichier à créer / file to create")->required();
        cmd->callback([&run, path] { run.command = [path] { return runDemo(*path); }; });
    }
    {
        auto* cmd = app.add_subcommand("info", "Résumé lisible d'un événement / readable summary of an event");
        auto path = std::make_shared<std::string>();
        cmd->add_option("DB", *path, "fichier d'événement / event file")->required();
        cmd->callback([&run, path] { run.command = [path] { return runInfo(*path); }; });
    }
    {
        auto* cmd = app.add_subcommand("check", "Vérifie un fichier d'événement / check an event file");
        auto path = std::make_shared<std::string>();
        cmd->add_option("DB", *path, "fichier d'événement / event file")->required();
        cmd->callback([&run, path] { run.command = [path] { return runCheck(*path); }; });
    }
    {
        auto* cmd = app.add_subcommand("actions", "Liste les actions de « apply » / list the actions of \"apply\"");
        auto markdown = std::make_shared<bool>(false);
        cmd->add_flag("--markdown", *markdown, "format Markdown");
        cmd->callback([&run, markdown] { run.command = [markdown] { return runActions(*markdown); }; });
    }
}

} // namespace atelier
