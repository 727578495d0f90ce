// tariff — exact decimal numbers for money, factors and quantities.
//
// A decimal is coefficient × 10^-scale with an integer coefficient and 0 <= scale <= max_scale.
// Addition, subtraction and multiplication are exact: 1.10 + 2.205 is 3.305, 2500.00 × 1.25 is
// 3125.0000. Nothing ever rounds silently: division, percentages and rescaling to fewer digits
// take an explicit rounding mode and a target scale or increment. There is no conversion from
// binary floating point.
//
// The coefficient lives in a 128-bit integer; a value that outgrows it moves to Boost's
// arbitrary-precision integer and comes back when it fits again, so results never wrap. The only
// errors are the documented hard limits (max_digits, max_scale), division by zero and bad text.
#pragma once

#include <array>
#include <compare>
#include <concepts>
#include <cstddef>
#include <cstdint>
#include <iosfwd>
#include <limits>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

namespace tariff {

/// How a value that falls between two representable results is resolved.
enum class rounding_mode : std::uint8_t {
  half_even,  ///< to nearest; a tie goes to the even neighbour (banker's rounding)
  half_up,    ///< to nearest; a tie goes away from zero (commercial rounding)
  half_down,  ///< to nearest; a tie goes toward zero
  up,         ///< away from zero
  down,       ///< toward zero (truncation)
  ceiling,    ///< toward +infinity
  floor,      ///< toward -infinity
};

/// The mode's name as the rules language writes it ("half_up").
std::string_view to_string(rounding_mode mode);
/// The mode with this name, or false if there is none.
bool parse_rounding_mode(std::string_view name, rounding_mode& out);

/// What went wrong in a decimal operation.
enum class decimal_errc : std::uint8_t {
  syntax,            ///< text is not a decimal number
  limit,             ///< a result would exceed max_digits or max_scale
  division_by_zero,  ///< divisor or increment is zero
  invalid_argument,  ///< e.g. a negative scale, negative weights, an inexact conversion
};

/// Thrown by decimal operations; what() says what and where.
class decimal_error : public std::runtime_error {
 public:
  decimal_error(decimal_errc code, const std::string& what) : runtime_error(what), code_(code) {}
  /// The kind of failure.
  decimal_errc code() const noexcept { return code_; }

 private:
  decimal_errc code_;
};

namespace detail {
__extension__ using int128 = __int128;  // __extension__: GCC and Clang's own 128-bit integer
__extension__ using uint128 = unsigned __int128;
inline constexpr int128 int128_max = static_cast<int128>(~static_cast<uint128>(0) >> 1);
inline constexpr int128 int128_min = -int128_max - 1;
struct big_coefficient;  // Boost cpp_int, defined in the compiled part
}  // namespace detail

/// An exact decimal number. A regular value type: cheap to copy while it fits in 128 bits.
class decimal {
 public:
  /// Largest number of digits after the point.
  static constexpr int max_scale = 128;
  /// Largest number of digits in the coefficient (all digits, before and after the point).
  static constexpr int max_digits = 256;

  /// Zero, scale 0.
  constexpr decimal() noexcept = default;

  /// An integer, scale 0. Implicit, so `price * 2` reads naturally.
  template <std::integral T>
  requires(!std::same_as<T, bool> && !std::same_as<T, char> && !std::same_as<T, char8_t> &&
           !std::same_as<T, char16_t> && !std::same_as<T, char32_t> &&
           !std::same_as<T, wchar_t>) constexpr decimal(T value) noexcept
      : small_(static_cast<detail::int128>(value)) {}

  /// There is no conversion from binary floating point: write the number as text instead.
  template <std::floating_point T>
  decimal(T) = delete;

  /// Parses "-1234.5600" exactly, keeping the scale (4 here). Accepted: an optional sign, digits,
  /// optionally a point followed by digits. Throws decimal_error naming the offending character.
  explicit decimal(std::string_view text);
  /// As the constructor, but reports failure by returning false and leaving `out` unchanged.
  static bool try_parse(std::string_view text, decimal& out);

  /// coefficient × 10^-scale: from_units(123456, 2) is 1234.56. Throws if scale is out of range.
  static decimal from_units(std::int64_t coefficient, int scale);

  decimal(const decimal& other) : small_(other.small_), scale_(other.scale_) {
    if (other.big_ != nullptr) big_ = clone(other.big_);
  }
  decimal(decimal&& other) noexcept : small_(other.small_), big_(other.big_), scale_(other.scale_) {
    other.big_ = nullptr;
  }
  decimal& operator=(const decimal& other) {
    if (this != &other) *this = decimal(other);
    return *this;
  }
  decimal& operator=(decimal&& other) noexcept {
    std::swap(small_, other.small_);
    std::swap(big_, other.big_);
    std::swap(scale_, other.scale_);
    return *this;
  }
  ~decimal() {
    if (big_ != nullptr) destroy(big_);
  }

  /// Number of digits after the point.
  int scale() const noexcept { return scale_; }
  /// -1, 0 or 1.
  int sign() const noexcept;
  /// Whether the value is zero (at any scale).
  bool is_zero() const noexcept { return big_ == nullptr && small_ == 0; }
  /// Number of digits in the coefficient, ignoring sign; zero has one digit.
  int digits() const;

  /// The text form, keeping the scale: "-1234.5600", "0.05", "7".
  std::string to_string() const;
  /// The coefficient at `scale` (to_units(2) of 1234.5 is 123450). Throws decimal_error if that
  /// would drop a non-zero digit or the result does not fit in 64 bits.
  std::int64_t to_units(int scale) const;

  /// Exact negation.
  decimal operator-() const {
    if (big_ == nullptr) return decimal(-small_, scale_);
    return negate_slow(*this);
  }
  /// Exact sum; the result's scale is the larger of the two.
  friend decimal operator+(const decimal& a, const decimal& b) {
    decimal sum;
    add_into(sum, a, b, false);
    return sum;
  }
  /// Exact difference; the result's scale is the larger of the two.
  friend decimal operator-(const decimal& a, const decimal& b) {
    decimal difference;
    add_into(difference, a, b, true);
    return difference;
  }
  /// Exact product; the result's scale is the sum of the two (throws past max_scale).
  friend decimal operator*(const decimal& a, const decimal& b) {
    decimal product;
    multiply_into(product, a, b);
    return product;
  }
  decimal& operator+=(const decimal& b) {
    add_into(*this, *this, b, false);
    return *this;
  }
  decimal& operator-=(const decimal& b) {
    add_into(*this, *this, b, true);
    return *this;
  }
  decimal& operator*=(const decimal& b) {
    multiply_into(*this, *this, b);
    return *this;
  }

  /// Numeric equality: 1.5 == 1.50.
  friend bool operator==(const decimal& a, const decimal& b) { return compare(a, b) == 0; }
  /// Numeric order.
  friend std::strong_ordering operator<=>(const decimal& a, const decimal& b) {
    return compare(a, b) <=> 0;
  }
  /// Same value and same scale: "1.5" and "1.50" are equal but not identical.
  friend bool identical(const decimal& a, const decimal& b) {
    return a.scale_ == b.scale_ && compare(a, b) == 0;
  }

  /// The value with exactly `scale` digits after the point: more digits are added exactly,
  /// fewer are rounded by `mode`. rescale(2, half_up) of 2.675 is 2.68.
  decimal rescale(int scale, rounding_mode mode) const;
  /// The nearest multiple of a positive `increment` by `mode`, at the increment's scale:
  /// round_to(0.05) of 12.33 is 12.35 (half_up); round_to(100) of 1250 is 1300 (half_up).
  decimal round_to(const decimal& increment, rounding_mode mode) const;
  /// The value without trailing zeros after the point: 12.3400 becomes 12.34, 5.00 becomes 5.
  decimal trimmed() const;
  /// Whether the value is a whole number: 5, 5.00 and -3 are; 2.5 is not.
  [[nodiscard]] bool is_integer() const { return trimmed().scale() <= 0; }

  /// A hash consistent with ==: equal values at different scales hash alike.
  std::size_t hash() const;

 private:
  friend struct decimal_access;  // src/decimal's door to the representation

  constexpr decimal(detail::int128 coefficient, std::int32_t scale) noexcept
      : small_(coefficient), scale_(scale) {}
  static constexpr bool fits_int64(detail::int128 v) noexcept {
    return v >= std::numeric_limits<std::int64_t>::min() &&
           v <= std::numeric_limits<std::int64_t>::max();
  }
  bool both_small_same_scale(const decimal& b) const noexcept {
    return big_ == nullptr && b.big_ == nullptr && scale_ == b.scale_;
  }
  // The small-decimal fast path (docs/decimal.md, "Representation, speed and limits"): two
  // coefficients that fit 64 bits, at scales at most 18 apart, are aligned by one 64 × 64-bit
  // product into 128 bits, which cannot overflow (|c| × 10^18 < 2^63 × 2^60), and summed or
  // compared there with no overflow check: |c × 10^d| + |c'| < 2^124.
  static constexpr int small_align_max = 18;
  static constexpr std::array<std::int64_t, small_align_max + 1> small_pow10 = [] {
    std::array<std::int64_t, small_align_max + 1> table{};
    table[0] = 1;
    for (std::size_t i = 1; i < table.size(); ++i)
      table[i] = table[i - 1] * 10;
    return table;
  }();
  // c × 10^d for a coefficient that fits 64 bits and 0 <= d <= small_align_max.
  static detail::int128 align_small(detail::int128 c, int d) noexcept {
    return static_cast<detail::int128>(static_cast<std::int64_t>(c)) *
           static_cast<detail::int128>(small_pow10[static_cast<std::size_t>(d)]);
  }
  // Whether both are small with 64-bit coefficients and scales at most small_align_max apart.
  static bool small_pair(const decimal& a, const decimal& b) noexcept {
    return a.big_ == nullptr && b.big_ == nullptr && fits_int64(a.small_) && fits_int64(b.small_) &&
           a.scale_ - b.scale_ <= small_align_max && b.scale_ - a.scale_ <= small_align_max;
  }
  static int compare(const decimal& a, const decimal& b) {
    if (a.both_small_same_scale(b)) return (a.small_ > b.small_) - (a.small_ < b.small_);
    if (small_pair(a, b)) {
      const detail::int128 ca =
          a.scale_ < b.scale_ ? align_small(a.small_, b.scale_ - a.scale_) : a.small_;
      const detail::int128 cb =
          b.scale_ < a.scale_ ? align_small(b.small_, a.scale_ - b.scale_) : b.small_;
      return (ca > cb) - (ca < cb);
    }
    return compare_slow(a, b);
  }
  // this = coefficient × 10^-scale (a small coefficient, not int128_min; a checked scale),
  // written in place.
  void set_small(detail::int128 coefficient, std::int32_t scale) noexcept {
    if (big_ != nullptr) {
      destroy(big_);
      big_ = nullptr;
    }
    small_ = coefficient;
    scale_ = scale;
  }
  // out = a + b, or a - b, written in place; `out` may be `a` or `b`. The one implementation of
  // + - += -= and of the compiled part's in-place forms (src/decimal/in_place.hpp): the 128-bit
  // path here, the rest in add_slow. 0 at scale 0 plus b is b at b's scale in place: the first
  // term of a total that starts as decimal().
  static void add_into(decimal& out, const decimal& a, const decimal& b, bool subtract) {
    if (a.big_ == nullptr && b.big_ == nullptr) {
      if (a.scale_ == b.scale_) {
        detail::int128 r;
        if (!(subtract ? __builtin_sub_overflow(a.small_, b.small_, &r)
                       : __builtin_add_overflow(a.small_, b.small_, &r)) &&
            r != detail::int128_min) {
          out.set_small(r, a.scale_);
          return;
        }
      } else if (a.small_ == 0 && a.scale_ == 0) {
        out.set_small(subtract ? -b.small_ : b.small_, b.scale_);
        return;
      } else if (small_pair(a, b)) {  // different scales: the small-decimal fast path
        const std::int32_t scale = a.scale_ > b.scale_ ? a.scale_ : b.scale_;
        const detail::int128 ca =
            a.scale_ < scale ? align_small(a.small_, scale - a.scale_) : a.small_;
        const detail::int128 cb =
            b.scale_ < scale ? align_small(b.small_, scale - b.scale_) : b.small_;
        out.set_small(subtract ? ca - cb : ca + cb, scale);
        return;
      }
    }
    add_slow(out, a, b, subtract);
  }
  // out = a × b, written in place; `out` may be `a` or `b`. The one implementation of * and *=
  // and of the in-place form. Two coefficients of at most 64 bits cannot overflow 127: no check
  // needed on this path.
  static void multiply_into(decimal& out, const decimal& a, const decimal& b) {
    if (a.big_ == nullptr && b.big_ == nullptr && fits_int64(a.small_) && fits_int64(b.small_) &&
        a.scale_ + b.scale_ <= max_scale) {
      out.set_small(a.small_ * b.small_, a.scale_ + b.scale_);
      return;
    }
    multiply_slow(out, a, b);
  }
  static int compare_slow(const decimal& a, const decimal& b);
  static decimal negate_slow(const decimal& a);
  static void add_slow(decimal& out, const decimal& a, const decimal& b, bool subtract);
  static void multiply_slow(decimal& out, const decimal& a, const decimal& b);
  static detail::big_coefficient* clone(const detail::big_coefficient* b);
  static void destroy(detail::big_coefficient* b) noexcept;

  // Invariant: big_ is null exactly when the coefficient fits in small_, and then
  // -int128_max <= small_ <= int128_max (so negation never overflows).
  detail::int128 small_ = 0;
  detail::big_coefficient* big_ = nullptr;
  std::int32_t scale_ = 0;
};

/// a / b rounded by `mode` to `scale` digits after the point (the quotient is computed exactly
/// first, so it is rounded once). Throws decimal_error on division by zero.
decimal divide(const decimal& a, const decimal& b, int scale, rounding_mode mode);
/// `percent` per cent of `base`, rounded by `mode` to `scale` digits: 15 % of 1041.67 at 2 is
/// 156.25 (half_up).
decimal percent_of(const decimal& base, const decimal& percent, int scale, rounding_mode mode);
/// |x|.
decimal abs(const decimal& x);
/// The smaller (the first when equal).
inline const decimal& min(const decimal& a, const decimal& b) {
  return b < a ? b : a;
}
/// The larger (the first when equal).
inline const decimal& max(const decimal& a, const decimal& b) {
  return a < b ? b : a;
}

/// Splits `total` into parts proportional to `weights` that add up exactly to `total`, in units
/// of its last digit (cents for 100.00). Each part is its exact share rounded toward zero, and
/// the units left over go one each to the parts with the largest remainders, ties to the earlier
/// part; so every part is within one unit of its exact share. A negative total is split as its
/// magnitude and negated. Weights must be non-negative and not all zero.
std::vector<decimal> allocate(const decimal& total, std::span<const decimal> weights);
/// Rounds exact parts to whole numbers that add up to `total`, a whole number: part i is
/// numerators[i] / denominator (denominator > 0), rounded toward zero; then the units left over
/// go, with their sign, one each to the parts of that sign with the largest remainders, ties to
/// the earlier part. Parts of mixed signs keep their signs: a refund's share of a tax is never
/// positive. `total` must be within one unit per part of the exact sum's reach, as any rounding
/// of the exact sum is (tax shares: total = the rounded tax of the summed amounts); otherwise
/// throws decimal_error(invalid_argument).
std::vector<decimal> allocate_whole(const decimal& total, std::span<const decimal> numerators,
                                    const decimal& denominator);
/// Splits `total` into `n` (>= 1) parts as equal as the unit allows, the larger ones first:
/// 100.00 into 3 is 33.34, 33.33, 33.33.
std::vector<decimal> allocate_equally(const decimal& total, std::size_t n);

/// Writes to_string().
std::ostream& operator<<(std::ostream& out, const decimal& value);

}  // namespace tariff

template <>
struct std::hash<tariff::decimal> {
  std::size_t operator()(const tariff::decimal& d) const { return d.hash(); }
};
