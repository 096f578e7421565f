#include "participation/join_code.hpp"
#include "participation/secret_text.hpp"

#include "model/language.hpp"

#include <algorithm>
#include <cctype>

namespace atelier::participation {

JoinCodes::JoinCodes() : m_current(randomCode(kLength)) {}
JoinCodes::JoinCodes(std::string fixedCode) : m_current(normaliseCode(fixedCode)) {}

std::string JoinCodes::current() const {
    std::lock_guard lock(m_mutex);
    return m_current;
}

std::string JoinCodes::renew() {
    std::lock_guard lock(m_mutex);
    std::string next;
    do next = randomCode(kLength);
    while (next == m_current || std::find(m_old.begin(), m_old.end(), next) != m_old.end());
    m_old.push_back(m_current);
    if (m_old.size() > 50) m_old.erase(m_old.begin());
    m_current = next;
    return next;
}

CodeCheck JoinCodes::check(const std::string& given) const {
    std::string code = normaliseCode(given);
    if (code.empty()) return CodeCheck::Missing;
    std::lock_guard lock(m_mutex);
    if (code == m_current) return CodeCheck::Valid;
    if (std::find(m_old.begin(), m_old.end(), code) != m_old.end()) return CodeCheck::Old;
    return CodeCheck::Wrong;
}

std::string normaliseCode(const std::string& typed) {
    std::string code;
    for (char c : typed) {
        if (c == ' ' || c == '-' || c == '\t') continue;
        code.push_back(static_cast<char>(std::toupper(static_cast<unsigned char>(c))));
        if (code.size() > 64) break; // no code is that long: stop reading
    }
    return code;
}

std::string codeMessage(CodeCheck check) {
    switch (check) {
    case CodeCheck::Valid: return {};
    case CodeCheck::Missing:
        return tr("Il manque le code de l’atelier : scannez le QR code affiché ou tapez le code à 6 caractères.",
                  "The workshop code is missing: scan the QR code shown or type the 6-character code.");
    case CodeCheck::Old:
        return tr("Ce code a été remplacé : scannez le nouveau QR code affiché à l’écran.",
                  "This code was replaced: scan the new QR code on the screen.");
    case CodeCheck::Wrong:
        return tr("Code inconnu : vérifiez les 6 caractères affichés à l’écran.",
                  "Unknown code: check the 6 characters shown on the screen.");
    }
    return {};
}

} // namespace atelier::participation
