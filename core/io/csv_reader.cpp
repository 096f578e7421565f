#include "io/csv_reader.hpp"

#include "io/import_error.hpp"
#include "model/language.hpp"

#include <filesystem>
#include <fstream>
#include <sstream>

namespace atelier {

namespace {

// Counts candidate separators outside quotes on the first line; the most frequent wins, ties
// going to `;` (French spreadsheets), then tab, then `,`.
char detectSeparator(std::string_view text) {
    std::size_t semicolons = 0, tabs = 0, commas = 0;
    bool quoted = false;
    for (char c : text) {
        if (c == '"') quoted = !quoted;
        else if (!quoted && (c == '\n' || c == '\r')) break;
        else if (!quoted && c == ';') ++semicolons;
        else if (!quoted && c == '\t') ++tabs;
        else if (!quoted && c == ',') ++commas;
    }
    if (semicolons >= tabs && semicolons >= commas && semicolons > 0) return ';';
    if (tabs >= commas && tabs > 0) return '\t';
    if (commas > 0) return ',';
    return ';';
}

bool blank(const CsvRecord& record) {
    for (const auto& f : record.fields)
        if (f.find_first_not_of(" \t") != std::string::npos) return false;
    return true;
}

class Parser {
public:
    Parser(std::string_view text, char separator, const CsvLimits& limits) : m_text(text), m_sep(separator), m_limits(limits) {}

    void run(CsvTable& table) {
        bool haveHeader = false;
        while (m_pos < m_text.size()) {
            CsvRecord record = next();
            if (blank(record)) continue;
            if (!haveHeader) {
                table.header = std::move(record);
                haveHeader = true;
                continue;
            }
            if (table.rows.size() >= m_limits.maxRows)
                throw ImportError(trf("Ligne {} : le fichier dépasse {} lignes de données, la limite d'un import. "
                                      "Découpez-le en plusieurs fichiers.",
                                      "Line {}: the file has more than {} data rows, the limit of one import. "
                                      "Split it into several files.",
                                      record.line, m_limits.maxRows),
                                  record.line);
            table.rows.push_back(std::move(record));
        }
        if (!haveHeader)
            throw ImportError(tr("Le fichier ne contient aucune ligne : il faut au moins la ligne d'en-tête.",
                                 "The file holds no rows: at least the header row is needed."));
    }

private:
    bool atLineEnd(std::size_t i) const { return m_text[i] == '\n' || m_text[i] == '\r'; }

    // Consumes one line end at m_pos (CRLF, LF or a lone CR).
    void skipLineEnd() {
        if (m_text[m_pos] == '\r' && m_pos + 1 < m_text.size() && m_text[m_pos + 1] == '\n') ++m_pos;
        ++m_pos;
        ++m_line;
    }

    void addChar(std::string& field, char c, int line) {
        if (field.size() >= m_limits.maxFieldBytes)
            throw ImportError(trf("Ligne {} : une cellule dépasse {} Kio. Le fichier est-il bien un tableau de défis ou "
                                  "d'équipes ? Un guillemet non refermé plus haut peut aussi en être la cause.",
                                  "Line {}: a cell exceeds {} KiB. Is the file really a table of défis or teams? "
                                  "An unclosed quote further up can also cause this.",
                                  line, m_limits.maxFieldBytes / 1024),
                              line);
        field += c;
    }

    CsvRecord next() {
        CsvRecord record;
        record.line = m_line;
        while (true) {
            std::string field;
            int fieldLine = m_line;
            if (m_pos < m_text.size() && m_text[m_pos] == '"') {
                ++m_pos;
                bool closed = false;
                while (m_pos < m_text.size()) {
                    char c = m_text[m_pos];
                    if (c == '"') {
                        if (m_pos + 1 < m_text.size() && m_text[m_pos + 1] == '"') {
                            addChar(field, '"', fieldLine);
                            m_pos += 2;
                            continue;
                        }
                        ++m_pos;
                        closed = true;
                        break;
                    }
                    if (atLineEnd(m_pos)) { // a line break inside the cell, kept as \n
                        skipLineEnd();
                        addChar(field, '\n', fieldLine);
                        continue;
                    }
                    addChar(field, c, fieldLine);
                    ++m_pos;
                }
                if (!closed)
                    throw ImportError(trf("Ligne {} : une cellule commence par un guillemet (\") qui n'est jamais refermé. "
                                          "Ajoutez le guillemet fermant, ou doublez-le (\"\") s'il fait partie du texte.",
                                          "Line {}: a cell starts with a quote (\") that is never closed. "
                                          "Add the closing quote, or double it (\"\") if it is part of the text.",
                                          fieldLine),
                                      fieldLine);
            }
            // Unquoted text, or what follows a closing quote (kept, as spreadsheets do).
            while (m_pos < m_text.size() && m_text[m_pos] != m_sep && !atLineEnd(m_pos)) {
                addChar(field, m_text[m_pos], fieldLine);
                ++m_pos;
            }
            record.fields.push_back(std::move(field));
            if (record.fields.size() > m_limits.maxColumns)
                throw ImportError(trf("Ligne {} : plus de {} colonnes. Le séparateur détecté est-il le bon ?",
                                      "Line {}: more than {} columns. Is the detected separator the right one?",
                                      record.line, m_limits.maxColumns),
                                  record.line);
            if (m_pos >= m_text.size()) return record;
            if (m_text[m_pos] == m_sep) {
                ++m_pos;
                continue;
            }
            skipLineEnd();
            return record;
        }
    }

    std::string_view m_text;
    char m_sep;
    const CsvLimits& m_limits;
    std::size_t m_pos = 0;
    int m_line = 1;
};

} // namespace

CsvTable readCsv(std::string_view bytes, const CsvLimits& limits) {
    if (bytes.size() > limits.maxBytes)
        throw ImportError(trf("Le fichier fait {} Mio, plus que les {} Mio qu'accepte un import. Découpez-le.",
                              "The file is {} MiB, more than the {} MiB an import accepts. Split it.",
                              bytes.size() >> 20, limits.maxBytes >> 20));
    DecodedText decoded = decodeSpreadsheetText(bytes);
    CsvTable table;
    table.source = decoded.source;
    table.separator = detectSeparator(decoded.utf8);
    Parser(decoded.utf8, table.separator, limits).run(table);
    return table;
}

CsvTable readCsvFile(const std::string& path, const CsvLimits& limits) {
    std::error_code ec;
    auto size = std::filesystem::file_size(path, ec);
    if (ec)
        throw ImportError(trf("Impossible de lire « {} » ({}).", "Cannot read \"{}\" ({}).", path, ec.message()));
    if (size > limits.maxBytes)
        throw ImportError(trf("« {} » fait {} Mio, plus que les {} Mio qu'accepte un import. Découpez-le.",
                              "\"{}\" is {} MiB, more than the {} MiB an import accepts. Split it.", path, size >> 20,
                              limits.maxBytes >> 20));
    std::ifstream in(path, std::ios::binary);
    if (!in) throw ImportError(trf("Impossible d'ouvrir « {} ».", "Cannot open \"{}\".", path));
    std::ostringstream buffer;
    buffer << in.rdbuf();
    return readCsv(buffer.str(), limits);
}

std::string describeSeparator(char separator) {
    switch (separator) {
    case ';': return tr("point-virgule", "semicolon");
    case ',': return tr("virgule", "comma");
    case '\t': return tr("tabulation", "tab");
    default: return std::string(1, separator);
    }
}

} // namespace atelier
