// Conformance of tariff::decimal with the decTest suite of the General Decimal Arithmetic
// specification (see docs/design.md, "Exact decimal money", for the format).
//
// The type is exact and has no precision, so the harness emulates the suite's context with the
// type's own operations: it computes the exact result (+, -, *, divide) and rounds it to
// `precision:` significant digits by the file's `rounding:` mode with rescale() or round_to().
// What the type cannot represent or does not offer (NaN, infinities, negative zero, exponent
// limits, 05up, other operations) is skipped and counted per reason. Every other line must match
// exactly, value and scale, by to_string().
//
// The suite's directory is the compile definition TARIFF_DECTEST_DIR (a CMake cache variable);
// the environment variable TARIFF_DECTEST_DIR overrides it at run time.
#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <optional>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include <gtest/gtest.h>
#include <tariff/decimal.hpp>

#ifndef TARIFF_DECTEST_DIR
#define TARIFF_DECTEST_DIR "/usr/lib/python3.11/test/decimaltestdata"
#endif

namespace tariff {
namespace {

namespace fs = std::filesystem;

// Skip reasons, as printed.
constexpr std::string_view skip_special = "NaN/sNaN/Infinity/# operand or result";
constexpr std::string_view skip_condition = "Overflow/Underflow/Subnormal/Clamped";
constexpr std::string_view skip_negative_zero = "negative zero result";
constexpr std::string_view skip_05up = "rounding mode 05up";
constexpr std::string_view skip_limits = "beyond the type's limits";
constexpr std::string_view skip_limits_thrown = "beyond the type's limits (decimal_error limit)";
constexpr std::string_view skip_precision_nan = "precision overflow (NaN)";
constexpr std::string_view skip_exponent_nan = "exponent outside the context (NaN)";
constexpr std::string_view skip_not_extended = "extended: 0 context";

std::string lower(std::string_view text) {
  std::string out(text);
  for (char& ch : out)
    ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  return out;
}

fs::path suite_directory() {
  if (const char* env = std::getenv("TARIFF_DECTEST_DIR"); env != nullptr && *env != '\0')
    return fs::path(env);
  return fs::path(TARIFF_DECTEST_DIR);
}

// A finite number in the specification's notation: (-1)^sign × coefficient × 10^exponent.
struct sci_number {
  bool negative = false;
  std::string coefficient;  // decimal digits without leading zeros; "0" for zero
  long long exponent = 0;

  bool is_zero() const { return coefficient == "0"; }
  // Adjusted exponent: the exponent of the leading digit (meaningless for zero).
  long long adjusted() const { return static_cast<long long>(coefficient.size()) - 1 + exponent; }
  // The scale the type writes this number with.
  long long scale() const { return std::max(0LL, -exponent); }
};

// Parses "-1.23E+5", "12", ".5", "5.", "0E-3". Anything else (NaN, Inf, #, junk): nullopt.
std::optional<sci_number> parse_sci(std::string_view text) {
  // Exponents are capped far beyond any limit, so huge ones are still recognised as too large.
  constexpr long long exponent_cap = 1'000'000'000'000LL;
  sci_number n;
  std::size_t i = 0;
  if (i < text.size() && (text[i] == '+' || text[i] == '-')) n.negative = text[i++] == '-';
  std::string digits;
  long long fraction = 0;
  bool point = false;
  for (; i < text.size(); ++i) {
    const char ch = text[i];
    if (ch >= '0' && ch <= '9') {
      digits.push_back(ch);
      if (point) ++fraction;
    } else if (ch == '.' && !point) {
      point = true;
    } else {
      break;
    }
  }
  if (digits.empty()) return std::nullopt;
  long long exponent = 0;
  if (i < text.size() && (text[i] == 'e' || text[i] == 'E')) {
    ++i;
    bool exponent_negative = false;
    if (i < text.size() && (text[i] == '+' || text[i] == '-')) exponent_negative = text[i++] == '-';
    if (i == text.size()) return std::nullopt;
    for (; i < text.size(); ++i) {
      if (text[i] < '0' || text[i] > '9') return std::nullopt;
      exponent = std::min(exponent * 10 + (text[i] - '0'), exponent_cap);
    }
    if (exponent_negative) exponent = -exponent;
  }
  if (i != text.size()) return std::nullopt;
  const auto first = digits.find_first_not_of('0');
  n.coefficient = first == std::string::npos ? "0" : digits.substr(first);
  n.exponent = exponent - fraction;
  return n;
}

// Whether the type can hold the number with the scale max(0, -exponent).
bool representable(const sci_number& n) {
  if (n.scale() > decimal::max_scale) return false;
  if (n.is_zero()) return true;
  const long long digits = static_cast<long long>(n.coefficient.size()) + std::max(0LL, n.exponent);
  return digits <= decimal::max_digits;
}

// The plain text form with scale max(0, -exponent): 1.2E+3 -> "1200", 1.23E-5 -> "0.0000123".
// Callers check representable() first.
std::string plain(const sci_number& n) {
  std::string text = n.coefficient;
  if (n.exponent >= 0) {
    if (!n.is_zero()) text.append(static_cast<std::size_t>(n.exponent), '0');
  } else {
    const auto scale = static_cast<std::size_t>(-n.exponent);
    if (text.size() <= scale) text.insert(0, scale - text.size() + 1, '0');
    text.insert(text.size() - scale, 1, '.');
  }
  if (n.negative && !n.is_zero()) text.insert(0, 1, '-');
  return text;
}

// 10^k as a decimal at scale 0.
decimal pow10(long long k) {
  if (k < 0 || k >= decimal::max_digits)
    throw decimal_error(decimal_errc::limit, "harness: power of ten out of range");
  return decimal("1" + std::string(static_cast<std::size_t>(k), '0'));
}

// x with its coefficient brought to the target scale t exactly or by `mode`: rescale(t) when
// t >= 0, round_to(10^-t) otherwise (the result then has scale 0).
decimal to_target(const decimal& x, long long t, rounding_mode mode) {
  if (t >= 0) {
    if (t > decimal::max_scale)
      throw decimal_error(decimal_errc::limit, "harness: target scale out of range");
    return x.rescale(static_cast<int>(t), mode);
  }
  return x.round_to(pow10(-t), mode);
}

// Significant digits of x written at target scale t (trailing zeros from t < 0 do not count).
long long significant_digits(const decimal& x, long long t) {
  if (x.is_zero()) return 1;
  return x.digits() - std::max(0LL, -t);
}

// The exact value x rounded to `precision` significant digits, as the specification's context
// rounds a result: the exponent of the last kept digit is adjusted - precision + 1.
decimal round_to_precision(const decimal& x, long long precision, rounding_mode mode) {
  if (x.is_zero() || x.digits() <= precision) return x;
  long long t = x.scale() - (x.digits() - precision);
  decimal r = to_target(x, t, mode);
  if (significant_digits(r, t) > precision) {  // 9.995 -> 10.00 at precision 3: one digit less
    --t;
    r = to_target(r, t, rounding_mode::down);
  }
  return r;
}

struct context {
  long long precision = 9;
  std::string rounding = "half_up";
  long long max_exponent = 999;
  long long min_exponent = -999;
  bool extended = true;
  bool clamp = false;
};

struct file_stats {
  int lines = 0;
  int ran = 0;
  int passed = 0;
  int failed = 0;
  int scale0 = 0;  // ran lines whose expected result has a positive exponent
  std::map<std::string, int, std::less<>> skipped;
  std::vector<std::string> failures;  // the first 20

  // Lines the type could run in principle: all but those whose operands, result or context it
  // has no counterpart for by design (NaN, infinities, negative zero, exponent conditions, 05up,
  // other operations). What is left to skip are values beyond the type's limits.
  int eligible() const {
    int limited = 0;
    for (const std::string_view reason : {skip_limits, skip_limits_thrown})
      if (const auto it = skipped.find(reason); it != skipped.end()) limited += it->second;
    return ran + limited;
  }

  int skipped_total() const {
    int total = 0;
    for (const auto& [reason, count] : skipped)
      total += count;
    return total;
  }
};

// Splits a line into tokens: quotes (' or ") group, a doubled quote inside is one quote, `--`
// outside quotes starts a comment.
std::vector<std::string> tokenize(const std::string& line) {
  std::vector<std::string> tokens;
  std::size_t i = 0;
  const std::size_t n = line.size();
  while (i < n) {
    while (i < n && std::isspace(static_cast<unsigned char>(line[i])) != 0)
      ++i;
    if (i >= n || line.compare(i, 2, "--") == 0) break;
    std::string token;
    if (line[i] == '\'' || line[i] == '"') {
      const char quote = line[i++];
      while (i < n) {
        if (line[i] == quote) {
          if (i + 1 < n && line[i + 1] == quote) {
            token.push_back(quote);
            i += 2;
            continue;
          }
          ++i;
          break;
        }
        token.push_back(line[i++]);
      }
    } else {
      while (i < n && std::isspace(static_cast<unsigned char>(line[i])) == 0)
        token.push_back(line[i++]);
    }
    tokens.push_back(std::move(token));
  }
  return tokens;
}

bool is_special_token(const std::string& token) {
  const std::string l = lower(token);
  return l.find('#') != std::string::npos || l.find("nan") != std::string::npos ||
         l.find("inf") != std::string::npos;
}

int arity(const std::string& op) {
  return (op == "abs" || op == "minus" || op == "plus") ? 1 : 2;
}

bool supported(const std::string& op) {
  static const std::vector<std::string> ops = {
      "add", "subtract", "multiply", "divide", "quantize", "compare", "abs", "minus", "plus"};
  return std::find(ops.begin(), ops.end(), op) != ops.end();
}

// a / b as the specification's divide: the exact quotient rounded to `precision` significant
// digits; an exact quotient takes the exponent closest to the ideal exponent(a) - exponent(b).
decimal spec_divide(const sci_number& sa, const sci_number& sb, const decimal& a, const decimal& b,
                    long long precision, rounding_mode mode) {
  const long long ideal_scale = std::max(0LL, -(sa.exponent - sb.exponent));
  if (sa.is_zero()) {
    if (ideal_scale > decimal::max_scale)
      throw decimal_error(decimal_errc::limit, "harness: zero quotient's scale out of range");
    return divide(a, b, static_cast<int>(ideal_scale), mode);
  }
  // The quotient's adjusted exponent: compare the coefficients aligned at their leading digits.
  std::string ca = sa.coefficient;
  std::string cb = sb.coefficient;
  const std::size_t width = std::max(ca.size(), cb.size());
  ca.resize(width, '0');
  cb.resize(width, '0');
  const long long adjusted = sa.adjusted() - sb.adjusted() - (ca < cb ? 1 : 0);
  const long long t = precision - 1 - adjusted;
  if (t < 0) {  // rounds to a multiple of 10^-t: divide by b × 10^-t at scale 0
    const decimal unit = pow10(-t);
    return divide(a, b * unit, 0, mode) * unit;
  }
  if (t > decimal::max_scale)
    throw decimal_error(decimal_errc::limit, "harness: quotient's scale out of range");
  const int scale = static_cast<int>(t);
  decimal q = divide(a, b, scale, mode);
  const bool exact =
      divide(a, b, scale, rounding_mode::down) == divide(a, b, scale, rounding_mode::up);
  if (!exact) {
    if (q.digits() > precision && scale > 0) q = q.rescale(scale - 1, rounding_mode::down);
    return q;
  }
  const int final_scale =
      std::max(q.trimmed().scale(), static_cast<int>(std::min<long long>(t, ideal_scale)));
  return q.rescale(final_scale, rounding_mode::down);
}

class dectest_runner {
 public:
  explicit dectest_runner(std::string file) : file_(std::move(file)) {}

  file_stats run(std::istream& in) {
    std::string line;
    while (std::getline(in, line)) {
      if (!line.empty() && line.back() == '\r') line.pop_back();
      const std::vector<std::string> tokens = tokenize(line);
      if (tokens.empty()) continue;
      const auto colon = tokens[0].find(':');
      if (colon != std::string::npos) {
        std::string value = tokens[0].substr(colon + 1);
        if (value.empty() && tokens.size() > 1) value = tokens[1];
        directive(lower(tokens[0].substr(0, colon)), value);
        continue;
      }
      ++stats_.lines;
      line_ = line;
      test_line(tokens);
    }
    return std::move(stats_);
  }

 private:
  void directive(const std::string& key, const std::string& value) {
    if (key == "precision") {
      ctx_.precision = std::stoll(value);
    } else if (key == "rounding") {
      ctx_.rounding = lower(value);
    } else if (key == "maxexponent") {
      ctx_.max_exponent = std::stoll(value);
    } else if (key == "minexponent") {
      ctx_.min_exponent = std::stoll(value);
    } else if (key == "extended") {
      ctx_.extended = value != "0";
    } else if (key == "clamp") {
      ctx_.clamp = value != "0";
    } else if (key != "version") {
      fail_line("directive", "unknown directive '" + key + "'");
    }
  }

  void skip(std::string_view reason) {
    if (verbose_) std::cout << "  skipped (" << reason << "): " << line_ << "\n";
    const auto it = stats_.skipped.find(reason);
    if (it == stats_.skipped.end()) {
      stats_.skipped.emplace(std::string(reason), 1);
    } else {
      ++it->second;
    }
  }

  void fail_line(const std::string& id, const std::string& message) {
    ++stats_.failed;
    if (stats_.failures.size() < 20) stats_.failures.push_back(file_ + " " + id + ": " + message);
  }

  void test_line(const std::vector<std::string>& tokens) {
    const auto arrow = std::find(tokens.begin(), tokens.end(), "->");
    const std::string& id = tokens[0];
    if (tokens.size() < 4 || arrow == tokens.end() || arrow + 1 == tokens.end() ||
        arrow - tokens.begin() < 3) {
      ++stats_.ran;
      fail_line(id, "malformed test line");
      return;
    }
    const std::string op = lower(tokens[1]);
    const std::vector<std::string> operands(tokens.begin() + 2, arrow);
    const std::string& expected_text = *(arrow + 1);
    std::vector<std::string> conditions;
    for (auto it = arrow + 2; it != tokens.end(); ++it)
      conditions.push_back(lower(*it));

    if (!supported(op)) return skip("operation '" + op + "' not offered");
    if (!ctx_.extended) return skip(skip_not_extended);
    for (const std::string& operand : operands)
      if (is_special_token(operand)) return skip(skip_special);
    for (const std::string& c : conditions)
      if (c == "overflow" || c == "underflow" || c == "subnormal" || c == "clamped")
        return skip(skip_condition);
    if (ctx_.rounding == "05up") return skip(skip_05up);
    const std::optional<rounding_mode> parsed_mode = parse_rounding_mode(ctx_.rounding);
    if (!parsed_mode) {
      ++stats_.ran;
      return fail_line(id, "unknown rounding mode '" + ctx_.rounding + "'");
    }
    const rounding_mode mode = *parsed_mode;

    std::vector<sci_number> sci;
    for (const std::string& operand : operands) {
      const auto n = parse_sci(operand);
      if (!n) {
        ++stats_.ran;
        return fail_line(id, "unparsable operand '" + operand + "'");
      }
      sci.push_back(*n);
    }
    if (static_cast<int>(sci.size()) != arity(op)) {
      ++stats_.ran;
      return fail_line(id, "wrong number of operands for " + op);
    }

    const std::string inputs = describe(op, operands, mode);
    if (op == "quantize" && lower(expected_text) == "nan")
      return quantize_nan(id, sci, mode, inputs);
    if (is_special_token(expected_text)) return skip(skip_special);
    const auto expected = parse_sci(expected_text);
    if (!expected) {
      ++stats_.ran;
      return fail_line(id, "unparsable result '" + expected_text + "'");
    }
    if (expected->negative && expected->is_zero()) return skip(skip_negative_zero);
    for (const sci_number& n : sci)
      if (!representable(n)) return skip(skip_limits);
    if (!representable(*expected)) return skip(skip_limits);

    std::string actual;
    try {
      actual = compute(op, sci, mode);
    } catch (const decimal_error& e) {
      if (e.code() == decimal_errc::limit) return skip(skip_limits_thrown);
      ++stats_.ran;
      return fail_line(id, inputs + " -> expected " + expected_text + ", threw " + e.what());
    }
    ++stats_.ran;
    const std::string expected_plain = plain(*expected);
    if (expected->exponent > 0) ++stats_.scale0;
    if (actual == expected_plain) {
      ++stats_.passed;
    } else {
      fail_line(id, inputs + " -> expected " + expected_text + " (" + expected_plain +
                        "), actual " + actual);
    }
  }

  std::string describe(const std::string& op, const std::vector<std::string>& operands,
                       rounding_mode mode) const {
    std::string text = op;
    for (const std::string& operand : operands)
      text += " " + operand;
    text +=
        " [precision " + std::to_string(ctx_.precision) + ", " + std::string(to_string(mode)) + "]";
    return text;
  }

  std::string compute(const std::string& op, const std::vector<sci_number>& sci,
                      rounding_mode mode) const {
    std::vector<decimal> x;
    for (const sci_number& n : sci)
      x.emplace_back(plain(n));
    const long long p = ctx_.precision;
    if (op == "add") return round_to_precision(x[0] + x[1], p, mode).to_string();
    if (op == "subtract") return round_to_precision(x[0] - x[1], p, mode).to_string();
    if (op == "multiply") {
      decimal product = x[0] * x[1];
      if (product.scale() != x[0].scale() + x[1].scale())
        return "product scale " + std::to_string(product.scale()) + " (not the sum of scales)";
      // An operand written with a positive exponent has scale 0 here, so the product can carry
      // more digits after the point than the ideal exponent (e1 + e2) gives: drop them exactly.
      const long long ideal_scale = std::max(0LL, -(sci[0].exponent + sci[1].exponent));
      if (product.scale() > ideal_scale) {
        const decimal reduced = product.rescale(static_cast<int>(ideal_scale), rounding_mode::down);
        if (reduced != product) return "inexact reduction of " + product.to_string();
        product = reduced;
      }
      return round_to_precision(product, p, mode).to_string();
    }
    if (op == "divide") return spec_divide(sci[0], sci[1], x[0], x[1], p, mode).to_string();
    if (op == "quantize") {
      const decimal q = quantize(x[0], sci[1].exponent, mode);
      if (quantized_digits(q, sci[1].exponent) > p)
        return "a result of more than precision digits: " + q.to_string();
      return q.to_string();
    }
    if (op == "compare") {
      const auto order = x[0] <=> x[1];
      return order < 0 ? "-1" : (order > 0 ? "1" : "0");
    }
    if (op == "abs") return round_to_precision(abs(x[0]), p, mode).to_string();
    if (op == "minus") return round_to_precision(-x[0], p, mode).to_string();
    return round_to_precision(x[0], p, mode).to_string();  // plus
  }

  static decimal quantize(const decimal& x, long long exponent, rounding_mode mode) {
    return to_target(x, -exponent, mode);
  }
  static long long quantized_digits(const decimal& q, long long exponent) {
    return significant_digits(q, -exponent);
  }

  // quantize expects NaN (Invalid_operation) for finite operands: the exponent lies outside the
  // context, or the result would need more than precision digits. The type has no NaN, so such a
  // line is skipped, but only once the harness has confirmed one of these two reasons.
  void quantize_nan(const std::string& id, const std::vector<sci_number>& sci, rounding_mode mode,
                    const std::string& inputs) {
    const long long e = sci[1].exponent;
    const long long e_tiny = ctx_.min_exponent - (ctx_.precision - 1);
    const bool exponent_outside = e > ctx_.max_exponent || e < e_tiny;
    if (!representable(sci[0]) || e > decimal::max_digits || -e > decimal::max_scale) {
      if (exponent_outside) return skip(skip_exponent_nan);
      // Digits of the coefficient at exponent e before rounding (a carry can add one more).
      if (!sci[0].is_zero() && sci[0].adjusted() - e + 1 > ctx_.precision)
        return skip(skip_precision_nan);
      return skip(skip_limits);
    }
    long long digits = 0;
    try {
      digits = quantized_digits(quantize(decimal(plain(sci[0])), e, mode), e);
    } catch (const decimal_error& err) {
      ++stats_.ran;
      return fail_line(id, inputs + " -> expected NaN, threw " + err.what());
    }
    if (digits > ctx_.precision) return skip(skip_precision_nan);
    if (exponent_outside) return skip(skip_exponent_nan);
    ++stats_.ran;
    fail_line(id, inputs + " -> expected NaN, but the result fits in precision");
  }

  std::string file_;
  std::string line_;  // the current test line, for the verbose listing
  bool verbose_ = std::getenv("TARIFF_DECTEST_VERBOSE") != nullptr;
  context ctx_;
  file_stats stats_;
};

std::string summary(const std::string& file, const file_stats& s) {
  std::ostringstream out;
  out << file << ": " << s.lines << " lines, ran " << s.ran << " (positive exponent compared at "
      << "scale 0: " << s.scale0 << "), passed " << s.passed << ", failed " << s.failed
      << ", skipped " << s.skipped_total() << "; ran " << s.ran << " of " << s.eligible()
      << " eligible";
  if (!s.skipped.empty()) {
    out << " [";
    bool first = true;
    for (const auto& [reason, count] : s.skipped) {
      out << (first ? "" : "; ") << reason << ": " << count;
      first = false;
    }
    out << "]";
  }
  return out.str();
}

struct suite_file {
  const char* name;
  bool must_mostly_run;  // at least 80 % of the eligible lines must run
  int min_ran;           // a floor under the lines run, so a harness regression cannot hide
};

// Names the file in test output instead of printing the parameter's bytes.
void PrintTo(const suite_file& file, std::ostream* out) {
  *out << file.name;
}

class DecTest : public ::testing::TestWithParam<suite_file> {};

TEST_P(DecTest, MatchesTheSuite) {
  const suite_file param = GetParam();
  const fs::path dir = suite_directory();
  ASSERT_TRUE(fs::is_directory(dir))
      << "decTest suite directory " << dir << " is missing: run setup.sh (it installs Debian's "
      << "libpython3.11-testsuite), or point TARIFF_DECTEST_DIR at the suite";
  const std::string file = std::string(param.name) + ".decTest";
  std::ifstream in(dir / file);
  ASSERT_TRUE(in) << "cannot open " << (dir / file) << ": run setup.sh";

  const file_stats stats = dectest_runner(file).run(in);
  std::cout << summary(file, stats) << std::endl;

  EXPECT_GT(stats.lines, 0) << file << " holds no test lines";
  EXPECT_EQ(stats.ran, stats.passed + stats.failed);
  EXPECT_EQ(stats.lines, stats.ran + stats.skipped_total());
  EXPECT_EQ(stats.failed, 0) << file << ": " << stats.failed << " lines failed";
  for (const std::string& failure : stats.failures)
    ADD_FAILURE() << failure;
  EXPECT_GE(stats.ran, param.min_ran) << file << ": fewer lines ran than before";
  if (param.must_mostly_run) {
    EXPECT_GE(stats.ran * 100, stats.eligible() * 80)
        << file << ": only " << stats.ran << " of " << stats.eligible() << " eligible lines ran";
  }
}

INSTANTIATE_TEST_SUITE_P(
    Files, DecTest,
    ::testing::Values(suite_file{"add", true, 1479}, suite_file{"subtract", true, 529},
                      suite_file{"multiply", true, 194}, suite_file{"divide", false, 391},
                      suite_file{"quantize", true, 437}, suite_file{"rounding", true, 692},
                      suite_file{"compare", false, 484}, suite_file{"abs", false, 57},
                      suite_file{"minus", false, 78}, suite_file{"plus", false, 78}),
    [](const ::testing::TestParamInfo<suite_file>& file_info) {
      return std::string(file_info.param.name);
    });

// The harness's own conversions, so a conformance failure is the type's, not the harness's.
TEST(DecTestHarness, ConvertsScientificNotation) {
  auto p = [](std::string_view text) {
    const auto n = parse_sci(text);
    return n ? plain(*n) : std::string("<none>");
  };
  EXPECT_EQ(p("1.2E+3"), "1200");
  EXPECT_EQ(p("1.23E-5"), "0.0000123");
  EXPECT_EQ(p("-1.000E-7"), "-0.0000001000");
  EXPECT_EQ(p("19.00"), "19.00");
  EXPECT_EQ(p("0E-3"), "0.000");
  EXPECT_EQ(p("0E+3"), "0");
  EXPECT_EQ(p(".5"), "0.5");
  EXPECT_EQ(p("5."), "5");
  EXPECT_EQ(p("+007.10"), "7.10");
  EXPECT_EQ(p("1e+1"), "10");
  EXPECT_EQ(p("NaN"), "<none>");
  EXPECT_EQ(p("#"), "<none>");
  EXPECT_EQ(p("1E"), "<none>");
  EXPECT_FALSE(representable(*parse_sci("1E+999999999")));
  EXPECT_FALSE(representable(*parse_sci("1E-129")));
  EXPECT_TRUE(representable(*parse_sci("1E-128")));
}

TEST(DecTestHarness, TokenizesQuotesAndComments) {
  const auto t = tokenize("addx053 add '12' \"7.00\" -> '19.00' Rounded -- a comment");
  ASSERT_EQ(t.size(), 7U);
  EXPECT_EQ(t[2], "12");
  EXPECT_EQ(t[3], "7.00");
  EXPECT_EQ(t[5], "19.00");
  EXPECT_EQ(t[6], "Rounded");
  EXPECT_EQ(tokenize("x 'it''s' -> 1")[1], "it's");
}

TEST(DecTestHarness, RoundsToPrecision) {
  EXPECT_EQ(round_to_precision(decimal("9.995"), 3, rounding_mode::half_up).to_string(), "10.0");
  EXPECT_EQ(round_to_precision(decimal("123456"), 3, rounding_mode::half_up).to_string(), "123000");
  EXPECT_EQ(round_to_precision(decimal("99950"), 3, rounding_mode::half_up).to_string(), "100000");
  EXPECT_EQ(round_to_precision(decimal("1.2345"), 9, rounding_mode::half_up).to_string(), "1.2345");
}

}  // namespace
}  // namespace tariff
