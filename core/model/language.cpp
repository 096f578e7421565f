#include "model/language.hpp"

#include <atomic>

namespace atelier {

namespace {
std::atomic<Language> g_language{Language::French};
thread_local int t_language = -1; // -1: the program's
}

Language messageLanguage() { return t_language < 0 ? g_language.load(std::memory_order_relaxed) : static_cast<Language>(t_language); }
Language programMessageLanguage() { return g_language.load(std::memory_order_relaxed); }

ThreadMessageLanguage::ThreadMessageLanguage(Language language) : m_previous(t_language) { t_language = static_cast<int>(language); }
ThreadMessageLanguage::~ThreadMessageLanguage() { t_language = m_previous; }

void setThreadMessageLanguage(std::optional<Language> language) { t_language = language ? static_cast<int>(*language) : -1; }
void setMessageLanguage(Language language) { g_language.store(language, std::memory_order_relaxed); }

} // namespace atelier
