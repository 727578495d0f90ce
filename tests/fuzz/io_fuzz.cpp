// libFuzzer target: the CSV and JSON readers of work, contracts (amendments included), payments
// and the billing state (one, or many contracts') take any bytes without crashing, and whatever
// they read survives a round trip through the writer unchanged (same values, same decimal scales).
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include <tariff/io.hpp>
#include <tariff/statement_io.hpp>

namespace {

bool same_scales(const tariff::work_line& a, const tariff::work_line& b) {
  return a.quantity.has_value() == b.quantity.has_value() &&
         (!a.quantity || identical(*a.quantity, *b.quantity));
}

template <class Row, class Read, class Write>
void round_trip(std::string_view text, Read read, Write write) {
  const tariff::read_result<Row> first = read(text);
  if (first.rows.empty()) return;
  const tariff::read_result<Row> again = read(write(first.rows));
  if (!again.errors.empty() || again.rows != first.rows) std::abort();
  if constexpr (std::is_same_v<Row, tariff::work_line>) {
    for (std::size_t i = 0; i < first.rows.size(); ++i)
      if (!same_scales(first.rows[i], again.rows[i])) std::abort();
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  round_trip<tariff::work_line>(
      text, [](std::string_view t) { return tariff::read_work_csv(t); },
      [](const auto& rows) { return tariff::write_work_csv(rows); });
  round_trip<tariff::work_line>(text, tariff::read_work_json,
                                [](const auto& rows) { return tariff::write_work_json(rows); });
  round_trip<tariff::payment>(
      text, [](std::string_view t) { return tariff::read_payments_csv(t); },
      [](const auto& rows) { return tariff::write_payments_csv(rows); });
  round_trip<tariff::payment>(text, tariff::read_payments_json,
                              [](const auto& rows) { return tariff::write_payments_json(rows); });
  round_trip<tariff::contract>(
      text, [](std::string_view t) { return tariff::read_contracts_csv(t); },
      [](const auto& rows) { return tariff::write_contracts_csv(rows); });
  round_trip<tariff::contract>(text, tariff::read_contracts_json,
                               [](const auto& rows) { return tariff::write_contracts_json(rows); });
  // A state that reads without errors writes back to the same state, scales included.
  const tariff::read_result<tariff::billing_state> state = tariff::read_state_json(text);
  if (state.errors.empty() && !state.rows.empty()) {
    const std::string written = tariff::write_state_json(state.rows.front());
    const tariff::read_result<tariff::billing_state> again = tariff::read_state_json(written);
    if (!again.errors.empty() || again.rows.size() != 1 ||
        tariff::write_state_json(again.rows.front()) != written)
      std::abort();
  }
  // So do many contracts' states in one document (each naming its contract, as the document's
  // states must: write_states_json refuses a state of format 1 read alone, which names none).
  const tariff::read_result<tariff::billing_state> states = tariff::read_states_json(text);
  if (states.errors.empty() && !states.rows.empty() &&
      std::none_of(states.rows.begin(), states.rows.end(),
                   [](const tariff::billing_state& one) { return one.contract.empty(); })) {
    const std::string written = tariff::write_states_json(states.rows);
    const tariff::read_result<tariff::billing_state> again = tariff::read_states_json(written);
    if (!again.errors.empty() || tariff::write_states_json(again.rows) != written) std::abort();
  }
  return 0;
}
