#include "io/import_teams.hpp"

#include "actions/action_context.hpp"
#include "engine/engine.hpp"
#include "io/csv_columns.hpp"
#include "io/text_fold.hpp"
#include "model/language.hpp"

#include <cctype>
#include <map>

namespace atelier {

namespace {

enum Field { TeamName, Colour, ChallengeNumber, MemberName, FirstName, Organisation, RoleColumn };

const std::vector<ColumnSpec>& specs() {
    static const std::vector<ColumnSpec> list{
        {"Équipe", {"equipe", "equipes", "team", "teams", "nomdelequipe", "nomequipe", "teamname", "groupe", "group"}, true},
        {"Couleur", {"couleur", "couleurdelequipe", "color", "colour", "teamcolour", "teamcolor"}},
        {"Défi", {"defi", "defis", "ndefi", "nodefi", "numdefi", "numerodefi", "numerodudefi", "defin", "defino",
                  "challenge", "challengenumber", "challengeno"}},
        {"Membre", {"membre", "membres", "nom", "noms", "name", "member", "members", "nomprenom", "prenomnom",
                    "nometprenom", "prenometnom", "nomcomplet", "fullname", "participant", "participants", "agent",
                    "personne"}},
        {"Prénom", {"prenom", "firstname", "givenname"}, false, false},
        {"Organisation", {"organisation", "organization", "structure", "collectivite", "employeur", "administration",
                          "service", "etablissement"}},
        {"Rôle", {"role", "roles", "fonctiondanslequipe", "roledanslequipe"}},
    };
    return list;
}

struct MemberDraft {
    int line = 0;
    std::string name;
    std::optional<std::string> organisation;
    std::optional<Role> role;
};

struct TeamDraft {
    int line = 0;
    std::string name;
    std::optional<std::string> colour;
    int colourLine = 0;
    std::optional<Id> challenge; // Id{} = explicitly none? never: an empty cell gives nothing
    int challengeNumber = 0, challengeLine = 0;
    std::vector<MemberDraft> members;
    std::map<std::string, int> memberLines; // name key → line
};

std::optional<int> parseChallengeNumber(const std::string& text) {
    std::size_t first = text.find_first_of("0123456789");
    if (first == std::string::npos) return std::nullopt;
    std::size_t end = text.find_first_not_of("0123456789", first);
    if (end != std::string::npos && text.find_first_of("0123456789", end) != std::string::npos) return std::nullopt;
    std::string digits = text.substr(first, (end == std::string::npos ? text.size() : end) - first);
    if (digits.size() > 4) return std::nullopt;
    int n = std::stoi(digits);
    return n >= 1 ? std::optional<int>(n) : std::nullopt;
}

std::string roleWords() {
    return tr("facilitateur·rice, porteur·se du défi, participant·e, expert·e",
              "facilitator, challenge owner, participant, expert");
}

} // namespace

std::optional<Role> parseRole(const std::string& text) {
    std::string key = foldKey(text);
    static const std::map<std::string, Role> words{
        {"facilitateur", Role::Facilitator}, {"facilitatrice", Role::Facilitator}, {"facilitateurrice", Role::Facilitator},
        {"facilitateurtrice", Role::Facilitator}, {"animateur", Role::Facilitator}, {"animatrice", Role::Facilitator},
        {"animateurrice", Role::Facilitator}, {"facilitator", Role::Facilitator}, {"facilitation", Role::Facilitator},
        {"porteur", Role::ChallengeOwner}, {"porteuse", Role::ChallengeOwner}, {"porteurse", Role::ChallengeOwner},
        {"porteurdudefi", Role::ChallengeOwner}, {"porteusedudefi", Role::ChallengeOwner},
        {"porteursedudefi", Role::ChallengeOwner}, {"porteurdefi", Role::ChallengeOwner},
        {"challengeowner", Role::ChallengeOwner}, {"owner", Role::ChallengeOwner},
        {"participant", Role::Participant}, {"participante", Role::Participant}, {"participante", Role::Participant},
        {"participants", Role::Participant}, {"membre", Role::Participant}, {"member", Role::Participant},
        {"expert", Role::Expert}, {"experte", Role::Expert}, {"experts", Role::Expert}, {"expertise", Role::Expert},
    };
    auto it = words.find(key);
    if (it != words.end()) return it->second;
    return enumFromCode<Role>(text); // the codes of JSON and the CLI ("challenge_owner")
}

std::optional<std::string> parseColour(const std::string& text) {
    std::string hex = !text.empty() && text[0] == '#' ? text.substr(1) : text;
    if (hex.size() == 6 && std::all_of(hex.begin(), hex.end(), [](char c) { return std::isxdigit(static_cast<unsigned char>(c)); })) {
        for (char& c : hex) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
        return "#" + hex;
    }
    // The team palette of apply_teams.cpp, by name.
    static const std::map<std::string, std::string> names{
        {"bleu", "#4C78A8"}, {"blue", "#4C78A8"}, {"orange", "#F58518"}, {"vert", "#54A24B"}, {"green", "#54A24B"},
        {"rouge", "#E45756"}, {"red", "#E45756"}, {"turquoise", "#72B7B2"}, {"teal", "#72B7B2"}, {"jaune", "#EECA3B"},
        {"yellow", "#EECA3B"}, {"violet", "#B279A2"}, {"purple", "#B279A2"}, {"mauve", "#B279A2"}, {"rose", "#FF9DA6"},
        {"pink", "#FF9DA6"}, {"marron", "#9D755D"}, {"brun", "#9D755D"}, {"brown", "#9D755D"}, {"gris", "#BAB0AC"},
        {"grey", "#BAB0AC"}, {"gray", "#BAB0AC"},
    };
    auto it = names.find(foldKey(text));
    if (it != names.end()) return it->second;
    return std::nullopt;
}

ImportPlan planTeamImport(const EventState& state, const CsvTable& table, const std::string& fileName) {
    const auto& spec = specs();
    ColumnMatch match = matchColumns(table, spec);
    ImportPlan plan;
    plan.summary.teams = true;
    plan.summary.source = table.source;
    plan.summary.separator = table.separator;
    plan.summary.unknownColumns = match.unknown;
    plan.summary.rows = static_cast<int>(table.rows.size());
    plan.description = fileName.empty() ? tr("Importer des équipes", "Import teams")
                                        : trf("Importer les équipes de {}", "Import the teams of {}", fileName);

    std::map<int, Id> challengeByNumber;
    for (const auto& [id, c] : state.challenges)
        if (c.number > 0) challengeByNumber[c.number] = id;

    // Gather the file's teams, in file order, checking each row.
    std::vector<TeamDraft> drafts;
    std::map<std::string, std::size_t> draftOf; // name key → index
    for (const CsvRecord& row : table.rows) {
        std::string teamName = cellOf(row, match, TeamName);
        const std::string& teamHeader = match.header(TeamName);
        if (teamName.empty())
            importing::fail(row.line, teamHeader, tr("nom d'équipe manquant.", "team name missing."));
        importing::checked(row.line, teamHeader, [&] { check::text(teamName, teamHeader, kMaxShortText, true); });
        std::string key = nameKey(teamName);
        auto [it, fresh] = draftOf.emplace(key, drafts.size());
        if (fresh) drafts.push_back(TeamDraft{row.line, teamName, {}, 0, {}, 0, 0, {}, {}});
        TeamDraft& team = drafts[it->second];

        if (std::string text = cellOf(row, match, Colour); !text.empty()) {
            auto colour = parseColour(text);
            if (!colour)
                importing::fail(row.line, match.header(Colour),
                                trf("couleur « {} » non reconnue : écrivez #RRVVBB (par exemple #54A24B) ou un nom "
                                    "(bleu, orange, vert, rouge, turquoise, jaune, violet, rose, marron, gris).",
                                    "colour \"{}\" not recognised: write #RRGGBB (for example #54A24B) or a name "
                                    "(blue, orange, green, red, teal, yellow, purple, pink, brown, grey).",
                                    text));
            if (team.colour && *team.colour != *colour)
                importing::fail(row.line, match.header(Colour),
                                trf("l'équipe « {} » a déjà la couleur {} ligne {}.", "team \"{}\" already has colour {} on line {}.",
                                    team.name, *team.colour, team.colourLine));
            team.colour = colour;
            team.colourLine = row.line;
        }

        if (std::string text = cellOf(row, match, ChallengeNumber); !text.empty()) {
            const std::string& header = match.header(ChallengeNumber);
            auto number = parseChallengeNumber(text);
            if (!number)
                importing::fail(row.line, header,
                                trf("« {} » n'est pas un numéro de défi (un entier, par exemple 3).",
                                    "\"{}\" is not a défi number (a whole number, for example 3).", text));
            auto found = challengeByNumber.find(*number);
            if (found == challengeByNumber.end())
                importing::fail(row.line, header,
                                trf("aucun défi n°{} dans l'événement. Importez d'abord les défis "
                                    "(atelier import defis), ou corrigez le numéro.",
                                    "no défi #{} in the event. Import the défis first (atelier import defis), "
                                    "or correct the number.",
                                    *number));
            if (team.challenge && team.challengeNumber != *number)
                importing::fail(row.line, header,
                                trf("l'équipe « {} » a déjà le défi n°{} ligne {}.", "team \"{}\" already has défi #{} on line {}.",
                                    team.name, team.challengeNumber, team.challengeLine));
            team.challenge = found->second;
            team.challengeNumber = *number;
            team.challengeLine = row.line;
        }

        std::string memberName = cellOf(row, match, MemberName);
        std::string firstName = cellOf(row, match, FirstName);
        if (!firstName.empty()) memberName = memberName.empty() ? firstName : firstName + " " + memberName;
        std::string organisation = cellOf(row, match, Organisation);
        std::string roleText = cellOf(row, match, RoleColumn);
        if (memberName.empty()) {
            if (!organisation.empty() || !roleText.empty())
                importing::fail(row.line, match.has(MemberName) ? match.header(MemberName) : std::string(spec[MemberName].label),
                                tr("nom du membre manquant (la ligne donne une organisation ou un rôle).",
                                   "member name missing (the row gives an organisation or a role)."));
            continue; // a row for the team alone
        }
        const std::string& memberHeader = match.has(MemberName) ? match.header(MemberName) : match.header(FirstName);
        importing::checked(row.line, memberHeader, [&] { check::text(memberName, memberHeader, kMaxShortText, true); });
        if (auto [at, added] = team.memberLines.emplace(nameKey(memberName), row.line); !added)
            importing::fail(row.line, memberHeader,
                            trf("« {} » figure déjà dans l'équipe « {} » ligne {}.", "\"{}\" is already in team \"{}\" on line {}.",
                                memberName, team.name, at->second));
        MemberDraft member{row.line, memberName, {}, {}};
        if (match.has(Organisation)) {
            importing::checked(row.line, match.header(Organisation),
                               [&] { check::text(organisation, match.header(Organisation), kMaxShortText, false); });
            member.organisation = organisation;
        }
        if (!roleText.empty()) {
            member.role = parseRole(roleText);
            if (!member.role)
                importing::fail(row.line, match.header(RoleColumn),
                                trf("rôle « {} » inconnu. Rôles possibles : {}.", "unknown role \"{}\". Possible roles: {}.",
                                    roleText, roleWords()));
        }
        team.members.push_back(std::move(member));
    }

    // Compare with the event: add what is new, edit what changed.
    std::map<std::string, const Team*> teamByKey;
    for (const auto& [id, t] : state.teams) teamByKey[nameKey(t.name)] = &t;
    for (const TeamDraft& draft : drafts) {
        Id teamId;
        auto existing = teamByKey.find(nameKey(draft.name));
        if (existing == teamByKey.end()) {
            AddTeam add;
            add.id = newId();
            add.name = draft.name;
            add.colour = draft.colour.value_or("");
            add.challenge = draft.challenge.value_or(Id{});
            teamId = add.id;
            plan.actions.emplace_back(std::move(add));
            ++plan.summary.created;
        } else {
            const Team& t = *existing->second;
            teamId = t.id;
            EditTeam edit;
            edit.team = t.id;
            if (draft.colour && *draft.colour != t.colour) edit.colour = draft.colour;
            if (draft.challenge && *draft.challenge != t.challengeId) edit.challenge = draft.challenge;
            if (edit.colour || edit.challenge) {
                plan.actions.emplace_back(std::move(edit));
                ++plan.summary.updated;
            } else {
                ++plan.summary.unchanged;
            }
        }
        std::map<std::string, const Member*> memberByKey;
        for (const Member* m : state.membersOfTeam(teamId)) memberByKey[nameKey(m->name)] = m;
        for (const MemberDraft& m : draft.members) {
            auto known = memberByKey.find(nameKey(m.name));
            if (known == memberByKey.end()) {
                plan.actions.emplace_back(AddMember{newId(), teamId, m.name, m.organisation.value_or(""),
                                                    m.role.value_or(Role::Participant)});
                ++plan.summary.membersCreated;
                continue;
            }
            const Member& current = *known->second;
            EditMember edit;
            edit.member = current.id;
            if (m.organisation && *m.organisation != current.organisation) edit.organisation = m.organisation;
            if (m.role && *m.role != current.role) edit.role = m.role;
            if (edit.organisation || edit.role) {
                plan.actions.emplace_back(std::move(edit));
                ++plan.summary.membersUpdated;
            } else {
                ++plan.summary.membersUnchanged;
            }
        }
    }
    return plan;
}

ImportSummary importTeamsFile(Engine& engine, const std::string& path) {
    CsvTable table = readCsvFile(path);
    return applyImport(engine, planTeamImport(engine.state(), table, importing::fileName(path)));
}

std::string teamTemplate() { return templateCsv(specs()); }

} // namespace atelier
