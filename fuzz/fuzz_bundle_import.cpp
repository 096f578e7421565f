// Hostile JSON bundles: any bytes through the bundle importer into an in-memory event. Only
// Error may come out; a bundle that imports must export again.
#include "model/errors.hpp"
#include "io/bundle.hpp"

#include <cstdint>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::string_view json(reinterpret_cast<const char*>(data), size);
    try {
        auto store = atelier::importBundle(":memory:", json);
        atelier::exportBundle(*store);
    } catch (const atelier::Error&) {
    }
    return 0;
}
