// Runs the compiled postfix code of rules, conditions and table keys for one part of a line.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <tariff/model.hpp>
#include <tariff/pricing.hpp>

#include "plan/program.hpp"

namespace tariff::plan {

/// Why evaluation could not go on; pricing turns it into the line's rejection.
struct pricing_error {
  reject_reason reason;
  std::string message;
};

/// What holds for the whole line.
struct line_facts {
  const contract* deal = nullptr;
  const work_line* work = nullptr;
  local_date date{};
  int contract_year = 1;
  local_date client_since{};
  decimal duration;  ///< seconds, start to end (0 for a counted line without an end)
  bool billable = true;
};

/// What holds for the part being priced.
struct part_facts {
  const segment_labels* labels = nullptr;
  local_date date{};
  const decimal* price = nullptr;
  const decimal* base = nullptr;
  const decimal* cost = nullptr;
  const decimal* quantity = nullptr;  ///< billed, seconds or units
  std::int64_t unit_seconds = 0;
};

/// A reusable evaluator: one per thread of pricing (it keeps its stack and per-line caches, so
/// evaluating allocates nothing once warm).
class evaluator {
 public:
  explicit evaluator(const tariff_program& program);

  /// Forgets the cached attributes and table look-ups of the previous line.
  void start_line(const line_facts& line);
  /// The value of `c` for this part. Throws pricing_error.
  value run(const code& c, const part_facts& part);
  /// The value of ops[begin, end) with no line at all: constant folding at compile time.
  value run_constant(const std::vector<instruction>& ops, std::size_t begin, std::size_t end);

 private:
  value execute(const std::vector<instruction>& ops, std::size_t begin, std::size_t end,
                const part_facts* part);
  const value& attribute(std::uint32_t slot);
  // The entry of table `index` for `key`; throws pricing_error when there is none.
  const value& entry_for(std::uint32_t index, const value& key);
  // Whether table `index`'s look-up holds for the whole line (its key reads nothing of the part).
  bool cacheable(std::uint32_t index) const;

  /// Where to go back to once the key of a table being looked up has run.
  struct look_up_frame {
    const instruction* code;
    std::size_t pc;
    std::size_t end;
    std::uint32_t table;
  };

  const tariff_program& program_;
  const line_facts* line_ = nullptr;
  std::vector<value> stack_;
  std::vector<look_up_frame> look_ups_;  ///< the look-ups in progress, innermost last
  std::vector<std::optional<value>> attributes_;
  std::vector<std::optional<value>> tables_;
};

/// a / b exactly when the quotient has a finite decimal form within decimal::max_scale digits
/// after the point; nullopt otherwise.
std::optional<decimal> exact_quotient(const decimal& a, std::int64_t b);
/// The decimal a value stands for (num / den), exactly; throws pricing_error if it has no finite
/// decimal form (`what` names the value in the message).
decimal to_decimal(const value& v, std::string_view what);

}  // namespace tariff::plan
