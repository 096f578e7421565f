// Property test of merging: random streams of every action kind (undo and redo too) on 2 to 14
// copies of one event, merged in random orders and directions, then checked:
// - every merge succeeds;
// - all copies converge to the same canonical dump (every content table and column, rows by
//   id, photos' bytes included; left out: the journal and the replica row, a file's own
//   bookkeeping, and SQLite's own tables such as the search index), which is also
//   what one fresh copy of the starting file reaches by merging everything at once;
// - every row any copy created or edited is there, or its removal is in that fresh merge's
//   report and comes from a delete that had seen every change to the row (a removal with
//   concurrent work on the row is a failure, reported or not);
// - the dots there equal the dots cast minus those whose removal is reported.
// ATELIER_MERGE_SCENARIOS (default 1000) and ATELIER_MERGE_SEED set the run; a failure prints
// the seed that reproduces it.
#include "sync/causality.hpp"
#include "sync/changeset_walk.hpp"
#include "sync/journal.hpp"
#include "sync/replica.hpp"
#include "storage/content_check.hpp"
#include "storage/store.hpp"
#include "rules/row_rules.hpp"
#include "model/errors.hpp"
#include "support.hpp"

#include <catch2/catch.hpp>

#include <sqlite3.h>

#include <chrono>
#include <cstdlib>
#include <iostream>
#include <map>
#include <random>
#include <set>
#include <variant>

using namespace atelier;
using namespace atelier::test;

namespace {

template <typename T> const T* pick(const Rows<T>& rows, std::mt19937_64& rng) {
    if (rows.empty()) return nullptr;
    // Rows are in a hash map: pick by sorted id, so a seed gives the same stream.
    std::vector<Id> ids;
    ids.reserve(rows.size());
    for (const auto& [id, row] : rows) ids.push_back(id);
    std::sort(ids.begin(), ids.end());
    return &rows.at(ids[std::uniform_int_distribution<std::size_t>(0, ids.size() - 1)(rng)]);
}

struct Stats {
    std::size_t scenarios = 0, copies = 0, attempted = 0, applied = 0, merges = 0, undos = 0;
    std::set<std::string> kinds;
};

// One random action for this copy's state; nullopt for undo/redo (done directly).
class ActionSource {
public:
    explicit ActionSource(std::mt19937_64& rng) : m_rng(rng) {}

    bool step(Engine& e, Stats& stats) {
        const EventState& s = e.state();
        int kind = std::uniform_int_distribution<int>(0, 47)(m_rng);
        ++stats.attempted;
        try {
            if (kind == 46) {
                ++stats.undos;
                stats.kinds.insert("undo");
                return !e.undo().empty();
            }
            if (kind == 47) {
                stats.kinds.insert("redo");
                return !e.redo().empty();
            }
            auto action = make(kind, s);
            if (!action) return false;
            e.apply(*action);
            stats.kinds.insert(actionName(*action));
            ++stats.applied;
            return true;
        } catch (const ValidationError&) {
            return false; // refused as a user would be: nothing changed
        }
    }

private:
    int num(int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(m_rng); }
    std::string word() {
        static const char* words[] = {"idée", "guichet", "accueil", "démarche", "usager", "élu", "mairie", "délai"};
        return std::string(words[num(0, 7)]) + " " + std::to_string(num(1, 99));
    }
    template <typename T> Id any(const Rows<T>& rows) {
        const T* r = pick(rows, m_rng);
        return r ? r->id : Id{};
    }
    const Note* noteOf(const EventState& s, Id team) {
        auto notes = s.notesOfTeam(team);
        return notes.empty() ? nullptr : notes[static_cast<std::size_t>(num(0, static_cast<int>(notes.size()) - 1))];
    }
    const Cluster* clusterOf(const EventState& s, Id team) {
        auto clusters = s.clustersOfTeam(team);
        return clusters.empty() ? nullptr : clusters[static_cast<std::size_t>(num(0, static_cast<int>(clusters.size()) - 1))];
    }
    const VoteRound* openRound(const EventState& s, Id team) {
        for (const auto& [id, r] : s.voteRounds)
            if (r.teamId == team && !r.closed) return &r;
        return nullptr;
    }

    std::optional<Action> make(int kind, const EventState& s) {
        const Team* team = pick(s.teams, m_rng);
        Id t = team ? team->id : Id{};
        switch (kind) {
        case 0: return EditEvent{word(), {}, {}, {}, {}, {}};
        case 1: return AddSlot{{}, "2018-07-09", "09:00", "10:00", word(), SlotKind::Other, ""};
        case 2: return EditSlot{any(s.slots), {}, {}, {}, word(), {}, {}};
        case 3: return DeleteSlot{any(s.slots)};
        case 4: return AddChallenge{{}, num(1, 20), "Comment " + word() + " ?", "", "", "", "", "", "", "", ""};
        case 5: return EditChallenge{any(s.challenges), {}, "Comment " + word() + " ?", {}, {}, {}, {}, {}, {}, {}, {}};
        case 6: return DeleteChallenge{any(s.challenges)};
        case 7: return AddTeam{{}, "Équipe " + word(), "", any(s.challenges)};
        case 8: return EditTeam{t, word(), {}, {}};
        case 9: return DeleteTeam{t};
        case 10: return AddMember{{}, t, num(0, 1) ? "Awa" : word(), "", Role::Participant};
        case 11: {
            if (num(0, 2) == 0) return EditMember{any(s.members), t, {}, {}, {}}; // to another team: refused once they wrote or voted
            return EditMember{any(s.members), {}, num(0, 1) ? "Awa" : word(), {}, {}};
        }
        case 12: return DeleteMember{any(s.members)};
        case 13: return SetPhase{t, static_cast<Phase>(num(0, 3))};
        case 14:
        case 15: {
            const Cluster* c = clusterOf(s, t);
            auto members = s.membersOfTeam(t);
            Id author = !members.empty() && num(0, 1) ? members[static_cast<std::size_t>(num(0, static_cast<int>(members.size()) - 1))]->id : Id{};
            return AddNote{{}, t, word(), "", double(num(0, 800)), double(num(0, 600)), {}, {}, author, num(0, 2) == 0 && c ? c->id : Id{}};
        }
        case 16: {
            const Note* n = noteOf(s, t);
            if (!n) return std::nullopt;
            return EditNote{n->id, word(), {}, {}, {}};
        }
        case 17: {
            const Note* n = noteOf(s, t);
            if (!n) return std::nullopt;
            const Cluster* c = clusterOf(s, t);
            MoveNotes m{{{n->id, double(num(0, 800)), double(num(0, 600))}}, {}};
            if (c && num(0, 1)) m.cluster = c->id;
            else if (num(0, 3) == 0) m.cluster = Id{};
            return m;
        }
        case 18: {
            const Note* n = noteOf(s, t);
            if (!n) return std::nullopt;
            return RecolourNotes{{n->id}, num(0, 1) ? "#FFEE88" : "#88CCEE"};
        }
        case 19: {
            const Note* n = noteOf(s, t);
            if (!n) return std::nullopt;
            return DeleteNotes{{n->id}};
        }
        case 20: {
            std::vector<Id> notes;
            if (const Note* n = noteOf(s, t)) notes.push_back(n->id);
            return AddCluster{{}, t, "Groupe " + word(), "", double(num(0, 800)), double(num(0, 600)), notes};
        }
        case 21: {
            const Cluster* c = clusterOf(s, t);
            if (!c) return std::nullopt;
            return EditCluster{c->id, word(), {}};
        }
        case 22: {
            const Cluster* c = clusterOf(s, t);
            if (!c) return std::nullopt;
            return MoveCluster{c->id, double(num(0, 800)), double(num(0, 600))};
        }
        case 23: {
            const Cluster* c = clusterOf(s, t);
            if (!c) return std::nullopt;
            return DissolveCluster{c->id};
        }
        case 24: return SetPrivateWriting{t, num(0, 1) == 1};
        case 25: return RevealNotes{t};
        case 26:
            return OpenVoteRound{{}, t, num(2, 5), num(0, 1) ? std::optional<int>(2) : std::nullopt,
                                 num(0, 1) ? VoteMode::Members : VoteMode::Tally};
        case 27:
        case 28:
        case 29: { // votes are frequent: they are what concurrency breaks most
            const VoteRound* r = openRound(s, t);
            auto members = s.membersOfTeam(t);
            if (!r || members.empty()) return std::nullopt;
            const Member* m = members[static_cast<std::size_t>(num(0, static_cast<int>(members.size()) - 1))];
            const Cluster* c = clusterOf(s, t);
            const Note* n = noteOf(s, t);
            if (c && num(0, 2) == 0) return CastVote{r->id, m->id, {}, c->id, 1};
            if (!n) return std::nullopt;
            return CastVote{r->id, m->id, n->id, {}, num(1, 2)};
        }
        case 30: {
            const VoteRound* r = openRound(s, t);
            const Note* n = noteOf(s, t);
            if (r && n && r->mode == VoteMode::Tally) return SetTally{r->id, n->id, {}, num(0, 6)};
            const Vote* v = pick(s.votes, m_rng);
            if (!v) return std::nullopt;
            return WithdrawVote{v->roundId, v->memberId, v->noteId, v->clusterId, 1};
        }
        case 31: {
            const VoteRound* r = pick(s.voteRounds, m_rng);
            if (!r) return std::nullopt;
            return RevealVotes{r->id, num(0, 1) == 1};
        }
        case 32: {
            const VoteRound* r = openRound(s, t);
            if (!r) return std::nullopt;
            return CloseVoteRound{r->id};
        }
        case 33: {
            const Note* n = noteOf(s, t);
            const Cluster* c = clusterOf(s, t);
            if (c && num(0, 1)) return SelectIdea{t, {}, c->id};
            if (!n) return std::nullopt;
            return SelectIdea{t, n->id, {}};
        }
        case 34: {
            const Note* n = noteOf(s, t);
            return AddPrototype{{}, t, "Proto " + word(), "", PrototypeFormat::Mockup, PrototypeStatus::Draft, "", n ? n->id : Id{}, {}};
        }
        case 35: return EditPrototype{any(s.prototypes), word(), {}, {}, {}, {}};
        case 36: return AddPrototypeVersion{{}, any(s.prototypes), word(), {}, {}, {}};
        case 37: return DeletePrototype{any(s.prototypes)};
        case 38: return AddFeedback{{}, any(s.prototypes), FeedbackKind::Like, word(), {}, ""};
        case 39: return StartTimer{{}, word(), Phase::Diverge, {}, num(60, 900)};
        case 40: return PauseTimer{any(s.timedSessions)};
        case 41: return ResumeTimer{any(s.timedSessions)};
        case 42: return ExtendTimer{any(s.timedSessions), 60};
        case 43: {
            int which = num(0, 2);
            if (which == 0) return ResetTimer{any(s.timedSessions)};
            if (which == 1) return FinishTimer{any(s.timedSessions)};
            return RestoreTimer{any(s.timedSessions)}; // a replaced, paused countdown back in front
        }
        case 44: return AddPhoto{{}, any(s.prototypes), "iVBORw0KGgoAAAANSUhEUg==", "image/png", 4, 4, word()}; // a PNG signature
        case 45: return DeletePhoto{any(s.photos)};
        }
        return std::nullopt;
    }

    std::mt19937_64& m_rng;
};

struct Write {
    std::size_t entry; // position in the final journal's replay order
};

// Row changes of the final journal, in replay order, for the oracles.
struct History {
    std::vector<JournalEntry> entries;
    std::map<std::pair<std::string, std::int64_t>, std::vector<std::size_t>> writes, deletes;
    long long directDots = 0; // dots cast minus withdrawn, as the actions recorded them
    using Key = std::pair<std::pair<std::string, std::int64_t>, std::size_t>;
    std::map<Key, std::vector<std::pair<int, std::string>>> columnsWritten; // per row and entry: column, value
    std::map<Key, std::vector<std::string>> deletedValues;                  // per row and deleting entry
    std::set<Key> cascaded;                                                 // deletes made by a cascade
    std::set<Key> addsDots;                                                 // vote writes that add dots
    // Rows an undo puts back after a cascade took them (indirect inserts): they restore what
    // earlier writes made, which are checked themselves, so they are no new work on the row.
    std::set<Key> restoring;
    static std::string valueText(sqlite3_value* v) {
        if (sqlite3_value_type(v) == SQLITE_NULL) return "NULL";
        auto* t = sqlite3_value_text(v);
        return t ? std::string(reinterpret_cast<const char*>(t), static_cast<std::size_t>(sqlite3_value_bytes(v))) : "";
    }

    explicit History(Store& store, std::size_t skip) {
        Journal journal(store);
        entries = journal.all();
        std::sort(entries.begin(), entries.end(), replayBefore);
        auto known = std::set<Id>();
        for (std::size_t i = 0; i < entries.size(); ++i) {
            bool counted = i >= skip;
            walkChanges(entries[i].changes, [&](const ChangeStep& step) {
                sqlite3_value* key = nullptr;
                if (step.op == SQLITE_INSERT) sqlite3changeset_new(step.it, 0, &key);
                else sqlite3changeset_old(step.it, 0, &key);
                std::pair<std::string, std::int64_t> row{step.table, key ? sqlite3_value_int64(key) : 0};
                const char* t = nullptr;
                int columns = 0, op = 0, indirect = 0;
                sqlite3changeset_op(step.it, &t, &columns, &op, &indirect);
                // A cascade's SET NULL (a prototype's note deleted) is not work on the row.
                if (step.op == SQLITE_DELETE) {
                    deletes[row].push_back(i);
                    if (indirect) cascaded.insert({row, i});
                    auto& old = deletedValues[{row, i}];
                    for (int c = 0; c < columns; ++c) {
                        sqlite3_value* v = nullptr;
                        sqlite3changeset_old(step.it, c, &v);
                        old.push_back(v ? valueText(v) : std::string());
                    }
                }
                else if (step.op == SQLITE_INSERT || !indirect) {
                    writes[row].push_back(i);
                    if (indirect) restoring.insert({row, i});
                    auto& cols = columnsWritten[{row, i}];
                    for (int c = 0; c < columns; ++c) {
                        sqlite3_value* v = nullptr;
                        if (sqlite3changeset_new(step.it, c, &v) == SQLITE_OK && v) cols.emplace_back(c, valueText(v));
                    }
                }
                if (row.first != "vote") return;
                const int countColumn = 5;
                sqlite3_value* o = nullptr;
                sqlite3_value* n = nullptr;
                if (step.op != SQLITE_INSERT) sqlite3changeset_old(step.it, countColumn, &o);
                if (step.op != SQLITE_DELETE) sqlite3changeset_new(step.it, countColumn, &n);
                // An undo bringing back dots a cascade took (an indirect insert) casts nothing:
                // those dots were cast by the writes before it, which are checked themselves.
                if (n && !indirect && (!o || sqlite3_value_int64(n) > sqlite3_value_int64(o))) addsDots.insert({row, i});
                if (!counted) return;
                if (step.op == SQLITE_DELETE && indirect) return; // taken by a cascade: a removal, reported
                long long before = o ? sqlite3_value_int64(o) : 0, after = n ? sqlite3_value_int64(n) : before;
                if (step.op == SQLITE_DELETE) after = 0;
                if (step.op == SQLITE_UPDATE && !n) return;
                directDots += after - before;
            });
        }
    }
};

// The canonical dump, plus the photos' bytes (the dump gives a blob's size only).
std::string contentOf(Store& store) {
    std::string out = store.canonicalDump() + "# photo bytes\n";
    SQLite::Statement st(store.db(), "SELECT id, hex(data) FROM photo ORDER BY id");
    while (st.executeStep()) out += st.getColumn(0).getString() + "|" + st.getColumn(1).getString() + "\n";
    return out;
}

long long dotsIn(Store& store) { return store.db().execAndGet("SELECT coalesce(sum(count), 0) FROM vote").getInt64(); }

bool rowExists(Store& store, const std::string& table, std::int64_t id) {
    SQLite::Statement st(store.db(), "SELECT 1 FROM \"" + table + "\" WHERE id = ?");
    st.bind(1, id);
    return st.executeStep();
}

// The starting event: two défis, two teams of two members, notes, a regroupement, an open
// vote with dots, a prototype based on a note, a timer.
void makeBase(const std::string& path, FakeClock& clock) {
    EventInfo info;
    info.name = "Propriété";
    auto e = Engine::create(path, info, clock);
    Id c1 = e->apply(AddChallenge{{}, 1, "Comment simplifier ?", "", "", "", "", "", "", "", ""}).created[0];
    Id c2 = e->apply(AddChallenge{{}, 2, "Comment accueillir ?", "", "", "", "", "", "", "", ""}).created[0];
    for (Id c : {c1, c2}) {
        Id team = e->apply(AddTeam{{}, c == c1 ? "Équipe 1" : "Équipe 2", "", c}).created[0];
        Id m1 = e->apply(AddMember{{}, team, "Awa", "", Role::Participant}).created[0];
        e->apply(AddMember{{}, team, "Bruno", "", Role::Participant});
        Id n1 = e->apply(AddNote{{}, team, "Première idée", "", 10, 10, {}, {}, {}, {}}).created[0];
        Id n2 = e->apply(AddNote{{}, team, "Deuxième idée", "", 200, 10, {}, {}, {}, {}}).created[0];
        e->apply(AddCluster{{}, team, "Accueil", "", 400, 300, {n2}});
        Id round = e->apply(OpenVoteRound{{}, team, 4, {}, VoteMode::Members}).created[0];
        e->apply(CastVote{round, m1, n1, {}, 2});
        e->apply(AddPrototype{{}, team, "Maquette", "", PrototypeFormat::Mockup, PrototypeStatus::Draft, "", n1, {}});
    }
    e->apply(StartTimer{{}, "Diverger", Phase::Diverge, {}, 600});
}

std::string failureText(std::uint64_t seed, const std::string& what) {
    return "seed " + std::to_string(seed) + " (ATELIER_MERGE_SEED=" + std::to_string(seed) + " ATELIER_MERGE_SCENARIOS=1): " + what;
}

// One scenario; returns an empty string, or what failed.
std::string runScenario(std::uint64_t seed, const std::string& start, Stats& stats) {
    std::mt19937_64 rng(seed);
    // Never the starting event's id stream (seed 42): scenario 42 would make its ids again.
    seedIdsForTests(seed ^ 0x9E3779B97F4A7C15ull);
    TempDir dir;
    FakeClock clock;
    std::string base = dir.file("base.db");
    copyEventFile(start, base, "départ", {}); // the same starting event for every scenario, made once
    int copyCount = std::uniform_int_distribution<int>(0, 3)(rng) == 0 ? std::uniform_int_distribution<int>(5, 14)(rng)
                                                                         : std::uniform_int_distribution<int>(2, 4)(rng);
    std::vector<std::string> paths;
    std::vector<std::unique_ptr<FakeClock>> clocks; // each laptop its own clock, some hours off
    std::vector<std::unique_ptr<Engine>> engines;
    for (int i = 0; i < copyCount; ++i) {
        paths.push_back(dir.file("copy" + std::to_string(i) + ".db"));
        copyEventFile(base, paths.back(), "copie " + std::to_string(i), {});
        clocks.push_back(std::make_unique<FakeClock>());
        clocks.back()->set(clock.now() + std::uniform_int_distribution<long long>(-4 * 3600'000LL, 4 * 3600'000LL)(rng));
        engines.push_back(Engine::open(paths.back(), *clocks.back()));
    }
    std::size_t baseEntries = 0;
    {
        auto b = Store::open(base, OpenMode::ReadOnly);
        baseEntries = Journal(*b).size();
    }
    long long baseDots = 0;
    {
        auto b = Store::open(base, OpenMode::ReadOnly);
        baseDots = dotsIn(*b);
    }
    ++stats.scenarios;
    stats.copies += static_cast<std::size_t>(copyCount);
    ActionSource source(rng);
    int steps = std::uniform_int_distribution<int>(10, 40)(rng);
    for (int s = 0; s < steps; ++s) {
        int who = std::uniform_int_distribution<int>(0, copyCount - 1)(rng);
        clocks[static_cast<std::size_t>(who)]->advance(1000);
        if (std::uniform_int_distribution<int>(0, 4)(rng) == 0) {
            int from = std::uniform_int_distribution<int>(0, copyCount - 1)(rng);
            if (from == who) continue;
            try {
                engines[static_cast<std::size_t>(who)]->mergeFrom(paths[static_cast<std::size_t>(from)]);
                ++stats.merges;
            } catch (const std::exception& e) {
                return "merge failed: " + std::string(e.what());
            }
        } else {
            source.step(*engines[static_cast<std::size_t>(who)], stats);
        }
    }
    // Everything into copy 0 in one multi-copy merge, then back to every copy.
    try {
        std::vector<std::string> others(paths.begin() + 1, paths.end());
        engines[0]->mergeFrom(others);
        ++stats.merges;
        for (int i = 1; i < copyCount; ++i) {
            engines[static_cast<std::size_t>(i)]->mergeFrom(paths[0]);
            ++stats.merges;
        }
    } catch (const std::exception& e) {
        return "final merge failed: " + std::string(e.what());
    }
    std::string dump = contentOf(engines[0]->store());
    for (int i = 1; i < copyCount; ++i)
        if (std::string other = contentOf(engines[static_cast<std::size_t>(i)]->store()); other != dump) {
            if (std::getenv("ATELIER_MERGE_VERBOSE")) std::cout << "copy 0:\n" << dump << "\ncopy " << i << ":\n" << other << "\n";
            return "copy " + std::to_string(i) + " differs from copy 0 after every merge";
        }
    // A fresh copy of the start, everything merged at once: the same content, and one report.
    std::string fresh = dir.file("fresh.db");
    copyEventFile(base, fresh, "neuve", {});
    MergeReport report;
    std::string freshDump;
    {
        auto f = Engine::open(fresh, clock);
        try {
            report = f->mergeFrom(paths[0]);
        } catch (const std::exception& e) {
            return "fresh merge failed: " + std::string(e.what());
        }
        freshDump = contentOf(f->store());
    }
    if (freshDump != dump) return "a fresh copy merging everything at once differs from the copies";

    if (std::getenv("ATELIER_MERGE_VERBOSE")) {
        for (const auto& c : report.conflicts) std::cout << int(c.kind) << " dots " << c.dots << " " << c.table << " " << c.what << "\n";
    }
    // Survival: every row written is there, or was removed by a delete that had seen every
    // write to it, and the removal is reported.
    Store& final = engines[0]->store();
    History history(final, 0);
    std::set<std::pair<std::string, std::int64_t>> reportedRemovals, reportedRepairs, reportedRestores;
    long long reportedDots = 0;
    for (const auto& c : report.conflicts) {
        if (c.kind == ConflictKind::Removed || c.kind == ConflictKind::DotsReturned) reportedRemovals.insert({c.table, c.row.value});
        if (c.kind == ConflictKind::Repaired) reportedRepairs.insert({c.table, c.row.value});
        if (c.kind == ConflictKind::Restored) reportedRestores.insert({c.table, c.row.value});
        reportedDots += c.dots;
    }
    // Dots are work too: dots reported given back with their note, regroupement, member or
    // round must have been seen by a delete that took them (a cast concurrent with that delete
    // brings the target back instead). Dots gone otherwise (withdrawn, trimmed by a repair) are
    // counted by the dots check below.
    static const std::set<std::string> kWork{"note", "cluster", "team", "member", "challenge", "prototype",
                                             "feedback", "slot", "photo", "vote"};
    for (const auto& [row, writers] : history.writes) {
        if (!kWork.count(row.first) || rowExists(final, row.first, row.second)) continue;
        auto d = history.deletes.find(row);
        if (row.first == "vote") {
            if (!reportedRemovals.count(row) || reportedRestores.count(row) || d == history.deletes.end()) continue;
            for (std::size_t w : writers) {
                if (!history.addsDots.count({row, w})) continue;
                bool seen = false;
                for (std::size_t del : d->second)
                    if (del > w && history.cascaded.count({row, del}) && happenedBefore(history.entries[w], history.entries[del])) seen = true;
                if (!seen && std::getenv("ATELIER_MERGE_VERBOSE"))
                    for (std::size_t k = 0; k < history.entries.size(); ++k)
                        std::cout << k << (k == w ? " W " : history.cascaded.count({row, k}) ? " C " : "   ")
                                  << history.entries[k].origin.value % 1000 << "#" << history.entries[k].seq << " "
                                  << history.entries[k].description << " seen "
                                  << formatVersionVector(history.entries[k].seen.value_or(VersionVector{})) << "\n";
                if (!seen)
                    return "vote " + std::to_string(row.second) + ": dots reported given back, though « " + history.entries[w].description +
                           " » cast them concurrently with what took them";
            }
            continue;
        }
        if (d == history.deletes.end()) return row.first + " " + std::to_string(row.second) + " is gone, and no change deleted it";
        std::size_t last = d->second.back();
        // A write replayed after the last delete (concurrent with it) must bring the row back
        // (for dots: one that adds dots; withdrawals may take a row to nothing).
        for (std::size_t w : writers)
            if (w > last && (row.first != "vote" || history.addsDots.count({row, w})))
                return row.first + " " + std::to_string(row.second) + " is gone, though « " + history.entries[w].description +
                       " » wrote it concurrently with its delete « " + history.entries[last].description + " »";
        // Each field's last edit before the last delete must have been seen by a delete made
        // after it (an edit another edit already replaced is not what a delete took; of several
        // deletes of one row, the one that saw the edit is the one that stands). An edit that
        // leaves a field as a delete saw it (an undone edit) changed nothing that delete took.
        std::map<int, std::pair<std::size_t, std::string>> lastEdit;
        for (std::size_t w : writers)
            if (w < last && !history.restoring.count({row, w}))
                for (const auto& [c, value] : history.columnsWritten[{row, w}]) lastEdit[c] = {w, value};
        for (const auto& [column, edit] : lastEdit) {
            std::size_t w = edit.first;
            bool seen = false;
            for (std::size_t del : d->second) {
                if (del < w) continue;
                const auto& seenByDelete = history.deletedValues[{row, del}];
                if ((static_cast<std::size_t>(column) < seenByDelete.size() && seenByDelete[static_cast<std::size_t>(column)] == edit.second) ||
                    happenedBefore(history.entries[w], history.entries[del]))
                    seen = true;
            }
            if (!seen) {
                if (std::getenv("ATELIER_MERGE_VERBOSE"))
                    for (std::size_t k = 0; k < history.entries.size(); ++k)
                        std::cout << k << (k == w ? " W " : k == last ? " D " : "   ") << history.entries[k].origin.value % 1000 << "#"
                                  << history.entries[k].seq << " " << history.entries[k].description << " seen "
                                  << formatVersionVector(history.entries[k].seen.value_or(VersionVector{})) << "\n";
                return row.first + " " + std::to_string(row.second) + " was deleted by « " + history.entries[last].description +
                       " » concurrently with « " + history.entries[w].description + " », and is gone";
            }
        }
        if (!reportedRemovals.count(row)) {
            if (std::getenv("ATELIER_MERGE_VERBOSE"))
                for (std::size_t k = 0; k < history.entries.size(); ++k) {
                    bool wrote = std::find(writers.begin(), writers.end(), k) != writers.end();
                    bool deleted = std::find(d->second.begin(), d->second.end(), k) != d->second.end();
                    std::cout << k << (wrote ? " W " : deleted ? (history.cascaded.count({row, k}) ? " C " : " D ") : "   ")
                              << history.entries[k].origin.value % 1000 << "#" << history.entries[k].seq << " "
                              << history.entries[k].description << " seen "
                              << formatVersionVector(history.entries[k].seen.value_or(VersionVector{})) << "\n";
                }
            return row.first + " " + std::to_string(row.second) + " is gone and no line of the report says so";
        }
    }
    // The merged content keeps every rule: the one validation (rules::checkState) and
    // `atelier check`'s separate SQL rules both find nothing.
    {
        auto offences = rules::checkState(final.loadAll(), 5);
        if (!offences.empty() && std::getenv("ATELIER_MERGE_VERBOSE"))
            for (std::size_t k = 0; k < history.entries.size(); ++k)
                std::cout << k << "   " << history.entries[k].origin.value % 1000 << "#" << history.entries[k].seq << " "
                          << history.entries[k].description << " seen "
                          << formatVersionVector(history.entries[k].seen.value_or(VersionVector{})) << "\n";
        if (!offences.empty())
            return "the merged content breaks a rule: " + offences.front().table + " " + offences.front().row.str() + " " +
                   offences.front().field + ": " + offences.front().message;
        auto breaks = findRuleBreaks(final.db(), 5);
        if (!breaks.empty()) return "atelier check finds: " + breaks.front().text();
    }
    // Dots: cast minus withdrawn, minus what the report says it gave back.
    History counted(final, baseEntries);
    long long expected = baseDots + counted.directDots - reportedDots;
    (void)baseEntries;
    long long actual = dotsIn(final);
    if (std::getenv("ATELIER_MERGE_VERBOSE")) {
        for (const auto& c : report.conflicts) std::cout << int(c.kind) << " dots " << c.dots << " " << c.table << " " << c.what << "\n";
        for (const auto& e : counted.entries) std::cout << "entry " << e.description << "\n";
    }
    if (actual != expected)
        return "dots: " + std::to_string(actual) + " on the boards, " + std::to_string(expected) +
               " expected (cast minus withdrawn minus reported)";
    return {};
}

std::uint64_t envNumber(const char* name, std::uint64_t fallback) {
    const char* v = std::getenv(name);
    return v && *v ? std::strtoull(v, nullptr, 10) : fallback;
}

} // namespace

TEST_CASE("property: random work on 2 to 14 copies, merged in random orders, converges and loses nothing unreported",
          "[.][merge][property]") { // [.]: not among the discovered entries; ctest runs it as merge_property_1/2 (core_tests.cmake)
    std::uint64_t scenarios = envNumber("ATELIER_MERGE_SCENARIOS", 1000);
    std::uint64_t seed = envNumber("ATELIER_MERGE_SEED", static_cast<std::uint64_t>(std::random_device{}()));
    Stats stats;
    TempDir startDir;
    std::string startFile = startDir.file("start.db");
    {
        FakeClock clock;
        seedIdsForTests(42); // the same starting event in every run: a seed alone replays a scenario
        makeBase(startFile, clock);
    }
    auto start = std::chrono::steady_clock::now();
    std::size_t failures = 0;
    for (std::uint64_t i = 0; i < scenarios; ++i) {
        std::uint64_t s = seed + i;
        std::string failure;
        try {
            failure = runScenario(s, startFile, stats);
        } catch (const std::exception& e) {
            failure = std::string("unexpected: ") + e.what();
        }
        if (!failure.empty()) {
            ++failures;
            FAIL_CHECK(failureText(s, failure));
            if (failures >= 5) break;
        }
    }
    double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    std::cout << "merge property: seed " << seed << ", " << stats.scenarios << " scenarios, " << stats.copies << " copies, "
              << stats.attempted << " actions tried, " << stats.applied << " applied, " << stats.undos << " undos tried, "
              << stats.merges << " merges, " << stats.kinds.size() << " kinds of action, " << failures << " failures, "
              << seconds << " s\n";
    // Every action kind, undo and redo, drawn at least once: over 250 scenarios one of the rarest
    // (set_tally, restore_timer: they need a tally round or a replaced timer) is sometimes not,
    // so the check holds from 2,000 (a CI entry runs 500, and says which kinds it drew).
    std::string drawnKinds;
    for (const auto& k : stats.kinds) drawnKinds += k + " ";
    std::cout << "merge property: kinds drawn: " << drawnKinds << "\n";
    if (scenarios >= 2000) {
        std::string drawn;
        for (const auto& k : stats.kinds) drawn += k + " ";
        INFO("drawn: " << drawn);
        CHECK(stats.kinds.size() == std::variant_size_v<Action> + 2);
    }
}
