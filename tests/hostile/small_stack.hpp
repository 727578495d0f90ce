// Runs a piece of work on a thread with a small stack (256 KiB), as a host's worker thread may
// have: input that recursed once per element of a chain or per level of nesting would overflow
// it, so every hostile-input test runs its worst case here.
#pragma once

#include <cstddef>
#include <exception>
#include <functional>
#include <pthread.h>
#include <stdexcept>
#include <utility>

namespace tariff::testing {

inline constexpr std::size_t small_stack_bytes = 256 * 1024;

/// Calls `work` on a new thread whose stack is `stack_bytes`, waits for it, and rethrows what
/// it threw.
inline void on_small_stack(std::function<void()> work,
                           std::size_t stack_bytes = small_stack_bytes) {
  struct job {
    std::function<void()> work;
    std::exception_ptr thrown;
  } j{std::move(work), nullptr};
  pthread_attr_t attributes;
  pthread_attr_init(&attributes);
  pthread_attr_setstacksize(&attributes, stack_bytes);
  pthread_t thread;
  const int started = pthread_create(
      &thread, &attributes,
      [](void* p) -> void* {
        auto* self = static_cast<job*>(p);
        try {
          self->work();
        } catch (...) {
          self->thrown = std::current_exception();
        }
        return nullptr;
      },
      &j);
  pthread_attr_destroy(&attributes);
  if (started != 0) throw std::runtime_error("cannot start a thread with a small stack");
  pthread_join(thread, nullptr);
  if (j.thrown) std::rethrow_exception(j.thrown);
}

}  // namespace tariff::testing
