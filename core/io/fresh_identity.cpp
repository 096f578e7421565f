#include "io/fresh_identity.hpp"

#include "io/import_error.hpp"
#include "model/language.hpp"
#include "model/rows.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <map>
#include <set>
#include <unordered_map>

namespace atelier {

namespace {

using Json = nlohmann::ordered_json;

// The columns holding ids, from the same column lists the store and the bundle use.
struct IdColumns {
    std::set<std::string> keys;
    template <typename F> void operator()(const char* column, const F&) {
        if constexpr (std::is_same_v<F, Id>) {
            std::string key = column;
            if (key.size() > 1 && key.front() == '"') key = key.substr(1, key.size() - 2);
            keys.insert(key);
        }
    }
};

template <typename T> void collect(std::map<std::string, std::set<std::string>>& into) {
    IdColumns c;
    T row{};
    columns(c, row);
    into[TableOf<T>::table] = std::move(c.keys);
}

const std::map<std::string, std::set<std::string>>& idColumns() {
    static const auto table = [] {
        std::map<std::string, std::set<std::string>> t;
        collect<EventInfo>(t);
        collect<Slot>(t);
        collect<Challenge>(t);
        collect<Team>(t);
        collect<Member>(t);
        collect<PhaseChange>(t);
        collect<Cluster>(t);
        collect<Note>(t);
        collect<VoteRound>(t);
        collect<Vote>(t);
        collect<Prototype>(t);
        collect<Photo>(t);
        collect<Feedback>(t);
        collect<TimedSession>(t);
        return t;
    }();
    return table;
}

// Moments (ms UTC), as opposed to durations (duration_ms …) and counters (z …); 0 means none.
bool isMoment(const std::string& key) {
    static const std::set<std::string> kMoments{"created_at", "selected_at", "at", "opened_at", "started_at"};
    return kMoments.count(key) > 0;
}

} // namespace

std::string withFreshIdentity(std::string_view bundleJson, Millis now) {
    Json root = Json::parse(bundleJson.begin(), bundleJson.end(), nullptr, false);
    if (root.is_discarded() || !root.is_object() || !root.contains("tables") || !root["tables"].is_object())
        throw ImportError(tr("Paquet refusé : ce n'est pas le JSON d'un paquet Atelier (objet \"tables\" manquant).",
                             "Bundle refused: not the JSON of an Atelier bundle (\"tables\" object missing)."));
    Json& tables = root["tables"];

    Millis latest = 0;
    for (auto& [table, rows] : tables.items())
        if (rows.is_array())
            for (auto& row : rows)
                if (row.is_object())
                    for (auto& [key, value] : row.items())
                        if (isMoment(key) && value.is_number_integer()) latest = std::max(latest, value.get<Millis>());
    const Millis shift = latest > 0 ? now - latest : 0;

    std::unordered_map<std::string, std::string> fresh; // old id → new id, the same in every table
    auto renamed = [&](const std::string& old) -> const std::string& {
        auto [it, inserted] = fresh.try_emplace(old);
        if (inserted) it->second = newId().str();
        return it->second;
    };
    for (auto& [table, rows] : tables.items()) {
        auto ids = idColumns().find(table);
        if (!rows.is_array()) continue;
        for (auto& row : rows) {
            if (!row.is_object()) continue;
            for (auto& [key, value] : row.items()) {
                if (ids != idColumns().end() && ids->second.count(key) && value.is_string()) value = renamed(value.get<std::string>());
                else if (isMoment(key) && value.is_number_integer() && value.get<Millis>() > 0) value = value.get<Millis>() + shift;
            }
        }
    }
    return root.dump(1) + "\n";
}

} // namespace atelier
