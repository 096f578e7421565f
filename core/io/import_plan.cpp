#include "io/import_plan.hpp"

#include "engine/engine.hpp"
#include "io/csv_reader.hpp"
#include "io/import_error.hpp"
#include "model/language.hpp"

#include <filesystem>

namespace atelier {

std::string ImportSummary::text() const {
    std::string out = trf("Fichier lu : {}, séparateur {}, {} ligne(s) de données.\n",
                          "File read: {}, {} separator, {} data row(s).\n", describeSource(source),
                          describeSeparator(separator), rows);
    if (source == TextSource::Windows1252)
        out += tr("Encodage Windows-1252 détecté et converti en UTF-8 : vérifiez les accents ; à l'avenir, enregistrez "
                  "plutôt en « CSV UTF-8 ».\n",
                  "Windows-1252 encoding detected and converted to UTF-8: check the accents; next time, save as "
                  "\"CSV UTF-8\" instead.\n");
    if (teams) {
        out += trf("Équipes : {} créée(s), {} mise(s) à jour, {} inchangée(s).\n",
                   "Teams: {} created, {} updated, {} unchanged.\n", created, updated, unchanged);
        out += trf("Membres : {} ajouté(s), {} mis à jour, {} inchangé(s).\n",
                   "Members: {} added, {} updated, {} unchanged.\n", membersCreated, membersUpdated, membersUnchanged);
    } else {
        out += trf("Défis : {} créé(s), {} mis à jour, {} inchangé(s).\n", "Défis: {} created, {} updated, {} unchanged.\n",
                   created, updated, unchanged);
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
