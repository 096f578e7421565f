// Importing a JSON bundle in bounded memory: the bundle is read as a stream of SAX events, one
// row at a time (never a whole JSON tree), rows are held as plain structs (what the rules need:
// references, budgets), and each photo is decoded, checked and written to the new file as it
// comes, so no photo stays in memory. The new file is built beside its final name inside one
// transaction: any offence rolls it back and removes it. The rules are the actions' own
// (rules/row_rules.hpp), applied to the whole event before the rows are written.
#include "io/bundle.hpp"

#include "io/bundle_columns.hpp"
#include "io/import_error.hpp"
#include "io/search.hpp"
#include "model/language.hpp"
#include "model/rows.hpp"
#include "rules/limits.hpp"
#include "rules/row_rules.hpp"
#include "rules/text_rules.hpp"
#include "storage/atomic_create.hpp"
#include "storage/schema.hpp"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Transaction.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <limits>
#include <map>
#include <set>

namespace atelier {

namespace {

using Json = nlohmann::json;
using bundle_columns::IsOptional;
using bundle_columns::keyOf;
using bundle_columns::kFormat;

// A bundle is four levels deep (root, tables, a table, a row); a value nested deeper is refused
// at once, before it can cost memory or time.
constexpr int kMaxBundleDepth = 32;
constexpr std::size_t kShownOffences = 5;

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

[[noreturn]] void refuse(std::string_view fr, std::string_view en) { throw ImportError(tr(fr, en)); }

std::string typeName(const Json& value) { return value.type_name(); }

// Reads one row's fields; keeps its ids by column for the null checks.
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

template <typename T> const std::set<std::string>& keysOf() {
    static const std::set<std::string> keys = [] {
        ColumnKeys collector;
        T row{};
        columns(collector, row);
        if constexpr (std::is_same_v<T, Photo>) collector.keys.insert("data");
        return collector.keys;
    }();
    return keys;
}

// A row's id columns, read again after the whole bundle for the references.
struct IdColumns {
    std::vector<std::pair<std::string, Id>> ids;
    template <typename F> void operator()(const char* column, const F& field) {
        if constexpr (std::is_same_v<F, Id>) ids.emplace_back(keyOf(column), field);
    }
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

// The tables a bundle must hold, in the order they are read and written.
const std::vector<std::string>& bundleTables() {
    static const std::vector<std::string> tables = {"event", "slot",     "challenge", "team",      "member",
                                                    "phase_change", "cluster", "note", "vote_round", "vote",
                                                    "prototype",    "photo",   "feedback", "timed_session"};
    return tables;
}

// One import: the rows read so far (everything but the photos' bytes, which go into the new
// file as they come), the file being built, the photo offences found on the way.
class BundleImport {
public:
    explicit BundleImport(std::string path) : m_path(std::move(path)) {}
    BundleImport(const BundleImport&) = delete;
    BundleImport& operator=(const BundleImport&) = delete;
    ~BundleImport() { abandon(); }

    void row(const std::string& table, const Json& object, std::size_t index);
    // After the last row: the checks across rows, then the rows written and committed.
    void finish(const std::set<std::string>& tablesSeen);
    std::unique_ptr<Store> publish();

private:
    template <typename T> void readRow(const Json& object, std::size_t index);
    void startFile();
    void writePhoto(const Photo& photo, const std::string& bytes);
    bool has(const std::string& table, Id id) const;
    std::size_t positionOf(const std::string& table, Id id) const;
    template <typename T> void checkReferences(const std::string& table);
    void checkReferences();
    void checkRules();
    template <typename T> void writeTable(const Rows<T>& rows);
    void abandon() noexcept;

    std::string m_path;
    bool m_haveEvent = false;
    EventState m_state; // the own event in m_state.event, the sites of a review file in m_state.sites
    std::map<std::string, std::vector<Id>> m_order; // table → its ids in bundle order, for row numbers in messages
    rules::Offences m_photoOffences;
    std::vector<std::pair<Photo, std::string>> m_pendingPhotos; // read before the event row: no file yet
    std::unique_ptr<Store> m_store;
    std::unique_ptr<SQLite::Transaction> m_tx;
};

template <typename T> void BundleImport::readRow(const Json& object, std::size_t index) {
    const std::string table = TableOf<T>::table;
    Place at{table, index, {}};
    if (!object.is_object()) failAt(at, {}, tr("chaque ligne doit être un objet ({…}).", "each row must be an object ({…})."));
    if (auto id = object.find("id"); id != object.end() && id->is_string()) at.id = rules::shorten(id->get<std::string>());
    const std::set<std::string>& keys = keysOf<T>();
    for (const auto& item : object.items())
        if (!keys.count(item.key()))
            failAt(at, rules::shorten(item.key()), tr("champ inconnu : ce paquet vient-il d'une autre version d'Atelier ?",
                                                      "unknown field: does this bundle come from another version of Atelier?"));
    T row{};
    std::vector<std::pair<std::string, Id>> ids;
    JsonReader reader{object, at, ids};
    columns(reader, row);
    if (!row.id) failAt(at, "id", tr("identifiant manquant.", "missing id."));
    const auto notNull = schemaRules().notNull.find(table);
    for (const auto& column : ids)
        if (!column.second && notNull != schemaRules().notNull.end() && notNull->second.count(column.first))
            failAt(at, column.first, tr("ne peut pas être null.", "cannot be null."));
    const auto duplicate = [&] { failAt(at, "id", tr("identifiant en double dans la table.", "duplicate id in the table.")); };
    m_order[table].push_back(row.id);
    if constexpr (std::is_same_v<T, EventInfo>) {
        // The first row is the file's own event; more are the sites of a review file.
        if (!m_haveEvent) {
            m_state.event = row;
            m_haveEvent = true;
            startFile();
        } else if (row.id == m_state.event.id || !m_state.sites.emplace(row.id, row).second) {
            duplicate();
        }
    } else {
        if (!m_state.rows<T>().emplace(row.id, row).second) duplicate();
        if constexpr (std::is_same_v<T, Photo>) {
            auto data = object.find("data");
            if (data == object.end()) failAt(at, "data", tr("champ manquant.", "missing field."));
            if (!data->is_string()) failAt(at, "data", tr("attendu du texte en base64.", "expected base64 text."));
            std::optional<std::string> bytes = base64Decode(data->get_ref<const std::string&>());
            if (!bytes) failAt(at, "data", tr("base64 invalide.", "invalid base64."));
            rules::Offences found = rules::checkPhotoBytes(row, *bytes);
            if (!found.empty()) {
                for (rules::Offence& o : found)
                    if (m_photoOffences.size() < kShownOffences) m_photoOffences.push_back(std::move(o));
            } else if (m_store) {
                writePhoto(row, *bytes);
            } else {
                m_pendingPhotos.emplace_back(row, std::move(*bytes));
            }
        }
    }
}

void BundleImport::row(const std::string& table, const Json& object, std::size_t index) {
    if (table == "event") return readRow<EventInfo>(object, index);
    if (table == "slot") return readRow<Slot>(object, index);
    if (table == "challenge") return readRow<Challenge>(object, index);
    if (table == "team") return readRow<Team>(object, index);
    if (table == "member") return readRow<Member>(object, index);
    if (table == "phase_change") return readRow<PhaseChange>(object, index);
    if (table == "cluster") return readRow<Cluster>(object, index);
    if (table == "note") return readRow<Note>(object, index);
    if (table == "vote_round") return readRow<VoteRound>(object, index);
    if (table == "vote") return readRow<Vote>(object, index);
    if (table == "prototype") return readRow<Prototype>(object, index);
    if (table == "photo") return readRow<Photo>(object, index);
    if (table == "feedback") return readRow<Feedback>(object, index);
    if (table == "timed_session") return readRow<TimedSession>(object, index);
}

// The file is created at the event's row, so photos can go into it as they come.
void BundleImport::startFile() {
    m_store = Store::createBeside(m_path, m_state.event);
    try {
        // A bulk write: a page cache big enough that the transaction does not spill to the WAL
        // for every few rows (the default 2 MB would), capped so that memory stays bounded.
        m_store->db().exec("PRAGMA cache_size=-65536");
        m_tx = std::make_unique<SQLite::Transaction>(m_store->db());
        // Rows point at each other both ways (a team at its selected note, the note at its team):
        // check the keys at commit, once every row is in.
        m_store->db().exec("PRAGMA defer_foreign_keys=ON");
        setSearchIndexing(m_store->db().getHandle(), false);
    } catch (...) {
        abandon();
        throw;
    }
    for (const auto& [photo, bytes] : m_pendingPhotos) writePhoto(photo, bytes);
    m_pendingPhotos.clear();
}

void BundleImport::writePhoto(const Photo& photo, const std::string& bytes) {
    try {
        m_store->insertPhoto(photo, bytes);
    } catch (const Error& e) {
        failAt(Place{"photo", positionOf("photo", photo.id), photo.id.str()}, {}, e.what());
    }
}

bool BundleImport::has(const std::string& table, Id id) const {
    const EventState& s = m_state;
    if (table == "event") return id == s.event.id || s.sites.count(id);
    if (table == "slot") return s.slots.count(id);
    if (table == "challenge") return s.challenges.count(id);
    if (table == "team") return s.teams.count(id);
    if (table == "member") return s.members.count(id);
    if (table == "phase_change") return s.phaseChanges.count(id);
    if (table == "cluster") return s.clusters.count(id);
    if (table == "note") return s.notes.count(id);
    if (table == "vote_round") return s.voteRounds.count(id);
    if (table == "vote") return s.votes.count(id);
    if (table == "prototype") return s.prototypes.count(id);
    if (table == "photo") return s.photos.count(id);
    if (table == "feedback") return s.feedback.count(id);
    if (table == "timed_session") return s.timedSessions.count(id);
    return false;
}

std::size_t BundleImport::positionOf(const std::string& table, Id id) const {
    auto order = m_order.find(table);
    if (order == m_order.end()) return 0;
    auto it = std::find(order->second.begin(), order->second.end(), id);
    return it == order->second.end() ? 0 : static_cast<std::size_t>(it - order->second.begin()) + 1;
}

template <typename T> void BundleImport::checkReferences(const std::string& table) {
    const SchemaRules& rules = schemaRules();
    auto refs = rules.references.find(table);
    if (refs == rules.references.end()) return;
    auto order = m_order.find(table);
    if (order == m_order.end()) return;
    for (std::size_t i = 0; i < order->second.size(); ++i) {
        const Id id = order->second[i];
        const T* row = nullptr;
        if constexpr (std::is_same_v<T, EventInfo>) {
            auto site = m_state.sites.find(id);
            row = id == m_state.event.id ? &m_state.event : site == m_state.sites.end() ? nullptr : &site->second;
        }
        else row = m_state.find<T>(id);
        if (!row) continue;
        IdColumns columnIds;
        columns(columnIds, const_cast<T&>(*row)); // the visitor only reads
        for (const auto& [column, target] : refs->second)
            for (const auto& value : columnIds.ids)
                if (value.first == column && value.second && !has(target, value.second))
                    failAt(Place{table, i + 1, id.str()}, column,
                           trf("renvoie à la ligne {} de la table « {} », qui n'existe pas dans le paquet.",
                               "refers to row {} of table \"{}\", which is not in the bundle.", value.second.str(), target));
    }
}

// Table by table in alphabetical order, rows in bundle order: the first dangling reference.
void BundleImport::checkReferences() {
    std::vector<std::string> tables = bundleTables();
    std::sort(tables.begin(), tables.end());
    for (const std::string& table : tables) {
        if (table == "event") checkReferences<EventInfo>(table);
        else if (table == "slot") checkReferences<Slot>(table);
        else if (table == "challenge") checkReferences<Challenge>(table);
        else if (table == "team") checkReferences<Team>(table);
        else if (table == "member") checkReferences<Member>(table);
        else if (table == "phase_change") checkReferences<PhaseChange>(table);
        else if (table == "cluster") checkReferences<Cluster>(table);
        else if (table == "note") checkReferences<Note>(table);
        else if (table == "vote_round") checkReferences<VoteRound>(table);
        else if (table == "vote") checkReferences<Vote>(table);
        else if (table == "prototype") checkReferences<Prototype>(table);
        else if (table == "photo") checkReferences<Photo>(table);
        else if (table == "feedback") checkReferences<Feedback>(table);
        else if (table == "timed_session") checkReferences<TimedSession>(table);
    }
}

// The rows' values against the rules every action follows (rules/row_rules.hpp): the bundle is
// refused whole, naming its first offences.
void BundleImport::checkRules() {
    // One more than shown: whether there are more to say.
    rules::Offences offences = rules::checkState(m_state, kShownOffences + 1);
    for (rules::Offence& o : m_photoOffences)
        if (offences.size() <= kShownOffences) offences.push_back(std::move(o));
    if (offences.empty()) return;
    const bool more = offences.size() > kShownOffences;
    if (more) offences.resize(kShownOffences);
    std::string list;
    for (const rules::Offence& o : offences) {
        std::string where = Place{o.table, positionOf(o.table, o.row), o.row.str()}.text();
        if (!o.field.empty()) where += trf(", champ « {} »", ", field \"{}\"", o.field);
        list += "\n- " + where + " : " + o.message;
    }
    const std::string which = more ? trf("les {} premières", "the first {}", offences.size())
                                   : countOf(static_cast<long long>(offences.size()), "infraction", "infractions", "offence", "offences");
    throw ImportError(trf("Paquet refusé, rien n'a été écrit : des lignes enfreignent les règles d'Atelier ({}) :{}",
                          "Bundle refused, nothing was written: rows break Atelier's rules ({}):{}", which, list),
                      0, offences.front().field);
}

template <typename T> void BundleImport::writeTable(const Rows<T>& rows) {
    std::vector<const T*> sorted;
    sorted.reserve(rows.size());
    for (const auto& [id, row] : rows) sorted.push_back(&row);
    std::sort(sorted.begin(), sorted.end(), [](const T* a, const T* b) { return a->id < b->id; });
    const std::string table = TableOf<T>::table;
    for (const T* row : sorted) {
        try {
            m_store->put(*row);
        } catch (const Error& e) {
            failAt(Place{table, positionOf(table, row->id), row->id.str()}, {}, e.what());
        }
    }
}

void BundleImport::finish(const std::set<std::string>& tablesSeen) {
    for (const std::string& table : bundleTables())
        if (!tablesSeen.count(table))
            throw ImportError(trf("Paquet refusé, rien n'a été écrit : la table « {} » manque.",
                                  "Bundle refused, nothing was written: the table \"{}\" is missing.", table));
    if (!m_haveEvent)
        refuse("Paquet refusé : la table « event » doit avoir au moins une ligne (l'événement).",
               "Bundle refused: the \"event\" table must have at least one row (the event).");
    checkReferences();
    checkRules();
    const EventState& s = m_state;
    writeTable(s.sites);
    writeTable(s.slots);
    writeTable(s.challenges);
    writeTable(s.teams);
    writeTable(s.members);
    writeTable(s.phaseChanges);
    writeTable(s.clusters);
    writeTable(s.notes);
    writeTable(s.voteRounds);
    writeTable(s.votes);
    writeTable(s.prototypes);
    writeTable(s.feedback);
    writeTable(s.timedSessions);
    m_state = EventState{}; // written: the index and the commit get the memory
    m_order.clear();
    rebuildSearchIndex(m_store->db());
    setSearchIndexing(m_store->db().getHandle(), true);
    m_tx->commit();
    m_tx.reset();
    m_store->db().exec("PRAGMA cache_size=-2000");
}

std::unique_ptr<Store> BundleImport::publish() { return Store::publish(std::move(m_store), m_path); }

void BundleImport::abandon() noexcept {
    if (!m_store) return;
    try {
        m_tx.reset(); // rolls back
        setSearchIndexing(m_store->db().getHandle(), true);
        m_store.reset();
        discardBuilt(m_path);
    } catch (...) {
        m_store.reset();
    }
}

// The bundle's structure, one SAX event at a time: root object → "tables" object → one array
// per table → one object per row. A row is handed over when its object closes; nothing else
// of the text is kept.
class BundleSax : public nlohmann::json_sax<Json> {
public:
    explicit BundleSax(BundleImport& import) : m_import(import) {}

    bool null() override { return scalar(Json(nullptr)); }
    bool boolean(bool value) override { return scalar(Json(value)); }
    bool number_integer(number_integer_t value) override { return scalar(Json(value)); }
    bool number_unsigned(number_unsigned_t value) override { return scalar(Json(value)); }
    bool number_float(number_float_t value, const string_t&) override { return scalar(Json(value)); }
    bool string(string_t& value) override { return scalar(Json(std::move(value))); }
    bool binary(binary_t&) override { return scalar(Json()); } // never produced when reading JSON text

    bool start_object(std::size_t) override { return open(true); }
    bool start_array(std::size_t) override { return open(false); }
    bool end_object() override { return close(); }
    bool end_array() override { return close(); }

    bool key(string_t& name) override {
        if (m_skip) return true;
        if (m_depth == 1) {
            m_rootKey = name;
            if (name == "tables") {
                if (m_tablesSeen) refuse("Paquet refusé : l'objet \"tables\" apparaît deux fois.",
                                         "Bundle refused: the \"tables\" object appears twice.");
                // Bundles write their format and version first: checked before any row is read.
                if (m_haveFormat && (!m_format.is_string() || m_format.get<std::string>() != kFormat)) notABundle();
                if (m_haveFormat && m_haveVersion) checkHeader();
            }
        } else if (m_depth == 2) {
            if (std::find(contentTables().begin(), contentTables().end(), name) == contentTables().end())
                throw ImportError(trf("Paquet refusé : table « {} » inconnue de cette version d'Atelier.",
                                      "Bundle refused: table \"{}\" unknown to this version of Atelier.", rules::shorten(name)));
            if (!m_tables.insert(name).second)
                throw ImportError(trf("Paquet refusé : la table « {} » apparaît deux fois.",
                                      "Bundle refused: the table \"{}\" appears twice.", name));
            m_table = name;
            m_rowIndex = 0;
        } else if (m_depth == 4) {
            m_key = std::move(name);
        }
        return true;
    }

    bool parse_error(std::size_t position, const std::string&, const nlohmann::detail::exception& error) override {
        // Found by fuzzing: a number too large for a double (3e333333) is out_of_range (406).
        if (error.id == 406)
            refuse("Paquet refusé : un nombre est trop grand pour être lu. Le fichier est-il abîmé ?",
                   "Bundle refused: a number is too large to read. Is the file damaged?");
        throw ImportError(trf("Paquet refusé : ce n'est pas du JSON valide (octet {}). Le fichier est-il complet ?",
                              "Bundle refused: not valid JSON (byte {}). Is the file complete?", position));
    }

    // After the last byte: the header (if it came after the tables) and what must be there.
    void end() {
        if (!m_haveFormat || !m_format.is_string() || m_format.get<std::string>() != kFormat) notABundle();
        checkHeader();
        if (!m_tablesSeen)
            refuse("Paquet refusé : objet \"tables\" manquant.", "Bundle refused: \"tables\" object missing.");
        m_import.finish(m_tables);
    }

private:
    [[noreturn]] static void notABundle() {
        refuse("Paquet refusé : ce fichier JSON n'est pas un paquet Atelier (champ \"format\" ≠ \"atelier-bundle\").",
               "Bundle refused: this JSON file is not an Atelier bundle (\"format\" is not \"atelier-bundle\").");
    }

    void checkHeader() const {
        if (!m_format.is_string() || m_format.get<std::string>() != kFormat) notABundle();
        if (!m_version.is_number_integer())
            refuse("Paquet refusé : champ \"version\" manquant.", "Bundle refused: \"version\" field missing.");
        if (m_version.get<std::int64_t>() != kBundleVersion)
            throw ImportError(trf("Paquet refusé : il est au format {} et cette version d'Atelier lit le format {}. "
                                  "Ouvrez-le avec la version d'Atelier qui l'a produit, ou mettez Atelier à jour.",
                                  "Bundle refused: it is in format {} and this version of Atelier reads format {}. "
                                  "Open it with the version of Atelier that made it, or update Atelier.",
                                  m_version.get<std::int64_t>(), kBundleVersion));
    }

    [[noreturn]] void rowNotObject() const {
        failAt(Place{m_table, m_rowIndex, {}}, {}, tr("chaque ligne doit être un objet ({…}).", "each row must be an object ({…})."));
    }

    [[noreturn]] void tableNotList() const {
        throw ImportError(trf("Paquet refusé, rien n'a été écrit : la table « {} » doit être une liste ([…]).",
                              "Bundle refused, nothing was written: the table \"{}\" must be a list ([…]).", m_table));
    }

    bool scalar(Json value) {
        if (m_skip) return true;
        switch (m_depth) {
        case 0: notABundle();
        case 1:
            if (m_rootKey == "format") {
                m_format = std::move(value);
                m_haveFormat = true;
            } else if (m_rootKey == "version") {
                m_version = std::move(value);
                m_haveVersion = true;
            } else if (m_rootKey == "tables") {
                refuse("Paquet refusé : objet \"tables\" manquant.", "Bundle refused: \"tables\" object missing.");
            }
            return true;
        case 2: tableNotList();
        case 3: ++m_rowIndex; rowNotObject();
        default: m_row[m_key] = std::move(value); return true;
        }
    }

    bool open(bool object) {
        if (++m_depth > kMaxBundleDepth)
            throw ImportError(trf("Paquet refusé : des valeurs sont imbriquées sur plus de {} niveaux ; un paquet Atelier en a 4.",
                                  "Bundle refused: values are nested more than {} levels deep; an Atelier bundle has 4.",
                                  kMaxBundleDepth));
        if (m_skip) {
            ++m_skip;
            return true;
        }
        switch (m_depth) {
        case 1:
            if (!object) notABundle();
            return true;
        case 2:
            if (m_rootKey == "tables") {
                if (!object) refuse("Paquet refusé : objet \"tables\" manquant.", "Bundle refused: \"tables\" object missing.");
                m_tablesSeen = true;
                return true;
            }
            // Another top-level value: ignored (a container for "format" or "version" is wrong).
            if (m_rootKey == "format") {
                m_format = Json::object();
                m_haveFormat = true;
            }
            if (m_rootKey == "version") {
                m_version = Json::object();
                m_haveVersion = true;
            }
            m_skip = 1;
            return true;
        case 3:
            if (object) tableNotList();
            return true;
        case 4:
            ++m_rowIndex;
            if (!object) rowNotObject();
            m_row = Json::object();
            return true;
        default:
            // No field holds a list or an object: the row's reader names the field and the type.
            m_row[m_key] = object ? Json::object() : Json::array();
            m_skip = 1;
            return true;
        }
    }

    bool close() {
        if (m_skip) {
            --m_skip;
            --m_depth;
            return true;
        }
        if (m_depth == 4) {
            m_import.row(m_table, m_row, m_rowIndex);
            m_row = Json(); // frees the row (a photo's base64 text)
        }
        --m_depth;
        return true;
    }

    BundleImport& m_import;
    int m_depth = 0;    // containers open
    int m_skip = 0;     // containers open inside an ignored value
    std::string m_rootKey, m_table, m_key;
    std::size_t m_rowIndex = 0;
    Json m_row;
    Json m_format, m_version;
    bool m_haveFormat = false, m_haveVersion = false, m_tablesSeen = false;
    std::set<std::string> m_tables;
};

[[noreturn]] void tooLarge(std::uintmax_t size, const std::string& what) {
    throw ImportError(trf("Paquet refusé, rien n'a été écrit : {} fait {} octets, au-delà de la limite de {} octets (2 Gio). "
                          "Aucun paquet exporté par Atelier n'en approche : ce fichier n'en est sans doute pas un.",
                          "Bundle refused, nothing was written: {} is {} bytes, over the limit of {} bytes (2 GiB). "
                          "No bundle Atelier exports comes near it: this file is probably not one.",
                          what, size, kMaxBundleBytes));
}

template <typename Parse> std::unique_ptr<Store> importWith(const std::string& path, Parse&& parse) {
    prepareBuilding(path); // an existing file is refused before a byte of the bundle is read
    BundleImport import(path);
    BundleSax sax(import);
    parse(sax);
    sax.end();
    return import.publish();
}

} // namespace

std::unique_ptr<Store> importBundle(const std::string& path, std::string_view json) {
    if (json.size() > kMaxBundleBytes) tooLarge(json.size(), tr("le paquet", "the bundle"));
    return importWith(path, [&](BundleSax& sax) { static_cast<void>(Json::sax_parse(json.begin(), json.end(), &sax)); });
}

std::unique_ptr<Store> importBundleFile(const std::string& path, const std::string& jsonPath) {
    std::error_code ec;
    auto size = std::filesystem::file_size(jsonPath, ec);
    if (ec) throw ImportError(trf("Impossible de lire « {} » ({}).", "Cannot read \"{}\" ({}).", jsonPath, ec.message()));
    if (size > kMaxBundleBytes) tooLarge(size, trf("« {} »", "\"{}\"", jsonPath));
    return importWith(path, [&](BundleSax& sax) {
        std::vector<char> buffer(1 << 20);
        std::ifstream in;
        in.rdbuf()->pubsetbuf(buffer.data(), static_cast<std::streamsize>(buffer.size()));
        in.open(jsonPath, std::ios::binary);
        if (!in) throw ImportError(trf("Impossible d'ouvrir « {} ».", "Cannot open \"{}\".", jsonPath));
        static_cast<void>(Json::sax_parse(in, &sax));
    });
}

} // namespace atelier
