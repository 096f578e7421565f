// copy and merge: several laptops, one event.
#include "cli/cli.hpp"

#include "model/clock.hpp"
#include "engine/engine.hpp"
#include "model/errors.hpp"
#include "model/language.hpp"
#include "sync/merge_report.hpp"
#include "sync/replica.hpp"

#include <iostream>

namespace atelier {

namespace {

int runCopy(const std::string& source, const std::string& destination, const std::string& team, const std::string& label) {
    Id teamId;
    std::string teamName;
    if (!team.empty()) {
        SystemClock clock;
        auto engine = Engine::open(source, clock, OpenMode::ReadOnly);
        const Team* t = engine->state().teamByReference(team);
        if (!t)
            throw ValidationError(trf("Aucune équipe « {} » dans {} : donnez le numéro du défi, le nom ou l'identifiant de l'équipe.",
                                      "No team \"{}\" in {}: give the défi's number, the team's name or its id.", team, source));
        teamId = t->id;
        teamName = t->name;
    }
    copyEventFile(source, destination, label.empty() ? teamName : label, teamId);
    std::cout << (teamName.empty() ? trf("Copie écrite dans {}.", "Copy written to {}.", destination)
                                   : trf("Copie pour « {} » écrite dans {}.", "Copy for \"{}\" written to {}.", teamName, destination))
              << "\n";
    return 0;
}

int runMerge(const std::string& into, const std::vector<std::string>& sources) {
    SystemClock clock;
    auto engine = Engine::open(into, clock);
    EventState before = engine->state();
    // One transaction for every copy: all merged, or none (a refused copy, a killed process).
    MergeReport report = engine->mergeFrom(sources);
    std::string names;
    for (const auto& from : sources) names += (names.empty() ? "" : ", ") + from;
    std::cout << formatMergeReport(names, report, before, engine->state());
    return 0;
}

} // namespace

void registerMergeCommands(CLI::App& app, CliRun& run) {
    {
        auto* cmd = app.add_subcommand("copy", "Copie un événement pour un ordinateur d'équipe / copy an event for a team's laptop");
        auto source = std::make_shared<std::string>(), destination = std::make_shared<std::string>();
        auto team = std::make_shared<std::string>(), label = std::make_shared<std::string>();
        cmd->add_option("EVENT", *source, "fichier de l'événement / event file")->required();
        cmd->add_option("COPY", *destination, "copie à écrire / copy to write")->required();
        cmd->add_option("--team", *team, "équipe de cet ordinateur (numéro du défi, nom ou identifiant) / this laptop's team");
        cmd->add_option("--label", *label, "nom de la copie / the copy's label");
        cmd->callback([&run, source, destination, team, label] {
            run.command = [=] { return runCopy(*source, *destination, *team, *label); };
        });
    }
    {
        auto* cmd = app.add_subcommand("merge", "Fusionne des copies d'équipe dans un événement / merge team copies into an event");
        auto into = std::make_shared<std::string>();
        auto sources = std::make_shared<std::vector<std::string>>();
        cmd->add_option("INTO", *into, "événement qui reçoit / event receiving the changes")->required();
        cmd->add_option("FROM", *sources, "copies à fusionner / copies to merge")->required();
        cmd->callback([&run, into, sources] { run.command = [=] { return runMerge(*into, *sources); }; });
    }
}

} // namespace atelier
