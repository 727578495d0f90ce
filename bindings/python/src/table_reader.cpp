// Work lines from columns (table_reader.hpp). The checks and their messages are those of the
// work readers (src/formats/work_io.cpp, docs/formats.md "Errors"), so a table and a CSV file of
// the same work fail alike; the Python objects are read with the C API directly, because this runs
// once per cell of tables of millions of rows.
#include "table_reader.hpp"

#include <cmath>
#include <cstdint>
#include <string_view>

#include <tariff/calendar.hpp>

#include "convert.hpp"
#include "errors.hpp"

namespace tariff::python {
namespace {

constexpr std::string_view known[] = {
    "id",   "request",   "contract", "item",        "start", "end",      "quantity",
    "kind", "performer", "accepted", "accepted_on", "site",  "time_zone"};
constexpr std::string_view required[] = {"id", "contract", "item", "start"};

PyObject* cell(const table_column& c, std::size_t row) {
  return static_cast<PyObject* const*>(c.data)[row];
}

std::int64_t integer_cell(const table_column& c, std::size_t row) {
  return static_cast<const std::int64_t*>(c.data)[row];
}

double float_cell(const table_column& c, std::size_t row) {
  return static_cast<const double*>(c.data)[row];
}

// A float as exact digits when it holds a whole number: pandas stores a column of numbers with
// gaps as float64, and such whole numbers lose nothing. NaN is no value (`out` left empty). A
// fraction is refused, since 0.1 is not 0.1 in binary: money and quantities stay exact.
bool whole_float_text(double value, std::string& out, std::string& error) {
  out.clear();
  if (std::isnan(value)) return true;
  // 2^63, exactly representable: every whole double below it fits an int64.
  constexpr double int64_limit = 9223372036854775808.0;
  if (std::isfinite(value) && value == std::trunc(value) && std::fabs(value) < int64_limit) {
    out = std::to_string(static_cast<std::int64_t>(value));
    return true;
  }
  error = "the float " + py::repr(py::float_(value)).cast<std::string>() +
          " is refused: a float column is read only when its numbers are whole (binary floating "
          "point cannot hold most decimal fractions exactly); read the table with dtype=str "
          "(tariff.read_table) or give decimal.Decimal or text";
  return false;
}

bool boolean_cell(const table_column& c, std::size_t row) {
  return static_cast<const std::uint8_t*>(c.data)[row] != 0;
}

// A str's UTF-8 text. Most cells are ASCII, whose compact form is already UTF-8 and is read in
// place without a call; other text asks CPython, which keeps its UTF-8 on the object.
std::string_view utf8_of(PyObject* text) {
  if (PyUnicode_IS_COMPACT_ASCII(text))
    return {static_cast<const char*>(PyUnicode_DATA(text)),
            static_cast<std::size_t>(PyUnicode_GET_LENGTH(text))};
  Py_ssize_t size = 0;
  const char* utf8 = PyUnicode_AsUTF8AndSize(text, &size);
  if (utf8 == nullptr) throw py::error_already_set();
  return {utf8, static_cast<std::size_t>(size)};
}

std::string type_name(PyObject* value) {
  return Py_TYPE(value)->tp_name;
}

// The exact digits of a decimal.Decimal (format "f": never an exponent).
bool decimal_text(PyObject* value, std::string& out) {
  static PyObject* type =
      py::object(py::module_::import("decimal").attr("Decimal")).release().ptr();
  static PyObject* spec = py::str("f").release().ptr();
  if (PyObject_IsInstance(value, type) != 1) return false;
  PyObject* text = PyObject_Format(value, spec);
  if (text == nullptr) throw py::error_already_set();
  Py_ssize_t size = 0;
  const char* utf8 = PyUnicode_AsUTF8AndSize(text, &size);
  if (utf8 == nullptr) {
    Py_DECREF(text);
    throw py::error_already_set();
  }
  out.assign(utf8, static_cast<std::size_t>(size));
  Py_DECREF(text);
  return true;
}

bool is_integer(PyObject* value) {
  return !PyBool_Check(value) &&
         (PyLong_Check(value) || (!PyFloat_Check(value) && PyIndex_Check(value) != 0));
}

std::string integer_text(PyObject* value) {
  PyObject* index = PyNumber_Index(value);
  if (index == nullptr) throw py::error_already_set();
  PyObject* text = PyObject_Str(index);
  Py_DECREF(index);
  if (text == nullptr) throw py::error_already_set();
  std::string out = py::reinterpret_steal<py::str>(text).cast<std::string>();
  return out;
}

table_column column_of(const std::string& name, const py::handle value, std::size_t rows) {
  table_column c;
  c.array = py::reinterpret_borrow<py::array>(value);
  if (!py::isinstance<py::array>(value) || c.array.ndim() != 1 ||
      static_cast<std::size_t>(c.array.shape(0)) != rows || !(c.array.flags() & py::array::c_style))
    throw tariff_error{"column '" + name + "': expected a contiguous 1-D array of " +
                           std::to_string(rows) + " rows",
                       {},
                       {}};
  const py::dtype dt = c.array.dtype();
  const char kind = dt.kind();
  if (kind == 'O') {
    c.kind = table_column::type::objects;
  } else if (kind == 'i' && dt.itemsize() == 8) {
    c.kind = table_column::type::integers;
  } else if (kind == 'f' && dt.itemsize() == 8) {
    c.kind = table_column::type::floats;
  } else if (kind == 'b' && dt.itemsize() == 1) {
    c.kind = table_column::type::booleans;
  } else if (kind == 'M' && dt.itemsize() == 8) {
    c.kind = table_column::type::nanoseconds;  // the Python side converts to UTC, in ns
  } else {
    throw tariff_error{"column '" + name + "': unsupported dtype " +
                           py::str(static_cast<py::handle>(dt)).cast<std::string>(),
                       {},
                       {}};
  }
  c.data = c.array.data();
  return c;
}

}  // namespace

table_reader::table_reader(const py::dict& columns, std::size_t rows, const py::tuple& missing)
    : rows_(rows) {
  for (py::handle m : missing)
    missing_.push_back(m.ptr());
  std::vector<std::string> unknown;
  for (const auto& [key, value] : columns) {
    const std::string name = py::str(key).cast<std::string>();
    const bool site = name.rfind("site.", 0) == 0;
    const bool work = name.rfind("work.", 0) == 0;
    if (site || work) {
      if (name.size() == 5) {
        unknown.push_back(name + " (an attribute column needs a name after the '.')");
        continue;
      }
      attributes_.push_back({name.substr(5), site, column_of(name, value, rows)});
      continue;
    }
    if (std::find(std::begin(known), std::end(known), name) == std::end(known)) {
      unknown.push_back(name);
      continue;
    }
    columns_.emplace(name, column_of(name, value, rows));
  }
  const auto column = [&](const char* name) -> const table_column* {
    const auto found = columns_.find(name);
    return found == columns_.end() ? nullptr : &found->second;
  };
  fields_ = {column("id"),        column("request"),  column("contract"),    column("item"),
             column("start"),     column("end"),      column("quantity"),    column("kind"),
             column("performer"), column("accepted"), column("accepted_on"), column("site"),
             column("time_zone")};
  for (const auto& [name, c] : columns_)
    if (c.kind == table_column::type::objects)
      object_cells_.push_back(static_cast<PyObject* const*>(c.data));
  for (const attribute_column& a : attributes_)
    if (a.column.kind == table_column::type::objects)
      object_cells_.push_back(static_cast<PyObject* const*>(a.column.data));
  std::string problems;
  for (const std::string& name : unknown)
    problems += "\n  unknown column '" + name + "'";
  for (std::string_view name : required)
    if (!columns_.contains(std::string(name)))
      problems += "\n  the required column '" + std::string(name) + "' is missing";
  if (!problems.empty())
    throw tariff_error{
        "the work table's columns are not those of the work format "
        "(docs/formats.md, Work lines):" +
            problems,
        {},
        {}};
}

bool table_reader::is_missing(PyObject* value) const {
  if (value == Py_None) return true;
  if (PyFloat_Check(value) && std::isnan(PyFloat_AS_DOUBLE(value))) return true;
  for (PyObject* m : missing_)
    if (value == m) return true;
  return false;
}

bool table_reader::text(const table_column& c, std::size_t row, std::string& out,
                        std::string& error, bool attribute) const {
  switch (c.kind) {
    case table_column::type::integers:
      out = std::to_string(integer_cell(c, row));
      return true;
    case table_column::type::floats:
      return whole_float_text(float_cell(c, row), out, error);
    case table_column::type::booleans:
      if (attribute) {
        out = boolean_cell(c, row) ? "true" : "false";
        return true;
      }
      error = "expected text, not a boolean";
      return false;
    case table_column::type::nanoseconds:
      error = "expected text, not a timestamp";
      return false;
    case table_column::type::objects:
      break;
  }
  PyObject* value = cell(c, row);
  if (PyUnicode_Check(value)) {
    out.assign(utf8_of(value));
    return true;
  }
  out.clear();
  if (is_missing(value)) return true;
  if (is_integer(value)) {
    out = integer_text(value);
    return true;
  }
  if (attribute) {
    if (PyBool_Check(value)) {
      out = value == Py_True ? "true" : "false";
      return true;
    }
    if (decimal_text(value, out)) return true;
  }
  if (PyFloat_Check(value)) return whole_float_text(PyFloat_AS_DOUBLE(value), out, error);
  error = "expected text, not " + type_name(value);
  return false;
}

// The objects of a table read from a file are scattered over the heap, one per cell, so reading
// a row would wait on a cache miss per cell; asking for the cells of a row some rows ahead
// overlaps those waits with the reading of the rows between.
void table_reader::prefetch_row(std::size_t row) const {
  for (PyObject* const* cells : object_cells_) {
    // An address, not a pointer to offset: a prefetch of any address is harmless.
    const auto object = reinterpret_cast<std::uintptr_t>(cells[row]);
    __builtin_prefetch(reinterpret_cast<const void*>(object));       // type, length, short text
    __builtin_prefetch(reinterpret_cast<const void*>(object + 64));  // a timestamp's rest
  }
}

void table_reader::read(std::size_t first, std::size_t count, std::vector<work_line>& out,
                        std::vector<input_error>& errors) {
  constexpr std::size_t rows_ahead = 8;
  out.resize(count);
  for (std::size_t k = 0; k < count; ++k) {
    if (first + k + rows_ahead < rows_) prefetch_row(first + k + rows_ahead);
    input_error error;
    if (!read_row(first + k, out[k], error)) {
      error.row = first + k;
      error.id = out[k].id;
      errors.push_back(std::move(error));
    }
  }
}

bool table_reader::read_row(std::size_t row, work_line& line, input_error& error) {
  std::string problem;
  const auto fail = [&](std::string_view column, std::string message) {
    error.column = std::string(column);
    error.message = std::move(message);
    return false;
  };
  const auto read_text = [&](const table_column* c, std::string& into) {
    if (c == nullptr) {
      into.clear();
      return true;
    }
    return text(*c, row, into, problem, false);
  };
  // An instant from text, an aware datetime, or datetime64[ns] (UTC).
  const auto read_instant = [&](const table_column& c, std::optional<instant>& into) {
    if (c.kind == table_column::type::nanoseconds) {
      const std::int64_t ns = integer_cell(c, row);
      if (ns == std::numeric_limits<std::int64_t>::min()) return true;  // NaT
      if (ns % 1'000'000'000 != 0) {
        problem = "the timestamp has a fraction of a second; the engine counts whole seconds";
        return false;
      }
      into = instant{std::chrono::seconds{ns / 1'000'000'000}};
      return true;
    }
    // An empty column read by pandas is all NaN: no value in any row.
    if (c.kind == table_column::type::floats && std::isnan(float_cell(c, row))) return true;
    if (c.kind != table_column::type::objects) {
      problem = "expected a timestamp with an offset, not a number";
      return false;
    }
    PyObject* value = cell(c, row);
    if (PyUnicode_Check(value)) {  // the common case, text from a file: parsed in place
      const std::string_view text = utf8_of(value);
      if (text.empty()) return true;
      into = parse_instant(text);
      if (into) return true;
    } else if (is_missing(value)) {
      return true;
    }
    into = try_instant(py::handle(value), problem);
    return into.has_value();
  };

  // The line is reused from an earlier chunk: every field is set or reset here.
  line.end.reset();
  line.quantity.reset();
  line.kind = work_kind::billable;
  line.accepted = false;
  line.accepted_on.reset();

  if (!read_text(fields_.id, line.id)) return fail("id", problem);
  if (!read_text(fields_.request, line.request)) return fail("request", problem);
  if (!read_text(fields_.contract, line.contract)) return fail("contract", problem);
  if (!read_text(fields_.item, line.item)) return fail("item", problem);

  std::optional<instant> start;
  if (!read_instant(*fields_.start, start)) return fail("start", problem);
  if (start) line.start = *start;
  if (const table_column* c = fields_.end; c != nullptr && !read_instant(*c, line.end))
    return fail("end", problem);

  if (const table_column* c = fields_.quantity) {
    std::string digits;
    if (c->kind == table_column::type::integers) {
      line.quantity = decimal(integer_cell(*c, row));
    } else if (c->kind == table_column::type::floats) {
      if (!whole_float_text(float_cell(*c, row), digits, problem)) return fail("quantity", problem);
      if (!digits.empty()) line.quantity = decimal::try_parse(digits);
    } else if (c->kind != table_column::type::objects) {
      return fail("quantity", "expected a decimal number");
    } else if (PyObject* value = cell(*c, row); PyUnicode_Check(value) || !is_missing(value)) {
      if (PyUnicode_Check(value)) {
        if (!text(*c, row, digits, problem, false)) return fail("quantity", problem);
      } else if (is_integer(value)) {
        digits = integer_text(value);
      } else if (PyFloat_Check(value)) {
        if (!whole_float_text(PyFloat_AS_DOUBLE(value), digits, problem))
          return fail("quantity", problem);
      } else if (!decimal_text(value, digits)) {
        return fail("quantity", "expected decimal.Decimal, int or text, not " + type_name(value));
      }
      if (!digits.empty()) {
        line.quantity = decimal::try_parse(digits);
        if (!line.quantity) return fail("quantity", "'" + digits + "' is not a decimal number");
      }
    }
    if (line.quantity && line.quantity->sign() <= 0)
      return fail("quantity", "the quantity must be greater than zero");
  }

  if (const table_column* c = fields_.kind) {
    std::string kind;
    if (!text(*c, row, kind, problem, false)) return fail("kind", problem);
    if (!kind.empty()) {
      const std::optional<work_kind> k = parse_work_kind(kind);
      if (!k)
        return fail("kind", "'" + kind +
                                "' is not a work kind (billable, internal, warranty, bug_fix, "
                                "company_cost)");
      line.kind = *k;
    }
  }
  if (!read_text(fields_.performer, line.performer)) return fail("performer", problem);

  if (const table_column* c = fields_.accepted) {
    if (c->kind == table_column::type::booleans) {
      line.accepted = boolean_cell(*c, row);
    } else if (c->kind == table_column::type::floats) {
      if (!std::isnan(float_cell(*c, row))) return fail("accepted", "expected true or false");
    } else if (c->kind != table_column::type::objects) {
      return fail("accepted", "expected true or false");
    } else if (PyObject* value = cell(*c, row); PyBool_Check(value)) {
      line.accepted = value == Py_True;
    } else if (!is_missing(value)) {
      std::string flag;
      if (!text(*c, row, flag, problem, false)) return fail("accepted", problem);
      if (!flag.empty() && flag != "true" && flag != "false")
        return fail("accepted", "'" + flag + "' is not true or false");
      line.accepted = flag == "true";
    }
  }

  if (const table_column* c = fields_.accepted_on;
      c != nullptr && !(c->kind == table_column::type::floats && std::isnan(float_cell(*c, row)))) {
    if (c->kind != table_column::type::objects) return fail("accepted_on", "expected a date");
    PyObject* value = cell(*c, row);
    if (!is_missing(value) && !(PyUnicode_Check(value) && PyUnicode_GET_LENGTH(value) == 0)) {
      line.accepted_on = try_local_date(py::handle(value), problem);
      if (!line.accepted_on) return fail("accepted_on", problem);
    }
  }
  if (!read_text(fields_.site, line.site)) return fail("site", problem);
  if (!read_text(fields_.time_zone, line.time_zone)) return fail("time_zone", problem);
  if (!line.time_zone.empty()) {
    auto [known_zone, added] = zones_.try_emplace(line.time_zone, false);
    if (added) {
      try {
        (void)find_time_zone(line.time_zone);
        known_zone->second = true;
      } catch (const calendar_error&) {
      }
    }
    if (!known_zone->second)
      return fail("time_zone", "'" + line.time_zone + "' is not a time zone the tz database knows");
  }

  // Attribute maps hold only the table's attribute columns: each is set, or erased when the
  // cell is empty, so a reused line keeps its map nodes.
  for (const attribute_column& a : attributes_) {
    attribute_map& map = a.site ? line.site_attributes : line.attributes;
    const auto found = map.find(a.name);
    std::string& value = found != map.end() ? found->second : scratch_;
    if (!text(a.column, row, value, problem, true))
      return fail((a.site ? "site." : "work.") + a.name, problem);
    if (found == map.end() && !value.empty()) map.emplace(a.name, value);
    if (found != map.end() && value.empty()) map.erase(found);
  }

  // Required values, then the checks between fields, as the readers order them.
  if (line.id.empty()) return fail("id", "a value is required");
  if (line.contract.empty()) return fail("contract", "a value is required");
  if (line.item.empty()) return fail("item", "a value is required");
  if (!start) return fail("start", "a value is required");
  if (!line.end && !line.quantity) return fail("", "a line needs either an end time or a quantity");
  if (line.end && line.quantity)
    return fail("", "a line has both an end time and a quantity; give one");
  if (line.end && *line.end < line.start) return fail("end", "the end is before the start");
  return true;
}

}  // namespace tariff::python
