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

} // namespace atelier
