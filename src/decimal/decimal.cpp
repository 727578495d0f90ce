// Exact decimal arithmetic: the slow (wide) paths, rounding, parsing and formatting.
// The 128-bit fast paths of + − × and comparison are inline in decimal.hpp, the 64-bit paths of
// division, rescaling and trimming in decimal/in_place.hpp; the public functions below are those
// in-place operations with a new decimal as their result.
#include <algorithm>
#include <array>
#include <bit>
#include <charconv>
#include <functional>
#include <limits>
#include <mutex>
#include <numeric>
#include <ostream>

#include <tariff/decimal.hpp>

#include "decimal/in_place.hpp"
#include "decimal/wide.hpp"

namespace tariff {

namespace small_path = decimal_stage::small_path;
namespace wide = decimal_stage::wide;
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
  d.big_ = new decimal_stage::big_coefficient{std::move(c)};
  d.scale_ = static_cast<std::int32_t>(scale);
  return d;
}

std::string_view to_string(rounding_mode mode) {
  return mode_names[static_cast<std::size_t>(mode)];
}

std::optional<rounding_mode> parse_rounding_mode(std::string_view name) {
  const auto* it = std::find(mode_names.begin(), mode_names.end(), name);
  if (it == mode_names.end()) return std::nullopt;
  return static_cast<rounding_mode>(it - mode_names.begin());
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

std::optional<decimal> decimal::try_parse(std::string_view text) {
  std::optional<decimal> out(std::in_place);
  if (!parse_decimal(text, *out).message.empty()) out.reset();
  return out;
}

decimal decimal::from_units(std::int64_t coefficient, int scale) {
  decimal d;
  set_units(d, coefficient, scale);
  return d;
}

std::string decimal::to_string() const {
  const auto scale = static_cast<std::size_t>(scale_);
  if (big_ == nullptr && scale < 40) {
    // Written from the last digit back, into one buffer: the point after `scale` digits, zeros
    // up to the one before it, then the sign. 64-bit division while the rest fits in 64 bits.
    using u128 = detail::uint128;
    u128 rest = small_ < 0 ? u128{0} - static_cast<u128>(small_) : static_cast<u128>(small_);
    std::array<char, 88> buf{};  // 39 digits or `scale` + 1, the point, the sign
    std::size_t at = buf.size();
    std::size_t written = 0;
    const auto put = [&](unsigned digit) {
      if (written == scale && scale > 0) buf[--at] = '.';
      buf[--at] = static_cast<char>('0' + digit);
      ++written;
    };
    while (rest > std::numeric_limits<std::uint64_t>::max()) {
      put(static_cast<unsigned>(rest % 10));
      rest /= 10;
    }
    auto low = static_cast<std::uint64_t>(rest);
    do {
      put(static_cast<unsigned>(low % 10));
      low /= 10;
    } while (low != 0);
    while (written <= scale)
      put(0);
    if (small_ < 0) buf[--at] = '-';
    return {buf.data() + at, buf.size() - at};
  }
  std::string digits = magnitude_digits(*this);
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
  // A small coefficient no finer than the unit is scaled up exactly, with no decimal built (batch
  // columns convert every figure of every line); what does not fit takes the path below to fail.
  if (detail::int128 units = 0; big_ == nullptr && scale_ <= scale &&
                                wide::scale_up(small_, scale - scale_, units) && fits_int64(units))
    return static_cast<std::int64_t>(units);
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

decimal_stage::big_coefficient* decimal::clone(const decimal_stage::big_coefficient* b) {
  return new decimal_stage::big_coefficient(*b);
}

void decimal::destroy(decimal_stage::big_coefficient* b) noexcept {
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

// `out` may be `a` or `b`: each path reads both before it writes `out`.
void decimal::add_slow(decimal& out, const decimal& a, const decimal& b, bool subtract) {
  if (a.big_ == nullptr && b.big_ == nullptr) {
    int128 ca = a.small_;
    int128 cb = b.small_;
    const int scale = std::max(a.scale_, b.scale_);
    int128 r = 0;
    if (wide::scale_up(ca, scale - a.scale_, ca) && wide::scale_up(cb, scale - b.scale_, cb) &&
        !(subtract ? __builtin_sub_overflow(ca, cb, &r) : __builtin_add_overflow(ca, cb, &r)) &&
        r != detail::int128_min) {
      out.set_small(r, scale);
      return;
    }
  }
  aligned x = align(a, b);
  out = decimal_access::from_big(subtract ? big(x.a - x.b) : big(x.a + x.b), x.scale);
}

void decimal::multiply_slow(decimal& out, const decimal& a, const decimal& b) {
  const int scale = a.scale_ + b.scale_;
  check_scale(scale, "product");
  out = decimal_access::from_big(decimal_access::coefficient(a) * decimal_access::coefficient(b),
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
  decimal r;
  rescale_into(r, *this, scale, mode);
  return r;
}

void rescale_slow(decimal& out, const decimal& x, int scale, rounding_mode mode) {
  check_scale(scale, "rescale");
  if (scale == x.scale()) {
    if (&out != &x) out = x;
    return;
  }
  if (scale > x.scale()) {
    int128 c = 0;
    if (decimal_access::is_small(x) &&
        wide::scale_up(decimal_access::small(x), scale - x.scale(), c))
      decimal_access::set_small(out, c, scale);
    else
      out = decimal_access::from_big(
          decimal_access::coefficient(x) * wide::pow10_big(scale - x.scale()), scale);
    return;
  }
  const int drop = x.scale() - scale;
  std::int64_t v = 0;
  if (small_path::coefficient64(x, v) && drop <= 18) {
    // The common case (a product rounded to cents): 64-bit, and a constant divisor for the
    // usual drops, which the compiler turns into a multiplication.
    std::int64_t q = 0;
    switch (drop) {
      case 1:
        q = wide::round_quotient<std::int64_t>(v, 10, mode);
        break;
      case 2:
        q = wide::round_quotient<std::int64_t>(v, 100, mode);
        break;
      case 3:
        q = wide::round_quotient<std::int64_t>(v, 1000, mode);
        break;
      case 4:
        q = wide::round_quotient<std::int64_t>(v, 10000, mode);
        break;
      default:
        q = wide::round_quotient<std::int64_t>(
            v, static_cast<std::int64_t>(wide::pow10_small[static_cast<std::size_t>(drop)]), mode);
        break;
    }
    decimal_access::set_small(out, q, scale);
    return;
  }
  out = scaled_quotient(x, 0, decimal(1), drop, scale, mode);
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
  decimal t;
  trim_into(t, *this, 0);
  return t;
}

void trim_slow(decimal& out, const decimal& x, int scale) {
  check_scale(scale, "trim");
  if (x.scale() <= scale) {  // exact: adds zeros
    rescale_into(out, x, scale, rounding_mode::down);
    return;
  }
  int s = x.scale();
  if (decimal_access::is_small(x)) {
    int128 c = decimal_access::small(x);
    while (s > scale && c % 10 == 0) {
      c /= 10;
      --s;
    }
    decimal_access::set_small(out, c, s);
    return;
  }
  big c = decimal_access::coefficient(x);
  while (s > scale && c % 10 == 0) {
    c /= 10;
    --s;
  }
  out = decimal_access::from_big(std::move(c), s);
}

decimal divide(const decimal& a, const decimal& b, int scale, rounding_mode mode) {
  decimal q;
  divide_into(q, a, b, scale, mode);
  return q;
}

void divide_slow(decimal& out, const decimal& a, const decimal& b, int scale, rounding_mode mode) {
  check_scale(scale, "divide");
  if (b.is_zero())
    fail(decimal_errc::division_by_zero, "decimal division of " + a.to_string() + " by zero");
  // a / b at `scale` = ca × 10^(scale + sb - sa) / cb.
  const int e = scale + b.scale() - a.scale();
  auto coefficient_only = [](const decimal& x) {
    return decimal_access::is_small(x)
               ? decimal_access::from_small(decimal_access::small(x), 0)
               : decimal_access::from_big(decimal_access::coefficient(x), 0);
  };
  out = scaled_quotient(coefficient_only(a), std::max(e, 0), coefficient_only(b), std::max(-e, 0),
                        scale, mode);
}

quotient_form divide_exact_slow(decimal& out, const decimal& a, std::int64_t b) {
  if (b == 0)
    fail(decimal_errc::division_by_zero, "decimal division of " + a.to_string() + " by zero");
  if (b == 1) {
    if (&out != &a) out = a;
    return quotient_form::exact;
  }
  // |b| as unsigned, so INT64_MIN works.
  const std::uint64_t magnitude =
      b < 0 ? 0 - static_cast<std::uint64_t>(b) : static_cast<std::uint64_t>(b);
  const int scale = a.scale() + wide::terminating_digits(magnitude);
  if (scale <= decimal::max_scale) {
    // The quotient terminates within that many digits or not at all.
    decimal q;
    divide_into(q, a, decimal(b), scale, rounding_mode::down);
    decimal back;
    multiply_into(back, q, decimal(b));
    if (back != a) return quotient_form::repeating;
    out = std::move(q);
    return quotient_form::exact;
  }
  // That bound passes max_scale; the quotient may still need fewer digits (a 125-digit price
  // over 3600 s, 1.5 h of it).
  const std::optional<int> digits = quotient_digits(a, b);
  if (!digits) return quotient_form::repeating;
  if (*digits > decimal::max_scale) return quotient_form::too_long;
  divide_into(out, a, decimal(b), *digits, rounding_mode::down);
  return quotient_form::exact;
}

// a = c × 10^-s, and c / b in lowest terms is c' / (b / gcd(c mod b, b)): it terminates when that
// denominator has no prime factor but 2 and 5, after as many digits as it has of the more
// frequent of the two.
std::optional<int> quotient_digits(const decimal& a, std::int64_t b) {
  if (b == 0)
    fail(decimal_errc::division_by_zero, "decimal division of " + a.to_string() + " by zero");
  const std::uint64_t magnitude =
      b < 0 ? 0 - static_cast<std::uint64_t>(b) : static_cast<std::uint64_t>(b);
  const big c = abs(decimal_access::coefficient(a));
  const auto remainder = static_cast<std::uint64_t>(big(c % magnitude));
  const std::uint64_t reduced = magnitude / std::gcd(remainder, magnitude);
  std::uint64_t rest = reduced >> std::countr_zero(reduced);
  while (rest % 5 == 0)
    rest /= 5;
  if (rest != 1) return std::nullopt;
  return a.scale() + wide::terminating_digits(reduced);
}

decimal percent_of(const decimal& base, const decimal& percent, int scale, rounding_mode mode) {
  return divide(base * percent, decimal(100), scale, mode);
}

decimal abs(const decimal& x) {
  return x.sign() < 0 ? -x : x;
}

}  // namespace tariff
