#include "io/labels.hpp"

#include "model/language.hpp"
#include "model/timezone.hpp"

#include <array>
#include <cmath>

namespace atelier {

namespace {
template <std::size_t N>
std::string pick(const std::array<const char*, N>& fr, const std::array<const char*, N>& en, std::size_t i) {
    return i < N ? tr(fr[i], en[i]) : std::string();
}
} // namespace

std::string phaseLabel(Phase p) {
    return pick<4>({"diverger", "sélectionner", "prototyper", "tester"}, {"diverge", "select", "prototype", "test"},
                   static_cast<std::size_t>(p));
}

std::string roleLabel(Role r) {
    return pick<4>({"facilitateur·rice", "porteur·se du défi", "participant·e", "expert·e"},
                   {"facilitator", "challenge owner", "participant", "expert"}, static_cast<std::size_t>(r));
}

std::string roleLabelPlural(Role r) {
    return pick<4>({"facilitateur·rices", "porteur·ses du défi", "participant·es", "expert·es"},
                   {"facilitators", "challenge owners", "participants", "experts"}, static_cast<std::size_t>(r));
}

std::string formatLabel(PrototypeFormat f) {
    return pick<7>({"maquette", "storyboard", "jeu de rôle", "parcours usager", "affiche", "service", "autre"},
                   {"mock-up", "storyboard", "role play", "user journey", "poster", "service", "other"},
                   static_cast<std::size_t>(f));
}

std::string statusLabel(PrototypeStatus s) {
    return pick<4>({"brouillon", "prêt", "testé", "abandonné"}, {"draft", "ready", "tested", "dropped"},
                   static_cast<std::size_t>(s));
}

std::string feedbackKindLabel(FeedbackKind k) {
    return pick<3>({"j’aime", "je suggère", "je m’interroge"}, {"I like", "I suggest", "I wonder"},
                   static_cast<std::size_t>(k));
}

std::string decimal(double value) {
    std::string text = fmt::format("{:.1f}", std::round(value * 10) / 10);
    if (messageLanguage() == Language::French)
        for (char& c : text)
            if (c == '.') c = ',';
    return text;
}

std::string displayDay(const std::string& day) {
    if (messageLanguage() != Language::French || day.size() != 10) return day;
    return day.substr(8, 2) + "/" + day.substr(5, 2) + "/" + day.substr(0, 4);
}

std::string localDateTime(Millis at, const std::string& timeZone) {
    if (at == 0) return {};
    LocalTime local = toLocalTime(at, timeZone);
    return displayDay(local.day) + " " + local.hourMinute;
}

} // namespace atelier
