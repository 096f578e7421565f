// generate: a synthetic event at a multiple of the CNFPT scale, for benchmarks.
#include "cli/cli.hpp"

#include "generate.hpp"
#include "model/language.hpp"

#include <chrono>
#include <iostream>

namespace atelier {

void registerGenerateCommand(CLI::App& app, CliRun& run) {
    auto* cmd = app.add_subcommand("generate", "Crée un événement de test à grande échelle / create a large synthetic event");
    auto path = std::make_shared<std::string>();
    auto options = std::make_shared<GenerateOptions>();
    cmd->add_option("DB", *path, "fichier à créer / file to create")->required();
    cmd->add_option("--scale", options->scale, "multiple de l'échelle CNFPT (14 équipes, 5 000 post-its) / multiple of the CNFPT scale")
        ->check(CLI::Range(1, 100));
    cmd->add_option("--seed", options->seed, "graine du tirage / random seed");
    cmd->add_option("--board", options->boardNotes,
                    "le mur de l'équipe 1 ne porte que N post-its en grille (bancs d'essai) / team 1's board holds only N notes in a grid (benchmarks)")
        ->check(CLI::Range(0, 100000));
    cmd->add_option("--photos", options->photosPerPrototype, "photos par prototype (1600 × 1200, JPEG) / photos per prototype")
        ->check(CLI::Range(0, 10));
    cmd->callback([&run, path, options] {
        run.command = [=] {
            auto t0 = std::chrono::steady_clock::now();
            GenerateCounts c = generateEvent(*path, *options);
            double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
            std::string photos = c.photos ? trf(", {} photos", ", {} photos", c.photos) : std::string();
            std::cout << trf("{} : {} équipes, {} post-its, {} votes, {} prototypes, {} retours{} ({:.2f} s).",
                             "{}: {} teams, {} notes, {} votes, {} prototypes, {} feedback entries{} ({:.2f} s).", *path,
                             c.teams, c.notes, c.votes, c.prototypes, c.feedback, photos, seconds)
                      << "\n";
            return 0;
        };
    });
}

} // namespace atelier
