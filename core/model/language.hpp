#pragma once
// The language of user-facing messages produced by the core (errors, action descriptions).
// French first; the app and the CLI may switch to English.
#include <fmt/format.h>

#include <string>
#include <string_view>

namespace atelier {

enum class Language { French, English };

Language messageLanguage();
void setMessageLanguage(Language language);

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
