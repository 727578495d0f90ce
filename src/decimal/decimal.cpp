// Exact decimal arithmetic: the slow (wide) paths, rounding, parsing and formatting.
// The 128-bit fast paths of + − × and comparison are inline in decimal.hpp.
#include <algorithm>
#include <array>
#include <charconv>
#include <functional>
#include <mutex>
#include <ostream>

#include <tariff/decimal.hpp>

#include "decimal/wide.hpp"

namespace tariff {

using detail::int128;
using wide::big;

namespace {

constexpr std::array<std::string_view, 7> mode_names = {"half_even", "half_up", "half_down", "up",
                                                        "down",      "ceiling", "floor"};

[[noreturn]] void fail(decimal_errc code, const std::string& what) {
  throw decimal_error(code, what);
}

int128 abs_small(int128 v) {
  return v < 0 ? -v : v;
}

int digits_of(int128 v) {
  const int128 a = abs_small(v);
  int n = 1;
  while (n <= wide::max_pow10_small && a >= wide::pow10_small[static_cast<std::size_t>(n)])
    ++n;
  return n;
}

int digits_of(const big& v) {
  if (v == 0) return 1;
  const big a = abs(v);
  // log10(2) < 0.30103: the estimate is the true count or one less.
  int n = static_cast<int>(static_cast<double>(msb(a)) * 0.30102999566) + 1;
  while (a >= wide::pow10_big(n))
    ++n;
  return n;
}

const big& big_small_max() {
  static const big value(detail::int128_max);
  return value;
}

// Aligns both coefficients to the larger scale.
struct aligned {
  big a;
  big b;
  int scale;
};
aligned align(const decimal& a, const decimal& b) {
  const int scale = std::max(a.scale(), b.scale());
  big ca = decimal_access::coefficient(a);
  big cb = decimal_access::coefficient(b);
  if (a.scale() < scale) ca *= wide::pow10_big(scale - a.scale());
  if (b.scale() < scale) cb *= wide::pow10_big(scale - b.scale());
  return {std::move(ca), std::move(cb), scale};
}

// Digits of |c| in decimal, no sign.
std::string magnitude_digits(const decimal& d) {
  if (!decimal_access::is_small(d)) return abs(decimal_access::coefficient(d)).str();
  using u128 = detail::uint128;
  int128 v = decimal_access::small(d);
  u128 a = v < 0 ? static_cast<u128>(-v) : static_cast<u128>(v);
  std::array<char, 40> buf{};
  auto pos = buf.size();
  do {
    buf[--pos] = static_cast<char>('0' + static_cast<int>(a % 10));
    a /= 10;
  } while (a != 0);
  return {buf.data() + pos, buf.size() - pos};
}

}  // namespace

// ---------------------------------------------------------------------------------------------
// Shared helpers

const big& wide::pow10_big(int n) {
  constexpr int cached = decimal::max_digits + decimal::max_scale + 2;
  static const std::vector<big> table = [] {
    std::vector<big> t(cached + 1);
    t[0] = 1;
    for (std::size_t i = 1; i < t.size(); ++i)
      t[i] = t[i - 1] * 10;
    return t;
  }();
  if (n < 0 || n > cached) fail(decimal_errc::limit, "decimal: power of ten out of range");
  return table[static_cast<std::size_t>(n)];
}

void check_scale(int scale, const char* what) {
  if (scale < 0)
    fail(decimal_errc::invalid_argument,
         std::string("decimal ") + what + ": negative scale " + std::to_string(scale));
  if (scale > decimal::max_scale)
    fail(decimal_errc::limit, std::string("decimal ") + what + ": scale " + std::to_string(scale) +
                                  " exceeds the limit of " + std::to_string(decimal::max_scale));
}

decimal decimal_access::from_big(big c, int scale) {
  check_scale(scale, "result");
  if (abs(c) <= big_small_max()) return from_small(static_cast<int128>(c), scale);
  if (abs(c) >= wide::pow10_big(decimal::max_digits))
    fail(decimal_errc::limit,
         "decimal result has more than " + std::to_string(decimal::max_digits) + " digits");
  decimal d;
  d.big_ = new detail::big_coefficient{std::move(c)};
  d.scale_ = static_cast<std::int32_t>(scale);
  return d;
}

std::string_view to_string(rounding_mode mode) {
  return mode_names[static_cast<std::size_t>(mode)];
}

bool parse_rounding_mode(std::string_view name, rounding_mode& out) {
  const auto* it = std::find(mode_names.begin(), mode_names.end(), name);
  if (it == mode_names.end()) return false;
  out = static_cast<rounding_mode>(it - mode_names.begin());
  return true;
}

// ---------------------------------------------------------------------------------------------
// Construction, parsing, formatting

namespace {

struct parse_failure {
  decimal_errc code = decimal_errc::syntax;
  std::string message;  // empty: no failure
};

// Parses into coefficient and scale; on failure leaves `out` alone.
parse_failure parse_decimal(std::string_view text, decimal& out) {
  auto syntax = [&](const std::string& why) {
    return parse_failure{decimal_errc::syntax,
                         "invalid decimal \"" + std::string(text) + "\": " + why};
  };
  auto limit = [&](const std::string& why) {
    return parse_failure{decimal_errc::limit, "decimal \"" + std::string(text) + "\" " + why};
  };
  std::size_t i = 0;
  bool negative = false;
  if (i < text.size() && (text[i] == '-' || text[i] == '+')) negative = text[i++] == '-';
  std::string digits;
  int scale = 0;
  bool seen_point = false;
  std::size_t before_point = 0;
  for (; i < text.size(); ++i) {
    const char ch = text[i];
    if (ch >= '0' && ch <= '9') {
      digits.push_back(ch);
      if (seen_point) ++scale;
    } else if (ch == '.' && !seen_point) {
      seen_point = true;
      before_point = digits.size();
    } else {
      return syntax("unexpected '" + std::string(1, ch) + "' at column " + std::to_string(i + 1));
    }
  }
  if (digits.empty()) return syntax("no digits");
  if (seen_point && (before_point == 0 || scale == 0))
    return syntax("a point needs digits on both sides");
  if (scale > decimal::max_scale)
    return limit("has more than " + std::to_string(decimal::max_scale) + " digits after the point");
  const auto first_nonzero = digits.find_first_not_of('0');
  const std::string_view significant = first_nonzero == std::string::npos
                                           ? std::string_view("0")
                                           : std::string_view(digits).substr(first_nonzero);
  if (significant.size() > static_cast<std::size_t>(decimal::max_digits))
    return limit("has more than " + std::to_string(decimal::max_digits) + " digits");
  if (significant.size() <= 38) {
    int128 c = 0;
    for (char ch : significant)
      c = c * 10 + (ch - '0');
    out = decimal_access::from_small(negative ? -c : c, scale);
  } else {
    big c(significant);
    out = decimal_access::from_big(negative ? big(-c) : c, scale);
  }
  return {};
}

}  // namespace

decimal::decimal(std::string_view text) {
  const parse_failure failure = parse_decimal(text, *this);
  if (!failure.message.empty()) fail(failure.code, failure.message);
}

bool decimal::try_parse(std::string_view text, decimal& out) {
  return parse_decimal(text, out).message.empty();
}

decimal decimal::from_units(std::int64_t coefficient, int scale) {
  check_scale(scale, "from_units");
  return decimal(coefficient, scale);
}

std::string decimal::to_string() const {
  std::string digits = magnitude_digits(*this);
  const auto scale = static_cast<std::size_t>(scale_);
  if (digits.size() <= scale) digits.insert(0, scale - digits.size() + 1, '0');
  if (scale > 0) digits.insert(digits.size() - scale, 1, '.');
  if (sign() < 0) digits.insert(0, 1, '-');
  return digits;
}

std::ostream& operator<<(std::ostream& out, const decimal& value) {
  return out << value.to_string();
}

std::int64_t decimal::to_units(int scale) const {
  check_scale(scale, "to_units");
  const decimal exact = rescale(scale, rounding_mode::down);
  if (exact != *this)
    fail(decimal_errc::invalid_argument,
         "decimal " + to_string() + " has more than " + std::to_string(scale) + " decimal places");
  if (exact.big_ != nullptr || !fits_int64(exact.small_))
    fail(decimal_errc::limit, "decimal " + to_string() + " does not fit in 64-bit units");
  return static_cast<std::int64_t>(exact.small_);
}

// ---------------------------------------------------------------------------------------------
// Representation

detail::big_coefficient* decimal::clone(const detail::big_coefficient* b) {
  return new detail::big_coefficient(*b);
}

void decimal::destroy(detail::big_coefficient* b) noexcept {
  delete b;
}

int decimal::sign() const noexcept {
  if (big_ != nullptr) return big_->value.sign();
  return (small_ > 0) - (small_ < 0);
}

int decimal::digits() const {
  return big_ != nullptr ? digits_of(big_->value) : digits_of(small_);
}

std::size_t decimal::hash() const {
  const decimal t = trimmed();
  std::size_t h = std::hash<std::int32_t>{}(t.scale_);
  auto mix = [&h](std::size_t v) { h ^= v + 0x9e3779b97f4a7c15ULL + (h << 6) + (h >> 2); };
  if (t.big_ != nullptr) {
    mix(std::hash<std::string>{}(t.big_->value.str()));
  } else {
    const auto u = static_cast<detail::uint128>(t.small_);
    mix(static_cast<std::size_t>(u));
    mix(static_cast<std::size_t>(u >> 64));
  }
  return h;
}

// ---------------------------------------------------------------------------------------------
// Arithmetic slow paths

int decimal::compare_slow(const decimal& a, const decimal& b) {
  if (a.big_ == nullptr && b.big_ == nullptr) {
    // Different scales: align in 128 bits when that fits.
    int128 ca = a.small_;
    int128 cb = b.small_;
    if (a.scale_ < b.scale_ ? wide::scale_up(ca, b.scale_ - a.scale_, ca)
                            : wide::scale_up(cb, a.scale_ - b.scale_, cb))
      return (ca > cb) - (ca < cb);
  }
  const aligned x = align(a, b);
  return x.a.compare(x.b) < 0 ? -1 : (x.a.compare(x.b) > 0 ? 1 : 0);
}

decimal decimal::negate_slow(const decimal& a) {
  return decimal_access::from_big(-a.big_->value, a.scale_);
}

decimal decimal::add_slow(const decimal& a, const decimal& b, bool subtract) {
  if (a.big_ == nullptr && b.big_ == nullptr) {
    int128 ca = a.small_;
    int128 cb = b.small_;
    const int scale = std::max(a.scale_, b.scale_);
    int128 r = 0;
    if (wide::scale_up(ca, scale - a.scale_, ca) && wide::scale_up(cb, scale - b.scale_, cb) &&
        !(subtract ? __builtin_sub_overflow(ca, cb, &r) : __builtin_add_overflow(ca, cb, &r)) &&
        r != detail::int128_min)
      return decimal(r, scale);
  }
  aligned x = align(a, b);
  return decimal_access::from_big(subtract ? big(x.a - x.b) : big(x.a + x.b), x.scale);
}

decimal decimal::multiply_slow(const decimal& a, const decimal& b) {
  const int scale = a.scale_ + b.scale_;
  check_scale(scale, "product");
  return decimal_access::from_big(decimal_access::coefficient(a) * decimal_access::coefficient(b),
                                  scale);
}

// ---------------------------------------------------------------------------------------------
// Rounding and division

namespace {

// round(n × 10^up / d) at `scale`, with n and d the coefficients; every rounding operation
// reduces to this. Tries int64, then int128, then the wide integer.
decimal scaled_quotient(const decimal& n, int up, const decimal& d, int down, int scale,
                        rounding_mode mode) {
  if (decimal_access::is_small(n) && decimal_access::is_small(d)) {
    int128 num = 0;
    int128 den = 0;
    if (wide::scale_up(decimal_access::small(n), up, num) &&
        wide::scale_up(decimal_access::small(d), down, den)) {
      constexpr int128 i64_max = std::numeric_limits<std::int64_t>::max();
      if (abs_small(num) <= i64_max && abs_small(den) <= i64_max) {
        const auto q = wide::round_quotient(static_cast<std::int64_t>(num),
                                            static_cast<std::int64_t>(den), mode);
        return decimal_access::from_small(q, scale);
      }
      return decimal_access::from_small(wide::round_quotient(num, den, mode), scale);
    }
  }
  big num = decimal_access::coefficient(n) * wide::pow10_big(up);
  big den = decimal_access::coefficient(d) * wide::pow10_big(down);
  return decimal_access::from_big(wide::round_quotient(num, den, mode), scale);
}

}  // namespace

decimal decimal::rescale(int scale, rounding_mode mode) const {
  check_scale(scale, "rescale");
  if (scale == scale_) return *this;
  if (scale > scale_) {
    int128 c = 0;
    if (big_ == nullptr && wide::scale_up(small_, scale - scale_, c)) return decimal(c, scale);
    return decimal_access::from_big(
        decimal_access::coefficient(*this) * wide::pow10_big(scale - scale_), scale);
  }
  const int drop = scale_ - scale;
  if (big_ == nullptr && fits_int64(small_) && drop <= 18) {
    // The common case (a product rounded to cents): 64-bit, and a constant divisor for the
    // usual drops, which the compiler turns into a multiplication.
    const auto v = static_cast<std::int64_t>(small_);
    switch (drop) {
      case 1:
        return decimal(wide::round_quotient<std::int64_t>(v, 10, mode), scale);
      case 2:
        return decimal(wide::round_quotient<std::int64_t>(v, 100, mode), scale);
      case 3:
        return decimal(wide::round_quotient<std::int64_t>(v, 1000, mode), scale);
      case 4:
        return decimal(wide::round_quotient<std::int64_t>(v, 10000, mode), scale);
      default:
        return decimal(
            wide::round_quotient<std::int64_t>(
                v, static_cast<std::int64_t>(wide::pow10_small[static_cast<std::size_t>(drop)]),
                mode),
            scale);
    }
  }
  return scaled_quotient(*this, 0, decimal(1), drop, scale, mode);
}

decimal decimal::round_to(const decimal& increment, rounding_mode mode) const {
  if (increment.is_zero()) fail(decimal_errc::division_by_zero, "decimal round_to: zero increment");
  if (increment.sign() < 0)
    fail(decimal_errc::invalid_argument,
         "decimal round_to: negative increment " + increment.to_string());
  // x / increment = cx × 10^(si - sx) / ci: round that to an integer count of increments.
  const int shift = increment.scale_ - scale_;
  const decimal increment_coefficient = increment.big_ != nullptr
                                            ? decimal_access::from_big(increment.big_->value, 0)
                                            : decimal(increment.small_, 0);
  const decimal x_coefficient =
      big_ != nullptr ? decimal_access::from_big(big_->value, 0) : decimal(small_, 0);
  const decimal count = scaled_quotient(x_coefficient, std::max(shift, 0), increment_coefficient,
                                        std::max(-shift, 0), 0, mode);
  const decimal product = count * increment_coefficient;
  if (product.big_ != nullptr)
    return decimal_access::from_big(product.big_->value, increment.scale_);
  return decimal(product.small_, increment.scale_);
}

decimal decimal::trimmed() const {
  if (scale_ == 0 || is_zero()) return is_zero() ? decimal() : *this;
  if (big_ == nullptr && fits_int64(small_)) {
    // 64-bit divisions by a constant: a multiplication each, where int128 calls __modti3.
    auto c = static_cast<std::int64_t>(small_);
    int s = scale_;
    while (s > 0 && c % 10 == 0) {
      c /= 10;
      --s;
    }
    return decimal(c, s);
  }
  if (big_ == nullptr) {
    int128 c = small_;
    int s = scale_;
    while (s > 0 && c % 10 == 0) {
      c /= 10;
      --s;
    }
    return decimal(c, s);
  }
  big c = big_->value;
  int s = scale_;
  while (s > 0 && c % 10 == 0) {
    c /= 10;
    --s;
  }
  return decimal_access::from_big(std::move(c), s);
}

decimal divide(const decimal& a, const decimal& b, int scale, rounding_mode mode) {
  check_scale(scale, "divide");
  if (b.is_zero())
    fail(decimal_errc::division_by_zero, "decimal division of " + a.to_string() + " by zero");
  // a / b at `scale` = ca × 10^(scale + sb - sa) / cb.
  const int e = scale + b.scale() - a.scale();
  if (decimal_access::is_small(a) && decimal_access::is_small(b) && e >= 0 && e <= 18) {
    // The common case (seconds into steps, an amount into cents): 64-bit coefficients, so the
    // scaled numerator fits 128 bits, and usually 64, where one hardware division does it.
    const int128 ca = decimal_access::small(a);
    const int128 cb = decimal_access::small(b);
    constexpr int128 i64_max = std::numeric_limits<std::int64_t>::max();
    if (abs_small(ca) <= i64_max && abs_small(cb) <= i64_max) {
      const int128 n = ca * wide::pow10_small[static_cast<std::size_t>(e)];
      if (abs_small(n) <= i64_max)
        return decimal_access::from_small(
            wide::round_quotient(static_cast<std::int64_t>(n), static_cast<std::int64_t>(cb), mode),
            scale);
      return decimal_access::from_small(wide::round_quotient(n, cb, mode), scale);
    }
  }
  auto coefficient_only = [](const decimal& x) {
    return decimal_access::is_small(x)
               ? decimal_access::from_small(decimal_access::small(x), 0)
               : decimal_access::from_big(decimal_access::coefficient(x), 0);
  };
  return scaled_quotient(coefficient_only(a), std::max(e, 0), coefficient_only(b), std::max(-e, 0),
                         scale, mode);
}

decimal percent_of(const decimal& base, const decimal& percent, int scale, rounding_mode mode) {
  return divide(base * percent, decimal(100), scale, mode);
}

decimal abs(const decimal& x) {
  return x.sign() < 0 ? -x : x;
}

}  // namespace tariff
