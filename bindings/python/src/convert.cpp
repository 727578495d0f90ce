// Python <-> engine values (convert.hpp). The datetime C API is used here only: its macros need
// PyDateTime_IMPORT in the same file.
#include "convert.hpp"

// datetime.h is part of Python's C API; pybind11 has already included Python.h.
#include <chrono>
#include <cmath>
#include <datetime.h>
#include <string>

namespace tariff::python {
namespace {

// Objects looked up once and kept for the life of the process. They are leaked on purpose: a
// static py::object would be released after the interpreter is gone.
PyObject* decimal_type() {
  static PyObject* type =
      py::object(py::module_::import("decimal").attr("Decimal")).release().ptr();
  return type;
}

PyObject* fixed_format() {  // format(d, "f"): plain digits, never an exponent
  static PyObject* spec = py::str("f").release().ptr();
  return spec;
}

void import_datetime() {
  if (PyDateTimeAPI == nullptr) {
    PyDateTime_IMPORT;
    if (PyDateTimeAPI == nullptr) throw py::error_already_set();
  }
}

std::string quoted(std::string_view what) {
  return "'" + std::string(what) + "'";
}

std::string type_name(py::handle value) {
  return py::str(py::type::handle_of(value).attr("__name__")).cast<std::string>();
}

[[noreturn]] void refuse_float(std::string_view what, py::handle value) {
  throw py::type_error(
      quoted(what) + ": a float (" + py::repr(value).cast<std::string>() +
      ") is refused for money and quantities: binary floating point cannot hold most decimal "
      "amounts exactly (0.1 is 0.1000000000000000055...). Pass decimal.Decimal('...'), an int or "
      "the number as a str.");
}

// The datetime C API's accessors are macros with C casts; they are wrapped here once, so the
// warning about those casts (which are Python's, not ours) is silenced in this one place.
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wold-style-cast"
int year_of(PyObject* d) {
  return PyDateTime_GET_YEAR(d);
}
int month_of(PyObject* d) {
  return PyDateTime_GET_MONTH(d);
}
int day_of(PyObject* d) {
  return PyDateTime_GET_DAY(d);
}
int hour_of(PyObject* t) {
  return PyDateTime_DATE_GET_HOUR(t);
}
int minute_of(PyObject* t) {
  return PyDateTime_DATE_GET_MINUTE(t);
}
int second_of(PyObject* t) {
  return PyDateTime_DATE_GET_SECOND(t);
}
int microsecond_of(PyObject* t) {
  return PyDateTime_DATE_GET_MICROSECOND(t);
}
int delta_days(PyObject* d) {
  return PyDateTime_DELTA_GET_DAYS(d);
}
int delta_seconds(PyObject* d) {
  return PyDateTime_DELTA_GET_SECONDS(d);
}
int delta_microseconds(PyObject* d) {
  return PyDateTime_DELTA_GET_MICROSECONDS(d);
}
bool is_datetime(PyObject* o) {
  return PyDateTime_Check(o);
}
bool is_date(PyObject* o) {
  return PyDate_Check(o);
}
PyObject* utc() {
  return PyDateTime_TimeZone_UTC;
}
#pragma GCC diagnostic pop

// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm, via date).
std::int64_t days_from_civil(int y, int m, int d) {
  const date::year_month_day ymd{date::year{y}, date::month{static_cast<unsigned>(m)},
                                 date::day{static_cast<unsigned>(d)}};
  return date::sys_days{ymd}.time_since_epoch().count();
}

}  // namespace

py::object to_py_decimal(const decimal& value) {
  const std::string text = value.to_string();
  py::str s(text);
  PyObject* d = PyObject_CallOneArg(decimal_type(), s.ptr());
  if (d == nullptr) throw py::error_already_set();
  return py::reinterpret_steal<py::object>(d);
}

bool is_float(py::handle value) {
  if (PyFloat_Check(value.ptr())) return true;
  // NumPy's float16/32 are not float subclasses; they carry a dtype whose kind is 'f'.
  if (py::hasattr(value, "dtype") && !py::isinstance<py::str>(value)) {
    const py::object kind = value.attr("dtype").attr("kind");
    return py::isinstance<py::str>(kind) && kind.cast<std::string>() == "f";
  }
  return false;
}

decimal to_decimal(py::handle value, std::string_view what) {
  if (PyObject_IsInstance(value.ptr(), decimal_type()) == 1) {
    if (!value.attr("is_finite")().cast<bool>())
      throw py::value_error(quoted(what) + ": " + py::str(value).cast<std::string>() +
                            " is not a finite number");
    PyObject* text = PyObject_Format(value.ptr(), fixed_format());
    if (text == nullptr) throw py::error_already_set();
    const std::string digits = py::reinterpret_steal<py::str>(text).cast<std::string>();
    try {
      return decimal(digits);
    } catch (const decimal_error& e) {
      throw py::value_error(quoted(what) + ": " + e.what());
    }
  }
  if (PyBool_Check(value.ptr())) throw py::type_error(quoted(what) + ": a bool is not a number");
  if (PyLong_Check(value.ptr()) || (!is_float(value) && PyIndex_Check(value.ptr()))) {
    // Python ints and NumPy integers: their exact digits.
    PyObject* index = PyNumber_Index(value.ptr());
    if (index == nullptr) throw py::error_already_set();
    const std::string digits =
        py::str(py::reinterpret_steal<py::object>(index)).cast<std::string>();
    try {
      return decimal(digits);
    } catch (const decimal_error& e) {
      throw py::value_error(quoted(what) + ": " + e.what());
    }
  }
  if (py::isinstance<py::str>(value)) {
    const std::string text = value.cast<std::string>();
    std::optional<decimal> out = decimal::try_parse(text);
    if (!out) throw py::value_error(quoted(what) + ": '" + text + "' is not a decimal number");
    return std::move(*out);
  }
  if (is_float(value)) refuse_float(what, value);
  throw py::type_error(quoted(what) + ": expected decimal.Decimal, int or str, not " +
                       type_name(value));
}

py::object to_py_datetime(instant t) {
  import_datetime();
  const auto day = date::floor<date::days>(t);
  const date::year_month_day ymd{day};
  const date::hh_mm_ss<std::chrono::seconds> time{t - day};
  PyObject* out = PyDateTimeAPI->DateTime_FromDateAndTime(
      static_cast<int>(ymd.year()), static_cast<int>(static_cast<unsigned>(ymd.month())),
      static_cast<int>(static_cast<unsigned>(ymd.day())), static_cast<int>(time.hours().count()),
      static_cast<int>(time.minutes().count()), static_cast<int>(time.seconds().count()), 0, utc(),
      PyDateTimeAPI->DateTimeType);
  if (out == nullptr) throw py::error_already_set();
  return py::reinterpret_steal<py::object>(out);
}

std::optional<instant> try_instant(py::handle value, std::string& error) {
  import_datetime();
  PyObject* v = value.ptr();
  if (py::isinstance<py::str>(value)) {
    const std::string text = value.cast<std::string>();
    if (auto t = parse_instant(text)) return t;
    error = "'" + text +
            "' is not a timestamp with an offset, like 2026-03-29T01:30:00+03:00 or "
            "2026-03-28T22:30Z";
    return std::nullopt;
  }
  if (is_datetime(v)) {
    PyObject* offset = PyObject_CallMethod(v, "utcoffset", nullptr);
    if (offset == nullptr) throw py::error_already_set();
    const py::object owned = py::reinterpret_steal<py::object>(offset);
    if (offset == Py_None) {
      error = "a naive datetime (" + py::str(value).cast<std::string>() +
              ") names no instant: give it a tzinfo (datetime.timezone.utc, "
              "zoneinfo.ZoneInfo('Europe/Moscow')) or use a tz-aware pandas column";
      return std::nullopt;
    }
    if (microsecond_of(v) != 0 || delta_microseconds(offset) != 0) {
      error = "'" + py::str(value).cast<std::string>() +
              "' has a fraction of a second; the engine counts whole seconds";
      return std::nullopt;
    }
    const std::int64_t local = days_from_civil(year_of(v), month_of(v), day_of(v)) * 86400 +
                               hour_of(v) * 3600 + minute_of(v) * 60 + second_of(v);
    const std::int64_t shift =
        static_cast<std::int64_t>(delta_days(offset)) * 86400 + delta_seconds(offset);
    return instant{std::chrono::seconds{local - shift}};
  }
  if (is_date(v)) {
    error = "a date (" + py::str(value).cast<std::string>() +
            ") is not an instant: give an aware datetime";
    return std::nullopt;
  }
  error = "expected an aware datetime or an ISO 8601 str with an offset, not " + type_name(value);
  return std::nullopt;
}

instant to_instant(py::handle value, std::string_view what) {
  std::string error;
  if (auto t = try_instant(value, error)) return *t;
  if (py::isinstance<py::str>(value) || is_datetime(value.ptr()))
    throw py::value_error(quoted(what) + ": " + error);
  throw py::type_error(quoted(what) + ": " + error);
}

py::object to_py_date(local_date d) {
  import_datetime();
  const date::year_month_day ymd{d};
  PyObject* out = PyDateTimeAPI->Date_FromDate(
      static_cast<int>(ymd.year()), static_cast<int>(static_cast<unsigned>(ymd.month())),
      static_cast<int>(static_cast<unsigned>(ymd.day())), PyDateTimeAPI->DateType);
  if (out == nullptr) throw py::error_already_set();
  return py::reinterpret_steal<py::object>(out);
}

std::optional<local_date> try_local_date(py::handle value, std::string& error) {
  import_datetime();
  PyObject* v = value.ptr();
  if (is_datetime(v)) {
    error = "a datetime (" + py::str(value).cast<std::string>() +
            ") is an instant, not a date: pass its .date() in the zone you mean";
    return std::nullopt;
  }
  if (is_date(v))
    return local_date{date::days{days_from_civil(year_of(v), month_of(v), day_of(v))}};
  if (py::isinstance<py::str>(value)) {
    const std::string text = value.cast<std::string>();
    if (auto d = parse_date(text)) return d;
    error = "'" + text + "' is not a date (YYYY-MM-DD)";
    return std::nullopt;
  }
  error = "expected a datetime.date or a 'YYYY-MM-DD' str, not " + type_name(value);
  return std::nullopt;
}

local_date to_local_date(py::handle value, std::string_view what) {
  std::string error;
  if (auto d = try_local_date(value, error)) return *d;
  throw py::value_error(quoted(what) + ": " + error);
}

local_date to_period_day(py::handle value, std::string_view what) {
  if (py::isinstance<py::str>(value)) {
    const std::string text = value.cast<std::string>();
    // YYYY-MM: the month, named by its first day (the CLI's --period).
    if (text.size() == 7 && text[4] == '-')
      if (auto first = parse_date(text + "-01")) return *first;
    std::string error;
    if (auto day = try_local_date(value, error)) return *day;
    throw py::value_error(quoted(what) + ": '" + text +
                          "' is neither a month (YYYY-MM) nor a day (YYYY-MM-DD)");
  }
  return to_local_date(value, what);
}

std::optional<std::string> attribute_text(py::handle value, std::string_view what) {
  if (value.is_none()) return std::nullopt;
  if (py::isinstance<py::str>(value)) return value.cast<std::string>();
  if (PyBool_Check(value.ptr())) return std::string(value.ptr() == Py_True ? "true" : "false");
  if (is_float(value))
    throw py::type_error(quoted(what) + ": a float (" + py::repr(value).cast<std::string>() +
                         ") is refused: pass the value as a str or decimal.Decimal, exactly");
  return to_decimal(value, what).to_string();
}

attribute_map to_attribute_map(py::handle mapping, std::string_view what) {
  attribute_map out;
  if (mapping.is_none()) return out;
  // Any mapping: dict(mapping) is the mapping itself when it is a dict.
  const py::dict items(py::reinterpret_borrow<py::object>(mapping));
  for (const auto& [key, value] : items) {
    const std::string name = py::str(key).cast<std::string>();
    if (auto text = attribute_text(value, std::string(what) + "." + name))
      out.insert_or_assign(name, std::move(*text));
  }
  return out;
}

py::dict to_py_dict(const attribute_map& attributes) {
  py::dict out;
  for (const auto& [key, value] : attributes)
    out[py::str(key)] = py::str(value);
  return out;
}

}  // namespace tariff::python
