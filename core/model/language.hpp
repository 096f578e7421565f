#pragma once
// The language of user-facing messages produced by the core (errors, action descriptions).
// French first; the app and the CLI may switch to English.
#include <fmt/format.h>

#include <optional>
#include <string>
#include <string_view>

namespace atelier {

enum class Language { French, English };

// The language of this thread's messages: its own (ThreadMessageLanguage) if set, else the
// program's.
Language messageLanguage();
void setMessageLanguage(Language language);
// The program's language, whatever this thread's own.
Language programMessageLanguage();

// Until the end of the scope, this thread's messages are in `language`: a phone's request is
// answered in the phone's language while the laptop keeps its own (a request runs on an HTTP
// thread, then on the engine's, the app's UI thread).
class ThreadMessageLanguage {
public:
    explicit ThreadMessageLanguage(Language language);
    ~ThreadMessageLanguage();
    ThreadMessageLanguage(const ThreadMessageLanguage&) = delete;
    ThreadMessageLanguage& operator=(const ThreadMessageLanguage&) = delete;

private:
    int m_previous;
};
// For a thread that serves one request after another (an HTTP worker): its language from now
// on, or the program's with std::nullopt.
void setThreadMessageLanguage(std::optional<Language> language);

// Picks the text of the current language.
inline std::string tr(std::string_view french, std::string_view english) {
    return std::string(messageLanguage() == Language::French ? french : english);
}

// Formats the text of the current language with fmt arguments.
template <typename... Args> std::string trf(std::string_view french, std::string_view english, Args&&... args) {
    return fmt::format(fmt::runtime(messageLanguage() == Language::French ? french : english), std::forward<Args>(args)...);
}

// The one plural rule, for every count the program shows: in French 0 and 1 take the singular
// (« 0 créneau », « 1 note »), in English only 1 does ("0 slots", "1 slot").
inline bool singularFor(long long count) {
    return messageLanguage() == Language::French ? (count == 0 || count == 1) : count == 1;
}

// "3 créneaux", "1 slot": the count and its noun in the current language, by that rule.
inline std::string countOf(long long count, std::string_view frenchOne, std::string_view frenchMany, std::string_view englishOne,
                           std::string_view englishMany) {
    bool one = singularFor(count);
    std::string_view noun = messageLanguage() == Language::French ? (one ? frenchOne : frenchMany) : (one ? englishOne : englishMany);
    return std::to_string(count) + " " + std::string(noun);
}

} // namespace atelier
