// errors::release_on_unwind (src/errors/release.hpp): a scope left by an exception hands the
// locals it watches to a thread of their own, which destroys them; a scope left normally, or
// watching little, leaves them alone.
#include "errors/release.hpp"

#include <chrono>
#include <future>
#include <memory>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include <gtest/gtest.h>

namespace {

using tariff::errors::release_on_unwind;

// Says on which thread it was destroyed, once, through the promise it shares.
struct witness {
  std::shared_ptr<std::promise<std::thread::id>> destroyed =
      std::make_shared<std::promise<std::thread::id>>();
  witness() = default;
  witness(witness&& other) noexcept = default;
  witness& operator=(witness&&) = delete;
  ~witness() {
    if (destroyed) destroyed->set_value(std::this_thread::get_id());
  }
};

// Runs a scope that watches `lines` and `w`, fills `lines`, and throws when `fail` holds.
void scope(bool large, bool fail, std::vector<std::string>& lines, witness& w) {
  const release_on_unwind release(large, lines, w);
  lines.assign(3, std::string(40, 'x'));
  if (fail) throw std::runtime_error("cancelled");
}

TEST(ReleaseOnUnwind, AFailedScopeHandsItsLocalsToAnotherThread) {
  std::vector<std::string> lines;
  witness w;
  std::future<std::thread::id> destroyed_on = w.destroyed->get_future();
  EXPECT_THROW(scope(true, true, lines, w), std::runtime_error);
  EXPECT_TRUE(lines.empty());       // moved out: unwinding has nothing left to free
  EXPECT_EQ(w.destroyed, nullptr);  // the witness too
  ASSERT_EQ(destroyed_on.wait_for(std::chrono::seconds(30)), std::future_status::ready);
  EXPECT_NE(destroyed_on.get(), std::this_thread::get_id());
}

TEST(ReleaseOnUnwind, AScopeLeftNormallyKeepsItsLocals) {
  std::vector<std::string> lines;
  witness w;
  scope(true, false, lines, w);
  EXPECT_EQ(lines, std::vector<std::string>(3, std::string(40, 'x')));
  EXPECT_NE(w.destroyed, nullptr);
}

TEST(ReleaseOnUnwind, ASmallScopeIsFreedWhereItFails) {
  std::vector<std::string> lines;
  witness w;
  EXPECT_THROW(scope(false, true, lines, w), std::runtime_error);
  EXPECT_EQ(lines.size(), 3U);  // left to unwinding here, as without the watch
  EXPECT_NE(w.destroyed, nullptr);
}

TEST(ReleaseOnUnwind, AScopeRunDuringUnwindingIsJudgedByItsOwnException) {
  // A destructor that bills while another exception unwinds: its scope, left normally, keeps
  // its locals although an exception is in flight.
  std::vector<std::string> lines;
  witness w;
  struct runs_during_unwinding {
    std::vector<std::string>& lines;
    witness& w;
    ~runs_during_unwinding() { scope(true, false, lines, w); }
  };
  try {
    const runs_during_unwinding guard{lines, w};
    throw std::runtime_error("outer");
  } catch (const std::runtime_error&) {
  }
  EXPECT_EQ(lines.size(), 3U);
  EXPECT_NE(w.destroyed, nullptr);
}

}  // namespace
