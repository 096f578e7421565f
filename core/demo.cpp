#include "demo.hpp"

#include "assets/assets.hpp"
#include "io/bundle.hpp"
#include "io/fresh_identity.hpp"
#include "model/errors.hpp"
#include "model/language.hpp"

namespace atelier {

namespace {
constexpr const char* kDemoBundle = "demo/rennes-2018.json";
} // namespace

std::unique_ptr<Engine> createDemoEvent(const std::string& path, const Clock& clock) {
    auto bundle = assets::find(kDemoBundle);
    if (!bundle)
        throw FileError(trf("Ce programme a été construit sans l'événement de démonstration ({}) : reconstruisez-le depuis les sources.",
                            "This program was built without the demo event ({}): rebuild it from the sources.", kDemoBundle));
    // The store the import returns is closed first: the engine opens the file for writing.
    importBundle(path, withFreshIdentity(bundle->text(), clock.now())).reset();
    return Engine::open(path, clock);
}

} // namespace atelier
