// What a failing call built is freed off the caller's thread.
//
// A bill of a million lines holds millions of blocks (each line's strings and parts, each
// fingerprint). Unwinding frees them one by one on the caller's thread, which takes longer than
// the 50 ms a cancelled call promises (docs/design.md, "Deadlines and cancellation"); so does the
// syntax tree of a tariff of 100 000 items. A call whose locals may be that large declares a
// release_on_unwind after them: if the call is left by an exception, the locals are moved out,
// which is cheap, and a thread of their own frees them.
#pragma once

#include <cstddef>
#include <exception>
#include <memory>
#include <tuple>
#include <utility>

namespace tariff::errors {

/// From this many lines a failing call's locals are freed elsewhere; below it unwinding frees
/// them in about a millisecond, less than a thread costs to start.
inline constexpr std::size_t release_elsewhere_from = std::size_t{1} << 14;

/// From this many bytes of tariff source (about 13 000 items) a failing compile's syntax tree
/// and program are freed elsewhere.
inline constexpr std::size_t release_source_from = std::size_t{1} << 20;

/// Something to destroy elsewhere.
class disposable {
 public:
  virtual ~disposable() = default;
};

/// Destroys `garbage` on a detached thread of its own, or here when no thread can be started.
/// The thread touches nothing but `garbage`: it needs no joining and survives no fork.
void dispose_elsewhere(std::unique_ptr<disposable> garbage) noexcept;

/// Watches a call's locals `parts`, declared before it: if the scope is left by an exception
/// and `large` holds, they are moved into a disposable given to dispose_elsewhere, so that the
/// unwinding that follows destroys empty objects. Otherwise it does nothing.
template <class... Parts>
class release_on_unwind {
 public:
  explicit release_on_unwind(bool large, Parts&... parts) noexcept
      : large_(large), parts_(parts...) {}
  release_on_unwind(const release_on_unwind&) = delete;
  release_on_unwind& operator=(const release_on_unwind&) = delete;

  ~release_on_unwind() {
    if (!large_ || std::uncaught_exceptions() <= uncaught_) return;
    try {
      dispose_elsewhere(std::apply(
          [](Parts&... p) -> std::unique_ptr<disposable> {
            return std::make_unique<kept>(std::move(p)...);
          },
          parts_));
    } catch (...) {  // no memory for the holder: the parts are freed here, as without this
    }
  }

 private:
  struct kept final : disposable {
    explicit kept(Parts&&... p) : parts(std::move(p)...) {}
    std::tuple<Parts...> parts;
  };

  bool large_;
  int uncaught_ = std::uncaught_exceptions();
  std::tuple<Parts&...> parts_;
};

}  // namespace tariff::errors
