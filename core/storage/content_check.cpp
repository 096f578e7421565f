#include "storage/content_check.hpp"

#include "model/language.hpp"
#include "rules/limits.hpp"

#include <SQLiteCpp/Statement.h>

namespace atelier {

namespace {

struct Query {
    const char* table;
    std::string where; // over the table's own columns; the row breaks the rule when true
    const char* fr;
    const char* en;
};

std::string n(long long v) { return std::to_string(v); }
std::string tooLong(const char* column, std::size_t max) { return "length(CAST(" + std::string(column) + " AS BLOB)) > " + n(static_cast<long long>(max)); }
std::string blank(const char* column) { return "trim(" + std::string(column) + ", ' ' || char(9, 10, 13)) = ''"; }
std::string badColour(const char* column) {
    std::string c = column;
    return "NOT (length(" + c + ") = 7 AND substr(" + c + ", 1, 1) = '#' AND upper(substr(" + c +
           ", 2)) GLOB '[0-9A-F][0-9A-F][0-9A-F][0-9A-F][0-9A-F][0-9A-F]')";
}
std::string offBoard(const char* column) {
    std::string c = column;
    std::string m = n(static_cast<long long>(kMaxCoordinate));
    return "NOT (typeof(" + c + ") IN ('real', 'integer') AND " + c + " > -" + m + " AND " + c + " < " + m + ")";
}
std::string outside(const char* column, long long min, long long max) {
    std::string c = column;
    return "NOT (typeof(" + c + ") = 'integer' AND " + c + " BETWEEN " + n(min) + " AND " + n(max) + ")";
}
std::string teamOf(const char* table, const char* idColumn) {
    return "(SELECT t.team_id FROM " + std::string(table) + " t WHERE t.id = " + idColumn + ")";
}

const std::vector<Query>& queries() {
    static const std::vector<Query> all = {
        {"event", blank("name") + " OR " + tooLong("name", kMaxShortText), "nom vide ou de plus de " "500" " octets",
         "name empty or over 500 bytes"},
        {"slot", blank("title") + " OR " + tooLong("title", kMaxShortText) + " OR " + tooLong("room", kMaxShortText),
         "titre vide ou texte trop long", "title empty or text too long"},
        {"slot", "day NOT GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]' OR start NOT GLOB '[0-2][0-9]:[0-5][0-9]' OR \"end\" NOT GLOB '[0-2][0-9]:[0-5][0-9]' OR \"end\" < start",
         "jour ou heures invalides (AAAA-MM-JJ, HH:MM, fin après début)", "invalid day or times (YYYY-MM-DD, HH:MM, end after start)"},
        {"challenge", outside("number", 0, kMaxChallengeNumber), "numéro hors de 0 à 9999", "number outside 0 to 9999"},
        {"challenge", blank("question") + " OR " + tooLong("question", kMaxLongText) + " OR " + tooLong("owner", kMaxLongText) + " OR " +
                          tooLong("territory", kMaxLongText) + " OR " + tooLong("stakes", kMaxLongText) + " OR " +
                          tooLong("stakeholders", kMaxLongText) + " OR " + tooLong("obstacles", kMaxLongText) + " OR " +
                          tooLong("levers", kMaxLongText) + " OR " + tooLong("theme", kMaxLongText) + " OR " + tooLong("link", kMaxLongText),
         "question vide ou texte de plus de 20000 octets", "question empty or text over 20000 bytes"},
        {"challenge", "number > 0 AND EXISTS (SELECT 1 FROM challenge o WHERE o.number = challenge.number AND o.id < challenge.id "
                      "AND o.event_id IS challenge.event_id)",
         "numéro de défi déjà pris par un autre défi", "défi number already taken by another défi"},
        {"team", blank("name") + " OR " + tooLong("name", kMaxShortText), "nom vide ou de plus de 500 octets",
         "name empty or over 500 bytes"},
        {"team", badColour("colour"), "couleur qui n'est pas #RRVVBB", "colour that is not #RRGGBB"},
        {"team", "EXISTS (SELECT 1 FROM team o WHERE o.name = team.name AND o.id < team.id AND o.event_id IS team.event_id)", "nom déjà pris par une autre équipe",
         "name already taken by another team"},
        {"team", "(selected_note_id IS NOT NULL AND selected_cluster_id IS NOT NULL) OR " + teamOf("note", "selected_note_id") +
                     " <> id OR " + teamOf("cluster", "selected_cluster_id") + " <> id",
         "piste retenue double ou sur le mur d'une autre équipe", "selected idea twice over or on another team's board"},
        {"member", blank("name") + " OR " + tooLong("name", kMaxShortText) + " OR " + tooLong("organisation", kMaxShortText),
         "nom vide ou texte de plus de 500 octets", "name empty or text over 500 bytes"},
        {"cluster", blank("title") + " OR " + tooLong("title", kMaxShortText), "titre vide ou de plus de 500 octets",
         "title empty or over 500 bytes"},
        {"cluster", badColour("colour"), "couleur qui n'est pas #RRVVBB", "colour that is not #RRGGBB"},
        {"cluster", offBoard("x") + " OR " + offBoard("y"), "position hors du mur", "position off the board"},
        {"note", tooLong("text", kMaxLongText), "texte de plus de 20000 octets", "text over 20000 bytes"},
        {"note", badColour("colour"), "couleur qui n'est pas #RRVVBB", "colour that is not #RRGGBB"},
        {"note", offBoard("x") + " OR " + offBoard("y"), "position hors du mur", "position off the board"},
        {"note", "NOT (typeof(width) IN ('real', 'integer') AND width BETWEEN 40 AND 2000 AND typeof(height) IN ('real', 'integer') "
                 "AND height BETWEEN 40 AND 2000)",
         "taille hors de 40 à 2000", "size outside 40 to 2000"},
        {"note", teamOf("member", "author_id") + " <> team_id", "auteur membre d'une autre équipe", "author from another team"},
        {"note", teamOf("cluster", "cluster_id") + " <> team_id", "dans un regroupement d'une autre équipe",
         "in another team's cluster"},
        {"vote_round", outside("budget", kMinVoteBudget, kMaxVoteBudget) + " OR (cap IS NOT NULL AND (typeof(cap) <> 'integer' OR cap < 1 OR cap > budget))",
         "budget hors de 1 à 100, ou plafond hors de 1 au budget", "budget outside 1 to 100, or cap outside 1 to the budget"},
        {"vote_round", "closed = 0 AND EXISTS (SELECT 1 FROM vote_round o WHERE o.team_id = vote_round.team_id AND o.closed = 0 "
                       "AND o.id < vote_round.id)",
         "deuxième tour de vote ouvert pour la même équipe", "second open vote round for the same team"},
        {"vote", outside("count", 1, kMaxDots), "nombre de gommettes hors de 1 à 1000", "dot count outside 1 to 1000"},
        {"vote", "coalesce(" + teamOf("note", "note_id") + ", " + teamOf("cluster", "cluster_id") + ") <> " + teamOf("vote_round", "round_id"),
         "vote sur le mur d'une autre équipe que son tour", "vote on another team's board than its round"},
        {"vote", "member_id IS NOT NULL AND " + teamOf("member", "member_id") + " <> " + teamOf("vote_round", "round_id"),
         "votant membre d'une autre équipe", "voter from another team"},
        {"vote", "(SELECT mode FROM vote_round r WHERE r.id = round_id) = 'members' AND member_id IS NULL",
         "vote sans membre dans un tour en mode vote des membres", "vote without a member in a members round"},
        {"vote", "(SELECT mode FROM vote_round r WHERE r.id = round_id) = 'tally' AND member_id IS NOT NULL",
         "vote avec un membre dans un tour en mode décompte", "vote with a member in a tally round"},
        {"vote", "member_id IS NOT NULL AND count > (SELECT cap FROM vote_round r WHERE r.id = round_id)",
         "plus de gommettes sur une idée que le plafond du tour", "more dots on one idea than the round's cap"},
        {"vote", "member_id IS NOT NULL AND id = (SELECT max(o.id) FROM vote o WHERE o.round_id = vote.round_id AND o.member_id = vote.member_id) "
                 "AND (SELECT sum(o.count) FROM vote o WHERE o.round_id = vote.round_id AND o.member_id = vote.member_id) > "
                 "(SELECT budget FROM vote_round r WHERE r.id = round_id)",
         "le membre a posé plus de gommettes que le budget du tour", "the member used more dots than the round's budget"},
        {"prototype", blank("title") + " OR " + tooLong("title", kMaxShortText) + " OR " + tooLong("description", kMaxLongText) +
                          " OR " + tooLong("learning_goal", kMaxLongText),
         "titre vide ou texte trop long", "title empty or text too long"},
        {"prototype", "(based_on_note_id IS NOT NULL AND based_on_cluster_id IS NOT NULL) OR " + teamOf("note", "based_on_note_id") +
                          " <> team_id OR " + teamOf("cluster", "based_on_cluster_id") + " <> team_id OR version < 1",
         "part d'une idée d'une autre équipe (ou de deux), ou version < 1", "builds on another team's idea (or two), or version < 1"},
        {"photo", "mime NOT IN ('image/jpeg', 'image/png') OR " + outside("width", 1, kMaxPhotoFileSide) + " OR " +
                      outside("height", 1, kMaxPhotoFileSide) + " OR " + tooLong("caption", kMaxShortText) +
                      " OR length(data) = 0 OR length(data) > " + n(static_cast<long long>(kMaxStoredPhotoBytes)),
         "type, taille, légende ou octets de photo hors des règles", "photo type, size, caption or bytes outside the rules"},
        {"feedback", "(rating IS NOT NULL AND " + outside("rating", 1, 5) + ") OR " + tooLong("text", kMaxLongText) + " OR " +
                         tooLong("visitor", kMaxShortText) + " OR (rating IS NULL AND " + blank("text") + ")",
         "note hors de 1 à 5, texte trop long, ou retour vide", "rating outside 1 to 5, text too long, or empty feedback"},
        {"timed_session", tooLong("label", kMaxShortText) + " OR " +
                              outside("duration_ms", 1000, static_cast<long long>(kMaxTimerSeconds) * 1000) +
                              " OR remaining_ms < 0 OR extension_ms < 0 OR extension_count < 0",
         "durée hors de 1 s à 24 h, ou temps négatif", "duration outside 1 s to 24 h, or negative time"},
    };
    return all;
}

} // namespace

std::string RuleBreak::text() const {
    return trf("table « {} », id {} : {}", "table \"{}\", id {}: {}", table, id, problem);
}

std::vector<RuleBreak> findRuleBreaks(SQLite::Database& db, std::size_t limit) {
    std::vector<RuleBreak> found;
    for (const Query& q : queries()) {
        if (found.size() >= limit) break;
        SQLite::Statement st(db, "SELECT id FROM " + std::string(q.table) + " WHERE " + q.where + " ORDER BY id LIMIT ?");
        st.bind(1, static_cast<std::int64_t>(limit - found.size()));
        while (st.executeStep()) found.push_back({q.table, st.getColumn(0).getInt64(), tr(q.fr, q.en)});
    }
    return found;
}

} // namespace atelier
