// backup, backups and restore: the rotating backups beside an event file (core/storage/backup.hpp).
#include "cli/cli.hpp"

#include "storage/backup.hpp"
#include "model/clock.hpp"
#include "engine/engine.hpp"
#include "model/errors.hpp"
#include "storage/event_file.hpp"
#include "model/language.hpp"

#include <fmt/format.h>

#include <filesystem>
#include <iostream>

namespace atelier {

namespace {

std::string readableTime(Millis at) {
    std::time_t seconds = static_cast<std::time_t>(at / 1000);
    std::tm tm{};
    gmtime_r(&seconds, &tm);
    char text[32];
    std::strftime(text, sizeof text, "%Y-%m-%d %H:%M:%S UTC", &tm);
    return text;
}

std::string readableSize(std::uintmax_t bytes) {
    if (bytes < 1024 * 1024) return fmt::format("{} Ko", (bytes + 1023) / 1024);
    return fmt::format("{:.1f} Mo", static_cast<double>(bytes) / (1024.0 * 1024.0));
}

// A backup named by its path, or by its file name in the event's backup folder.
std::string resolveBackup(const std::string& event, const std::string& backup) {
    std::error_code ec;
    if (std::filesystem::exists(backup, ec)) return backup;
    std::string inFolder = (std::filesystem::path(backupFolder(event)) / backup).string();
    if (std::filesystem::exists(inFolder, ec)) return inFolder;
    throw FileError(trf("Sauvegarde « {} » introuvable. « atelier backups {} » liste celles qui existent.",
                        "Backup \"{}\" not found. \"atelier backups {}\" lists the existing ones.", backup, event));
}

int runBackup(const std::string& path) {
    SystemClock clock;
    auto engine = Engine::open(path, clock, OpenMode::ReadOnly);
    std::cout << trf("Sauvegarde écrite : {}", "Backup written: {}", writeBackup(engine->store(), clock.now())) << "\n";
    return 0;
}

int runList(const std::string& path) {
    checkEventFile(path); // a clear message for a missing or foreign file
    auto list = listBackups(path);
    if (list.empty()) {
        std::cout << trf("Aucune sauvegarde dans {}.", "No backup in {}.", backupFolder(path)) << "\n";
        return 0;
    }
    std::cout << trf("{} dans {}, la plus récente d'abord :", "{} in {}, newest first:",
                     countOf(static_cast<long long>(list.size()), "sauvegarde", "sauvegardes", "backup", "backups"),
                     backupFolder(path))
              << "\n";
    for (const auto& b : list) {
        std::cout << "  " << b.name << "  " << readableTime(b.takenAt) << "  " << readableSize(b.bytes) << "  ";
        if (!b.error.empty())
            std::cout << trf("illisible : {}", "unreadable: {}", b.error);
        else
            std::cout << trf("{}, {}, {}, {}", "{}, {}, {}, {}", countOf(static_cast<long long>(b.teams), "équipe", "équipes", "team", "teams"), countOf(static_cast<long long>(b.notes), "post-it", "post-its", "note", "notes"),
                             countOf(static_cast<long long>(b.prototypes), "prototype", "prototypes", "prototype", "prototypes"), countOf(static_cast<long long>(b.journalEntries), "modification", "modifications", "change", "changes"));
        std::cout << "\n";
    }
    return 0;
}

int runRestore(const std::string& path, const std::string& backup) {
    SystemClock clock;
    auto engine = Engine::open(path, clock); // refused while another Atelier writes the file
    std::string source = resolveBackup(path, backup);
    std::string safety = engine->restoreBackup(source);
    std::cout << trf("« {} » restauré depuis {}. L'état d'avant est gardé dans {}.",
                     "\"{}\" restored from {}. The state before is kept in {}.", path, source, safety)
              << "\n";
    return 0;
}

} // namespace

void registerBackupCommands(CLI::App& app, CliRun& run) {
    {
        auto* cmd = app.add_subcommand("backup", "Écrit une sauvegarde maintenant / write a backup now");
        auto path = std::make_shared<std::string>();
        cmd->add_option("DB", *path, "fichier d'événement / event file")->required();
        cmd->callback([&run, path] { run.command = [path] { return runBackup(*path); }; });
    }
    {
        auto* cmd = app.add_subcommand("backups", "Liste les sauvegardes d'un événement / list an event's backups");
        auto path = std::make_shared<std::string>();
        cmd->add_option("DB", *path, "fichier d'événement / event file")->required();
        cmd->callback([&run, path] { run.command = [path] { return runList(*path); }; });
    }
    {
        auto* cmd = app.add_subcommand("restore", "Restaure une sauvegarde (l'état actuel est sauvegardé d'abord) / "
                                                  "restore a backup (the current state is backed up first)");
        auto path = std::make_shared<std::string>(), backup = std::make_shared<std::string>();
        cmd->add_option("DB", *path, "fichier d'événement / event file")->required();
        cmd->add_option("BACKUP", *backup, "sauvegarde (chemin ou nom) / backup (path or name)")->required();
        cmd->callback([&run, path, backup] { run.command = [path, backup] { return runRestore(*path, *backup); }; });
    }
}

} // namespace atelier
