// Golden expectations for the example folders (examples/NN-name/expect.txt): the parser of the
// expect file and the check of priced lines against it.
//
// One assertion a line, `#` starts a comment:
//
//   line J1 amount 12500.00 cost 4900.00 billed 3h30min
//   line J1 part 2 unit_price 5000.00 labels night
//   line J9 rejected contract_ended
//
// A line names a work line by id, optionally one of its parts (from 1), then one or more
// `field value` pairs. Values are compared as text, exactly: a decimal with its scale ("12500.00"
// is not "12500"), a quantity as item_quantity::to_string writes it ("1h30min", "3").
#pragma once

#include <functional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include <tariff/model.hpp>
#include <tariff/pricing.hpp>

namespace tariff::examples {

/// One `field value` of a line (part == 0) or of one of its parts.
struct assertion {
  int source_line = 0;  ///< where it is written in the expect file, from 1
  std::string line_id;  ///< the work line's id
  int part = 0;         ///< the part, from 1; 0: the line itself
  std::string field;    ///< "amount", "labels", ...
  std::string expected;

  friend bool operator==(const assertion&, const assertion&) = default;
};

/// A parsed expect file: its assertions, and what was wrong with its text.
struct expect_file {
  std::vector<assertion> assertions;
  std::vector<std::string> errors;  ///< "FILE:LINE: message"; an expect file with any is unusable
};

/// The fields a line assertion may name, and those a part assertion may name.
std::span<const std::string_view> line_fields();
std::span<const std::string_view> part_fields();

/// Parses an expect file. `file` names it in error messages ("examples/04-night-work/expect.txt").
expect_file parse_expect(std::string_view text, std::string_view file);

/// The names of a segment's labels joined by "+", "-" for none (compiled_tariff::label_names).
using label_namer = std::function<std::string(const segment_labels&)>;

/// Holds priced lines (one per work line, in work order) against the assertions. Returns one
/// message per failure, "FILE:LINE: line J1 part 2 amount: expected 7500.00, got 7500.0", and
/// also fails an assertion on a line id not in the work, a work line without any assertion and a
/// rejected line whose rejection is not asserted.
std::vector<std::string> check_expectations(const expect_file& expect, std::string_view file,
                                            std::span<const work_line> work,
                                            std::span<const priced_line> priced,
                                            const label_namer& labels);

/// `labels` for a compiled tariff.
label_namer labels_of(const compiled_tariff& tariff);

}  // namespace tariff::examples
