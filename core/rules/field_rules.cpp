// The checks on one value, shared by every row rule (row_rules.cpp) and the actions.
#include "rules/field_rules.hpp"

#include "model/errors.hpp"
#include "model/language.hpp"
#include "model/timezone.hpp"
#include "rules/limits.hpp"
#include "rules/text_rules.hpp"

#include <cctype>

namespace atelier {

namespace rules {

namespace {
bool blank(const std::string& s) { return s.find_first_not_of(" \t\r\n") == std::string::npos; }

// True when `s` has the shape of `pattern`, where '9' stands for a digit, 'x' for a hex digit.
bool shaped(const std::string& s, std::string_view pattern) {
    if (s.size() != pattern.size()) return false;
    for (std::size_t i = 0; i < s.size(); ++i) {
        auto c = static_cast<unsigned char>(s[i]);
        bool ok = pattern[i] == '9' ? std::isdigit(c) != 0 : pattern[i] == 'x' ? std::isxdigit(c) != 0 : s[i] == pattern[i];
        if (!ok) return false;
    }
    return true;
}
int number(const std::string& s, std::size_t from, std::size_t count) { return std::stoi(s.substr(from, count)); }
} // namespace

void text(const std::string& value, std::string_view field, std::size_t maxBytes, bool required) {
    if (required && blank(value))
        throw ValidationError(trf("« {} » ne peut pas être vide.", "\"{}\" cannot be empty.", field));
    if (value.size() > maxBytes)
        throw ValidationError(trf("« {} » est trop long ({} octets, au plus {}). Raccourcissez le texte.",
                                  "\"{}\" is too long ({} bytes, at most {}). Shorten the text.", field, value.size(), maxBytes));
    if (!isValidUtf8(value))
        throw ValidationError(trf("« {} » n'est pas du texte UTF-8 valide.", "\"{}\" is not valid UTF-8 text.", field));
}

void colour(const std::string& value, std::string_view field) {
    if (!shaped(value, "#xxxxxx"))
        throw ValidationError(trf("« {} » : couleur « {} » invalide, attendu #RRVVBB (par exemple #FFE066).",
                                  "\"{}\": invalid colour \"{}\", expected #RRGGBB (for example #FFE066).", field, shorten(value)));
}

void day(const std::string& value, std::string_view field, bool required) {
    if (value.empty() && !required) return;
    bool ok = shaped(value, "9999-99-99");
    if (ok) {
        int y = number(value, 0, 4), mo = number(value, 5, 2), d = number(value, 8, 2);
        static constexpr int days[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
        bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
        ok = mo >= 1 && mo <= 12 && d >= 1 && d <= days[mo - 1] && !(mo == 2 && d == 29 && !leap);
    }
    if (!ok)
        throw ValidationError(trf("« {} » : date « {} » invalide, attendu AAAA-MM-JJ (par exemple 2018-07-09).",
                                  "\"{}\": invalid date \"{}\", expected YYYY-MM-DD (for example 2018-07-09).", field, shorten(value)));
}

void hourMinute(const std::string& value, std::string_view field) {
    if (!shaped(value, "99:99") || number(value, 0, 2) > 23 || number(value, 3, 2) > 59)
        throw ValidationError(trf("« {} » : heure « {} » invalide, attendu HH:MM (par exemple 09:30).",
                                  "\"{}\": invalid time \"{}\", expected HH:MM (for example 09:30).", field, shorten(value)));
}

void timeZone(const std::string& value) {
    if (!isKnownTimeZone(value))
        throw ValidationError(trf("Fuseau horaire « {} » inconnu : utilisez un nom IANA comme Europe/Paris, Indian/Reunion ou America/Martinique.",
                                  "Unknown time zone \"{}\": use an IANA name such as Europe/Paris, Indian/Reunion or America/Martinique.",
                                  shorten(value)));
}

void range(int value, std::string_view field, int min, int max) {
    if (value < min || value > max)
        throw ValidationError(trf("« {} » doit être entre {} et {} (reçu {}).", "\"{}\" must be between {} and {} (got {}).",
                                  field, min, max, value));
}

void coordinate(double value, std::string_view field) {
    if (!(value > -kMaxCoordinate && value < kMaxCoordinate))
        throw ValidationError(trf("« {} » : position hors du mur ({}).", "\"{}\": position off the board ({}).", field, value));
}

void noteSide(double value, std::string_view field) {
    if (!(value >= kMinNoteSide && value <= kMaxNoteSide))
        throw ValidationError(trf("« {} » doit être entre {} et {} (reçu {}).", "\"{}\" must be between {} and {} (got {}).",
                                  field, kMinNoteSide, kMaxNoteSide, value));
}

} // namespace rules

} // namespace atelier
