#include "test_io_event.hpp"

#include "io/bundle.hpp"

namespace atelier::test {

std::string tinyPng() {
    return *base64Decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");
}

RichEvent buildRichEvent(Fixture& f) {
    RichEvent r;
    Engine& e = *f.engine;
    e.apply(EditEvent{std::string("Université d’été <b>2018</b>"), std::string("CNFPT"), std::string("Rennes"),
                      std::string("2018-07-09"), std::string("2018-07-11"), {}});
    f.add(AddSlot{{}, "2018-07-09", "09:00", "10:00", "Ouverture", SlotKind::Talk, "Amphi"});
    r.challenge = f.add(AddChallenge{{}, 3, "Comment simplifier l’inscription <script>alert('défi')</script> ?",
                                     "Ville de Rennes", "Rennes", "*Enjeux* en gras ?", "Parents, agents", "[lien](javascript:x)",
                                     "# titre", "Accueil", "https://example.org/defi-3"});
    r.team = f.add(AddTeam{{}, "Équipe Natation", "#54A24B", r.challenge});
    r.otherTeam = f.add(AddTeam{{}, "Équipe sans défi", "", {}});
    r.awa = f.add(AddMember{{}, r.team, "Awa Diallo", "Ville de Rennes", Role::Facilitator});
    r.jean = f.add(AddMember{{}, r.team, "Jean Martin", "CNFPT", Role::Participant});
    r.scriptNote = f.add(AddNote{{}, r.team, "Un résumé <script>alert('note')</script> & co", "", 10, 20, {}, {}, r.awa, {}});
    r.formulaNote = f.add(AddNote{{}, r.team, "=HYPERLINK(\"http://evil\";\"clic\")", "", 200, 20, {}, {}, r.jean, {}});
    r.heartNote = f.add(AddNote{{}, r.team, "Le cœur du parcours\nsur deux lignes", "", 400, 20, {}, {}, {}, {}});
    r.cluster = f.add(AddCluster{{}, r.team, "Inscrire <en ligne>", "", 600, 0, {r.heartNote}});
    e.apply(SetPhase{r.team, Phase::Select});
    r.round = f.add(OpenVoteRound{{}, r.team, 3, {}, VoteMode::Members});
    e.apply(CastVote{r.round, r.awa, r.scriptNote, {}, 2});
    e.apply(CastVote{r.round, r.jean, {}, r.cluster, 3});
    e.apply(CastVote{r.round, r.awa, {}, r.cluster, 1});
    e.apply(RevealVotes{r.round, true});
    e.apply(SelectIdea{r.team, {}, r.cluster});
    e.apply(SetPhase{r.team, Phase::Prototype});
    r.prototype = f.add(AddPrototype{{}, r.team, "Parcours <i>en ligne</i>", "Maquette papier | des écrans",
                                     PrototypeFormat::Mockup, PrototypeStatus::Ready, "-Trouver un créneau seul ?", {}, {}});
    r.version2 = f.add(AddPrototypeVersion{{}, r.prototype, {}, std::string("Version révisée"), {}, {}});
    Photo photo;
    photo.id = newId();
    photo.prototypeId = r.version2;
    photo.mime = "image/png";
    photo.width = 1;
    photo.height = 1;
    photo.caption = "Écran <1>";
    photo.createdAt = f.clock.now();
    e.store().insertPhoto(photo, tinyPng());
    r.photo = photo.id;
    e.apply(SetPhase{r.team, Phase::Test});
    r.like = f.add(AddFeedback{{}, r.version2, FeedbackKind::Like, "J’aime <b>beaucoup</b>", 5, "Visiteuse Secrète"});
    r.suggest = f.add(AddFeedback{{}, r.version2, FeedbackKind::Suggest, "+33 6 12 34 56 78 pour l’aide", 4, ""});
    r.question = f.add(AddFeedback{{}, r.version2, FeedbackKind::Question, "@Que se passe-t-il si le paiement échoue ?", {},
                                   "Autre Visiteur"});
    r.timer = f.add(StartTimer{{}, "Prototyper", Phase::Prototype, r.team, 1800});
    f.reopen(); // the photo was written behind the engine's back
    return r;
}

} // namespace atelier::test
