#include "strings.hpp"

#include <iterator>

namespace atelier {

namespace {

constexpr const char* kFrench[] = {
    "Atelier", // AppName
    "Fichier", // MenuFile
    "Nouvel événement…", // MenuNewEvent
    "Ouvrir…", // MenuOpen
    "Fichiers récents", // MenuRecent
    "(aucun)", // MenuNoRecent
    "Quitter", // MenuQuit
    "Édition", // MenuEdit
    "Annuler", // MenuUndo
    "Rétablir", // MenuRedo
    "Annuler : {}", // MenuUndoFormat
    "Rétablir : {}", // MenuRedoFormat
    "Affichage", // MenuDisplay
    "Agrandir", // MenuZoomIn
    "Réduire", // MenuZoomOut
    "Taille normale", // MenuZoomReset
    "Langue", // MenuLanguage
    "Présentation plein écran", // MenuFullScreen
    "Écran de projection", // MenuProjectionWindow
    "Français", // LanguageFrench
    "English", // LanguageEnglish
    "Chemin du fichier", // DialogPath
    "Nom de l’événement", // DialogEventName
    "Nouvel événement", // DialogNewEventDefault
    "Nouvel événement", // DialogNewEventTitle
    "Fichier de l'événement", // DialogEventFile
    "Fichier de revue nationale (réunit les fichiers de plusieurs sites)", // DialogReviewFile
    "Fichier de revue « {} » créé : fusionnez-y le fichier de chaque site (Fichiers, onglet « Fusionner »).", // DialogReviewCreated
    "Parcourir…", // ButtonBrowse
    "Choisir un fichier", // PickerOpenTitle
    "Enregistrer sous", // PickerSaveTitle
    "Choisir un dossier", // PickerFolderTitle
    "Dossier", // PickerFolder
    "Emplacements", // PickerPlaces
    "Récents", // PickerRecent
    "Dossier de l’événement", // PickerEventFolder
    "Dossier personnel", // PickerHome
    "Documents", // PickerDocuments
    "Bureau", // PickerDesktop
    "Téléchargements", // PickerDownloads
    "Dossier parent", // PickerUp
    "Nom", // PickerName
    "Tous les fichiers", // PickerAllFiles
    "Événements Atelier (.db)", // PickerKindEvent
    "Tableurs en CSV (.csv)", // PickerKindSpreadsheet
    "Paquets JSON (.json)", // PickerKindBundle
    "Photos (.jpg, .png)", // PickerKindImage
    "Texte Markdown (.md)", // PickerKindMarkdown
    "Pages web (.html)", // PickerKindHtml
    "Images PNG (.png)", // PickerKindPng
    "Choisir", // PickerChoose
    "Enregistrer", // PickerSave
    "Choisir ce dossier", // PickerChooseFolder
    "Aucun fichier de ce type ici : ouvrez un autre dossier, ou montrez tous les fichiers.", // PickerEmptyFolder
    "Impossible de lire le dossier « {} » ({}) : choisissez-en un autre.", // PickerFolderUnreadable
    "« {} » n’existe pas : vérifiez le nom, ou choisissez un fichier dans la liste.", // PickerNoSuchFile
    "« {} » est un dossier : ouvrez-le, puis choisissez un fichier.", // PickerIsFolder
    "« {} » n’est pas un dossier existant : vérifiez le chemin.", // PickerNotFolder
    "Le dossier « {} » n’existe pas : choisissez un dossier existant.", // PickerNoParent
    "« {} » existe déjà : cliquez encore sur « Enregistrer » pour le remplacer, ou changez le nom.", // PickerWillReplace
    "« {} » existe déjà : choisissez un autre nom pour le nouvel événement (pour travailler sur celui-là, ouvrez-le).", // PickerExistsEvent
    "Écrivez un nom de fichier, ou choisissez-en un dans la liste.", // PickerNameMissing
    "Choisissez le fichier dans la fenêtre qui vient de s’ouvrir.", // PickerDesktopWaiting
    "L'événement", // EventHeading
    "Nom", // EventName
    "Organisateur", // EventOrganiser
    "Lieu", // EventPlace
    "Premier jour", // EventFirstDay
    "Dernier jour", // EventLastDay
    "Fuseau horaire", // EventTimeZone
    "JJ/MM/AAAA", // EventDayHint
    "Chercher (ville, région)", // EventTimeZoneSearch
    "« {} » n'est pas une date : écrivez le jour, le mois puis l'année, par exemple 06/07/2026.", // EventDayInvalid
    "Donnez un nom à l'événement.", // EventNameMissing
    "Choisissez où enregistrer le fichier de l'événement.", // EventPathMissing
    "Le dernier jour ({}) est avant le premier ({}) : corrigez l'un des deux.", // EventDaysReversed
    "Chaque champ est enregistré quand vous le quittez ; Ctrl+Z annule.", // EventEditHint
    "Ouvrir", // ButtonOpen
    "Créer", // ButtonCreate
    "Annuler", // ButtonCancel
    "Fermer", // ButtonDismiss
    "Impossible d’ouvrir cet événement", // ErrorOpenTitle
    "Aucun événement ouvert. Le menu Fichier permet d’en créer un ou d’en ouvrir un.", // NoEventOpen
    "Annulé : {}", // ToastUndone
    "Rétabli : {}", // ToastRedone
    "Fichier en lecture seule : les modifications sont impossibles.", // ReadOnlyBanner
    "Ce fichier enfreint les règles d’Atelier", // RuleBreaksTitle
    "L’événement est ouvert et rien n’a été modifié, mais des lignes ne respectent pas les règles (écrites par une ancienne version ou à la main) :", // RuleBreaksIntro
    "… et d’autres encore.", // RuleBreaksMore
    "Pour la liste complète : atelier check « {} ». Corrigez ces éléments dans l’application, ou restaurez une sauvegarde (Fichier → Sauvegardes…).", // RuleBreaksCheck
    "Compris, continuer", // RuleBreaksClose
    "Interface à {} %", // ScaleFormat
    "Accueil", // ViewHome
    "Défi", // ViewChallenge
    "Équipes", // ViewTeams
    "Programme", // ViewProgramme
    "Phases", // ViewPhases
    "Minuteur", // ViewTimer
    "Projection", // ViewProjector
    "Diverger", // PhaseDiverge
    "Sélectionner", // PhaseSelect
    "Prototyper", // PhasePrototype
    "Tester", // PhaseTest
    "Facilitateur·rice", // RoleFacilitator
    "Porteur du défi", // RoleChallengeOwner
    "Participant·e", // RoleParticipant
    "Expert·e", // RoleExpert
    "Conférence", // SlotTalk
    "Atelier", // SlotWorkshop
    "Débriefing", // SlotDebrief
    "Exposition", // SlotExhibition
    "Autre", // SlotOther
    "Prêt", // TimerReady
    "En cours", // TimerRunning
    "En pause", // TimerPaused
    "Temps écoulé", // TimerFinished
    "lundi", // Monday
    "mardi", // Tuesday
    "mercredi", // Wednesday
    "jeudi", // Thursday
    "vendredi", // Friday
    "samedi", // Saturday
    "dimanche", // Sunday
    "janvier", // January
    "février", // February
    "mars", // March
    "avril", // April
    "mai", // May
    "juin", // June
    "juillet", // July
    "août", // August
    "septembre", // September
    "octobre", // October
    "novembre", // November
    "décembre", // December
    "{0} {1} {2} {3}", // DayFormat
    "Programme", // HomeProgramme
    "maintenant", // HomeNow
    "Défis et équipes", // HomeChallenges
    "Pas encore d’équipe", // HomeNoTeam
    "Fichier de revue : {} sites réunis — {}", // HomeReviewSites
    "{} membres", // CountMembers
    "{} membre", // CountMembersOne
    "{} post-its", // CountNotes
    "{} post-it", // CountNotesOne
    "{} prototypes", // CountPrototypes
    "{} prototype", // CountPrototypesOne
    "Le programme est vide.", // HomeNoSlots
    "Défi nº {}", // ChallengeNumber
    "Porteur", // ChallengeOwner
    "Territoire", // ChallengeTerritory
    "Thème", // ChallengeTheme
    "Enjeux", // ChallengeStakes
    "Parties prenantes et usagers", // ChallengeStakeholders
    "Obstacles", // ChallengeObstacles
    "Leviers", // ChallengeLevers
    "Lien", // ChallengeLink
    "Équipe", // ChallengeTeam
    "Aucun défi dans cet événement.", // NoChallenges
    "Numéro", // ChallengeNumberLabel
    "Question", // ChallengeQuestion
    "Ajouter un défi", // ChallengeAdd
    "Supprimer le défi", // ChallengeDelete
    "Monter", // ChallengeMoveUp
    "Descendre", // ChallengeMoveDown
    "Comment … ?", // ChallengeNewQuestion
    "Aperçu sur le projecteur", // ChallengePreview
    "Page {} / {}", // ChallengePreviewPage
    "Page précédente", // ChallengePagePrevious
    "Page suivante", // ChallengePageNext
    "Déplacer le défi {}", // ChallengeMove
    "Défis", // ChallengeList
    "◀ Précédent", // ButtonPrevious
    "Suivant ▶", // ButtonNext
    "Projeter", // ButtonProject
    "Voir l’équipe", // ButtonShowTeam
    "Ajouter une équipe", // TeamsAdd
    "Nouvelle équipe", // TeamsNewName
    "Nom", // TeamName
    "Couleur", // TeamColour
    "Défi", // TeamChallenge
    "(aucun défi)", // TeamNoChallenge
    "Supprimer l’équipe", // TeamDelete
    "Membres", // TeamMembers
    "Nom", // MemberName
    "Organisation", // MemberOrganisation
    "Rôle", // MemberRole
    "Ajouter le membre", // MemberAdd
    "Retirer", // MemberDelete
    "Nouveau membre", // MemberNew
    "Aucune équipe pour l’instant.", // NoTeams
    "Jour", // SlotDay
    "Début", // SlotStart
    "Fin", // SlotEnd
    "Intitulé", // SlotTitle
    "Type", // SlotKind
    "Salle", // SlotRoom
    "Ajouter un créneau", // SlotAdd
    "Supprimer", // SlotDelete
    "Nouveau créneau", // SlotNewTitle
    "Aucun créneau pour ce jour.", // NoSlots
    "Modifier", // SlotEdit
    "Le créneau", // SlotEditorTitle
    "Enregistrer le créneau", // SlotSave
    "14h, 14h30 ou 14:30", // SlotTimeHint
    "Heure de début « {} » : écrivez par exemple 14h, 14h30 ou 14:30.", // SlotStartInvalid
    "Heure de fin « {} » : écrivez par exemple 15h, 15h30 ou 15:30.", // SlotEndInvalid
    "Le créneau finit à {} avant de commencer à {} : mettez une fin après le début.", // SlotEndBeforeStart
    "Donnez un titre au créneau.", // SlotTitleMissing
    "Indiquez le premier et le dernier jour dans l'écran Événement : le programme aura un onglet par jour.", // ProgrammeNoDays
    "Toutes les équipes", // AllTeams
    "Passer toutes les équipes en phase :", // PhasesSetAll
    "Historique des phases", // PhasesHistory
    "Équipe", // PhasesTeam
    "Phase", // PhasesCurrent
    "Pas encore de changement.", // PhasesNoHistory
    "Revenir en arrière ?", // PhasesBackTitle
    "Passer toutes les équipes en phase « {} » fera revenir en arrière : {}.", // PhasesBackBody
    "Oui, revenir en arrière", // PhasesBackConfirm
    "Minuteur de", // TimerScope
    "Démarrer", // TimerStart
    "Pause", // TimerPause
    "Reprendre", // TimerResume
    "+1 min", // TimerPlus1
    "+5 min", // TimerPlus5
    "Remettre à zéro", // TimerReset
    "Nouveau minuteur", // TimerNew
    "Durées par phase (minutes)", // TimerPresets
    "Phase du minuteur", // TimerPhase
    "Minuteurs des équipes", // TimerTeams
    "Aucun minuteur lancé", // TimerNone
    "Espace : démarrer ou mettre en pause (vue Projection)", // TimerSpaceHint
    "Durée", // TimerDuration
    "7, 7:30 ou 90 s", // TimerDurationHint
    "Reprendre le minuteur précédent ({})", // TimerRestorePrevious
    "Remplacer le minuteur en cours ?", // TimerReplaceTitle
    "Ce minuteur sera mis en pause et remplacé : {}. « Reprendre le minuteur précédent » le ramènera avec le temps qui lui reste.", // TimerReplaceBody
    "Remplacer", // TimerReplaceConfirm
    "PAUSE", // TimerPausedBadge
    "Phase {} : celle où en sont la plupart des équipes", // TimerPhaseDefault
    "−1 min", // TimerMinus1
    "Son", // SoundTitle
    "Couper la sonnerie", // SoundMute
    "Sonner aussi une minute avant la fin", // SoundMinuteBefore
    "Tester le son", // SoundTest
    "Sortie son", // SoundOutput
    "Sortie par défaut du système", // SoundDefaultDevice
    "Le son sort par : {}", // SoundInUse
    "Aucune sortie son : le minuteur ne sonnera pas. Branchez des haut-parleurs (la sortie HDMI du projecteur n’en a souvent pas), puis choisissez la sortie dans Minuteur → Son.", // SoundNoDevice
    "Le son « {} » est illisible : le minuteur ne sonnera pas.", // SoundBadFile
    "La sortie son choisie n’est plus là : le son passe maintenant par « {} ».", // SoundDeviceLost
    "Sonnerie coupée : le minuteur ne sonnera pas à zéro.", // SoundMutedNote
    "Contenu projeté", // ProjectorContent
    "Minuteur seul", // ContentTimerOnly
    "Brief du défi", // ContentChallenge
    "Programme du jour", // ContentProgramme
    "Équipe projetée", // ProjectorTeam
    "Ouvrir l’écran de projection", // ProjectorOpenWindow
    "Fermer l’écran de projection", // ProjectorCloseWindow
    "F11 : plein écran · Espace : démarrer / pause · B : écran noir · ← → : pages · Échap : quitter le plein écran", // ProjectorHint
    "Temps écoulé !", // ProjectorTimeUp
    "Rien au programme aujourd’hui.", // ProjectorNoProgramme
    "Page {} / {}  (← →)", // ProjectorPage
    "Écran noir : B pour revenir", // ProjectorBlanked
    "Mur", // ViewBoard
    "Vote", // ViewVotes
    "Mur de l’équipe", // ContentBoard
    "Résultats du vote", // ContentVote
    "Rejoindre depuis son téléphone", // ContentJoin
    "★ Piste retenue", // BoardSelectedTag
    "masqué", // BoardHiddenTag
    "Mur vide : double-cliquez pour ajouter un post-it", // BoardEmpty
    "Couleur", // BoardColour
    "Modifier le texte", // BoardEditText
    "Entrée", // BoardKeyEnter
    "Suppr", // BoardKeyDelete
    "Raccourcis clavier", // KeysTitle
    "Depuis n’importe quel écran, sauf pendant la saisie d’un texte (AZERTY et QWERTY).", // KeysIntro
    "Démarrer ou mettre en pause le minuteur projeté", // KeysToggleTimer
    "Ajouter une minute au minuteur projeté", // KeysAddMinute
    "Retirer une minute au minuteur projeté", // KeysRemoveMinute
    "Phase suivante (équipe projetée, ou toutes)", // KeysNextPhase
    "Ouvrir ou fermer l’écran de projection", // KeysProjectionWindow
    "Écran de projection noir (ou le rallumer)", // KeysBlankProjector
    "Aller à l’écran n° 1 à 9 de la barre latérale", // KeysScreenNumber
    "Écran suivant, précédent avec Maj", // KeysNextScreen
    "Afficher ou masquer cette liste", // KeysHelp
    "Sur le mur", // KeysBoardTitle
    "Nouveau post-it (la saisie commence aussitôt)", // KeysBoardNew
    "Modifier le post-it sélectionné", // KeysBoardEdit
    "Terminer la saisie en gardant le texte (Ctrl+Z l’annule)", // KeysBoardEndEdit
    "Tout voir", // KeysBoardFit
    "Supprimer la sélection", // KeysBoardDelete
    "Fermer", // KeysClose
    "Regrouper", // BoardGroup
    "Sortir du regroupement", // BoardUngroup
    "Retenir comme piste", // BoardSelectIdea
    "Ne plus retenir", // BoardClearIdea
    "Supprimer", // BoardDelete
    "Renommer", // BoardRename
    "Défaire le regroupement", // BoardDissolve
    "Nouveau regroupement", // BoardNewCluster
    "Tout voir", // BoardFit
    "100 %", // BoardActualSize
    "Écriture individuelle", // BoardPrivateWriting
    "Les nouveaux post-its restent masqués sur l’écran de projection jusqu’au dévoilement.", // BoardPrivateWritingHelp
    "Dévoiler les post-its ({})", // BoardRevealNotes
    "Auteur :", // BoardAuthor
    "(non précisé)", // BoardNobody
    "Projeter le mur", // BoardProject
    "✓ Projeté", // BoardProjected
    "Sélection : {}", // BoardSelectedNotes
    "Regroupement :", // BoardClusterTitle
    "Double-clic ou N : nouveau post-it · Glisser : déplacer · Maj+clic, Maj+glisser : sélection multiple · Clic droit : menu · Suppr : supprimer · Ctrl+Z : annuler", // BoardHint
    "Écriture individuelle : {} post-its masqués jusqu’au dévoilement", // BoardProjectorHidden
    "Écriture individuelle : {} post-it masqué jusqu’au dévoilement", // BoardProjectorHiddenOne
    "Résultats du vote", // VoteResultsTitle
    "Aucun vote pour l’instant.", // VoteNoRound
    "Votes masqués jusqu’au dévoilement · {} gommettes posées", // VoteHiddenCount
    "Votes masqués jusqu’au dévoilement · {} gommette posée", // VoteHiddenCountOne
    "Aucune gommette posée.", // VoteNoDots
    "(post-it masqué)", // VoteHiddenNote
    "Regroupement : ", // VoteClusterPrefix
    "Vote : {} gommettes par personne", // VoteRule
    "Vote : {} gommettes par personne, au plus {} par idée", // VoteRuleCap
    "Qui vote ?", // VoteWhoVotes
    "{} : reste {} · cliquez sur les idées (clic droit : retirer)", // VoteDotsLeft
    "Terminé", // VoteDone
    "Compter les gommettes (clic : +1, clic droit : −1)", // VoteTallyClicks
    "votes masqués", // VoteHiddenUntilReveal
    "Résultats…", // VoteShowResults
    "Nouveau tour de vote", // VoteNewRound
    "Gommettes par personne", // VoteBudget
    "Limiter les gommettes par idée", // VoteCapOn
    "Chaque membre vote", // VoteModeMembers
    "Décompte de gommettes papier", // VoteModeTally
    "Ouvrir le vote", // VoteOpen
    "Décompte des gommettes", // VoteTallyTitle
    "Idée", // VoteIdea
    "Gommettes", // VoteDots
    "Classement", // VoteRanking
    "vote clos", // VoteClosed
    "Dévoiler les votes", // VoteReveal
    "Masquer les votes", // VoteHide
    "Clore le vote", // VoteClose
    "Projeter les résultats", // VoteProject
    "Aller au mur", // VoteToBoard
    "Gommettes posées par membre", // VoteMembers
    "Les membres votent sur le mur : choisir son nom, puis cliquer sur les idées.", // VoteMembersHint
    "Pas encore de piste retenue.", // VoteNoIdeaYet
    "Importer un tableur…", // MenuImport
    "Exporter…", // MenuExport
    "Fusionner un fichier d’équipe…", // MenuMerge
    "Prototypes", // ViewPrototypes
    "Stand", // ViewStand
    "Tableau de bord", // ViewDashboard
    "Rechercher", // ViewSearch
    "Fichiers", // ViewFiles
    "Participation", // ViewParticipation
    "+ Nouveau prototype", // ProtoAdd
    "Nouveau prototype", // ProtoNewTitle
    "Aucun prototype pour l’instant. Créez le premier : une maquette, un storyboard, un jeu de rôle…", // ProtoNone
    "Titre", // ProtoTitle
    "Format", // ProtoFormat
    "Statut", // ProtoStatus
    "Piste d’origine", // ProtoIdea
    "(aucune piste retenue)", // ProtoNoIdea
    "Description", // ProtoDescription
    "Ce que le test doit apprendre", // ProtoLearning
    "Nouvelle version", // ProtoNewVersion
    "Ouvrir le stand", // ProtoStand
    "Supprimer le prototype", // ProtoDelete
    "Photos", // ProtoPhotos
    "Retirer", // ProtoPhotoDelete
    "Glissez une image sur la fenêtre, ou indiquez son chemin (réduite à 1600 px, stockée dans l’événement).", // ProtoPhotoHint
    "Chemin de l’image (.jpg, .png)", // ProtoPhotoPath
    "Légende (facultative)", // ProtoPhotoCaption
    "Ajouter la photo", // ProtoPhotoAdd
    "Créez d’abord un prototype pour y ajouter des photos.", // ProtoDropNeedsPrototype
    "J’aime", // StandLike
    "Je suggère", // StandSuggest
    "Je m’interroge", // StandQuestion
    "Votre avis sur ce prototype ?", // StandPrompt
    "Note (facultative)", // StandRating
    "{}/5", // StandRatingFormat
    "Votre prénom (facultatif)", // StandName
    "Envoyer", // StandSend
    "Retour", // StandBack
    "Écrivez quelques mots ou donnez une note.", // StandEmptyHint
    "Merci pour votre retour !", // StandThanks
    "L’équipe le lira avec attention.", // StandThanksMore
    "Au visiteur suivant", // StandNext
    "Aucun prototype à tester : l’équipe en ajoute un dans l’écran Prototypes.", // StandNoPrototype
    "Plein écran (F11)", // StandFullScreen
    "Quitter le plein écran (Échap)", // StandLeaveFullScreen
    "Afficher les retours", // StandShowFeedback
    "Retours des visiteurs", // StandFeedbackTitle
    "Retours reçus : {}", // StandFeedbackCount
    "Note moyenne : {} ({} notes)", // StandAverage
    "Note moyenne : {} ({} note)", // StandAverageOne
    "Pas encore de note", // StandNoRating
    "Aucun retour pour l’instant.", // StandNoFeedback
    "{} équipes · {} post-its · {} gommettes · {} prototypes ({} versions) · {} retours · note moyenne {}", // DashTotals
    "Équipes par phase", // DashChartPhases
    "Retours par type", // DashChartFeedback
    "Post-its par équipe", // DashChartNotes
    "Thème", // DashFilterTheme
    "Site", // DashFilterSite
    "Phase", // DashFilterPhase
    "Tous", // DashAll
    "N°", // DashColNumber
    "Équipe", // DashColTeam
    "Thème", // DashColTheme
    "Phase atteinte", // DashColPhase
    "Post-its", // DashColNotes
    "Gommettes", // DashColDots
    "Piste retenue", // DashColSelected
    "Prototypes", // DashColPrototypes
    "Retours (aime · suggère · s’interroge)", // DashColFeedback
    "Note", // DashColRating
    "Durées prévu / réel (min)", // DashColDurations
    "depuis le {}", // DashSince
    "{} ({} versions)", // DashPrototypesFormat
    "{} ({} version)", // DashPrototypesFormatOne
    "{} : {} / {}", // DashDurationFormat
    "Rechercher dans les post-its, prototypes, retours et défis…", // SearchHint
    "Les accents et majuscules ne comptent pas : « resume » trouve « résumé ».", // SearchEmpty
    "Aucun résultat.", // SearchNone
    "{} résultats — cliquez pour ouvrir", // SearchCount
    "{} résultat — cliquez pour ouvrir", // SearchCountOne
    "Défi", // SearchKindChallenge
    "Post-it", // SearchKindNote
    "Prototype", // SearchKindPrototype
    "Retour", // SearchKindFeedback
    "Importer", // FilesImport
    "Exporter", // FilesExport
    "Fusionner", // FilesMerge
    "Importer des défis ou des équipes", // FilesImportTitle
    "Un fichier CSV enregistré depuis LibreOffice ou Excel (séparateur ; , ou tabulation). Glissez-le sur la fenêtre ou indiquez son chemin : l’aperçu montre ce qui changera avant tout import.", // FilesImportHint
    "Défis", // FilesImportChallenges
    "Équipes et membres", // FilesImportTeams
    "Chemin du fichier .csv", // FilesCsvPath
    "Aperçu", // FilesPreview
    "Ce que l’import va faire :", // FilesPreviewTitle
    "Importer", // FilesApplyImport
    "Rien à changer : tout est déjà à jour.", // FilesNothingToImport
    "Import terminé.", // FilesImported
    "Ligne {}", // FilesErrorLine
    "Ligne {}, colonne « {} »", // FilesErrorLineColumn
    "Rien n’a été importé : corrigez le fichier puis relancez l’aperçu.", // FilesNothingChanged
    "Exporter l’événement", // FilesExportTitle
    "Restitution (Markdown)", // FilesFormatMarkdown
    "Restitution (HTML imprimable)", // FilesFormatHtml
    "Tableurs (CSV)", // FilesFormatCsv
    "Archive complète (JSON)", // FilesFormatJson
    "Inclure les noms des personnes", // FilesWithNames
    "Fichier à écrire", // FilesOutPath
    "Dossier à écrire", // FilesFolderPath
    "Exporter", // FilesDoExport
    "Export…", // FilesExporting
    "Export terminé ({} fichiers) :", // FilesExported
    "Export terminé ({} fichier) :", // FilesExportedOne
    "Restitution en Markdown (.md)", // FilesExportReportMd
    "Restitution en page web (.html), imprimable en PDF depuis un navigateur", // FilesExportReportHtml
    "Tableaux CSV (post-its, votes, prototypes, retours), dans un dossier", // FilesExportTables
    "Paquet JSON sans perte (tout l’événement)", // FilesExportBundle
    "Mur d’une équipe en image PNG", // FilesExportBoard
    "Modèles de tableur à remplir", // FilesExportTemplates
    "Modèle des défis (.csv)", // FilesTemplateChallenges
    "Modèle des équipes (.csv)", // FilesTemplateTeams
    "Exporter…", // FilesExportButton
    "Écrire le modèle…", // FilesTemplateButton
    "Équipe", // FilesBoardTeam
    "Aucune équipe n’a de défi : liez une équipe à son défi (écran Équipes) pour exporter son mur.", // FilesBoardNoTeams
    "Dessin du mur de « {} » dans {}…", // FilesBoardRendering
    "Le mur n’a pas été exporté : {}", // FilesBoardFailed
    "Écrit : {}", // FilesWrote
    "Modèle écrit dans {} (UTF-8, point-virgule) : remplissez-le dans votre tableur, enregistrez en CSV, puis importez-le dans l’onglet « Importer ».", // FilesTemplateWritten
    "« {} » existe déjà : Atelier n’écrase pas un modèle (ce pourrait être un tableau rempli). Choisissez un autre nom.", // FilesTemplateExists
    "Rien n’a été écrit : {}", // FilesNotWritten
    "Paquet JSON (nouvel événement)", // FilesImportBundle
    "Chemin du paquet JSON", // FilesBundlePath
    "Fichier d’événement à créer", // FilesBundleTarget
    "Créer l’événement et l’ouvrir", // FilesBundleImport
    "Événement « {} » créé dans {} depuis {}.", // FilesBundleCreated
    "Fusionner le fichier d’une équipe", // FilesMergeTitle
    "Les copies de l’événement des ordinateurs d’équipe : comparez-les une à une, puis « Fusionner » les réunit toutes en une fois (toutes, ou aucune si l’une est refusée). Les conflits sont listés dans le rapport. Après la fusion, « Annuler » ne remonte plus avant elle.", // FilesMergeHint
    "Chemin du fichier d’événement", // FilesEventPath
    "Comparer", // FilesMergeCheck
    "Cet événement : {}", // FilesCountsHere
    "À fusionner : {}", // FilesCountsThere
    "Fusionner", // FilesDoMerge
    "Vider la liste", // FilesMergeClear
    "Fusion terminée.", // FilesMerged
    "Rapport de fusion", // FilesMergeReport
};

constexpr const char* kEnglish[] = {
    "Atelier", // AppName
    "File", // MenuFile
    "New event…", // MenuNewEvent
    "Open…", // MenuOpen
    "Recent files", // MenuRecent
    "(none)", // MenuNoRecent
    "Quit", // MenuQuit
    "Edit", // MenuEdit
    "Undo", // MenuUndo
    "Redo", // MenuRedo
    "Undo: {}", // MenuUndoFormat
    "Redo: {}", // MenuRedoFormat
    "View", // MenuDisplay
    "Zoom in", // MenuZoomIn
    "Zoom out", // MenuZoomOut
    "Actual size", // MenuZoomReset
    "Language", // MenuLanguage
    "Full-screen presentation", // MenuFullScreen
    "Projection screen", // MenuProjectionWindow
    "Français", // LanguageFrench
    "English", // LanguageEnglish
    "File path", // DialogPath
    "Event name", // DialogEventName
    "New event", // DialogNewEventDefault
    "New event", // DialogNewEventTitle
    "Event file", // DialogEventFile
    "National review file (gathers the files of several sites)", // DialogReviewFile
    "Review file \"{}\" created: merge each site’s file into it (Files, \"Merge\" tab).", // DialogReviewCreated
    "Browse…", // ButtonBrowse
    "Choose a file", // PickerOpenTitle
    "Save as", // PickerSaveTitle
    "Choose a folder", // PickerFolderTitle
    "Folder", // PickerFolder
    "Places", // PickerPlaces
    "Recent", // PickerRecent
    "Event’s folder", // PickerEventFolder
    "Home folder", // PickerHome
    "Documents", // PickerDocuments
    "Desktop", // PickerDesktop
    "Downloads", // PickerDownloads
    "Parent folder", // PickerUp
    "Name", // PickerName
    "All files", // PickerAllFiles
    "Atelier events (.db)", // PickerKindEvent
    "Spreadsheets as CSV (.csv)", // PickerKindSpreadsheet
    "JSON bundles (.json)", // PickerKindBundle
    "Photos (.jpg, .png)", // PickerKindImage
    "Markdown text (.md)", // PickerKindMarkdown
    "Web pages (.html)", // PickerKindHtml
    "PNG images (.png)", // PickerKindPng
    "Choose", // PickerChoose
    "Save", // PickerSave
    "Choose this folder", // PickerChooseFolder
    "No file of this kind here: open another folder, or show all files.", // PickerEmptyFolder
    "Cannot read the folder \"{}\" ({}): choose another one.", // PickerFolderUnreadable
    "\"{}\" does not exist: check the name, or choose a file in the list.", // PickerNoSuchFile
    "\"{}\" is a folder: open it, then choose a file.", // PickerIsFolder
    "\"{}\" is not an existing folder: check the path.", // PickerNotFolder
    "The folder \"{}\" does not exist: choose an existing folder.", // PickerNoParent
    "\"{}\" already exists: click \"Save\" again to replace it, or change the name.", // PickerWillReplace
    "\"{}\" already exists: choose another name for the new event (to work on that one, open it).", // PickerExistsEvent
    "Type a file name, or choose one in the list.", // PickerNameMissing
    "Choose the file in the window that just opened.", // PickerDesktopWaiting
    "The event", // EventHeading
    "Name", // EventName
    "Organiser", // EventOrganiser
    "Place", // EventPlace
    "First day", // EventFirstDay
    "Last day", // EventLastDay
    "Time zone", // EventTimeZone
    "DD/MM/YYYY", // EventDayHint
    "Search (city, region)", // EventTimeZoneSearch
    "\"{}\" is not a date: write the day, month then year, for example 06/07/2026.", // EventDayInvalid
    "Give the event a name.", // EventNameMissing
    "Choose where to save the event's file.", // EventPathMissing
    "The last day ({}) is before the first ({}): correct one of them.", // EventDaysReversed
    "Each field is saved when you leave it; Ctrl+Z undoes.", // EventEditHint
    "Open", // ButtonOpen
    "Create", // ButtonCreate
    "Cancel", // ButtonCancel
    "Dismiss", // ButtonDismiss
    "This event cannot be opened", // ErrorOpenTitle
    "No event is open. Use the File menu to create or open one.", // NoEventOpen
    "Undone: {}", // ToastUndone
    "Redone: {}", // ToastRedone
    "Read-only file: changes are not possible.", // ReadOnlyBanner
    "This file breaks Atelier's rules", // RuleBreaksTitle
    "The event is open and nothing was changed, but some rows do not follow the rules (written by an older version or by hand):", // RuleBreaksIntro
    "… and more.", // RuleBreaksMore
    "For the full list: atelier check \"{}\". Fix these items in the app, or restore a backup (File → Backups…).", // RuleBreaksCheck
    "Understood, continue", // RuleBreaksClose
    "Interface at {}%", // ScaleFormat
    "Home", // ViewHome
    "Challenge", // ViewChallenge
    "Teams", // ViewTeams
    "Programme", // ViewProgramme
    "Phases", // ViewPhases
    "Timer", // ViewTimer
    "Projector", // ViewProjector
    "Diverge", // PhaseDiverge
    "Select", // PhaseSelect
    "Prototype", // PhasePrototype
    "Test", // PhaseTest
    "Facilitator", // RoleFacilitator
    "Challenge owner", // RoleChallengeOwner
    "Participant", // RoleParticipant
    "Expert", // RoleExpert
    "Talk", // SlotTalk
    "Workshop", // SlotWorkshop
    "Debrief", // SlotDebrief
    "Exhibition", // SlotExhibition
    "Other", // SlotOther
    "Ready", // TimerReady
    "Running", // TimerRunning
    "Paused", // TimerPaused
    "Time’s up", // TimerFinished
    "Monday", // Monday
    "Tuesday", // Tuesday
    "Wednesday", // Wednesday
    "Thursday", // Thursday
    "Friday", // Friday
    "Saturday", // Saturday
    "Sunday", // Sunday
    "January", // January
    "February", // February
    "March", // March
    "April", // April
    "May", // May
    "June", // June
    "July", // July
    "August", // August
    "September", // September
    "October", // October
    "November", // November
    "December", // December
    "{0} {1} {2} {3}", // DayFormat
    "Programme", // HomeProgramme
    "now", // HomeNow
    "Challenges and teams", // HomeChallenges
    "No team yet", // HomeNoTeam
    "Review file: {} sites gathered — {}", // HomeReviewSites
    "{} members", // CountMembers
    "{} member", // CountMembersOne
    "{} notes", // CountNotes
    "{} note", // CountNotesOne
    "{} prototypes", // CountPrototypes
    "{} prototype", // CountPrototypesOne
    "The programme is empty.", // HomeNoSlots
    "Challenge {}", // ChallengeNumber
    "Owner", // ChallengeOwner
    "Territory", // ChallengeTerritory
    "Theme", // ChallengeTheme
    "Stakes", // ChallengeStakes
    "Stakeholders and users", // ChallengeStakeholders
    "Obstacles", // ChallengeObstacles
    "Levers", // ChallengeLevers
    "Link", // ChallengeLink
    "Team", // ChallengeTeam
    "No challenges in this event.", // NoChallenges
    "Number", // ChallengeNumberLabel
    "Question", // ChallengeQuestion
    "Add a défi", // ChallengeAdd
    "Delete the défi", // ChallengeDelete
    "Move up", // ChallengeMoveUp
    "Move down", // ChallengeMoveDown
    "How might we … ?", // ChallengeNewQuestion
    "Preview on the projector", // ChallengePreview
    "Page {} of {}", // ChallengePreviewPage
    "Previous page", // ChallengePagePrevious
    "Next page", // ChallengePageNext
    "Move défi {}", // ChallengeMove
    "Défis", // ChallengeList
    "◀ Previous", // ButtonPrevious
    "Next ▶", // ButtonNext
    "Show on projector", // ButtonProject
    "Show the team", // ButtonShowTeam
    "Add a team", // TeamsAdd
    "New team", // TeamsNewName
    "Name", // TeamName
    "Colour", // TeamColour
    "Challenge", // TeamChallenge
    "(no challenge)", // TeamNoChallenge
    "Delete the team", // TeamDelete
    "Members", // TeamMembers
    "Name", // MemberName
    "Organisation", // MemberOrganisation
    "Role", // MemberRole
    "Add the member", // MemberAdd
    "Remove", // MemberDelete
    "New member", // MemberNew
    "No teams yet.", // NoTeams
    "Day", // SlotDay
    "Start", // SlotStart
    "End", // SlotEnd
    "Title", // SlotTitle
    "Kind", // SlotKind
    "Room", // SlotRoom
    "Add a slot", // SlotAdd
    "Delete", // SlotDelete
    "New slot", // SlotNewTitle
    "No slots on this day.", // NoSlots
    "Edit", // SlotEdit
    "The slot", // SlotEditorTitle
    "Save the slot", // SlotSave
    "14:00, 14h30 or 14:30", // SlotTimeHint
    "Start time \"{}\": write for example 14:00, 14h30 or 14:30.", // SlotStartInvalid
    "End time \"{}\": write for example 15:00, 15h30 or 15:30.", // SlotEndInvalid
    "The slot ends at {} before it starts at {}: put the end after the start.", // SlotEndBeforeStart
    "Give the slot a title.", // SlotTitleMissing
    "Set the first and last day on the Event screen: the programme gets a tab per day.", // ProgrammeNoDays
    "All teams", // AllTeams
    "Move every team to phase:", // PhasesSetAll
    "Phase history", // PhasesHistory
    "Team", // PhasesTeam
    "Phase", // PhasesCurrent
    "No change yet.", // PhasesNoHistory
    "Go back?", // PhasesBackTitle
    "Moving every team to the \"{}\" phase will take back: {}.", // PhasesBackBody
    "Yes, go back", // PhasesBackConfirm
    "Timer for", // TimerScope
    "Start", // TimerStart
    "Pause", // TimerPause
    "Resume", // TimerResume
    "+1 min", // TimerPlus1
    "+5 min", // TimerPlus5
    "Reset", // TimerReset
    "New timer", // TimerNew
    "Durations per phase (minutes)", // TimerPresets
    "Timer phase", // TimerPhase
    "Team timers", // TimerTeams
    "No timer started", // TimerNone
    "Space: start or pause (Projector view)", // TimerSpaceHint
    "Duration", // TimerDuration
    "7, 7:30 or 90 s", // TimerDurationHint
    "Bring back the previous timer ({})", // TimerRestorePrevious
    "Replace the running timer?", // TimerReplaceTitle
    "This timer will be paused and replaced: {}. \"Bring back the previous timer\" returns it with the time it has left.", // TimerReplaceBody
    "Replace", // TimerReplaceConfirm
    "PAUSED", // TimerPausedBadge
    "Phase {}: the one most teams are in", // TimerPhaseDefault
    "−1 min", // TimerMinus1
    "Sound", // SoundTitle
    "Mute the chime", // SoundMute
    "Also chime a minute before the end", // SoundMinuteBefore
    "Test the sound", // SoundTest
    "Sound output", // SoundOutput
    "System default output", // SoundDefaultDevice
    "Sound plays through: {}", // SoundInUse
    "No sound output: the timer will not chime. Plug in speakers (a projector’s HDMI output often has none), then choose the output in Timer → Sound.", // SoundNoDevice
    "The sound “{}” cannot be read: the timer will not chime.", // SoundBadFile
    "The chosen sound output is gone: sound now plays through “{}”.", // SoundDeviceLost
    "Chime muted: the timer will not sound at zero.", // SoundMutedNote
    "Projected content", // ProjectorContent
    "Timer only", // ContentTimerOnly
    "Challenge brief", // ContentChallenge
    "Today’s programme", // ContentProgramme
    "Projected team", // ProjectorTeam
    "Open the projection screen", // ProjectorOpenWindow
    "Close the projection screen", // ProjectorCloseWindow
    "F11: full screen · Space: start / pause · B: blank screen · ← →: pages · Esc: leave full screen", // ProjectorHint
    "Time’s up!", // ProjectorTimeUp
    "Nothing on today’s programme.", // ProjectorNoProgramme
    "Page {} / {}  (← →)", // ProjectorPage
    "Blank screen: B to come back", // ProjectorBlanked
    "Board", // ViewBoard
    "Vote", // ViewVotes
    "Team board", // ContentBoard
    "Vote results", // ContentVote
    "Join from your phone", // ContentJoin
    "★ Selected idea", // BoardSelectedTag
    "hidden", // BoardHiddenTag
    "Empty board: double-click to add a note", // BoardEmpty
    "Colour", // BoardColour
    "Edit the text", // BoardEditText
    "Enter", // BoardKeyEnter
    "Del", // BoardKeyDelete
    "Keyboard shortcuts", // KeysTitle
    "From any screen, except while typing a text (AZERTY and QWERTY).", // KeysIntro
    "Start or pause the projected timer", // KeysToggleTimer
    "Add a minute to the projected timer", // KeysAddMinute
    "Take a minute off the projected timer", // KeysRemoveMinute
    "Next phase (projected team, or all teams)", // KeysNextPhase
    "Open or close the projection window", // KeysProjectionWindow
    "Blank the projector (or bring it back)", // KeysBlankProjector
    "Go to screen 1 to 9 of the sidebar", // KeysScreenNumber
    "Next screen, previous with Shift", // KeysNextScreen
    "Show or hide this list", // KeysHelp
    "On the board", // KeysBoardTitle
    "New note (typing starts at once)", // KeysBoardNew
    "Edit the selected note", // KeysBoardEdit
    "End typing and keep the text (Ctrl+Z undoes it)", // KeysBoardEndEdit
    "Fit everything", // KeysBoardFit
    "Delete the selection", // KeysBoardDelete
    "Close", // KeysClose
    "Group", // BoardGroup
    "Take out of the cluster", // BoardUngroup
    "Select as the idea", // BoardSelectIdea
    "Unselect the idea", // BoardClearIdea
    "Delete", // BoardDelete
    "Rename", // BoardRename
    "Dissolve the cluster", // BoardDissolve
    "New cluster", // BoardNewCluster
    "Fit all", // BoardFit
    "100%", // BoardActualSize
    "Private writing", // BoardPrivateWriting
    "New notes stay hidden on the projection screen until revealed.", // BoardPrivateWritingHelp
    "Reveal the notes ({})", // BoardRevealNotes
    "Author:", // BoardAuthor
    "(not given)", // BoardNobody
    "Show on the projector", // BoardProject
    "✓ On the projector", // BoardProjected
    "Selected: {}", // BoardSelectedNotes
    "Cluster:", // BoardClusterTitle
    "Double-click or N: new note · Drag: move · Shift+click, Shift+drag: multiple selection · Right-click: menu · Del: delete · Ctrl+Z: undo", // BoardHint
    "Private writing: {} notes hidden until revealed", // BoardProjectorHidden
    "Private writing: {} note hidden until revealed", // BoardProjectorHiddenOne
    "Vote results", // VoteResultsTitle
    "No vote yet.", // VoteNoRound
    "Votes hidden until revealed · {} dots cast", // VoteHiddenCount
    "Votes hidden until revealed · {} dot cast", // VoteHiddenCountOne
    "No dots cast.", // VoteNoDots
    "(hidden note)", // VoteHiddenNote
    "Cluster: ", // VoteClusterPrefix
    "Vote: {} dots each", // VoteRule
    "Vote: {} dots each, at most {} per idea", // VoteRuleCap
    "Who is voting?", // VoteWhoVotes
    "{}: {} left · click ideas (right-click: take back)", // VoteDotsLeft
    "Done", // VoteDone
    "Count paper dots (click: +1, right-click: −1)", // VoteTallyClicks
    "votes hidden", // VoteHiddenUntilReveal
    "Results…", // VoteShowResults
    "New vote round", // VoteNewRound
    "Dots per person", // VoteBudget
    "Limit dots per idea", // VoteCapOn
    "Each member votes", // VoteModeMembers
    "Paper-dot tally", // VoteModeTally
    "Open the vote", // VoteOpen
    "Dot tally", // VoteTallyTitle
    "Idea", // VoteIdea
    "Dots", // VoteDots
    "Ranking", // VoteRanking
    "vote closed", // VoteClosed
    "Reveal the votes", // VoteReveal
    "Hide the votes", // VoteHide
    "Close the vote", // VoteClose
    "Show the results on the projector", // VoteProject
    "Go to the board", // VoteToBoard
    "Dots used per member", // VoteMembers
    "Members vote on the board: pick a name, then click the ideas.", // VoteMembersHint
    "No idea selected yet.", // VoteNoIdeaYet
    "Import a spreadsheet…", // MenuImport
    "Export…", // MenuExport
    "Merge a team's file…", // MenuMerge
    "Prototypes", // ViewPrototypes
    "Stand", // ViewStand
    "Dashboard", // ViewDashboard
    "Search", // ViewSearch
    "Files", // ViewFiles
    "Phones", // ViewParticipation
    "+ New prototype", // ProtoAdd
    "New prototype", // ProtoNewTitle
    "No prototype yet. Create the first one: a mockup, a storyboard, a role play…", // ProtoNone
    "Title", // ProtoTitle
    "Format", // ProtoFormat
    "Status", // ProtoStatus
    "Builds on", // ProtoIdea
    "(no selected idea)", // ProtoNoIdea
    "Description", // ProtoDescription
    "What the test should learn", // ProtoLearning
    "New version", // ProtoNewVersion
    "Open the stand", // ProtoStand
    "Delete the prototype", // ProtoDelete
    "Photos", // ProtoPhotos
    "Remove", // ProtoPhotoDelete
    "Drop an image on the window, or give its path (scaled to 1600 px, stored in the event).", // ProtoPhotoHint
    "Image path (.jpg, .png)", // ProtoPhotoPath
    "Caption (optional)", // ProtoPhotoCaption
    "Add the photo", // ProtoPhotoAdd
    "Create a prototype first to add photos to it.", // ProtoDropNeedsPrototype
    "I like", // StandLike
    "I suggest", // StandSuggest
    "I wonder", // StandQuestion
    "What do you think of this prototype?", // StandPrompt
    "Rating (optional)", // StandRating
    "{}/5", // StandRatingFormat
    "Your first name (optional)", // StandName
    "Send", // StandSend
    "Back", // StandBack
    "Write a few words or give a rating.", // StandEmptyHint
    "Thank you for your feedback!", // StandThanks
    "The team will read it carefully.", // StandThanksMore
    "Next visitor", // StandNext
    "No prototype to test: the team adds one in the Prototypes screen.", // StandNoPrototype
    "Full screen (F11)", // StandFullScreen
    "Leave full screen (Esc)", // StandLeaveFullScreen
    "Show the feedback", // StandShowFeedback
    "Visitors' feedback", // StandFeedbackTitle
    "Feedback received: {}", // StandFeedbackCount
    "Average rating: {} ({} ratings)", // StandAverage
    "Average rating: {} ({} rating)", // StandAverageOne
    "No rating yet", // StandNoRating
    "No feedback yet.", // StandNoFeedback
    "{} teams · {} notes · {} dots · {} prototypes ({} versions) · {} feedback · average rating {}", // DashTotals
    "Teams by phase", // DashChartPhases
    "Feedback by kind", // DashChartFeedback
    "Notes per team", // DashChartNotes
    "Theme", // DashFilterTheme
    "Site", // DashFilterSite
    "Phase", // DashFilterPhase
    "All", // DashAll
    "No.", // DashColNumber
    "Team", // DashColTeam
    "Theme", // DashColTheme
    "Phase reached", // DashColPhase
    "Notes", // DashColNotes
    "Dots", // DashColDots
    "Selected idea", // DashColSelected
    "Prototypes", // DashColPrototypes
    "Feedback (like · suggest · wonder)", // DashColFeedback
    "Rating", // DashColRating
    "Planned / actual (min)", // DashColDurations
    "since {}", // DashSince
    "{} ({} versions)", // DashPrototypesFormat
    "{} ({} version)", // DashPrototypesFormatOne
    "{}: {} / {}", // DashDurationFormat
    "Search notes, prototypes, feedback and défis…", // SearchHint
    "Accents and case do not matter: \"resume\" finds \"résumé\".", // SearchEmpty
    "No results.", // SearchNone
    "{} results — click to open", // SearchCount
    "{} result — click to open", // SearchCountOne
    "Défi", // SearchKindChallenge
    "Note", // SearchKindNote
    "Prototype", // SearchKindPrototype
    "Feedback", // SearchKindFeedback
    "Import", // FilesImport
    "Export", // FilesExport
    "Merge", // FilesMerge
    "Import défis or teams", // FilesImportTitle
    "A CSV file saved from LibreOffice or Excel (separator ; , or tab). Drop it on the window or give its path: the preview shows what will change before anything is imported.", // FilesImportHint
    "Défis", // FilesImportChallenges
    "Teams and members", // FilesImportTeams
    "Path of the .csv file", // FilesCsvPath
    "Preview", // FilesPreview
    "What the import will do:", // FilesPreviewTitle
    "Import", // FilesApplyImport
    "Nothing to change: everything is up to date.", // FilesNothingToImport
    "Import done.", // FilesImported
    "Line {}", // FilesErrorLine
    "Line {}, column \"{}\"", // FilesErrorLineColumn
    "Nothing was imported: fix the file, then preview again.", // FilesNothingChanged
    "Export the event", // FilesExportTitle
    "Report (Markdown)", // FilesFormatMarkdown
    "Report (printable HTML)", // FilesFormatHtml
    "Spreadsheets (CSV)", // FilesFormatCsv
    "Full archive (JSON)", // FilesFormatJson
    "Include people's names", // FilesWithNames
    "File to write", // FilesOutPath
    "Folder to write", // FilesFolderPath
    "Export", // FilesDoExport
    "Exporting…", // FilesExporting
    "Export done ({} files):", // FilesExported
    "Export done ({} file):", // FilesExportedOne
    "Report as Markdown (.md)", // FilesExportReportMd
    "Report as a web page (.html), printable to PDF from a browser", // FilesExportReportHtml
    "CSV tables (notes, votes, prototypes, feedback), in a folder", // FilesExportTables
    "Lossless JSON bundle (the whole event)", // FilesExportBundle
    "A team’s board as a PNG image", // FilesExportBoard
    "Spreadsheet templates to fill in", // FilesExportTemplates
    "Défis template (.csv)", // FilesTemplateChallenges
    "Teams template (.csv)", // FilesTemplateTeams
    "Export…", // FilesExportButton
    "Write the template…", // FilesTemplateButton
    "Team", // FilesBoardTeam
    "No team has a défi: bind a team to its défi (Teams screen) to export its board.", // FilesBoardNoTeams
    "Drawing the board of \"{}\" into {}…", // FilesBoardRendering
    "The board was not exported: {}", // FilesBoardFailed
    "Written: {}", // FilesWrote
    "Template written to {} (UTF-8, semicolon): fill it in your spreadsheet, save as CSV, then import it in the \"Import\" tab.", // FilesTemplateWritten
    "\"{}\" already exists: Atelier does not overwrite a template (it could be a filled-in table). Choose another name.", // FilesTemplateExists
    "Nothing was written: {}", // FilesNotWritten
    "JSON bundle (new event)", // FilesImportBundle
    "JSON bundle path", // FilesBundlePath
    "Event file to create", // FilesBundleTarget
    "Create the event and open it", // FilesBundleImport
    "Event \"{}\" created in {} from {}.", // FilesBundleCreated
    "Merge a team's file", // FilesMergeTitle
    "The copies of the event from the teams' laptops: compare them one by one, then Merge brings them all in at once (all of them, or none if one is refused). Conflicts are listed in the report. After the merge, Undo no longer goes back past it.", // FilesMergeHint
    "Path of the event file", // FilesEventPath
    "Compare", // FilesMergeCheck
    "This event: {}", // FilesCountsHere
    "To merge: {}", // FilesCountsThere
    "Merge", // FilesDoMerge
    "Clear the list", // FilesMergeClear
    "Merge done.", // FilesMerged
    "Merge report", // FilesMergeReport
};

static_assert(std::size(kFrench) == static_cast<std::size_t>(Str::Count), "French table does not match Str");
static_assert(std::size(kEnglish) == static_cast<std::size_t>(Str::Count), "English table does not match Str");

} // namespace

const char* str(Str key) {
    auto i = static_cast<std::size_t>(key);
    return messageLanguage() == Language::French ? kFrench[i] : kEnglish[i];
}

Language uiLanguage() { return messageLanguage(); }
void setUiLanguage(Language language) { setMessageLanguage(language); }

const std::vector<CountedStr>& countedStrings() {
    static const std::vector<CountedStr> pairs{
        {Str::CountMembersOne, Str::CountMembers},       {Str::CountNotesOne, Str::CountNotes},
        {Str::CountPrototypesOne, Str::CountPrototypes}, {Str::BoardProjectorHiddenOne, Str::BoardProjectorHidden},
        {Str::VoteHiddenCountOne, Str::VoteHiddenCount}, {Str::StandAverageOne, Str::StandAverage, 1},
        {Str::DashPrototypesFormatOne, Str::DashPrototypesFormat, 1}, {Str::SearchCountOne, Str::SearchCount},
        {Str::FilesExportedOne, Str::FilesExported},
    };
    return pairs;
}

std::vector<std::string_view> allUiStrings() {
    std::vector<std::string_view> out;
    for (const char* s : kFrench) out.emplace_back(s);
    for (const char* s : kEnglish) out.emplace_back(s);
    return out;
}

} // namespace atelier
