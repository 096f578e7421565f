#include "generate.hpp"

#include "storage/atomic_create.hpp"

#include "model/errors.hpp"
#include "model/language.hpp"
#include "io/photo_import.hpp"
#include "io/search.hpp"

#include <SQLiteCpp/Transaction.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <filesystem>
#include <random>

namespace atelier {

namespace {

constexpr std::array<const char*, 12> kVerbs{"Simplifier", "Accueillir", "Ouvrir",   "Partager", "Réinventer", "Tester",
                                             "Écouter",    "Mutualiser", "Associer", "Rendre visible", "Numériser", "Former"};
constexpr std::array<const char*, 12> kObjects{"l’accueil des usagers", "les démarches en mairie", "la cantine scolaire",
                                               "les horaires de la médiathèque", "le guichet unique", "les transports à la demande",
                                               "la participation des habitants", "l’aide aux aidants", "les données ouvertes",
                                               "l’orientation des jeunes", "la maison de santé", "le tri des déchets"};
constexpr std::array<const char*, 8> kHows{"avec les agents", "dès la première visite", "sans rendez-vous", "en itinérance",
                                           "avec un « café citoyen »", "par SMS", "le samedi matin", "à l’école"};
constexpr std::array<const char*, 8> kColours{"#FFE066", "#FFB3C1", "#B5EAD7", "#C7CEEA", "#FFDAC1", "#E2F0CB", "#A0E7E5", "#F6D6AD"};
// Endings of about 30 characters, so « Idée n°123 : … » is about 40, like the peer's notes.
constexpr std::array<const char*, 6> kBoardIdeas{"simplifier l’inscription", "un guichet unique en mairie",
                                                 "ouvrir la médiathèque tard", "le café des habitants",
                                                 "des horaires lisibles", "accueillir sans rendez-vous"};
constexpr std::array<const char*, 6> kNames{"Camille", "Dominique", "Claude", "Sacha", "Maxime", "Alix"};

class Generator {
public:
    explicit Generator(std::uint64_t seed) : m_random(seed) {}
    std::size_t pick(std::size_t n) { return std::uniform_int_distribution<std::size_t>(0, n - 1)(m_random); }
    std::string idea() {
        return std::string(kVerbs[pick(kVerbs.size())]) + " " + kObjects[pick(kObjects.size())] + " " + kHows[pick(kHows.size())];
    }
    Id id() { return Id{static_cast<std::int64_t>(m_random() >> 1) | 1}; }

private:
    std::mt19937_64 m_random;
};

// Team 1's benchmark board: `count` notes in a grid whose aspect ratio matches a 16:9 screen.
void putBoardGrid(Store& store, Generator& gen, Id teamId, Id authorId, int count, Millis& at, GenerateCounts& counts) {
    constexpr double kPitchX = 220, kPitchY = 160;
    int columns = std::max(1, static_cast<int>(std::ceil(std::sqrt(count * (16.0 / 9.0) * (kPitchY / kPitchX)))));
    for (int n = 0; n < count; ++n) {
        Note note;
        note.id = gen.id();
        note.teamId = teamId;
        note.text = "Idée n°" + std::to_string(n + 1) + " : " + kBoardIdeas[static_cast<std::size_t>(n) % kBoardIdeas.size()];
        note.x = (n % columns) * kPitchX;
        note.y = (n / columns) * kPitchY;
        note.z = n + 1;
        note.authorId = authorId;
        note.createdAt = at += 10;
        store.put(note);
        ++counts.notes;
    }
}

// A photograph-like picture (soft gradients, a few shapes, sensor noise) as a 24-bit BMP, made
// into what the app stores by the app's own photo path (scaled, JPEG): its size is a real
// photo's, not a blank one's.
PhotoData syntheticPhoto(std::mt19937_64& random, int variant) {
    constexpr std::uint32_t kWidth = 1600, kHeight = 1200, kHeader = 54;
    constexpr std::uint32_t kPixels = kWidth * kHeight * 3; // rows of 4,800 bytes: no padding
    std::string bmp(kHeader + kPixels, '\0');
    auto put32 = [&](std::size_t at, std::uint32_t v) {
        for (std::size_t k = 0; k < 4; ++k) bmp[at + k] = static_cast<char>((v >> (8 * k)) & 0xFF);
    };
    bmp[0] = 'B';
    bmp[1] = 'M';
    put32(2, kHeader + kPixels);
    put32(10, kHeader);
    put32(14, 40); // BITMAPINFOHEADER
    put32(18, kWidth);
    put32(22, kHeight);
    bmp[26] = 1;  // planes
    bmp[28] = 24; // bits per pixel
    put32(34, kPixels);
    std::uniform_int_distribution<int> noise(-6, 6);
    for (std::uint32_t y = 0; y < kHeight; ++y)
        for (std::uint32_t x = 0; x < kWidth; ++x) {
            const bool shape = ((x / (90 + 20 * std::uint32_t(variant))) + (y / 130)) % 3 == 0;
            const int bgr[3] = {int(140 - x * 60 / kWidth) + (shape ? -40 : 20), int(90 + y * 100 / kHeight) + variant * 9,
                                int(60 + x * 120 / kWidth) + (shape ? 50 : 0)};
            for (std::size_t c = 0; c < 3; ++c)
                bmp[kHeader + (std::size_t(y) * kWidth + x) * 3 + c] = static_cast<char>(std::clamp(bgr[c] + noise(random), 0, 255));
        }
    return preparePhoto(bmp, "photo " + std::to_string(variant + 1) + ".bmp");
}

} // namespace

GenerateCounts generateEvent(const std::string& path, const GenerateOptions& options) {
    if (options.scale < 1 || options.scale > 100)
        throw ValidationError(trf("« scale » doit être entre 1 et 100 (reçu {}).", "\"scale\" must be between 1 and 100 (got {}).",
                                  options.scale));
    if (options.boardNotes < 0 || options.boardNotes > 100000)
        throw ValidationError(trf("« board » doit être entre 0 et 100 000 (reçu {}).", "\"board\" must be between 0 and 100,000 (got {}).",
                                  options.boardNotes));
    Generator gen(options.seed);
    const int scale = options.scale;
    EventInfo info;
    info.id = gen.id();
    info.name = "Université d’été de l’innovation publique ×" + std::to_string(scale);
    info.organiser = "CNFPT";
    info.place = "Rennes";
    info.firstDay = "2018-07-09";
    info.lastDay = "2018-07-11";
    info.createdAt = options.start;
    if (options.photosPerPrototype < 0 || options.photosPerPrototype > 10)
        throw ValidationError(trf("« photos » doit être entre 0 et 10 (reçu {}).", "\"photos\" must be between 0 and 10 (got {}).",
                                  options.photosPerPrototype));
    // A few distinct pictures, each used by many prototypes: encoding 1,000 would take minutes.
    std::vector<PhotoData> pictures;
    if (options.photosPerPrototype > 0) {
        std::mt19937_64 pixels(options.seed);
        for (int k = 0; k < 6; ++k) pictures.push_back(syntheticPhoto(pixels, k));
    }
    GenerateCounts counts;
    std::unique_ptr<Store> store = Store::createBeside(path, info); // published once complete
    try {
        // One bulk transaction, as a bundle import: a page cache big enough not to spill.
        store->db().exec("PRAGMA cache_size=-131072");
        SQLite::Transaction tx(store->db());
        setSearchIndexing(store->db().getHandle(), false);
        Millis at = options.start;
        const char* days[] = {"2018-07-09", "2018-07-10", "2018-07-11"};
        for (const char* day : days)
            for (int h = 9; h < 18; h += 2) {
                Slot slot{gen.id(), day, (h < 10 ? "0" : "") + std::to_string(h) + ":00", std::to_string(h + 1) + ":30",
                          "Atelier " + std::to_string(h) + "h", SlotKind::Workshop, "Salle " + std::to_string(h), Id{}};
                store->put(slot);
            }
        const int teams = 14 * scale;
        for (int t = 0; t < teams; ++t) {
            Challenge challenge;
            challenge.id = gen.id();
            challenge.number = t + 1;
            challenge.question = "Comment " + gen.idea() + " ?";
            challenge.owner = "Commune n°" + std::to_string(t + 1);
            challenge.territory = "Bretagne";
            challenge.stakes = gen.idea();
            store->put(challenge);
            Team team;
            team.id = gen.id();
            team.name = "Équipe " + std::to_string(t + 1);
            team.colour = kColours[static_cast<std::size_t>(t) % kColours.size()];
            team.challengeId = challenge.id;
            team.phase = static_cast<Phase>(t % 4);
            store->put(team);
            ++counts.teams;
            std::vector<Id> members;
            for (int m = 0; m < 14; ++m) {
                Member member{gen.id(), team.id, std::string(kNames[gen.pick(kNames.size())]) + " " + std::to_string(m + 1),
                              "Commune n°" + std::to_string(t + 1), m == 0 ? Role::Facilitator : Role::Participant};
                store->put(member);
                members.push_back(member.id);
                ++counts.members;
            }
            if (t == 0 && options.boardNotes > 0) {
                putBoardGrid(*store, gen, team.id, members.front(), options.boardNotes, at, counts);
                continue; // the benchmark board alone: no regroupement, dot or prototype on it
            }
            std::vector<Id> clusters;
            for (int c = 0; c < 8; ++c) {
                Cluster cluster{gen.id(), team.id, "Piste " + std::to_string(c + 1), "#D9E2EC", 2400.0 + c * 300.0, 100.0};
                store->put(cluster);
                clusters.push_back(cluster.id);
                ++counts.clusters;
            }
            // Notes spread evenly: 5,000 per unit of scale over 14 per unit of teams.
            const int notes = 5000 * scale / teams + (t < 5000 * scale % teams ? 1 : 0);
            std::vector<Id> noteIds;
            for (int n = 0; n < notes; ++n) {
                Note note;
                note.id = gen.id();
                note.teamId = team.id;
                note.text = gen.idea();
                note.colour = kColours[gen.pick(kColours.size())];
                note.x = (n % 20) * 180.0;
                note.y = (n / 20) * 140.0;
                note.z = n + 1;
                note.authorId = members[gen.pick(members.size())];
                note.phase = Phase::Diverge;
                note.clusterId = n % 3 == 0 ? clusters[gen.pick(clusters.size())] : Id{};
                note.createdAt = at += 1000;
                store->put(note);
                noteIds.push_back(note.id);
                ++counts.notes;
            }
            VoteRound round{gen.id(), team.id, 3, std::nullopt, VoteMode::Members, true, true, at += 1000};
            store->put(round);
            const int votes = 500 * scale / teams + (t < 500 * scale % teams ? 1 : 0);
            for (int v = 0; v < votes; ++v) {
                // Each member's dots on distinct notes: member v % 14, note chosen by v.
                Vote vote{gen.id(), round.id, members[static_cast<std::size_t>(v) % members.size()],
                          noteIds[static_cast<std::size_t>(v) % noteIds.size()], Id{}, 1};
                store->put(vote);
                ++counts.votes;
            }
            const int prototypes = 100 * scale / teams + (t < 100 * scale % teams ? 1 : 0);
            const int feedbackPerPrototype = 10;
            Id lineage;
            for (int p = 0; p < prototypes; ++p) {
                Prototype proto;
                proto.id = gen.id();
                proto.teamId = team.id;
                proto.lineageId = p == 0 ? proto.id : lineage;
                if (p == 0) lineage = proto.id;
                proto.version = p + 1;
                proto.title = "Prototype " + std::to_string(p + 1) + " : " + gen.idea();
                proto.description = gen.idea() + ". " + gen.idea() + ".";
                proto.format = static_cast<PrototypeFormat>(gen.pick(7));
                proto.status = PrototypeStatus::Tested;
                proto.learningGoal = gen.idea();
                proto.basedOnNoteId = noteIds.empty() ? Id{} : noteIds.front();
                proto.createdAt = at += 1000;
                store->put(proto);
                ++counts.prototypes;
                for (int k = 0; k < options.photosPerPrototype; ++k) {
                    const PhotoData& picture = pictures[counts.photos % pictures.size()];
                    Photo photo{gen.id(), proto.id, picture.mime, picture.width, picture.height,
                                "Photo " + std::to_string(k + 1), at += 1000};
                    store->insertPhoto(photo, picture.bytes);
                    ++counts.photos;
                }
                for (int f = 0; f < feedbackPerPrototype; ++f) {
                    Feedback fb{gen.id(), proto.id, static_cast<FeedbackKind>(gen.pick(3)), gen.idea(),
                                static_cast<int>(gen.pick(5)) + 1, "Visiteur " + std::to_string(f + 1), at += 1000};
                    store->put(fb);
                    ++counts.feedback;
                }
            }
        }
        TimedSession timer{gen.id(), "Diverger", Phase::Diverge, Id{}, 20 * 60 * 1000, TimerState::Running, options.start,
                           20 * 60 * 1000, 0, 0, options.start, Id{}};
        store->put(timer);
        rebuildSearchIndex(store->db());
        setSearchIndexing(store->db().getHandle(), true);
        tx.commit();
        store->db().exec("PRAGMA cache_size=-2000");
    } catch (...) {
        setSearchIndexing(store->db().getHandle(), true);
        store.reset();
        discardBuilt(path);
        throw;
    }
    Store::publish(std::move(store), path);
    return counts;
}

} // namespace atelier
