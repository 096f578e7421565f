#pragma once
// What an action sees while it runs inside its transaction: the state before it, the time, the
// store to write rows, and checks that throw the user-facing error when a rule is broken.
#include "model/errors.hpp"
#include "model/language.hpp"
#include "rules/field_rules.hpp"
#include "storage/state.hpp"
#include "storage/store.hpp"

#include <string>
#include <vector>

namespace atelier {

class ActionContext {
public:
    ActionContext(Store& store, const EventState& state, Millis now) : m_store(store), m_state(state), m_now(now) {}

    const EventState& state() const { return m_state; }
    Millis now() const { return m_now; }
    Store& store() { return m_store; }

    template <typename T> void put(const T& row) { m_store.put(row); }
    template <typename T> void erase(Id id) { m_store.erase<T>(id); }

    // The id a create action uses: the one it was given (must be free) or a fresh one.
    template <typename T> Id newRowId(Id requested) {
        if (!requested) requested = newId();
        else if (m_state.find<T>(requested) || m_store.load<T>(requested))
            throw ValidationError(trf("L'identifiant {} est déjà utilisé.", "The id {} is already in use.", requested.str()));
        m_created.push_back(requested);
        return requested;
    }
    const std::vector<Id>& created() const { return m_created; }

    // The row, or NotFoundError "<what> introuvable (id …)".
    template <typename T> const T& require(Id id, std::string_view whatFr, std::string_view whatEn) const {
        const T* row = m_state.find<T>(id);
        if (!row)
            throw NotFoundError(trf("{} introuvable (identifiant {}).", "{} not found (id {}).",
                                    messageLanguage() == Language::French ? whatFr : whatEn, id.str()));
        return *row;
    }

private:
    Store& m_store;
    const EventState& m_state;
    Millis m_now;
    std::vector<Id> m_created;
};

// The actions call the shared value checks as check::text(…), check::colour(…).
namespace check = rules;

} // namespace atelier
