#include "actions/action_apply.hpp"


namespace atelier {

void runAction(const Action& action, ActionContext& context) {
    std::visit([&](const auto& a) { run(a, context); }, action);
}

std::string describeAction(const Action& action, const EventState& state) {
    return std::visit([&](const auto& a) { return describe(a, state); }, action);
}

void validateEventInfo(const EventInfo& event) {
    rules::enforce(rules::checkRow(event, EventState{}));
}



} // namespace atelier
