// apply: actions as JSON lines on stdin, one transaction and one acknowledgement each.
#include "cli/cli.hpp"

#include "actions/action_json.hpp"
#include "model/clock.hpp"
#include "engine/engine.hpp"
#include "model/errors.hpp"
#include "model/language.hpp"
#include "rules/text_rules.hpp"

#include <cstdio>
#include <iostream>

namespace atelier {

namespace {

using nlohmann::json;

void emit(const json& line) {
    // Printed and flushed only after the commit: an acknowledged action is on disk.
    // replace: a reply is always valid UTF-8, whatever bytes an error message quoted.
    std::string text = line.dump(-1, ' ', false, json::error_handler_t::replace) + "\n";
    std::fwrite(text.data(), 1, text.size(), stdout);
    std::fflush(stdout);
}

json acknowledge(std::size_t lineNumber, const std::string& name, const ActionResult& result) {
    json created = json::array();
    for (Id id : result.created) created.push_back(id.str());
    return json{{"ok", true}, {"line", lineNumber}, {"action", name}, {"created", created}, {"description", result.description}};
}

int runApply(const std::string& path, bool stopOnError) {
    SystemClock clock;
    auto engine = Engine::open(path, clock);
    std::string text;
    std::size_t lineNumber = 0, failures = 0;
    while (std::getline(std::cin, text)) {
        ++lineNumber;
        if (!text.empty() && text.back() == '\r') text.pop_back();
        if (text.find_first_not_of(" \t") == std::string::npos) continue;
        try {
            json object = parseActionLine(text);
            // undo and redo are gestures too: they walk this session's history.
            std::string name = object.is_object() && object.contains("action") && object["action"].is_string()
                                   ? object["action"].get<std::string>() : "";
            if (name == "undo" || name == "redo") {
                ActionResult result;
                result.description = name == "undo" ? engine->undo() : engine->redo();
                if (result.description.empty())
                    throw ValidationError(name == "undo" ? tr("rien à annuler.", "nothing to undo.")
                                                         : tr("rien à rétablir.", "nothing to redo."));
                emit(acknowledge(lineNumber, name, result));
                continue;
            }
            Action action = actionFromJson(object);
            emit(acknowledge(lineNumber, actionName(action), engine->apply(action)));
        } catch (const Error& e) {
            ++failures;
            emit(json{{"ok", false}, {"line", lineNumber}, {"error", trf("ligne {} : {}", "line {}: {}", lineNumber, e.what())}});
            if (stopOnError) break;
        } catch (const std::exception& e) {
            // Whatever else goes wrong with one line (memory, a library's exception) ends that
            // line only: the stream goes on.
            ++failures;
            emit(json{{"ok", false}, {"line", lineNumber},
                      {"error", trf("ligne {} : erreur inattendue ({}), rien n'a été enregistré pour cette ligne.",
                                    "line {}: unexpected error ({}), nothing was saved for this line.", lineNumber,
                                    rules::shorten(e.what(), 160))}});
            if (stopOnError) break;
        }
    }
    return failures == 0 ? 0 : 1;
}

} // namespace

void registerApplyCommand(CLI::App& app, CliRun& run) {
    auto* cmd = app.add_subcommand("apply", "Applique des actions JSON (une par ligne, sur l'entrée standard) / "
                                            "apply JSON actions (one per line, on stdin)");
    auto path = std::make_shared<std::string>();
    auto stop = std::make_shared<bool>(false);
    cmd->add_option("DB", *path, "fichier d'événement / event file")->required();
    cmd->add_flag("--stop-on-error", *stop, "s'arrêter à la première erreur / stop at the first error");
    cmd->callback([&run, path, stop] { run.command = [path, stop] { return runApply(*path, *stop); }; });
}

} // namespace atelier
