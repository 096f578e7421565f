#pragma once
// Actions as JSON objects: {"action":"add_note","team":"123","text":"…"}. Ids are strings.
#include "actions/actions.hpp"

#include <nlohmann/json.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace atelier {

// Deepest nesting of arrays and objects in one action line (an action uses three levels).
inline constexpr int kMaxActionDepth = 32;

// One line of `apply` as JSON. Refused with a ValidationError (never a crash, never a message
// that is not UTF-8): invalid UTF-8 (naming the byte), nesting over kMaxActionDepth, bad JSON.
nlohmann::json parseActionLine(std::string_view line);

// Throws ValidationError naming the action and the field when the object is not a valid action:
// not an object, no or unknown "action", a missing required field, a wrong type, an unknown field.
Action actionFromJson(const nlohmann::json& object);
nlohmann::json actionToJson(const Action& action);

// The action reference (for `atelier actions` and the README): each action and its fields.
struct FieldDoc {
    std::string name;
    std::string type; // "id", "text", "integer", "number", "boolean", "one of: a|b", "[id]", …
    bool required = false;
};
struct ActionDoc {
    std::string name;
    bool undoable = true;
    std::vector<FieldDoc> fields;
};
std::vector<ActionDoc> actionReference();

} // namespace atelier
