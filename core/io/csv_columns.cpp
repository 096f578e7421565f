#include "io/csv_columns.hpp"

#include "io/import_error.hpp"
#include "io/text_fold.hpp"
#include "model/language.hpp"

#include <algorithm>

namespace atelier {

namespace {

std::string trimmed(const std::string& s) {
    std::size_t from = s.find_first_not_of(" \t\r\n");
    if (from == std::string::npos) return {};
    std::size_t to = s.find_last_not_of(" \t\r\n");
    return s.substr(from, to - from + 1);
}

std::string quotedList(const std::vector<std::string>& names) {
    std::string out;
    for (const auto& n : names) out += (out.empty() ? "« " : ", « ") + n + " »";
    return out;
}

} // namespace

ColumnMatch matchColumns(const CsvTable& table, const std::vector<ColumnSpec>& specs) {
    ColumnMatch match;
    match.columnOf.assign(specs.size(), -1);
    const CsvRecord& header = table.header;
    for (std::size_t col = 0; col < header.fields.size(); ++col) {
        std::string name = trimmed(header.fields[col]);
        match.headers.push_back(name);
        if (name.empty()) {
            bool used = std::any_of(table.rows.begin(), table.rows.end(), [&](const CsvRecord& r) {
                return col < r.fields.size() && !trimmed(r.fields[col]).empty();
            });
            if (used)
                match.unknown.push_back(trf("colonne {} (sans en-tête)", "column {} (no header)", col + 1));
            continue;
        }
        std::string key = foldKey(name);
        bool known = false;
        for (std::size_t s = 0; s < specs.size() && !known; ++s) {
            if (std::find(specs[s].aliases.begin(), specs[s].aliases.end(), key) == specs[s].aliases.end()) continue;
            known = true;
            if (match.columnOf[s] >= 0)
                throw ImportError(trf("Ligne {} : les colonnes « {} » et « {} » désignent toutes deux « {} ». "
                                      "Gardez-en une seule (renommez ou supprimez l'autre).",
                                      "Line {}: the columns \"{}\" and \"{}\" both mean \"{}\". "
                                      "Keep only one (rename or delete the other).",
                                      header.line, match.header(s), name, specs[s].label),
                                  header.line, name);
            match.columnOf[s] = static_cast<int>(col);
        }
        if (!known) match.unknown.push_back(name);
    }
    for (std::size_t s = 0; s < specs.size(); ++s) {
        if (!specs[s].required || match.columnOf[s] >= 0) continue;
        std::vector<std::string> expected;
        for (const auto& spec : specs) expected.emplace_back(spec.label);
        std::vector<std::string> found;
        for (const auto& h : match.headers)
            if (!h.empty()) found.push_back(h);
        throw ImportError(trf("Ligne {} : colonne « {} » introuvable dans l'en-tête. En-têtes lus : {}. "
                              "Colonnes attendues : {}. (Séparateur détecté : {}.)",
                              "Line {}: column \"{}\" not found in the header. Headers read: {}. "
                              "Expected columns: {}. (Detected separator: {}.)",
                              header.line, specs[s].label, quotedList(found), quotedList(expected),
                              describeSeparator(table.separator)),
                          header.line, std::string(specs[s].label));
    }
    return match;
}

std::string cellOf(const CsvRecord& row, const ColumnMatch& match, std::size_t spec) {
    int col = match.columnOf[spec];
    if (col < 0 || static_cast<std::size_t>(col) >= row.fields.size()) return {};
    return trimmed(row.fields[static_cast<std::size_t>(col)]);
}

std::string templateCsv(const std::vector<ColumnSpec>& specs) {
    std::string out;
    for (const auto& spec : specs)
        if (spec.inTemplate) out += (out.empty() ? "" : ";") + std::string(spec.label);
    return "\xEF\xBB\xBF" + out + "\r\n";
}

} // namespace atelier
