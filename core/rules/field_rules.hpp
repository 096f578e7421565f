#pragma once
// Checks on one value. Each throws ValidationError naming the field (and the value, shortened).
#include <string>
#include <string_view>

namespace atelier::rules {

void text(const std::string& value, std::string_view field, std::size_t maxBytes, bool required);
void colour(const std::string& value, std::string_view field);
void day(const std::string& value, std::string_view field, bool required);
void hourMinute(const std::string& value, std::string_view field);
void timeZone(const std::string& value);
void range(int value, std::string_view field, int min, int max);
void coordinate(double value, std::string_view field);
void noteSide(double value, std::string_view field); // a note's width or height

} // namespace atelier::rules
