#pragma once
// The words a published document or a spreadsheet uses for the model's codes, in the message
// language (French first): "prototyper", "maquette", "je m'interroge", "porteur·se du défi".
#include "model/model.hpp"

#include <string>

namespace atelier {

std::string phaseLabel(Phase phase);
std::string roleLabel(Role role);
std::string roleLabelPlural(Role role);
std::string formatLabel(PrototypeFormat format);
std::string statusLabel(PrototypeStatus status);
std::string feedbackKindLabel(FeedbackKind kind);

// "4,5" in French, "4.5" in English: one decimal.
std::string decimal(double value);
// "09/07/2018 14:05" (French) or "2018-07-09 14:05" in the event's time zone; empty for 0.
std::string localDateTime(Millis at, const std::string& timeZone);
// "09/07/2018" from "2018-07-09" (French); as is in English.
std::string displayDay(const std::string& day);

} // namespace atelier
