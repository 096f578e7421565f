#include "model/language.hpp"

#include <atomic>

namespace atelier {

namespace {
std::atomic<Language> g_language{Language::French};
}

Language messageLanguage() { return g_language.load(std::memory_order_relaxed); }
void setMessageLanguage(Language language) { g_language.store(language, std::memory_order_relaxed); }

} // namespace atelier
