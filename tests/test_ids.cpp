// Row ids: random, positive, never 0, and parsed strictly from their decimal form.
#include "model/id.hpp"

#include <catch2/catch.hpp>

#include <mutex>
#include <thread>
#include <unordered_set>
#include <vector>

using namespace atelier;

TEST_CASE("newId is positive, never 0, and does not collide") {
    std::unordered_set<Id> seen;
    seen.reserve(100000);
    bool allPositive = true;
    for (int i = 0; i < 100000; ++i) {
        Id id = newId();
        allPositive = allPositive && id.value > 0 && bool(id);
        seen.insert(id);
    }
    CHECK(allPositive);
    CHECK(seen.size() == 100000);
}

TEST_CASE("newId from several threads does not collide") {
    std::vector<Id> ids;
    std::mutex mutex;
    std::vector<std::thread> threads;
    for (int t = 0; t < 4; ++t)
        threads.emplace_back([&] {
            std::vector<Id> mine;
            for (int i = 0; i < 5000; ++i) mine.push_back(newId());
            std::lock_guard lock(mutex);
            ids.insert(ids.end(), mine.begin(), mine.end());
        });
    for (auto& t : threads) t.join();
    CHECK(std::unordered_set<Id>(ids.begin(), ids.end()).size() == 20000);
}

TEST_CASE("Id::parse reads positive 64-bit decimals only") {
    CHECK(Id::parse("1") == Id{1});
    CHECK(Id::parse("9007199254740993") == Id{9007199254740993});
    CHECK(Id::parse("9223372036854775807") == Id{9223372036854775807});
    for (const char* bad : {"", "0", "-1", "+1", " 1", "1 ", "1a", "0x10", "1.0", "9223372036854775808",
                            "99999999999999999999", "abc", "١"}) {
        INFO("\"" << bad << "\"");
        CHECK_FALSE(Id::parse(bad));
    }
}

TEST_CASE("an id's text form parses back to it") {
    for (int i = 0; i < 1000; ++i) {
        Id id = newId();
        CHECK(Id::parse(id.str()) == id);
    }
    CHECK(Id{42}.str() == "42");
    CHECK_FALSE(Id{});
    CHECK(Id{}.value == 0);
    CHECK(Id{1} < Id{2});
}
