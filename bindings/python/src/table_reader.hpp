// Work lines from a table of columns (the batch path under Tariff.price_table): each column a
// NumPy array that the Python side prepared from a DataFrame or a dict of sequences, read row by
// row into work_line values with the checks and messages of the work formats (docs/formats.md).
#pragma once

#include <cstddef>
#include <string>
#include <unordered_map>
#include <vector>

#include <pybind11/numpy.h>
#include <pybind11/pybind11.h>
#include <tariff/io.hpp>
#include <tariff/model.hpp>

namespace tariff::python {

namespace py = pybind11;

/// One column: objects (str, Decimal, datetime, None...), int64, float64, bool, or
/// datetime64[ns] in UTC. A float64 column (pandas' type for numbers with gaps) is read cell by
/// cell: NaN is no value, a whole number its digits, a fraction refused (docs/python.md).
struct table_column {
  enum class type : std::uint8_t { objects, integers, floats, booleans, nanoseconds };
  type kind = type::objects;
  py::array array;  // keeps the data alive
  const void* data = nullptr;
};

/// Reads rows of a table. Rows are read in chunks; errors are collected, one per row, with the
/// row's position from 0 (as DataFrame.iloc) and the column at fault.
class table_reader {
 public:
  /// `columns`: name -> 1-D contiguous NumPy array of `rows` elements. `missing`: objects that
  /// mean "no value" besides None and NaN (pandas.NA, pandas.NaT). Throws tariff_error for
  /// unknown or missing required columns (nothing can be read then).
  table_reader(const py::dict& columns, std::size_t rows, const py::tuple& missing);

  std::size_t rows() const { return rows_; }
  /// Rows [first, first + count) into `out[0, count)`; a row that does not read is reported in
  /// `errors` (and its slot holds a partly read line). `out` is resized to `count`, and its
  /// lines are reused: their strings and attribute maps keep their memory from chunk to chunk.
  void read(std::size_t first, std::size_t count, std::vector<work_line>& out,
            std::vector<input_error>& errors);

 private:
  struct attribute_column {
    std::string name;  // after "site." or "work."
    bool site = true;
    table_column column;
  };

  bool is_missing(PyObject* value) const;
  // The cell as text; false with `error` set if it is not text.
  bool text(const table_column& c, std::size_t row, std::string& out, std::string& error,
            bool attribute) const;
  bool read_row(std::size_t row, work_line& line, input_error& error);
  void prefetch_row(std::size_t row) const;

  std::size_t rows_ = 0;
  std::vector<PyObject*> missing_;
  std::unordered_map<std::string, table_column> columns_;
  // The columns of the work format, looked up once; null when the table does not have one.
  struct fields {
    const table_column *id = nullptr, *request = nullptr, *contract = nullptr, *item = nullptr,
                       *start = nullptr, *end = nullptr, *quantity = nullptr, *kind = nullptr,
                       *performer = nullptr, *accepted = nullptr, *accepted_on = nullptr,
                       *site = nullptr, *time_zone = nullptr;
  } fields_;
  std::vector<attribute_column> attributes_;
  // The cells of the object columns, whose objects read_row reaches through pointers.
  std::vector<PyObject* const*> object_cells_;
  std::unordered_map<std::string, bool> zones_;
  std::string scratch_;  // time zone name -> known to the tz database
};

}  // namespace tariff::python
