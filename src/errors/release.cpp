// Freeing on a thread of its own (release.hpp).
#include "errors/release.hpp"

#include <thread>

namespace tariff::errors {

void dispose_elsewhere(std::unique_ptr<disposable> garbage) noexcept {
  try {
    std::thread([owned = std::move(garbage)]() mutable { owned.reset(); }).detach();
  } catch (...) {  // no thread to be had (std::system_error): what it was given is freed here
  }
}

}  // namespace tariff::errors
