// An output column of text whose values repeat (the batch path, batch.cpp): reject reasons,
// price lists, quantities. Each cell holds the one str object of its value, made the first time
// the value is seen, so a column of a million cells makes a handful of objects and no array of
// codes beside it.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include <pybind11/numpy.h>
#include <pybind11/pybind11.h>

namespace tariff::python {

namespace py = pybind11;

/// An object array of `rows` cells, each None (as NumPy fills one).
inline py::array new_objects(std::size_t rows) {
  return py::module_::import("numpy").attr("full")(rows, py::none(), "object");
}

/// A new str of `text`'s UTF-8 (a new reference), or null with the Python error set.
inline PyObject* new_text(const std::string& text) {
  return PyUnicode_FromStringAndSize(text.data(), static_cast<Py_ssize_t>(text.size()));
}

/// Sets an object array's cell to `value` (a new reference, which the cell takes), releasing
/// the None or earlier value it held. A null `value` raises the Python error it comes with.
inline void put(py::array& objects, std::size_t i, PyObject* value) {
  if (value == nullptr) throw py::error_already_set();
  PyObject** cell = static_cast<PyObject**>(objects.mutable_data()) + i;
  Py_XDECREF(*cell);
  *cell = value;
}

/// Cells are filled a chunk at a time: the chunk's codes are noted without the GIL while its
/// lines are read, then flush() puts the objects with the GIL held.
class shared_text_column {
 public:
  static constexpr std::int32_t none = -1;

  explicit shared_text_column(std::size_t rows) : cells_(new_objects(rows)) {}

  /// Starts the chunk of rows [first, first + count), every cell None until set.
  void start_chunk(std::size_t first, std::size_t count) {
    first_ = first;
    codes_.assign(count, none);
    single_.clear();
  }
  /// The chunk's k-th cell holds the value numbered `code` (from 0) by the caller's coder.
  void set(std::size_t k, std::int32_t code) { codes_[k] = code; }
  /// The chunk's k-th cell holds `text`, a value not worth a code: an object of its own.
  void set_text(std::size_t k, std::string text) { single_.emplace_back(k, std::move(text)); }

  /// With the GIL: puts the chunk's objects. `name_of(code)` gives the text of a code not seen
  /// before.
  template <class NameOf>
  void flush(NameOf&& name_of) {
    for (std::size_t k = 0; k < codes_.size(); ++k) {
      const std::int32_t code = codes_[k];
      if (code == none) continue;
      const auto at = static_cast<std::size_t>(code);
      if (at >= objects_.size()) objects_.resize(at + 1);
      if (!objects_[at]) {
        PyObject* text = new_text(name_of(code));
        if (text == nullptr) throw py::error_already_set();
        objects_[at] = py::reinterpret_steal<py::object>(text);
      }
      put(cells_, first_ + k, objects_[at].inc_ref().ptr());
    }
    for (const auto& [k, text] : single_)
      put(cells_, first_ + k, new_text(text));
  }

  [[nodiscard]] const py::array& cells() const { return cells_; }

 private:
  py::array cells_;
  std::size_t first_ = 0;
  std::vector<std::int32_t> codes_;  // the chunk's, by row in the chunk
  std::vector<std::pair<std::size_t, std::string>> single_;
  std::vector<py::object> objects_;  // by code; null until the code is seen
};

}  // namespace tariff::python
