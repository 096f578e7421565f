#include "demo.hpp"

#include <array>
#include <string>
#include <vector>

namespace atelier {

namespace {

struct DemoChallenge {
    int number;
    const char* question;
    const char* owner;
    const char* territory;
    const char* stakes;
    const char* stakeholders;
    const char* obstacles;
    const char* levers;
    const char* theme;
    const char* nickname; // short name used for the team
};

// The 14 défis of the CNFPT summer university, Rennes, 9–11 July 2018, as published
// (shared/seeds/004): the seven Breton défis with their full context, the seven others with
// their question and porteur only, as the article gives them. The article names the four
// themes of the event without assigning défis to them: the themes here are illustrative.
const std::array<DemoChallenge, 14> kChallenges{{
    {1, "Comment définir les critères de durabilité d’un projet complexe, en prenant pour étude de cas la reconversion de la glacière municipale ?",
     "Commune d’Etel (rénovation de patrimoine bâti : La Glacière)",
     "Le projet s’inscrit sur le territoire d’Etel.",
     "Définir des critères qui permettront d’évaluer la durabilité du projet de reconversion de la Glacière.",
     "L’association autrefois Etel, la commune, l’interco, l’État, l’Europe, le syndicat mixte Grâvres Quiberon, le syndicat mixte Ria d’Etel, la région, l’observatoire du plancton.",
     "Le (pas ou) peu d’intérêt des partenaires institutionnels.",
     "Le projet municipal « préservation du milieu naturel et de l’authenticité du lieu – être un lieu d’innovation ».",
     "Développer des dynamiques territoriales", "Glacière"},
    {2, "Comment s’organiser pour proposer aux collèges un lab itinérant simple à mobiliser, lisible et valorisant pour tous les acteurs ?",
     "Conseil départemental d’Ille-et-Vilaine (CD 35) (laboratoire numérique itinérant)",
     "Le Département d’Ille-et-Vilaine : 104 collèges, dont 57 % publics, avec 54 500 collégiens.",
     "Le Plan numérique éducatif départemental 2016, travaillé de manière participative : accompagner les équipes scolaires dans l’accès au numérique et réduire les inégalités ; faire des collégiens des citoyens numériques éclairés dans leurs usages.",
     "",
     "Les ressources, les critères de priorisation à définir, l’articulation avec les programmes scolaires et les plannings des collèges, l’hétérogénéité des collèges sur les questions numériques mais aussi sur l’habitude de faire intervenir des animateurs extérieurs.",
     "Une forte implication (portage politique et mobilisation de l’équipe), la volonté du Département d’intervenir en mode projet et non en tant que prestataire, une 1re phase de lancement du projet (2016/17 et 17/18), un écosystème à mobiliser (tissu associatif, fablabs, médiathèques…), la gratuité des interventions du lab itinérant, la concurrence des collèges et la volonté de développer l’éducation au numérique.",
     "Co-développer des services publics innovants", "Lab itinérant"},
    {3, "Comment améliorer et simplifier les inscriptions des enfants aux écoles municipales de natation pour les citoyens et les agents ?",
     "Ville de Rennes (les inscriptions aux cours de piscine)",
     "La ville de Rennes.",
     "Améliorer le parcours des usagers de l’école de natation de la ville de Rennes lors des inscriptions (hors éveil), ainsi que les conditions de travail des équipes lors des journées d’inscription.",
     "Les parents d’enfants souhaitant les inscrire à l’école municipale de natation, leurs enfants, l’équipe du service natation (4 piscines).",
     "« 1er arrivé/1er servi », la saisie multiple, le manque de visibilité, pas de paiement en ligne, la complexité des demandes, la charge de travail de la caissière…",
     "Les créneaux ne sont pas complets ; le portail « familles ».",
     "Co-développer des services publics innovants", "Natation"},
    {4, "Comment faciliter et mutualiser l’accès aux services publics de l’agglomération de Dinan ?",
     "Dinan agglomération (Dans ma poche)",
     "L’agglomération de Dinan : 64 communes, 98 000 habitants.",
     "Remettre l’usager au cœur du service public, simplifier les accès au service public, mutualiser les services entre communes, donner un accès équitable aux services de l’agglomération sur tout le territoire.",
     "",
     "Les compétences qui seront votées le 16/07/2018, un mandat de transition, pas de diagnostic sur les besoins usagers et peu ou pas de transversalité inter-services.",
     "Le budget, un président au fait des technologies, un diagnostic culturel et économique récurrent, des agents spécialisés, un partenariat avec le Département, l’ambition locale, la démarche politique interne.",
     "Co-développer des services publics innovants", "Dans ma poche"},
    {5, "Comment accompagner méthodiquement et en co-construction avec les usagers, le sanatorium 2.0 de la ville de Dreux ?",
     "Ville de Dreux (Sanatorium)", "", "", "", "", "", "Développer des dynamiques territoriales", "Sanatorium"},
    {6, "Comment pérenniser une dynamique d’investissement souple et autonome des agents au profit du collectif de travail ?",
     "Commune de Savenay (les agents au cœur d’un collectif de travail)",
     "La commune de Savenay (plus de 8 000 habitants) et la région nantaise.",
     "Lutter contre l’absentéisme, faire que l’agent devienne acteur de son bien-être et la cohésion du collectif.",
     "Les agents, identifiés par posture : engagés et pro-actifs, volontaires, passifs, résistants, équipe d’encadrement.",
     "Le départ du pilote de l’initiative et la difficulté liée à l’organisation du temps de travail (continuité de service ATSEM par exemple).",
     "Le collectif de direction et la cohésion donnée autour du projet, ainsi que la taille de la collectivité.",
     "Mobiliser les leviers de l’innovation", "Collectif"},
    {7, "Comment associe-t-on les agents à l’évolution de l’accueil ?",
     "Conseil départemental de la Vienne (CD 86) – Maison des solidarités", "", "", "", "", "",
     "Mobiliser les leviers de l’innovation", "Accueil Vienne"},
    {8, "Comment créer un accueil commun et performant pour tous en fédérant tous les acteurs ?",
     "Ville du Havre (accueil à la mairie)", "", "", "", "", "", "Co-développer des services publics innovants",
     "Accueil Havre"},
    {9, "Comment mieux communiquer sur le dispositif de mentorat destiné au manager ?",
     "Conseil départemental de la Mayenne (CD 53)", "", "", "", "", "",
     "Concevoir des formations pour des acteurs de l’innovation", "Mentorat"},
    {10, "Comment co-construire avec les différentes parties prenantes une méthode pour co-concevoir cette nouvelle politique sportive ?",
     "Commune de Chemillé-en-Anjou (49)", "", "", "", "", "", "Développer des dynamiques territoriales", "Sport"},
    {11, "Comment les sujets des citoyens remontent jusqu’au cœur du conseil municipal ?",
     "Ville de Saint-Nazaire",
     "Saint-Nazaire.",
     "Finaliser le processus démocratique amorcé en 2014 à Saint-Nazaire et préparer le prochain mandat, permettre aux citoyens de se saisir et de faire remonter des sujets au conseil municipal, et proposer un cadre de fonctionnement.",
     "Les habitants/usagers, la municipalité, les agents territoriaux.",
     "Éviter l’opposition systématique et les intérêts individuels, et éviter que les agents ou les habitants ne s’approprient pas le dispositif. Objectif : 0 pétition.",
     "La volonté municipale, avec un programme et l’engagement d’un dispositif de démocratie participative.",
     "Développer des dynamiques territoriales", "Conseil municipal"},
    {12, "Comment veiller au bon accompagnement des parcours professionnels des agents ?",
     "Région Pays de la Loire", "", "", "", "", "", "Concevoir des formations pour des acteurs de l’innovation",
     "Parcours pro"},
    {13, "Comment déployer efficacement une aide aux démarches administratives proche de l’usager, sur un large territoire rural, nouvellement recomposé ?",
     "De l’Oust à Brocéliande communauté",
     "Le territoire de l’Oust à Brocéliande : 26 communes du Morbihan (56).",
     "Les usagers, sur un large territoire rural, nouvellement recomposé.",
     "Les aides pour les démarches administratives, la communauté de communes, les partenaires et les communes.",
     "La volonté politique sans diagnostic des besoins et l’étendue du territoire nouvellement composé (qui ne se connaît pas).",
     "La volonté politique et le service existant sur une partie du territoire.",
     "Co-développer des services publics innovants", "Démarches"},
    {14, "Comment convaincre les habitants de renoncer à leur voiture et préférer d’autres modes de transport pour emmener leurs enfants à l’école ?",
     "Ville de Iași (Roumanie)", "", "", "", "", "", "Développer des dynamiques territoriales", "École à pied"},
}};

// Fictional participants: first names and family names combined per team.
constexpr std::array<const char*, 16> kFirstNames{"Awa", "Bruno", "Chloé", "Denis", "Élodie", "Fatou", "Gaëlle", "Hugo",
                                                  "Inès", "Jérôme", "Katell", "Loïc", "Maëlle", "Noé", "Océane", "Pierre"};
constexpr std::array<const char*, 16> kLastNames{"Le Gall", "Martin", "Nguyen", "Guérin", "Le Bihan", "Diallo", "Tanguy",
                                                 "Moreau", "Benali", "Lefèvre", "Kerouac", "Rolland", "Cadiou", "Fontaine",
                                                 "Jégou", "Mercier"};
constexpr std::array<const char*, 6> kOrganisations{"Rennes Métropole", "Ville de Brest", "Département du Finistère",
                                                    "Ville de Lorient", "CNFPT Bretagne", "Région Bretagne"};

struct DemoSlot {
    const char* day;
    const char* start;
    const char* end;
    const char* title;
    SlotKind kind;
    const char* room;
};

const std::array<DemoSlot, 15> kAgenda{{
    {"2018-07-09", "09:00", "09:30", "Accueil des participants", SlotKind::Other, "Hall"},
    {"2018-07-09", "09:30", "10:30", "Conférence introductive : l’innovation publique territoriale", SlotKind::Talk, "Grande salle"},
    {"2018-07-09", "10:45", "12:30", "Découverte des défis avec les porteurs", SlotKind::Workshop, "Salles d’atelier"},
    {"2018-07-09", "14:00", "17:15", "Diverger : explorer le défi, produire des idées", SlotKind::Workshop, "Salles d’atelier"},
    {"2018-07-09", "17:15", "18:00", "Mini-conférences", SlotKind::Talk, "Grande salle"},
    {"2018-07-10", "09:00", "09:45", "Conférence introductive : le design des politiques publiques", SlotKind::Talk, "Grande salle"},
    {"2018-07-10", "10:00", "12:30", "Sélectionner : regrouper, voter, retenir une piste", SlotKind::Workshop, "Salles d’atelier"},
    {"2018-07-10", "14:00", "17:15", "Prototyper", SlotKind::Workshop, "Salles d’atelier"},
    {"2018-07-10", "17:15", "18:00", "Mini-conférences", SlotKind::Talk, "Grande salle"},
    {"2018-07-11", "09:00", "11:00", "Prototyper : finaliser et préparer le test", SlotKind::Workshop, "Salles d’atelier"},
    {"2018-07-11", "11:00", "12:30", "Retour collectif sur le processus", SlotKind::Debrief, "Grande salle"},
    {"2018-07-11", "14:00", "15:45", "Exposition : tester les prototypes", SlotKind::Exhibition, "Hall d’exposition"},
    {"2018-07-11", "15:45", "16:30", "Clôture et suites des défis", SlotKind::Other, "Grande salle"},
    {"2018-07-11", "12:30", "14:00", "Déjeuner", SlotKind::Other, ""},
    {"2018-07-10", "12:30", "14:00", "Déjeuner", SlotKind::Other, ""},
}};

// Board content for the swimming-school défi (3), taken through every phase, and a few notes
// on défis 1 and 11, so every screen has something to show.
const std::array<const char*, 9> kSwimmingIdeas{
    "Pré-inscription en ligne avec tirage au sort des places",
    "Paiement en ligne sur le portail « familles »",
    "Un seul formulaire pour les 4 piscines",
    "SMS quand une place se libère",
    "Afficher en temps réel les créneaux encore libres",
    "Renouvellement automatique pour les enfants déjà inscrits",
    "Accueil des parents par les maîtres-nageurs le jour J",
    "File d’attente numérique au lieu de la queue dès 6 h",
    "Fiche « que faut-il apporter ? » envoyée à l’avance",
};

Id mustCreate(Engine& engine, const Action& action) { return engine.apply(action).created.front(); }

} // namespace

std::unique_ptr<Engine> createDemoEvent(const std::string& path, const Clock& clock) {
    EventInfo info;
    info.name = "Université d’été de l’innovation publique territoriale — Rennes 2018";
    info.organiser = "CNFPT";
    info.place = "Maison des associations, Rennes";
    info.firstDay = "2018-07-09";
    info.lastDay = "2018-07-11";
    info.timeZone = "Europe/Paris";
    {
        auto engine = Engine::createBeside(path, info, clock); // published below, once complete
        Engine& e = *engine;

        for (const auto& s : kAgenda) e.apply(AddSlot{{}, s.day, s.start, s.end, s.title, s.kind, s.room});

        std::vector<Id> teams;
        std::vector<std::vector<Id>> members;
        for (const auto& c : kChallenges) {
            Id challenge = mustCreate(e, AddChallenge{{}, c.number, c.question, c.owner, c.territory, c.stakes,
                                                      c.stakeholders, c.obstacles, c.levers, c.theme, ""});
            Id team = mustCreate(e, AddTeam{{}, std::string("Équipe ") + std::to_string(c.number) + " · " + c.nickname, "",
                                            challenge});
            teams.push_back(team);
            std::vector<Id> ids;
            int size = 3 + c.number % 3;
            for (int k = 0; k < size; ++k) {
                int n = (c.number * 5 + k * 3) % 16;
                std::string name = std::string(kFirstNames[n]) + " " + kLastNames[(n + c.number + k) % 16];
                Role role = k == 0 ? Role::Facilitator : k == 1 ? Role::ChallengeOwner : Role::Participant;
                std::string organisation = role == Role::ChallengeOwner ? c.owner : kOrganisations[(c.number + k) % 6];
                if (role == Role::ChallengeOwner) organisation = organisation.substr(0, organisation.find(" ("));
                ids.push_back(mustCreate(e, AddMember{{}, team, name, organisation, role}));
            }
            members.push_back(ids);
        }

        // Défi 3: diverge, select, prototype and test.
        Id swim = teams[2];
        std::vector<Id> ideas;
        for (std::size_t i = 0; i < kSwimmingIdeas.size(); ++i) {
            const auto& who = members[2];
            ideas.push_back(mustCreate(e, AddNote{{}, swim, kSwimmingIdeas[i], i % 3 == 2 ? "#9AD0F5" : "",
                                                  60.0 + double(i % 3) * 200, 60.0 + double(i / 3) * 160, {}, {},
                                                  who[i % who.size()], {}}));
        }
        Id online = mustCreate(e, AddCluster{{}, swim, "S’inscrire en ligne", "", 700, 40, {ideas[0], ideas[1], ideas[4]}});
        mustCreate(e, AddCluster{{}, swim, "Le jour J", "#F7D6E0", 700, 400, {ideas[6], ideas[7]}});
        e.apply(MoveNotes{{{ideas[0], 720, 90}, {ideas[1], 900, 90}, {ideas[4], 1080, 90}}, {}});
        e.apply(MoveNotes{{{ideas[6], 720, 450}, {ideas[7], 900, 450}}, {}});
        e.apply(SetPhase{swim, Phase::Select});
        Id round = mustCreate(e, OpenVoteRound{{}, swim, 3, 2, VoteMode::Members});
        const auto& voters = members[2];
        for (std::size_t v = 0; v < voters.size(); ++v) {
            e.apply(CastVote{round, voters[v], {}, online, 2});
            e.apply(CastVote{round, voters[v], ideas[(v * 2 + 3) % ideas.size()], {}, 1});
        }
        e.apply(RevealVotes{round, true});
        e.apply(SelectIdea{swim, {}, online});
        e.apply(SetPhase{swim, Phase::Prototype});
        Id prototype = mustCreate(e, AddPrototype{{}, swim, "Parcours d’inscription en ligne",
                                                  "Maquette papier des écrans : choix de la piscine, du créneau, paiement.",
                                                  PrototypeFormat::Mockup, PrototypeStatus::Ready,
                                                  "Les parents trouvent-ils un créneau sans aide ?", {}, {}});
        Id v2 = mustCreate(e, AddPrototypeVersion{{}, prototype, {}, "Maquette révisée après le test : le paiement vient en dernier.",
                                                  {}, {}});
        mustCreate(e, AddPrototype{{}, swim, "Le jour J, version sereine", "Jeu de rôle de l’accueil à la piscine.",
                                   PrototypeFormat::RolePlay, PrototypeStatus::Draft, "", {}, {}});
        e.apply(SetPhase{swim, Phase::Test});
        e.apply(AddFeedback{{}, v2, FeedbackKind::Like, "Enfin plus de queue à 6 h du matin !", 5, ""});
        e.apply(AddFeedback{{}, v2, FeedbackKind::Suggest, "Prévoir une aide au guichet pour qui n’a pas d’ordinateur.", 4, ""});
        e.apply(AddFeedback{{}, v2, FeedbackKind::Question, "Que se passe-t-il si le paiement échoue ?", {}, ""});

        // Défi 1: in the middle of diverging, in private writing.
        Id glaciere = teams[0];
        const std::array<const char*, 4> glaciereIdeas{"Grille de critères co-écrite avec l’association", "Visite sensible du lieu",
                                                       "Un indicateur « plancton » avec l’observatoire",
                                                       "Budget participatif pour l’aménagement"};
        for (std::size_t i = 0; i < glaciereIdeas.size(); ++i)
            e.apply(AddNote{{}, glaciere, glaciereIdeas[i], "", 60.0 + double(i) * 190, 80, {}, {}, members[0][i % members[0].size()], {}});
        e.apply(SetPrivateWriting{glaciere, true});
        e.apply(AddNote{{}, glaciere, "Label « lieu d’innovation » décerné par les habitants", "", 60, 260, {}, {}, {}, {}});

        // Défi 11: selecting.
        Id nazaire = teams[10];
        const std::array<const char*, 3> nazaireIdeas{"Un droit d’interpellation du conseil à 500 signatures",
                                                      "Des « cafés du conseil » dans les quartiers",
                                                      "Suivi public de chaque sujet remonté"};
        for (std::size_t i = 0; i < nazaireIdeas.size(); ++i)
            e.apply(AddNote{{}, nazaire, nazaireIdeas[i], "", 60.0 + double(i) * 190, 80, {}, {}, {}, {}});
        e.apply(SetPhase{nazaire, Phase::Select});
        // Renamed into place only now: a kill before this leaves no demo file, only the one
        // being built, which the next attempt removes. Reopened with an empty undo history.
        return Engine::publish(std::move(engine), path, clock);
    }
}

} // namespace atelier
