#include "actions/action_json.hpp"

#include "model/errors.hpp"
#include "model/language.hpp"
#include "rules/text_rules.hpp"

#include <cmath>
#include <limits>
#include <set>
#include <type_traits>

namespace atelier {

using nlohmann::json;

namespace {

// A value as a message shows it: compact, invalid bytes replaced, at most rules::kEchoBytes.
std::string echo(const json& value) {
    return rules::shorten(value.dump(-1, ' ', false, json::error_handler_t::replace));
}

template <typename T> struct IsOptional : std::false_type {};
template <typename T> struct IsOptional<std::optional<T>> : std::true_type {};
template <typename T> struct IsVector : std::false_type {};
template <typename T> struct IsVector<std::vector<T>> : std::true_type {};

template <typename E> std::string codeList() {
    std::string out;
    for (auto code : codesOf<E>()) {
        // Two appends, not "sep" + std::string(code): GCC 12 reports a false -Wrestrict there.
        if (!out.empty()) out += '|';
        out += code;
    }
    return out;
}

class FieldReader {
public:
    FieldReader(const json& object, std::string action) : m_object(object), m_action(std::move(action)) {}

    template <typename F> void operator()(const char* key, F& field, Opt opt = Opt::Required) {
        m_known.insert(key);
        auto it = m_object.find(key);
        bool absent = it == m_object.end();
        if constexpr (IsOptional<F>::value) {
            if (absent) return;
            if (it->is_null()) {
                if constexpr (std::is_same_v<F, std::optional<Id>>) field = Id{};
                return;
            }
            typename F::value_type value{};
            read(key, *it, value);
            field = std::move(value);
        } else {
            if (absent || (it->is_null() && opt == Opt::Defaulted)) {
                if (opt == Opt::Required)
                    fail(key, tr("ce champ est obligatoire et manque", "this field is required and missing"));
                return;
            }
            read(key, *it, field);
            if constexpr (std::is_same_v<F, Id>) {
                if (!field && opt == Opt::Required)
                    fail(key, tr("un identifiant est obligatoire ici", "an id is required here"));
            }
        }
    }

    void rejectUnknownFields() const {
        for (const auto& [key, value] : m_object.items())
            if (key != "action" && !m_known.count(key)) {
                std::string known;
                for (const auto& k : m_known) known += (known.empty() ? "" : ", ") + k;
                fail(rules::shorten(key).c_str(), trf("champ inconnu (champs possibles : {})", "unknown field (possible fields: {})", known));
            }
    }

private:
    [[noreturn]] void fail(const char* key, const std::string& why) const {
        throw ValidationError(trf("action « {} », champ « {} » : {}.", "action \"{}\", field \"{}\": {}.", m_action, key, why));
    }

    void read(const char* key, const json& value, Id& out) const {
        if (value.is_string()) {
            const auto& text = value.get_ref<const std::string&>();
            if (text == "0" || text.empty()) { out = Id{}; return; }
            if (auto id = Id::parse(text)) { out = *id; return; }
        } else if (value.is_number_integer()) {
            auto v = value.get<std::int64_t>();
            if (v >= 0) { out = Id{v}; return; }
        }
        fail(key, trf("identifiant attendu (un nombre entier positif écrit entre guillemets), reçu {}",
                      "expected an id (a positive integer, quoted), got {}", echo(value)));
    }
    void read(const char* key, const json& value, std::string& out) const {
        if (!value.is_string()) fail(key, trf("texte attendu, reçu {}", "expected text, got {}", echo(value)));
        out = value.get<std::string>();
    }
    void read(const char* key, const json& value, bool& out) const {
        if (!value.is_boolean()) fail(key, trf("true ou false attendu, reçu {}", "expected true or false, got {}", echo(value)));
        out = value.get<bool>();
    }
    void read(const char* key, const json& value, int& out) const {
        // An unsigned number above 2^63 would wrap to a negative int64: range-check it unsigned.
        bool ok = value.is_number_unsigned()
                      ? value.get<std::uint64_t>() <= static_cast<std::uint64_t>(std::numeric_limits<int>::max())
                      : value.is_number_integer() && value.get<std::int64_t>() >= std::numeric_limits<int>::min() &&
                            value.get<std::int64_t>() <= std::numeric_limits<int>::max();
        if (!ok) fail(key, trf("nombre entier attendu, reçu {}", "expected a whole number, got {}", echo(value)));
        out = value.get<int>();
    }
    void read(const char* key, const json& value, double& out) const {
        if (!value.is_number() || !std::isfinite(value.get<double>()))
            fail(key, trf("nombre attendu, reçu {}", "expected a number, got {}", echo(value)));
        out = value.get<double>();
    }
    template <typename E, std::enable_if_t<std::is_enum_v<E>, int> = 0>
    void read(const char* key, const json& value, E& out) const {
        if (value.is_string())
            if (auto parsed = enumFromCode<E>(value.get_ref<const std::string&>())) { out = *parsed; return; }
        fail(key, trf("une valeur parmi {} attendue, reçu {}", "expected one of {}, got {}", codeList<E>(), echo(value)));
    }
    void read(const char* key, const json& value, NoteMove& out) const {
        if (!value.is_object()) fail(key, tr("objet {\"note\",\"x\",\"y\"} attendu", "expected an object {\"note\",\"x\",\"y\"}"));
        FieldReader inner(value, m_action + "." + key);
        out.fields(inner);
        inner.rejectUnknownFields();
    }
    template <typename T> void read(const char* key, const json& value, std::vector<T>& out) const {
        if (!value.is_array()) fail(key, trf("liste attendue, reçu {}", "expected a list, got {}", echo(value)));
        out.clear();
        for (const auto& item : value) {
            T element{};
            read(key, item, element);
            out.push_back(std::move(element));
        }
    }

    const json& m_object;
    std::string m_action;
    std::set<std::string> m_known;
};

class FieldWriter {
public:
    explicit FieldWriter(json& out) : m_out(out) {}
    template <typename F> void operator()(const char* key, const F& field, Opt opt = Opt::Required) {
        if constexpr (IsOptional<F>::value) {
            if (field) m_out[key] = value(*field);
        } else if constexpr (std::is_same_v<F, Id>) {
            if (field || opt == Opt::Required) m_out[key] = value(field);
        } else {
            m_out[key] = value(field);
        }
    }

private:
    static json value(const Id& id) { return id.str(); }
    static json value(const std::string& s) { return s; }
    static json value(bool b) { return b; }
    static json value(int i) { return i; }
    static json value(double d) { return d; }
    template <typename E, std::enable_if_t<std::is_enum_v<E>, int> = 0> static json value(E e) {
        return std::string(codeOf(e));
    }
    static json value(const NoteMove& m) { return json{{"note", m.note.str()}, {"x", m.x}, {"y", m.y}}; }
    template <typename T> static json value(const std::vector<T>& items) {
        json array = json::array();
        for (const auto& item : items) array.push_back(value(item));
        return array;
    }
    json& m_out;
};

class FieldDocumenter {
public:
    std::vector<FieldDoc> fields;
    template <typename F> void operator()(const char* key, const F&, Opt opt = Opt::Required) {
        fields.push_back({key, typeName<F>(), !IsOptional<F>::value && opt == Opt::Required});
    }

private:
    template <typename F> static std::string typeName() {
        if constexpr (IsOptional<F>::value) return typeName<typename F::value_type>();
        else if constexpr (IsVector<F>::value) return std::string("[").append(typeName<typename F::value_type>()).append("]");
        else if constexpr (std::is_same_v<F, Id>) return "id";
        else if constexpr (std::is_same_v<F, std::string>) return "text";
        else if constexpr (std::is_same_v<F, bool>) return "boolean";
        else if constexpr (std::is_same_v<F, int>) return "integer";
        else if constexpr (std::is_same_v<F, double>) return "number";
        else if constexpr (std::is_same_v<F, NoteMove>) return "{note, x, y}";
        else return codeList<F>();
    }
};

template <std::size_t I = 0> Action makeByName(const std::string& name, const json& object) {
    if constexpr (I < std::variant_size_v<Action>) {
        using T = std::variant_alternative_t<I, Action>;
        if (name == T::kName) {
            T action{};
            FieldReader reader(object, name);
            action.fields(reader);
            reader.rejectUnknownFields();
            return action;
        }
        return makeByName<I + 1>(name, object);
    } else {
        throw ValidationError(trf("action inconnue « {} ». La liste des actions est donnée par « atelier actions ».",
                                  "unknown action \"{}\". \"atelier actions\" lists them.", rules::shorten(name)));
    }
}

template <std::size_t... I> std::vector<ActionDoc> documentAll(std::index_sequence<I...>) {
    std::vector<ActionDoc> docs;
    (
        [&] {
            using T = std::variant_alternative_t<I, Action>;
            T action{};
            FieldDocumenter documenter;
            action.fields(documenter);
            docs.push_back({T::kName, isUndoable(Action{action}), std::move(documenter.fields)});
        }(),
        ...);
    return docs;
}

} // namespace

json parseActionLine(std::string_view line) {
    // Before the parser: its error messages quote the line, and the reply is JSON, which must be UTF-8.
    if (auto bad = rules::firstInvalidUtf8(line))
        throw ValidationError(trf("texte qui n'est pas de l'UTF-8 valide à l'octet {} (compté depuis 1). "
                                  "Enregistrez le fichier en UTF-8.",
                                  "text that is not valid UTF-8 at byte {} (counted from 1). Save the file as UTF-8.",
                                  *bad + 1));
    // Before the parser too: a value nested 100,000 deep parses, but printing or walking it
    // recurses once per level and exhausts the stack.
    int depth = 0;
    bool inString = false, escaped = false;
    for (std::size_t i = 0; i < line.size(); ++i) {
        char c = line[i];
        if (inString) {
            if (escaped) escaped = false;
            else if (c == '\\') escaped = true;
            else if (c == '"') inString = false;
        } else if (c == '"') {
            inString = true;
        } else if (c == '[' || c == '{') {
            if (++depth > kMaxActionDepth)
                throw ValidationError(trf("JSON imbriqué trop profondément (plus de {} niveaux, octet {}) : "
                                          "une action n'a que quelques niveaux.",
                                          "JSON nested too deeply (over {} levels, byte {}): an action has only a few levels.",
                                          kMaxActionDepth, i + 1));
        } else if (c == ']' || c == '}') {
            --depth;
        }
    }
    try {
        return json::parse(line);
    } catch (const json::parse_error& e) {
        throw ValidationError(trf("JSON invalide à l'octet {} : {}", "invalid JSON at byte {}: {}", e.byte,
                                  rules::shorten(e.what(), 160)));
    } catch (const json::exception& e) {
        // out_of_range for a number too large for a double (3e333333).
        throw ValidationError(trf("JSON invalide ({}).", "invalid JSON ({}).", rules::shorten(e.what(), 160)));
    }
}

Action actionFromJson(const json& object) {
    if (!object.is_object())
        throw ValidationError(tr("un objet JSON {\"action\": …} est attendu.", "a JSON object {\"action\": …} is expected."));
    auto it = object.find("action");
    if (it == object.end() || !it->is_string())
        throw ValidationError(tr("le champ « action » (le nom de l'action, en texte) manque.",
                                 "the \"action\" field (the action's name, as text) is missing."));
    return makeByName(it->get<std::string>(), object);
}

json actionToJson(const Action& action) {
    json out = json::object();
    out["action"] = actionName(action);
    std::visit(
        [&](const auto& a) {
            FieldWriter writer(out);
            const_cast<std::decay_t<decltype(a)>&>(a).fields(writer); // the writer only reads
        },
        action);
    return out;
}

std::vector<ActionDoc> actionReference() {
    return documentAll(std::make_index_sequence<std::variant_size_v<Action>>{});
}

const char* actionName(const Action& action) {
    return std::visit([](const auto& a) { return std::decay_t<decltype(a)>::kName; }, action);
}

bool isUndoable(const Action& action) {
    return std::visit(
        [](const auto& a) {
            using T = std::decay_t<decltype(a)>;
            return !(std::is_same_v<T, AddFeedback> || std::is_same_v<T, StartTimer> || std::is_same_v<T, PauseTimer> ||
                     std::is_same_v<T, ResumeTimer> || std::is_same_v<T, ExtendTimer> ||
                     std::is_same_v<T, ResetTimer> || std::is_same_v<T, FinishTimer> ||
                     std::is_same_v<T, RestoreTimer>);
        },
        action);
}

} // namespace atelier
