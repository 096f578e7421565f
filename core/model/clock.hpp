#pragma once
// Where "now" comes from. Tests inject a FakeClock; timers never tick into the database.
#include "model/model.hpp"

namespace atelier {

class Clock {
public:
    virtual ~Clock() = default;
    virtual Millis now() const = 0; // UTC milliseconds since the Unix epoch
};

class SystemClock final : public Clock {
public:
    Millis now() const override;
};

class FakeClock final : public Clock {
public:
    explicit FakeClock(Millis start = 1531123200000 /* 2018-07-09 08:00 UTC */) : m_now(start) {}
    Millis now() const override { return m_now; }
    void set(Millis t) { m_now = t; }
    void advance(Millis ms) { m_now += ms; }

private:
    Millis m_now;
};

} // namespace atelier
