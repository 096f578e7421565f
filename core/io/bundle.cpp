#include "io/bundle.hpp"

#include "io/import_error.hpp"
#include "model/language.hpp"
#include "model/rows.hpp"
#include "storage/atomic_create.hpp"
#include "storage/schema.hpp"
#include "io/search.hpp"
#include "rules/row_rules.hpp"
#include "rules/text_rules.hpp"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Transaction.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <limits>
#include <map>
#include <set>
#include <sstream>
#include <unordered_set>

namespace atelier {

namespace {

using Json = nlohmann::json;
using OrderedJson = nlohmann::ordered_json;

constexpr const char* kFormat = "atelier-bundle";

template <typename T> struct IsOptional : std::false_type {};
template <typename T> struct IsOptional<std::optional<T>> : std::true_type {};

// rows.hpp quotes SQL keywords ("end"); JSON keys do without.
std::string keyOf(const char* column) {
    std::string key = column;
    if (key.size() > 1 && key.front() == '"') key = key.substr(1, key.size() - 2);
    return key;
}

struct JsonWriter {
    OrderedJson& out;
    template <typename F> void operator()(const char* column, const F& field) {
        std::string key = keyOf(column);
        if constexpr (std::is_same_v<F, Id>) out[key] = field ? OrderedJson(field.str()) : OrderedJson(nullptr);
        else if constexpr (std::is_same_v<F, std::string>) out[key] = field;
        else if constexpr (std::is_same_v<F, bool>) out[key] = field;
        else if constexpr (std::is_enum_v<F>) out[key] = std::string(codeOf(field));
        else if constexpr (std::is_same_v<F, double>) out[key] = field;
        else if constexpr (IsOptional<F>::value) out[key] = field ? OrderedJson(*field) : OrderedJson(nullptr);
        else out[key] = static_cast<std::int64_t>(field);
    }
};

template <typename T> OrderedJson tableJson(Store& store, const Rows<T>& rows) {
    std::vector<const T*> sorted;
    sorted.reserve(rows.size());
    for (const auto& [id, row] : rows) sorted.push_back(&row);
    std::sort(sorted.begin(), sorted.end(), [](const T* a, const T* b) { return a->id < b->id; });
    OrderedJson array = OrderedJson::array();
    for (const T* row : sorted) {
        OrderedJson object = OrderedJson::object();
        JsonWriter writer{object};
        columns(writer, const_cast<T&>(*row)); // the writer only reads
        if constexpr (std::is_same_v<T, Photo>) object["data"] = base64Encode(store.photoBytes(row->id));
        array.push_back(std::move(object));
    }
    return array;
}

// ---- Reading ----

// Where a value sits, for messages: table, row (1-based) and its id when known.
struct Place {
    std::string table;
    std::size_t row = 0;
    std::string id;
    std::string text() const {
        return id.empty() ? trf("table « {} », ligne {}", "table \"{}\", row {}", table, row)
                          : trf("table « {} », ligne {} (id {})", "table \"{}\", row {} (id {})", table, row, id);
    }
};

[[noreturn]] void failAt(const Place& at, const std::string& field, const std::string& problem) {
    std::string where = at.text();
    if (!field.empty()) where += trf(", champ « {} »", ", field \"{}\"", field);
    throw ImportError(trf("Paquet refusé, rien n'a été écrit : {} : {}", "Bundle refused, nothing was written: {}: {}", where,
                          problem),
                      0, field);
}

std::string typeName(const Json& value) { return value.type_name(); }

// Reads one row's fields; keeps its ids by column for the reference checks.
struct JsonReader {
    const Json& object;
    const Place& at;
    std::vector<std::pair<std::string, Id>>& ids;

    template <typename I> I integer(const Json& v, const std::string& key) const;

    template <typename F> void operator()(const char* column, F& field) {
        std::string key = keyOf(column);
        auto it = object.find(key);
        if (it == object.end() && key == "event_id") return; // bundles written before sites: the own event
        if (it == object.end()) failAt(at, key, tr("champ manquant.", "missing field."));
        const Json& v = *it;
        auto wrongType = [&](const char* expectedFr, const char* expectedEn) {
            failAt(at, key, trf("attendu {}, trouvé {}.", "expected {}, found {}.", tr(expectedFr, expectedEn), typeName(v)));
        };
        if constexpr (std::is_same_v<F, Id>) {
            if (v.is_null()) {
                field = Id{};
            } else {
                if (!v.is_string()) wrongType("un identifiant en texte (\"123\") ou null", "an id as text (\"123\") or null");
                auto parsed = Id::parse(v.get<std::string>());
                if (!parsed)
                    failAt(at, key, trf("« {} » n'est pas un identifiant (entier positif).", "\"{}\" is not an id (positive integer).",
                                        rules::shorten(v.get<std::string>())));
                field = *parsed;
            }
            ids.emplace_back(key, field);
        } else if constexpr (std::is_same_v<F, std::string>) {
            if (!v.is_string()) wrongType("du texte", "text");
            field = v.get<std::string>();
        } else if constexpr (std::is_same_v<F, bool>) {
            if (!v.is_boolean()) wrongType("true ou false", "true or false");
            field = v.get<bool>();
        } else if constexpr (std::is_enum_v<F>) {
            if (!v.is_string()) wrongType("un code en texte", "a code as text");
            auto parsed = enumFromCode<F>(v.get<std::string>());
            if (!parsed) {
                std::string codes;
                for (auto code : codesOf<F>()) codes += (codes.empty() ? "" : ", ") + std::string(code);
                failAt(at, key, trf("valeur « {} » inconnue (valeurs possibles : {}).", "unknown value \"{}\" (possible values: {}).",
                                    rules::shorten(v.get<std::string>()), codes));
            }
            field = *parsed;
        } else if constexpr (std::is_same_v<F, double>) {
            if (!v.is_number()) wrongType("un nombre", "a number");
            field = v.get<double>();
        } else if constexpr (IsOptional<F>::value) {
            if (v.is_null()) field.reset();
            else if (!v.is_number_integer()) wrongType("un entier ou null", "an integer or null");
            else field = integer<typename F::value_type>(v, key);
        } else {
            if (!v.is_number_integer()) wrongType("un entier", "an integer");
            field = integer<F>(v, key);
        }
    }
};

// An integer that fits its field: 2^32 + 1 given for an int is refused, not stored as 1.
template <typename I> I JsonReader::integer(const Json& v, const std::string& key) const {
    bool fits = v.is_number_unsigned() ? v.get<std::uint64_t>() <= static_cast<std::uint64_t>(std::numeric_limits<I>::max())
                                       : v.get<std::int64_t>() >= std::numeric_limits<I>::min() &&
                                             v.get<std::int64_t>() <= std::numeric_limits<I>::max();
    if (!fits)
        failAt(at, key, trf("{} est hors des bornes d'un entier de ce champ ({} à {}).",
                            "{} is out of this field's integer range ({} to {}).", rules::shorten(v.dump()),
                            std::numeric_limits<I>::min(), std::numeric_limits<I>::max()));
    return static_cast<I>(v.get<std::int64_t>());
}

struct ColumnKeys {
    std::set<std::string> keys;
    template <typename F> void operator()(const char* column, const F&) { keys.insert(keyOf(column)); }
};

// The schema's foreign keys and NOT NULL id columns, read from a scratch in-memory database
// built by the same migrations, so the checks cannot drift from the schema.
struct SchemaRules {
    std::map<std::string, std::vector<std::pair<std::string, std::string>>> references; // table → (column, target)
    std::map<std::string, std::set<std::string>> notNull;                               // table → columns
};

const SchemaRules& schemaRules() {
    static const SchemaRules rules = [] {
        SchemaRules r;
        SQLite::Database db(":memory:", SQLite::OPEN_READWRITE);
        registerSearchFunctions(db.getHandle());
        for (const auto& m : migrations()) db.exec(m.sql);
        for (const auto& table : contentTables()) {
            SQLite::Statement fk(db, "SELECT \"from\", \"table\" FROM pragma_foreign_key_list(?)");
            fk.bind(1, table);
            while (fk.executeStep()) r.references[table].emplace_back(fk.getColumn(0).getString(), fk.getColumn(1).getString());
            SQLite::Statement info(db, "SELECT name FROM pragma_table_info(?) WHERE \"notnull\" = 1");
            info.bind(1, table);
            while (info.executeStep()) r.notNull[table].insert(info.getColumn(0).getString());
        }
        return r;
    }();
    return rules;
}

struct RowIds {
    Place at;
    std::vector<std::pair<std::string, Id>> ids;
};

struct Bundle {
    EventInfo event;
    EventState state; // event unused; rows by table
    std::unordered_map<Id, std::string> photoData;
    std::map<std::string, std::vector<RowIds>> refs;     // table → rows' ids
    std::map<std::string, std::unordered_set<Id>> idsOf; // table → ids present
};

template <typename T> void readTable(const Json& tables, Bundle& bundle, Rows<T>* rows) {
    const std::string table = TableOf<T>::table;
    auto it = tables.find(table);
    if (it == tables.end())
        throw ImportError(trf("Paquet refusé, rien n'a été écrit : la table « {} » manque.",
                              "Bundle refused, nothing was written: the table \"{}\" is missing.", table));
    if (!it->is_array())
        throw ImportError(trf("Paquet refusé, rien n'a été écrit : la table « {} » doit être une liste ([…]).",
                              "Bundle refused, nothing was written: the table \"{}\" must be a list ([…]).", table));
    static const std::set<std::string> keys = [] {
        ColumnKeys collector;
        T row{};
        columns(collector, row);
        if constexpr (std::is_same_v<T, Photo>) collector.keys.insert("data");
        return collector.keys;
    }();
    auto& present = bundle.idsOf[table];
    std::size_t index = 0;
    for (const Json& object : *it) {
        Place at{table, ++index, {}};
        if (!object.is_object()) failAt(at, {}, tr("chaque ligne doit être un objet ({…}).", "each row must be an object ({…})."));
        if (auto id = object.find("id"); id != object.end() && id->is_string()) at.id = id->get<std::string>();
        for (const auto& [key, value] : object.items())
            if (!keys.count(key))
                failAt(at, key, tr("champ inconnu : ce paquet vient-il d'une autre version d'Atelier ?",
                                   "unknown field: does this bundle come from another version of Atelier?"));
        T row{};
        RowIds rowIds{at, {}};
        JsonReader reader{object, at, rowIds.ids};
        columns(reader, row);
        if (!row.id) failAt(at, "id", tr("identifiant manquant.", "missing id."));
        if (!present.insert(row.id).second) failAt(at, "id", tr("identifiant en double dans la table.", "duplicate id in the table."));
        if constexpr (std::is_same_v<T, Photo>) {
            auto data = object.find("data");
            if (data == object.end()) failAt(at, "data", tr("champ manquant.", "missing field."));
            if (!data->is_string()) failAt(at, "data", tr("attendu du texte en base64.", "expected base64 text."));
            auto bytes = base64Decode(data->get<std::string>());
            if (!bytes) failAt(at, "data", tr("base64 invalide.", "invalid base64."));
            bundle.photoData.emplace(row.id, std::move(*bytes));
        }
        bundle.refs[table].push_back(std::move(rowIds));
        if constexpr (std::is_same_v<T, EventInfo>) {
            // The first row is the file's own event; more are the sites of a review file.
            if (index == 1) bundle.event = row;
            else bundle.state.sites.emplace(row.id, std::move(row));
        } else rows->emplace(row.id, std::move(row));
    }
}

void checkReferences(const Bundle& bundle) {
    const SchemaRules& rules = schemaRules();
    for (const auto& [table, rows] : bundle.refs) {
        auto refs = rules.references.find(table);
        auto notNull = rules.notNull.find(table);
        for (const RowIds& row : rows) {
            for (const auto& [column, id] : row.ids) {
                if (!id) {
                    if (notNull != rules.notNull.end() && notNull->second.count(column))
                        failAt(row.at, column, tr("ne peut pas être null.", "cannot be null."));
                    continue;
                }
                if (refs == rules.references.end()) continue;
                for (const auto& [from, target] : refs->second) {
                    if (from != column) continue;
                    auto targetIds = bundle.idsOf.find(target);
                    if (targetIds == bundle.idsOf.end() || !targetIds->second.count(id))
                        failAt(row.at, column,
                               trf("renvoie à la ligne {} de la table « {} », qui n'existe pas dans le paquet.",
                                   "refers to row {} of table \"{}\", which is not in the bundle.", id.str(), target));
                }
            }
        }
    }
}

// The rows' values against the rules every action follows (rules/row_rules.hpp): the bundle is
// refused whole, naming its first offences, before anything is written.
void checkRules(const Bundle& bundle) {
    constexpr std::size_t kShown = 5;
    rules::Offences offences = rules::checkState(bundle.state, kShown);
    for (const auto& [id, photo] : bundle.state.photos) {
        if (offences.size() >= kShown) break;
        auto data = bundle.photoData.find(id);
        for (auto& o : rules::checkPhotoBytes(photo, data == bundle.photoData.end() ? std::string_view() : data->second))
            offences.push_back(std::move(o));
    }
    if (offences.empty()) return;
    std::string list;
    for (std::size_t k = 0; k < offences.size() && k < kShown; ++k) {
        const rules::Offence& o = offences[k];
        Place at{o.table, 0, o.row.str()};
        if (auto rows = bundle.refs.find(o.table); rows != bundle.refs.end())
            for (const RowIds& r : rows->second)
                if (r.at.id == at.id) { at.row = r.at.row; break; }
        std::string where = at.text();
        if (!o.field.empty()) where += trf(", champ « {} »", ", field \"{}\"", o.field);
        list += "\n- " + where + " : " + o.message;
    }
    const std::size_t shown = std::min(offences.size(), kShown);
    const std::string which = shown == offences.size()
                                  ? countOf((long long)shown, "infraction", "infractions", "offence", "offences")
                                  : trf("les {} premières", "the first {}", shown);
    throw ImportError(trf("Paquet refusé, rien n'a été écrit : des lignes enfreignent les règles d'Atelier ({}) :{}",
                          "Bundle refused, nothing was written: rows break Atelier's rules ({}):{}", which, list),
                      0, offences.front().field);
}

Bundle parseBundle(std::string_view text) {
    Json root;
    try {
        root = Json::parse(text.begin(), text.end());
    } catch (const Json::parse_error& e) {
        throw ImportError(trf("Paquet refusé : ce n'est pas du JSON valide (octet {}). Le fichier est-il complet ?",
                              "Bundle refused: not valid JSON (byte {}). Is the file complete?", e.byte));
    } catch (const Json::exception&) {
        // Found by fuzzing: a number too large for a double (3e333333) is out_of_range, not a parse_error.
        throw ImportError(tr("Paquet refusé : un nombre est trop grand pour être lu. Le fichier est-il abîmé ?",
                             "Bundle refused: a number is too large to read. Is the file damaged?"));
    }
    if (!root.is_object() || root.value("format", Json()) != kFormat)
        throw ImportError(tr("Paquet refusé : ce fichier JSON n'est pas un paquet Atelier (champ \"format\" ≠ \"atelier-bundle\").",
                             "Bundle refused: this JSON file is not an Atelier bundle (\"format\" is not \"atelier-bundle\")."));
    auto version = root.find("version");
    if (version == root.end() || !version->is_number_integer())
        throw ImportError(tr("Paquet refusé : champ \"version\" manquant.", "Bundle refused: \"version\" field missing."));
    if (version->get<std::int64_t>() != kBundleVersion)
        throw ImportError(trf("Paquet refusé : il est au format {} et cette version d'Atelier lit le format {}. "
                              "Ouvrez-le avec la version d'Atelier qui l'a produit, ou mettez Atelier à jour.",
                              "Bundle refused: it is in format {} and this version of Atelier reads format {}. "
                              "Open it with the version of Atelier that made it, or update Atelier.",
                              version->get<std::int64_t>(), kBundleVersion));
    auto tables = root.find("tables");
    if (tables == root.end() || !tables->is_object())
        throw ImportError(tr("Paquet refusé : objet \"tables\" manquant.", "Bundle refused: \"tables\" object missing."));
    for (const auto& [name, value] : tables->items())
        if (std::find(contentTables().begin(), contentTables().end(), name) == contentTables().end())
            throw ImportError(trf("Paquet refusé : table « {} » inconnue de cette version d'Atelier.",
                                  "Bundle refused: table \"{}\" unknown to this version of Atelier.", name));
    Bundle bundle;
    readTable<EventInfo>(*tables, bundle, nullptr);
    if (bundle.idsOf["event"].empty())
        throw ImportError(tr("Paquet refusé : la table « event » doit avoir au moins une ligne (l'événement).",
                             "Bundle refused: the \"event\" table must have at least one row (the event)."));
    EventState& s = bundle.state;
    readTable(*tables, bundle, &s.slots);
    readTable(*tables, bundle, &s.challenges);
    readTable(*tables, bundle, &s.teams);
    readTable(*tables, bundle, &s.members);
    readTable(*tables, bundle, &s.phaseChanges);
    readTable(*tables, bundle, &s.clusters);
    readTable(*tables, bundle, &s.notes);
    readTable(*tables, bundle, &s.voteRounds);
    readTable(*tables, bundle, &s.votes);
    readTable(*tables, bundle, &s.prototypes);
    readTable(*tables, bundle, &s.photos);
    readTable(*tables, bundle, &s.feedback);
    readTable(*tables, bundle, &s.timedSessions);
    checkReferences(bundle);
    bundle.state.event = bundle.event;
    checkRules(bundle);
    return bundle;
}

template <typename T> void writeTable(Store& store, const Rows<T>& rows) {
    std::vector<const T*> sorted;
    for (const auto& [id, row] : rows) sorted.push_back(&row);
    std::sort(sorted.begin(), sorted.end(), [](const T* a, const T* b) { return a->id < b->id; });
    for (std::size_t i = 0; i < sorted.size(); ++i) {
        try {
            store.put(*sorted[i]);
        } catch (const Error& e) {
            failAt(Place{TableOf<T>::table, i + 1, sorted[i]->id.str()}, {}, e.what());
        }
    }
}

} // namespace

std::string exportBundle(Store& store) {
    EventState s = store.loadAll();
    OrderedJson root = OrderedJson::object();
    root["format"] = kFormat;
    root["version"] = kBundleVersion;
    OrderedJson tables = OrderedJson::object();
    {
        OrderedJson event = OrderedJson::object();
        JsonWriter writer{event};
        columns(writer, s.event);
        tables["event"] = OrderedJson::array({event});
        // A review file's sites follow its own event, by id (a stable order).
        std::vector<const EventInfo*> sites;
        for (const auto& [id, site] : s.sites) sites.push_back(&site);
        std::sort(sites.begin(), sites.end(), [](const EventInfo* a, const EventInfo* b) { return a->id < b->id; });
        for (const EventInfo* site : sites) {
            OrderedJson row = OrderedJson::object();
            JsonWriter siteWriter{row};
            columns(siteWriter, const_cast<EventInfo&>(*site)); // the writer only reads
            tables["event"].push_back(std::move(row));
        }
    }
    tables["slot"] = tableJson(store, s.slots);
    tables["challenge"] = tableJson(store, s.challenges);
    tables["team"] = tableJson(store, s.teams);
    tables["member"] = tableJson(store, s.members);
    tables["phase_change"] = tableJson(store, s.phaseChanges);
    tables["cluster"] = tableJson(store, s.clusters);
    tables["note"] = tableJson(store, s.notes);
    tables["vote_round"] = tableJson(store, s.voteRounds);
    tables["vote"] = tableJson(store, s.votes);
    tables["prototype"] = tableJson(store, s.prototypes);
    tables["photo"] = tableJson(store, s.photos);
    tables["feedback"] = tableJson(store, s.feedback);
    tables["timed_session"] = tableJson(store, s.timedSessions);
    root["tables"] = std::move(tables);
    return root.dump(1) + "\n";
}

std::unique_ptr<Store> importBundle(const std::string& path, std::string_view json) {
    Bundle bundle = parseBundle(json);
    // Built beside `path` and renamed into place once complete: a kill leaves no half event.
    std::unique_ptr<Store> store = Store::createBeside(path, bundle.event);
    try {
        // A bulk write: a page cache big enough that the transaction does not spill to the WAL
        // half-way (the default 2 MB would, and spills cost more than the writes).
        store->db().exec("PRAGMA cache_size=-131072");
        SQLite::Transaction tx(store->db());
        // Rows point at each other both ways (a team at its selected note, the note at its team):
        // check the keys at commit, once every row is in.
        store->db().exec("PRAGMA defer_foreign_keys=ON");
        setSearchIndexing(store->db().getHandle(), false);
        const EventState& s = bundle.state;
        writeTable(*store, s.sites);
        writeTable(*store, s.slots);
        writeTable(*store, s.challenges);
        writeTable(*store, s.teams);
        writeTable(*store, s.members);
        writeTable(*store, s.phaseChanges);
        writeTable(*store, s.clusters);
        writeTable(*store, s.notes);
        writeTable(*store, s.voteRounds);
        writeTable(*store, s.votes);
        writeTable(*store, s.prototypes);
        for (const auto& [id, photo] : s.photos) store->insertPhoto(photo, bundle.photoData[id]);
        writeTable(*store, s.feedback);
        writeTable(*store, s.timedSessions);
        rebuildSearchIndex(store->db());
        setSearchIndexing(store->db().getHandle(), true);
        tx.commit();
        store->db().exec("PRAGMA cache_size=-2000");
    } catch (...) {
        setSearchIndexing(store->db().getHandle(), true);
        store.reset();
        discardBuilt(path);
        throw;
    }
    return Store::publish(std::move(store), path);
}

std::unique_ptr<Store> importBundleFile(const std::string& path, const std::string& jsonPath) {
    std::error_code ec;
    auto size = std::filesystem::file_size(jsonPath, ec);
    if (ec) throw ImportError(trf("Impossible de lire « {} » ({}).", "Cannot read \"{}\" ({}).", jsonPath, ec.message()));
    constexpr std::uintmax_t kMaxBundleBytes = 2ull << 30;
    if (size > kMaxBundleBytes)
        throw ImportError(trf("« {} » fait plus de 2 Gio : ce n'est pas un paquet Atelier raisonnable.",
                              "\"{}\" is over 2 GiB: not a reasonable Atelier bundle.", jsonPath));
    std::ifstream in(jsonPath, std::ios::binary);
    if (!in) throw ImportError(trf("Impossible d'ouvrir « {} ».", "Cannot open \"{}\".", jsonPath));
    std::ostringstream buffer;
    buffer << in.rdbuf();
    return importBundle(path, buffer.str());
}

std::string base64Encode(std::string_view bytes) {
    static constexpr char kAlphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    std::string out;
    out.reserve((bytes.size() + 2) / 3 * 4);
    std::size_t i = 0;
    for (; i + 2 < bytes.size(); i += 3) {
        auto n = (static_cast<unsigned char>(bytes[i]) << 16) | (static_cast<unsigned char>(bytes[i + 1]) << 8) |
                 static_cast<unsigned char>(bytes[i + 2]);
        out += kAlphabet[(n >> 18) & 63];
        out += kAlphabet[(n >> 12) & 63];
        out += kAlphabet[(n >> 6) & 63];
        out += kAlphabet[n & 63];
    }
    if (i + 1 == bytes.size()) {
        auto n = static_cast<unsigned char>(bytes[i]) << 16;
        out += kAlphabet[(n >> 18) & 63];
        out += kAlphabet[(n >> 12) & 63];
        out += "==";
    } else if (i + 2 == bytes.size()) {
        auto n = (static_cast<unsigned char>(bytes[i]) << 16) | (static_cast<unsigned char>(bytes[i + 1]) << 8);
        out += kAlphabet[(n >> 18) & 63];
        out += kAlphabet[(n >> 12) & 63];
        out += kAlphabet[(n >> 6) & 63];
        out += '=';
    }
    return out;
}

std::optional<std::string> base64Decode(std::string_view text) {
    if (text.size() % 4 != 0) return std::nullopt;
    auto value = [](char c) -> int {
        if (c >= 'A' && c <= 'Z') return c - 'A';
        if (c >= 'a' && c <= 'z') return c - 'a' + 26;
        if (c >= '0' && c <= '9') return c - '0' + 52;
        if (c == '+') return 62;
        if (c == '/') return 63;
        return -1;
    };
    std::string out;
    out.reserve(text.size() / 4 * 3);
    for (std::size_t i = 0; i < text.size(); i += 4) {
        int v[4];
        int padding = 0;
        for (int k = 0; k < 4; ++k) {
            char c = text[i + static_cast<std::size_t>(k)];
            if (c == '=' && i + 4 == text.size() && k >= 2) {
                v[k] = 0;
                ++padding;
            } else {
                if (padding) return std::nullopt;
                v[k] = value(c);
                if (v[k] < 0) return std::nullopt;
            }
        }
        int n = (v[0] << 18) | (v[1] << 12) | (v[2] << 6) | v[3];
        out += static_cast<char>((n >> 16) & 0xFF);
        if (padding < 2) out += static_cast<char>((n >> 8) & 0xFF);
        if (padding < 1) out += static_cast<char>(n & 0xFF);
    }
    return out;
}

} // namespace atelier
