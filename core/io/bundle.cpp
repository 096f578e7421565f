#include "io/bundle.hpp"

#include "io/bundle_columns.hpp"
#include "model/rows.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>

namespace atelier {

namespace {

using OrderedJson = nlohmann::ordered_json;
using bundle_columns::IsOptional;
using bundle_columns::keyOf;
using bundle_columns::kFormat;

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
