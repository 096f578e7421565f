// Photos of prototypes: scaled down and re-encoded on import, refused when not an image or
// absurdly large; AddPhoto/DeletePhoto are undoable and carry the bytes both ways.
#include "support.hpp"

#include "actions/action_json.hpp"
#include "actions/actions.hpp"
#include "engine/engine.hpp"
#include "model/errors.hpp"
#include "io/bundle.hpp"
#include "io/photo_import.hpp"
#include "model/language.hpp"

#include <catch2/catch.hpp>
#include <stb_image_write.h>

using namespace atelier;
using namespace atelier::test;

namespace {

void append(void* context, void* data, int size) {
    static_cast<std::string*>(context)->append(static_cast<const char*>(data), static_cast<std::size_t>(size));
}

// A PNG of the given size with a gradient (so the JPEG is not trivially small).
std::string makePng(int width, int height, int channels = 3) {
    std::vector<unsigned char> pixels(static_cast<std::size_t>(width) * static_cast<std::size_t>(height) * static_cast<std::size_t>(channels));
    for (int y = 0; y < height; ++y)
        for (int x = 0; x < width; ++x)
            for (int c = 0; c < channels; ++c)
                pixels[(static_cast<std::size_t>(y) * static_cast<std::size_t>(width) + static_cast<std::size_t>(x)) * static_cast<std::size_t>(channels) + static_cast<std::size_t>(c)] =
                    static_cast<unsigned char>((x * 255 / std::max(1, width - 1) + c * 60) & 0xFF);
    std::string png;
    REQUIRE(stbi_write_png_to_func(append, &png, width, height, channels, pixels.data(), width * channels));
    return png;
}

std::string refusal(std::string_view bytes, const std::string& name) {
    try {
        preparePhoto(bytes, name);
    } catch (const ValidationError& e) {
        return e.what();
    }
    return {};
}

} // namespace

TEST_CASE("photo import: a large PNG is scaled to 1600 px and re-encoded as JPEG", "[outcomes][photo]") {
    setMessageLanguage(Language::French);
    PhotoData photo = preparePhoto(makePng(4000, 2000), "maquette.png");
    CHECK(photo.mime == "image/jpeg");
    CHECK(photo.width == 1600);
    CHECK(photo.height == 800);
    CHECK(photoMime(photo.bytes) == "image/jpeg");
    PhotoPixels thumb = decodePhoto(photo.bytes, 200);
    CHECK(thumb.width == 200);
    CHECK(thumb.height == 100);
    CHECK(thumb.rgba.size() == 200u * 100u * 4u);

    // A small image keeps its size; transparency becomes white.
    PhotoData small = preparePhoto(makePng(300, 200, 4), "affiche.png");
    CHECK(small.width == 300);
    CHECK(small.height == 200);
}

TEST_CASE("photo import: not an image, too heavy, too big are refused with a clear message", "[outcomes][photo]") {
    setMessageLanguage(Language::French);
    std::string text = refusal("Nom;Équipe\nAlice;3\n", "equipes.csv");
    CHECK(text.find("« equipes.csv » n'est pas une image") != std::string::npos);
    CHECK(refusal("", "vide.png").find("n'est pas une image") != std::string::npos);

    std::string huge = refusal(makePng(12500, 1, 1), "panorama.png");
    CHECK(huge.find("trop grande (12500 × 1 pixels") != std::string::npos);

    std::string heavy(41u * 1024 * 1024, '\0');
    CHECK(refusal(heavy, "lourd.jpg").find("trop lourd (41 Mo, au plus 40 Mo)") != std::string::npos);

    TempDir dir;
    writeBytes(dir.file("notes.txt"), "pas une image");
    CHECK_THROWS_WITH(preparePhotoFile(dir.file("notes.txt")), Catch::Contains("« notes.txt » n'est pas une image"));
    CHECK_THROWS_WITH(preparePhotoFile(dir.file("absent.png")), Catch::Contains("Impossible d'ouvrir"));
}

TEST_CASE("photo actions: added, deleted, undone and redone with their bytes", "[outcomes][photo]") {
    setMessageLanguage(Language::French);
    Fixture f;
    Id team = f.add(AddTeam{Id{}, "Équipe 1", "#4C78A8", Id{}});
    AddPrototype proto;
    proto.team = team;
    proto.title = "Guichet mobile";
    Id prototype = f.add(proto);

    PhotoData data = preparePhoto(makePng(800, 600), "photo.png");
    AddPhoto add;
    add.prototype = prototype;
    add.data = base64Encode(data.bytes);
    add.mime = data.mime;
    add.width = data.width;
    add.height = data.height;
    add.caption = "Première maquette";
    Id photo = f.add(add);
    REQUIRE(f.engine->state().find<Photo>(photo));
    CHECK(f.engine->state().find<Photo>(photo)->caption == "Première maquette");
    CHECK(f.engine->store().photoBytes(photo) == data.bytes);

    // Through JSON (atelier apply), the bytes travel as base64.
    Action roundTrip = actionFromJson(actionToJson(Action{add}));
    CHECK(std::get<AddPhoto>(roundTrip).data == add.data);

    f.engine->undo();
    CHECK_FALSE(f.engine->state().find<Photo>(photo));
    f.engine->redo();
    CHECK(f.engine->store().photoBytes(photo) == data.bytes);

    f.engine->apply(DeletePhoto{photo});
    CHECK_FALSE(f.engine->state().find<Photo>(photo));
    f.engine->undo();
    CHECK(f.engine->store().photoBytes(photo) == data.bytes);
    f.reopen();
    CHECK(f.engine->store().photoBytes(photo) == data.bytes);

    // Refused: not base64, bytes that are not the announced type, unknown type.
    AddPhoto bad = add;
    bad.data = "%%%";
    CHECK_THROWS_AS(f.engine->apply(bad), ValidationError);
    bad = add;
    bad.mime = "image/png";
    CHECK_THROWS_WITH(f.engine->apply(bad), Catch::Contains("n'est pas une image image/png"));
    bad = add;
    bad.mime = "text/html";
    CHECK_THROWS_AS(f.engine->apply(bad), ValidationError);
    bad = add;
    bad.prototype = Id{12345};
    CHECK_THROWS_AS(f.engine->apply(bad), NotFoundError);
}
