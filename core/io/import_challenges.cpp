#include "io/import_challenges.hpp"

#include "rules/text_rules.hpp"

#include "actions/action_context.hpp"
#include "engine/engine.hpp"
#include "io/csv_columns.hpp"
#include "model/language.hpp"

#include <map>

namespace atelier {

namespace {

enum Field { Number, Question, Owner, Territory, Stakes, Stakeholders, Obstacles, Levers, Theme, Link };

const std::vector<ColumnSpec>& specs() {
    static const std::vector<ColumnSpec> list{
        {"N°", {"n", "no", "num", "numero", "number", "nr", "nb", "ndefi", "nodefi", "numdefi", "numerodefi", "numerodudefi",
                "defin", "defino", "defnum", "challengenumber", "challengeno"}, true},
        {"Intitulé", {"intitule", "intituledudefi", "intituledefi", "question", "questiondudefi", "defi", "libelle", "titre",
                      "title", "challenge", "enonce", "probleme", "problematique"}, true},
        {"Porteur", {"porteur", "porteurs", "porteuse", "porteurdudefi", "porteurdefi", "collectivite", "collectiviteporteuse",
                     "structureporteuse", "owner", "challengeowner"}},
        {"Territoire", {"territoire", "territoires", "territory", "lieu", "commune", "ville"}},
        {"Enjeux", {"enjeux", "enjeu", "stakes", "stake", "issues"}},
        {"Parties prenantes", {"partiesprenantes", "partieprenante", "usagers", "usager", "partiesprenantesusagers",
                               "usagerspartiesprenantes", "publics", "public", "publiccible", "stakeholders", "users"}},
        {"Obstacles", {"obstacles", "obstacle", "freins", "frein", "difficultes", "blocages"}},
        {"Leviers", {"leviers", "levier", "levers", "lever", "ressources"}},
        {"Thème", {"theme", "themes", "thematique", "topic", "domaine"}},
        {"Lien", {"lien", "liens", "url", "link", "site", "siteweb"}},
    };
    return list;
}

// "3", "03", "n°3", "Défi 3": the one run of digits in the cell.
std::optional<int> parseNumber(const std::string& text) {
    std::size_t first = text.find_first_of("0123456789");
    if (first == std::string::npos) return std::nullopt;
    // "-3" is a negative number, not défi 3: refused (a sign right before the digits).
    // ("Défi-3" keeps its meaning: the sign counts only at the start or after a space.)
    if (first > 0 && (text[first - 1] == '-' || text[first - 1] == '+') &&
        (first == 1 || text[first - 2] == ' ' || text[first - 2] == '\t'))
        return std::nullopt;
    std::size_t end = text.find_first_not_of("0123456789", first);
    if (end != std::string::npos && text.find_first_of("0123456789", end) != std::string::npos) return std::nullopt;
    std::string digits = text.substr(first, (end == std::string::npos ? text.size() : end) - first);
    if (digits.size() > 4) return std::nullopt;
    int n = std::stoi(digits);
    if (n < 1) return std::nullopt;
    return n;
}

} // namespace

ImportPlan planChallengeImport(const EventState& state, const CsvTable& table, const std::string& fileName) {
    const auto& spec = specs();
    ColumnMatch match = matchColumns(table, spec);
    ImportPlan plan;
    plan.summary.source = table.source;
    plan.summary.separator = table.separator;
    plan.summary.unknownColumns = match.unknown;
    plan.summary.rows = static_cast<int>(table.rows.size());
    plan.description = fileName.empty() ? tr("Importer des défis", "Import défis")
                                        : trf("Importer les défis de {}", "Import the défis of {}", fileName);

    std::map<int, const Challenge*> byNumber;
    for (const auto& [id, c] : state.challenges)
        if (c.number > 0) byNumber[c.number] = &c;
    std::map<int, int> lineOfNumber; // number → line where the file first gave it

    for (const CsvRecord& row : table.rows) {
        std::string numberText = cellOf(row, match, Number);
        const std::string& numberHeader = match.header(Number);
        if (numberText.empty())
            importing::fail(row.line, numberHeader, tr("numéro de défi manquant.", "défi number missing."));
        auto number = parseNumber(numberText);
        if (!number)
            importing::fail(row.line, numberHeader,
                            trf("« {} » n'est pas un numéro de défi (un entier de 1 à 9999).",
                                "\"{}\" is not a défi number (a whole number from 1 to 9999).", rules::shorten(numberText)));
        if (auto [it, fresh] = lineOfNumber.emplace(*number, row.line); !fresh)
            importing::fail(row.line, numberHeader,
                            trf("le défi n°{} figure déjà ligne {}. Chaque défi occupe une seule ligne.",
                                "défi #{} already appears on line {}. Each défi takes one row.", *number, it->second));

        // The fields this file gives (absent columns leave existing values alone).
        std::array<std::optional<std::string>, 10> values;
        for (std::size_t f = Question; f <= Link; ++f) {
            if (!match.has(f)) continue;
            std::string value = cellOf(row, match, f);
            importing::checked(row.line, match.header(f),
                               [&] { check::text(value, match.header(f), kMaxLongText, f == Question); });
            values[f] = std::move(value);
        }

        auto existing = byNumber.find(*number);
        if (existing == byNumber.end()) {
            AddChallenge add;
            add.id = newId();
            add.number = *number;
            std::string* targets[] = {nullptr, &add.question, &add.owner, &add.territory, &add.stakes,
                                      &add.stakeholders, &add.obstacles, &add.levers, &add.theme, &add.link};
            for (std::size_t f = Question; f <= Link; ++f)
                if (values[f]) *targets[f] = *values[f];
            plan.actions.emplace_back(std::move(add));
            ++plan.summary.created;
            continue;
        }
        const Challenge& c = *existing->second;
        EditChallenge edit;
        edit.challenge = c.id;
        const std::string* current[] = {nullptr, &c.question, &c.owner, &c.territory, &c.stakes,
                                        &c.stakeholders, &c.obstacles, &c.levers, &c.theme, &c.link};
        std::optional<std::string>* targets[] = {nullptr, &edit.question, &edit.owner, &edit.territory, &edit.stakes,
                                                 &edit.stakeholders, &edit.obstacles, &edit.levers, &edit.theme, &edit.link};
        bool changed = false;
        for (std::size_t f = Question; f <= Link; ++f) {
            if (values[f] && *values[f] != *current[f]) {
                *targets[f] = *values[f];
                changed = true;
            }
        }
        if (changed) {
            plan.actions.emplace_back(std::move(edit));
            ++plan.summary.updated;
        } else {
            ++plan.summary.unchanged;
        }
    }
    return plan;
}

ImportSummary importChallengesFile(Engine& engine, const std::string& path) {
    CsvTable table = readCsvFile(path);
    return applyImport(engine, planChallengeImport(engine.state(), table, importing::fileName(path)));
}

std::string challengeTemplate() { return templateCsv(specs()); }

} // namespace atelier
