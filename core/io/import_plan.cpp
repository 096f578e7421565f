#include "io/import_plan.hpp"

#include "engine/engine.hpp"
#include "io/csv_reader.hpp"
#include "io/import_error.hpp"
#include "model/language.hpp"

#include <filesystem>

namespace atelier {

std::string ImportSummary::text() const {
    std::string out = trf("Fichier lu : {}, séparateur {}, {} de données.\n", "File read: {}, {} separator, {} of data.\n",
                          describeSource(source), describeSeparator(separator), countOf(rows, "ligne", "lignes", "row", "rows"));
    if (source == TextSource::Windows1252)
        out += tr("Encodage Windows-1252 détecté et converti en UTF-8 : vérifiez les accents ; à l'avenir, enregistrez "
                  "plutôt en « CSV UTF-8 ».\n",
                  "Windows-1252 encoding detected and converted to UTF-8: check the accents; next time, save as "
                  "\"CSV UTF-8\" instead.\n");
    const bool fr = messageLanguage() == Language::French;
    auto counted = [](long long n, std::string_view one, std::string_view many) {
        return std::to_string(n) + " " + std::string(singularFor(n) ? one : many);
    };
    if (teams) {
        out += trf("Équipes : {}, {}, {}.\n", "Teams: {} created, {} updated, {} unchanged.\n",
                   fr ? counted(created, "créée", "créées") : std::to_string(created),
                   fr ? counted(updated, "mise à jour", "mises à jour") : std::to_string(updated),
                   fr ? counted(unchanged, "inchangée", "inchangées") : std::to_string(unchanged));
        out += trf("Membres : {}, {}, {}.\n", "Members: {} added, {} updated, {} unchanged.\n",
                   fr ? counted(membersCreated, "ajouté", "ajoutés") : std::to_string(membersCreated),
                   fr ? counted(membersUpdated, "mis à jour", "mis à jour") : std::to_string(membersUpdated),
                   fr ? counted(membersUnchanged, "inchangé", "inchangés") : std::to_string(membersUnchanged));
    } else {
        out += trf("Défis : {}, {}, {}.\n", "Défis: {} created, {} updated, {} unchanged.\n",
                   fr ? counted(created, "créé", "créés") : std::to_string(created),
                   fr ? counted(updated, "mis à jour", "mis à jour") : std::to_string(updated),
                   fr ? counted(unchanged, "inchangé", "inchangés") : std::to_string(unchanged));
    }
    if (!unknownColumns.empty()) {
        std::string list;
        for (const auto& c : unknownColumns) list += (list.empty() ? "« " : ", « ") + c + " »";
        out += trf("Colonnes ignorées (non reconnues) : {}.\n", "Ignored columns (not recognised): {}.\n", list);
    }
    return out;
}

ImportSummary applyImport(Engine& engine, const ImportPlan& plan) {
    if (plan.actions.empty()) return plan.summary;
    try {
        engine.applyBatch(plan.actions, plan.description);
    } catch (const ImportError&) {
        throw;
    } catch (const ValidationError& e) {
        // The plan checks rows one by one; this is a rule only the whole batch could break.
        throw ImportError(trf("Import refusé, rien n'a été modifié : {}", "Import refused, nothing was changed: {}", e.what()));
    }
    return plan.summary;
}

namespace importing {

void fail(int line, const std::string& column, const std::string& message) {
    if (column.empty())
        throw ImportError(trf("Ligne {} : {}", "Line {}: {}", line, message), line);
    throw ImportError(trf("Ligne {}, colonne « {} » : {}", "Line {}, column \"{}\": {}", line, column, message), line, column);
}

std::string fileName(const std::string& path) { return std::filesystem::path(path).filename().string(); }

} // namespace importing

} // namespace atelier
