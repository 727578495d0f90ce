// The batch path under Tariff.price_table: a table of work priced in one call. Rows are read
// into work lines and priced in chunks, the GIL released while the engine prices and while the
// numeric columns are filled; only the Python objects of the output (text, Decimal) are made
// with the GIL held. The Python side (tariff/_table.py) prepares the columns and assembles the
// DataFrame.
#include <algorithm>
#include <limits>
#include <optional>
#include <span>

#include <pybind11/numpy.h>
#include <pybind11/stl.h>

#include "bindings.hpp"
#include "chunk_pricer.hpp"
#include "column_codes.hpp"
#include "convert.hpp"
#include "errors.hpp"
#include "shared_text_column.hpp"
#include "stop.hpp"
#include "table_reader.hpp"

namespace tariff::python {
namespace {

// Rows read at a time (per thread): bounds the memory of the work lines whatever the table's
// size, and is large enough that starting threads costs little. On one thread they are priced
// and their columns filled a batch at a time (chunk_pricer::batch_rows), while the results are
// still in the cache (docs/performance.md, "Python batch pricing").
constexpr std::size_t chunk_rows = 4096;

enum class money_mode : std::uint8_t { decimal_objects, text, minor_units };

money_mode mode_of(const std::string& name) {
  if (name == "decimal") return money_mode::decimal_objects;
  if (name == "str") return money_mode::text;
  if (name == "minor") return money_mode::minor_units;
  throw py::value_error("money must be 'decimal', 'str' or 'minor', not '" + name + "'");
}

// The output columns, allocated once for the whole table and filled chunk by chunk. Each is
// made in its final type, with no array of codes or days beside it to convert afterwards: on
// tables of millions of rows, fresh memory costs more than what is written into it.
struct output {
  output(std::size_t n, money_mode m)
      : mode(m),
        kind(static_cast<py::ssize_t>(n)),
        status(static_cast<py::ssize_t>(n)),
        date(static_cast<py::ssize_t>(n)),
        parts(static_cast<py::ssize_t>(n)),
        reason(n),
        price_list(n),
        measured(n),
        billed(n),
        message(new_objects(n)) {
    for (py::array* money : {&amount, &cost, &margin})
      *money = m == money_mode::minor_units
                   ? py::array(py::array_t<std::int64_t>(static_cast<py::ssize_t>(n)))
                   : new_objects(n);
  }

  money_mode mode;
  py::array_t<std::int8_t> kind;
  py::array_t<std::int8_t> status;  // 0: priced, 1: rejected (the frame's categories)
  py::array_t<std::int64_t> date;   // days since 1970-01-01, or ns (to_nanoseconds); NaT: none
  py::array_t<std::int32_t> parts;
  shared_text_column reason, price_list, measured, billed;  // None: priced, or rejected
  py::array message, amount, cost, margin;
};

// NumPy's NaT, and the days datetime64[ns] can hold (about 1677-09-22 to 2262-04-11).
constexpr std::int64_t no_date = std::numeric_limits<std::int64_t>::min();
constexpr std::int64_t first_ns_day = -106'751, last_ns_day = 106'750;

// The date column in nanoseconds, in place, when every date fits them (pandas' datetime64[ns]).
bool to_nanoseconds(py::array_t<std::int64_t>& date) {
  auto days = date.mutable_unchecked<1>();
  for (py::ssize_t i = 0; i < days.shape(0); ++i)
    if (days(i) != no_date && (days(i) < first_ns_day || days(i) > last_ns_day)) return false;
  constexpr std::int64_t ns_per_day = 86'400'000'000'000;
  for (py::ssize_t i = 0; i < days.shape(0); ++i)
    if (days(i) != no_date) days(i) *= ns_per_day;
  return true;
}

constexpr std::size_t shared_figures = 1 << 16;

// A money figure that does not fit the minor unit, reported after the whole table.
struct scale_problem {
  std::string line, field, value;
};

py::dict price_columns(const py_tariff& t, py::handle contracts, std::size_t rows,
                       const py::dict& columns, const py::tuple& missing, const std::string& money,
                       int minor_scale, bool trace, int threads, std::optional<double> timeout,
                       bool dates_in_ns) {
  const money_mode mode = mode_of(money);
  const stop_condition stop = stop_for(timeout);  // one deadline for every chunk
  const std::vector<contract> deals = contracts_of(contracts);
  table_reader reader(columns, rows, missing);
  output out(rows, mode);

  coder<std::string> price_lists;
  std::string last_price_list;
  std::int32_t last_price_list_code = -1;
  // Every quantity gets a code, but one beyond 64 bits (which pricing never makes) gets its
  // own object.
  figure_coder<item_quantity> quantities(std::numeric_limits<std::size_t>::max());
  const auto set_quantity = [&](shared_text_column& column, std::size_t k, const item_quantity& q) {
    const std::int32_t code = quantities.code(q, q.value, q.unit_seconds);
    if (code >= 0)
      column.set(k, code);
    else
      column.set_text(k, q.to_string());
  };
  std::vector<input_error> errors;
  std::optional<scale_problem> too_fine;
  std::vector<work_line> lines;
  figure_coder<decimal> figures_seen(mode == money_mode::minor_units ? 0 : shared_figures);
  std::vector<py::object> figure_objects;  // by code: the shared str or Decimal
  std::vector<std::int32_t> figure_codes;  // for the chunk: amount, cost, margin per line
  std::vector<std::string> texts;          // for the chunk: the text of figures without a code
  std::vector<std::pair<std::size_t, std::string>> rejected;  // row, message

  auto kind = out.kind.mutable_unchecked<1>();
  auto status = out.status.mutable_unchecked<1>();
  auto date = out.date.mutable_unchecked<1>();
  auto parts = out.parts.mutable_unchecked<1>();
  std::int64_t* minor[3] = {nullptr, nullptr, nullptr};
  if (mode == money_mode::minor_units) {
    minor[0] = static_cast<std::int64_t*>(out.amount.mutable_data());
    minor[1] = static_cast<std::int64_t*>(out.cost.mutable_data());
    minor[2] = static_cast<std::int64_t*>(out.margin.mutable_data());
  }
  py::object decimal_type = py::module_::import("decimal").attr("Decimal");

  chunk_pricer pricer(t.compiled, deals, trace, threads, stop);
  const std::size_t step = chunk_rows * static_cast<std::size_t>(std::max(threads, 1));
  for (std::size_t first = 0; first < rows; first += step) {
    const std::size_t count = std::min(step, rows - first);
    reader.read(first, count, lines, errors);
    if (!errors.empty()) continue;  // nothing is priced once a row failed; read on to report all
    rejected.clear();
    for (shared_text_column* column : {&out.reason, &out.price_list, &out.measured, &out.billed})
      column->start_chunk(first, count);
    {
      py::gil_scoped_release unlocked;
      if (mode != money_mode::minor_units) {
        figure_codes.resize(3 * count);
        texts.resize(3 * count);
      }
      const auto fill = [&](std::size_t k, priced_line& l) {
        const std::size_t i = first + k;
        const auto at = static_cast<py::ssize_t>(i);
        kind(at) = static_cast<std::int8_t>(l.kind);
        status(at) = l.ok() ? 0 : 1;
        date(at) = l.date ? l.date->time_since_epoch().count() : no_date;
        if (!l.ok()) {
          parts(at) = 0;
          out.reason.set(k, static_cast<std::int32_t>(*l.rejected));
          rejected.emplace_back(i, std::move(l.message));
          if (mode == money_mode::minor_units)
            for (std::int64_t* column : minor)
              column[i] = 0;
          return;
        }
        parts(at) = static_cast<std::int32_t>(l.parts.size());
        if (l.price_list != last_price_list) {  // usually the same list line after line
          last_price_list = l.price_list;
          last_price_list_code = price_lists.code(l.price_list);
        }
        out.price_list.set(k, last_price_list_code);
        set_quantity(out.measured, k, l.measured);
        set_quantity(out.billed, k, l.billed);
        const decimal* figures[3] = {&l.amount, &l.cost, &l.margin};
        for (int f = 0; f < 3; ++f) {
          if (mode != money_mode::minor_units) {
            const std::size_t slot = 3 * k + static_cast<std::size_t>(f);
            figure_codes[slot] = figures_seen.code(*figures[f], *figures[f]);
            if (figure_codes[slot] < 0) texts[slot] = figures[f]->to_string();
            continue;
          }
          try {
            minor[f][i] = figures[f]->to_units(minor_scale);
          } catch (const decimal_error&) {
            minor[f][i] = 0;
            if (!too_fine) {
              static constexpr const char* names[3] = {"amount", "cost", "margin"};
              too_fine = scale_problem{l.id, names[f], figures[f]->to_string()};
            }
          }
        }
      };
      const std::size_t batch = pricer.batch_rows(count);
      for (std::size_t from = 0; from < count; from += batch) {
        pricer.price(
            std::span<const work_line>(lines).subspan(from, std::min(batch, count - from)));
        pricer.for_each([&](std::size_t k, priced_line& l) { fill(from + k, l); });
      }
    }
    // Python objects, with the GIL: text columns, messages of rejected lines, money as text or
    // Decimal.
    out.reason.flush(
        [](std::int32_t code) { return std::string(to_string(static_cast<reject_reason>(code))); });
    out.price_list.flush(
        [&](std::int32_t code) { return price_lists.keys()[static_cast<std::size_t>(code)]; });
    for (shared_text_column* column : {&out.measured, &out.billed})
      column->flush([&](std::int32_t code) {
        return quantities.keys()[static_cast<std::size_t>(code)].to_string();
      });
    for (const auto& [i, message] : rejected)
      put(out.message, i, new_text(message));
    if (mode == money_mode::minor_units) continue;
    // The objects of figures first seen in this chunk, then every cell.
    const auto object_of_text = [&](const std::string& text) {
      py::object s = py::reinterpret_steal<py::object>(new_text(text));
      if (!s) throw py::error_already_set();
      return mode == money_mode::text ? s : decimal_type(s);
    };
    for (std::size_t code = figure_objects.size(); code < figures_seen.keys().size(); ++code)
      figure_objects.push_back(object_of_text(figures_seen.keys()[code].to_string()));
    py::array* targets[3] = {&out.amount, &out.cost, &out.margin};
    for (std::size_t k = 0; k < count; ++k) {
      const std::size_t i = first + k;
      if (status(static_cast<py::ssize_t>(i)) != 0) continue;  // rejected: no money
      for (std::size_t f = 0; f < 3; ++f) {
        const std::int32_t code = figure_codes[3 * k + f];
        put(*targets[f], i,
            code >= 0 ? figure_objects[static_cast<std::size_t>(code)].inc_ref().ptr()
                      : object_of_text(texts[3 * k + f]).release().ptr());
      }
    }
  }

  raise_input_errors(errors, "work");
  if (too_fine)
    throw py::value_error("line " + too_fine->line + ": " + too_fine->field + " " +
                          too_fine->value + " has more decimals than the minor unit (scale " +
                          std::to_string(minor_scale) +
                          ") holds; nothing is rounded silently: use money='str' or "
                          "'decimal', or a larger minor_scale");

  py::dict result;
  result["kind"] = out.kind;
  result["status"] = out.status;
  result["reason"] = out.reason.cells();
  result["date_unit"] = dates_in_ns && to_nanoseconds(out.date) ? "ns" : "D";
  result["date"] = out.date;
  result["parts"] = out.parts;
  result["message"] = out.message;
  result["amount"] = out.amount;
  result["cost"] = out.cost;
  result["margin"] = out.margin;
  result["price_list"] = out.price_list.cells();
  result["measured"] = out.measured.cells();
  result["billed"] = out.billed.cells();
  return result;
}

template <class Enum>
std::vector<std::string> names_of() {
  std::vector<std::string> out;
  for (int i = 0; i < 256; ++i) {
    const std::string_view name = to_string(static_cast<Enum>(i));
    if (name == "?") break;
    out.emplace_back(name);
  }
  return out;
}

}  // namespace

void bind_batch(py::module_& m) {
  m.def("_price_columns", &price_columns, py::arg("tariff"), py::arg("contracts"), py::arg("rows"),
        py::arg("columns"), py::arg("missing"), py::arg("money"), py::arg("minor_scale"),
        py::arg("trace"), py::arg("threads"), py::arg("timeout") = py::none(),
        py::arg("dates_in_ns") = false,
        "The batch path under Tariff.price_table (tariff/_table.py prepares the columns).");
  m.def("_kind_names", &names_of<work_kind>, "Work kinds by code.");
}

}  // namespace tariff::python
