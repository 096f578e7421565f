#include "sync/joint_repairs.hpp"

#include "model/errors.hpp"
#include "model/language.hpp"

#include <sqlite3.h>

#include <functional>
#include <map>
#include <string>
#include <vector>

namespace atelier {

namespace {

void exec(sqlite3* db, const std::string& sql) {
    if (sqlite3_exec(db, sql.c_str(), nullptr, nullptr, nullptr) != SQLITE_OK)
        throw StorageError(trf("La fusion a échoué ({}). Rien n'a été modifié.", "The merge failed ({}). Nothing was changed.",
                               sqlite3_errmsg(db)));
}

// Runs `sql`, calling `row` with each result row's columns as text.
void query(sqlite3* db, const std::string& sql, const std::function<void(sqlite3_stmt*)>& row) {
    sqlite3_stmt* st = nullptr;
    if (sqlite3_prepare_v2(db, sql.c_str(), -1, &st, nullptr) != SQLITE_OK)
        throw StorageError(trf("La fusion a échoué ({}). Rien n'a été modifié.", "The merge failed ({}). Nothing was changed.",
                               sqlite3_errmsg(db)));
    while (sqlite3_step(st) == SQLITE_ROW) row(st);
    sqlite3_finalize(st);
}

std::string text(sqlite3_stmt* st, int c) {
    auto* p = reinterpret_cast<const char*>(sqlite3_column_text(st, c));
    return p ? std::string(p) : std::string();
}

class MergeJointRules : public JointRules {
public:
    void repair(sqlite3* db, MergeReport& report) override {
        rounds(db, report);
        budgets(db, report);
        challengeNumbers(db, report);
        memberNames(db, report);
    }

private:
    static void add(MergeReport& report, const std::string& table, std::int64_t id, std::string what, int dots = 0) {
        report.conflicts.push_back({table, Id{id}, std::move(what), ConflictKind::Repaired, dots, false});
    }

    static void rounds(sqlite3* db, MergeReport& report) {
        std::vector<std::pair<std::int64_t, std::string>> toClose;
        query(db,
              "SELECT r.id, t.name FROM vote_round r JOIN team t ON t.id = r.team_id WHERE r.closed = 0 AND EXISTS("
              "SELECT 1 FROM vote_round o WHERE o.team_id = r.team_id AND o.closed = 0 AND "
              "(o.opened_at > r.opened_at OR (o.opened_at = r.opened_at AND o.id > r.id)))",
              [&](sqlite3_stmt* st) { toClose.emplace_back(sqlite3_column_int64(st, 0), text(st, 1)); });
        for (const auto& [id, team] : toClose) {
            exec(db, "UPDATE vote_round SET closed = 1 WHERE id = " + std::to_string(id));
            add(report, "vote_round", id,
                trf("Deux votes étaient ouverts en même temps pour l'équipe « {} » : le plus ancien est clos, ses gommettes restent.",
                    "Two votes were open at once for team \"{}\": the older one is closed, its dots stay.", team));
        }
    }

    static void budgets(sqlite3* db, MergeReport& report) {
        struct Vote {
            std::int64_t id, round, member, count;
            std::int64_t budget, cap; // cap 0: none
            std::string name;
        };
        std::vector<Vote> votes;
        query(db,
              "SELECT v.id, v.round_id, v.member_id, v.count, r.budget, coalesce(r.cap, 0), coalesce(m.name, '') FROM vote v "
              "JOIN vote_round r ON r.id = v.round_id LEFT JOIN member m ON m.id = v.member_id "
              "WHERE v.member_id IS NOT NULL ORDER BY v.round_id, v.member_id, v.id DESC",
              [&](sqlite3_stmt* st) {
                  votes.push_back({sqlite3_column_int64(st, 0), sqlite3_column_int64(st, 1), sqlite3_column_int64(st, 2),
                                   sqlite3_column_int64(st, 3), sqlite3_column_int64(st, 4), sqlite3_column_int64(st, 5),
                                   text(st, 6)});
              });
        std::map<std::pair<std::int64_t, std::int64_t>, std::int64_t> used;
        for (const auto& v : votes) used[{v.round, v.member}] += v.count;
        for (auto& v : votes) { // highest id first within a member: the excess comes off those
            std::int64_t keep = v.count;
            if (v.cap > 0 && keep > v.cap) keep = v.cap;
            std::int64_t& total = used[{v.round, v.member}];
            std::int64_t over = total - v.budget;
            if (over > 0) keep = std::max<std::int64_t>(0, keep - over);
            if (keep == v.count) continue;
            total -= v.count - keep;
            int returned = static_cast<int>(v.count - keep);
            exec(db, keep == 0 ? "DELETE FROM vote WHERE id = " + std::to_string(v.id)
                               : "UPDATE vote SET count = " + std::to_string(keep) + " WHERE id = " + std::to_string(v.id));
            add(report, "vote", v.id,
                trf("{} avait posé plus de gommettes que permis en votant sur deux copies : {} gommette(s) rendue(s).",
                    "{} had used more dots than allowed by voting on two copies: {} dot(s) given back.", v.name, returned),
                returned);
        }
    }

    static void challengeNumbers(sqlite3* db, MergeReport& report) {
        std::vector<std::tuple<std::int64_t, std::int64_t, std::int64_t>> dupes; // id, number, event
        query(db,
              "SELECT c.id, c.number, coalesce(c.event_id, 0) FROM challenge c WHERE EXISTS(SELECT 1 FROM challenge o WHERE "
              "o.number = c.number AND coalesce(o.event_id, 0) = coalesce(c.event_id, 0) AND o.id < c.id) ORDER BY c.id",
              [&](sqlite3_stmt* st) {
                  dupes.emplace_back(sqlite3_column_int64(st, 0), sqlite3_column_int64(st, 1), sqlite3_column_int64(st, 2));
              });
        for (const auto& [id, number, event] : dupes) {
            std::int64_t next = 0;
            query(db,
                  "SELECT coalesce(max(number), 0) + 1 FROM challenge WHERE coalesce(event_id, 0) = " + std::to_string(event),
                  [&](sqlite3_stmt* st) { next = sqlite3_column_int64(st, 0); });
            exec(db, "UPDATE challenge SET number = " + std::to_string(next) + " WHERE id = " + std::to_string(id));
            add(report, "challenge", id,
                trf("Deux défis portaient le numéro {} : le second devient le défi {}.",
                    "Two défis had the number {}: the second becomes défi {}.", number, next));
        }
    }

    static void memberNames(sqlite3* db, MergeReport& report) {
        std::vector<std::tuple<std::int64_t, std::int64_t, std::string>> members; // id, team, name
        query(db, "SELECT id, team_id, name FROM member ORDER BY team_id, id",
              [&](sqlite3_stmt* st) { members.emplace_back(sqlite3_column_int64(st, 0), sqlite3_column_int64(st, 1), text(st, 2)); });
        std::map<std::pair<std::int64_t, std::string>, int> seen;
        std::map<std::pair<std::int64_t, std::string>, bool> taken;
        for (const auto& [id, team, name] : members) taken[{team, name}] = true;
        for (const auto& [id, team, name] : members) {
            int n = ++seen[{team, name}];
            if (n == 1) continue;
            std::string renamed;
            for (int k = n;; ++k) {
                renamed = name + " (" + std::to_string(k) + ")";
                if (!taken[{team, renamed}]) break;
            }
            taken[{team, renamed}] = true;
            sqlite3_stmt* st = nullptr;
            sqlite3_prepare_v2(db, "UPDATE member SET name = ? WHERE id = ?", -1, &st, nullptr);
            sqlite3_bind_text(st, 1, renamed.c_str(), -1, SQLITE_TRANSIENT);
            sqlite3_bind_int64(st, 2, id);
            sqlite3_step(st);
            sqlite3_finalize(st);
            add(report, "member", id,
                trf("Deux membres d'une équipe s'appelaient « {} » : le second s'appelle maintenant « {} ».",
                    "Two members of one team were called \"{}\": the second is now called \"{}\".", name, renamed));
        }
    }
};

} // namespace

JointRules& mergeJointRules() {
    static MergeJointRules rules;
    return rules;
}

} // namespace atelier
