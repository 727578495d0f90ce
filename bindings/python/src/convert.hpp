// Conversions between Python values and the engine's value types, shared by every binding file.
//
// Money and other decimals cross as decimal.Decimal, through their exact text: never through a
// binary double. A float is refused wherever a decimal is expected, with a message that says why.
// Instants cross as timezone-aware datetimes (a naive one is refused: it names no instant) and
// come back as aware UTC datetimes; dates as datetime.date.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include <pybind11/pybind11.h>
#include <tariff/calendar.hpp>
#include <tariff/decimal.hpp>
#include <tariff/model.hpp>

namespace tariff::python {

namespace py = pybind11;

/// decimal.Decimal with exactly the value and scale of `value`.
py::object to_py_decimal(const decimal& value);
/// A decimal from a decimal.Decimal, an int or a str of a decimal number; `what` names the
/// argument in errors. Throws py::type_error for a float (or anything else), py::value_error for
/// text that is not a decimal number or a Decimal that is not finite.
decimal to_decimal(py::handle value, std::string_view what);
/// Whether `value` is a float (Python's or NumPy's), which money never accepts.
bool is_float(py::handle value);

/// An aware datetime in UTC.
py::object to_py_datetime(instant t);
/// An instant from an aware datetime (any zone) or an ISO 8601 text with an offset, as the work
/// formats accept. Throws py::value_error for a naive datetime, fractions of a second or bad text.
instant to_instant(py::handle value, std::string_view what);
/// The instant, or the reason it is not one (for the batch path, which collects errors by row).
std::optional<instant> try_instant(py::handle value, std::string& error);

/// datetime.date.
py::object to_py_date(local_date d);
/// A date from datetime.date (not a datetime: a datetime is an instant) or "YYYY-MM-DD".
local_date to_local_date(py::handle value, std::string_view what);
/// The date, or the reason it is not one.
std::optional<local_date> try_local_date(py::handle value, std::string& error);
/// A day naming a period, as the tool's --period: a date, "YYYY-MM-DD", or a month "YYYY-MM"
/// (its first day). Throws py::value_error otherwise.
local_date to_period_day(py::handle value, std::string_view what);

/// The text of an attribute value: str as is, int and Decimal as their exact digits, bool as
/// "true"/"false" (the formats' spelling). Empty optional: the value is missing (None). Throws
/// py::type_error for a float or another type.
std::optional<std::string> attribute_text(py::handle value, std::string_view what);
/// A Python mapping of attribute values as the engine's attribute map; None entries are left out.
attribute_map to_attribute_map(py::handle mapping, std::string_view what);
/// The attribute map as a dict of str.
py::dict to_py_dict(const attribute_map& attributes);

}  // namespace tariff::python

namespace pybind11::detail {

/// tariff::decimal <-> decimal.Decimal (int and str accepted in; float refused).
template <>
struct type_caster<tariff::decimal> {
  PYBIND11_TYPE_CASTER(tariff::decimal, const_name("decimal.Decimal"));
  bool load(handle source, bool /*convert*/) {
    value = tariff::python::to_decimal(source, "value");
    return true;
  }
  static handle cast(const tariff::decimal& d, return_value_policy, handle) {
    return tariff::python::to_py_decimal(d).release();
  }
};

/// tariff::instant <-> aware datetime.datetime (ISO text with an offset accepted in).
template <>
struct type_caster<tariff::instant> {
  PYBIND11_TYPE_CASTER(tariff::instant, const_name("datetime.datetime"));
  bool load(handle source, bool /*convert*/) {
    value = tariff::python::to_instant(source, "value");
    return true;
  }
  static handle cast(const tariff::instant& t, return_value_policy, handle) {
    return tariff::python::to_py_datetime(t).release();
  }
};

/// tariff::local_date <-> datetime.date ("YYYY-MM-DD" accepted in).
template <>
struct type_caster<tariff::local_date> {
  PYBIND11_TYPE_CASTER(tariff::local_date, const_name("datetime.date"));
  bool load(handle source, bool /*convert*/) {
    value = tariff::python::to_local_date(source, "value");
    return true;
  }
  static handle cast(const tariff::local_date& d, return_value_policy, handle) {
    return tariff::python::to_py_date(d).release();
  }
};

}  // namespace pybind11::detail
