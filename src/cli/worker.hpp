// A second thread for the tool's streams: while it prices (or bills) one block, the calling thread
// reads the next and writes the one before, so a machine with two cores is busy on both.
#pragma once

#include <condition_variable>
#include <deque>
#include <functional>
#include <future>
#include <mutex>
#include <thread>

namespace tariff::cli {

/// Runs the jobs given to it one after another, in the order given, on one thread of its own
/// that lives as long as the worker (so that what a thread keeps, such as the pricing memo, is
/// kept from one job to the next).
class worker {
 public:
  worker();
  worker(const worker&) = delete;
  worker& operator=(const worker&) = delete;
  /// Waits for the jobs given and ends the thread.
  ~worker();

  /// Queues `job`; the future is ready when it has run, and get() rethrows what it threw.
  [[nodiscard]] std::future<void> run(std::function<void()> job);

 private:
  void loop();

  std::mutex mutex_;
  std::condition_variable ready_;
  std::deque<std::packaged_task<void()>> jobs_;
  bool stopping_ = false;
  std::thread thread_;  // last: started once the members it uses exist
};

}  // namespace tariff::cli
