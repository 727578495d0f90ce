// Hostile tariffs through the whole front end and pricing: chains of operators filling the source
// limit, nesting at the parser's limit and past it, tables looked up through one another, price
// lists extending one another, at the input limits (docs/language.md, Limits). Each runs check,
// compile, price and bill on a thread with a 256 KiB stack, and expects exact figures or exact
// errors with their places. The work counts show that checking and compiling stay linear: a
// tariff eight times as large costs at most 8.5 times the steps (src/check/work_count.hpp).
#include <chrono>
#include <cstdint>
#include <functional>
#include <iostream>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <tariff/billing.hpp>
#include <tariff/diagnostics.hpp>
#include <tariff/pricing.hpp>

#include "check/work_count.hpp"
#include "small_stack.hpp"

namespace tariff {
namespace {

using testing::on_small_stack;

constexpr std::size_t source_limit = 16 * 1024 * 1024;  // docs/language.md, Limits
constexpr int items_limit = 100000;                     // items and overrides

#if defined(__SANITIZE_ADDRESS__)
constexpr bool sanitized = true;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
constexpr bool sanitized = true;
#else
constexpr bool sanitized = false;
#endif
#else
constexpr bool sanitized = false;
#endif

// How large the worst cases are. In the Release build, at the limits: a chain of operators fills
// the 16 MiB source (checked and compiled in about 5 s, in 2 GB), and the item counts reach
// 100 000. Under AddressSanitizer the front end runs some eight to ten times slower (a 16 MiB
// chain took 32 to 53 s there, the whole test at these sizes 8 minutes), so there the same shapes
// are a tenth (counts) and a thirty-second (chains: 512 KiB) of the size, and the whole test
// takes about 22 s.
constexpr std::size_t chain_bytes = sanitized ? source_limit / 32 : source_limit;
constexpr int large_count = sanitized ? items_limit / 10 : items_limit;

// What a tariff gave, each step on the small stack.
struct outcome {
  std::vector<std::string> diagnostics;  // "line:col: error: message"
  std::string priced;                    // the priced line's amount, or its rejection
  std::string billed;                    // the statement's line amount
  std::string total;                     // the statement's total
};

std::vector<std::string> lines_of(const std::vector<diagnostic>& ds) {
  std::vector<std::string> out;
  for (const diagnostic& d : ds)
    out.push_back(std::to_string(d.line) + ":" + std::to_string(d.column) + ": " +
                  (d.level == severity::error ? "error: " : "warning: ") + d.message);
  return out;
}

contract deal(const std::string& plan) {
  contract c;
  c.id = "C-1";
  c.client = "K-1";
  c.plan = plan;
  c.start = *parse_date("2026-01-01");
  c.end = *parse_date("2026-12-31");
  return c;
}

work_line visit(const std::string& item) {
  work_line w;
  w.id = "W-1";
  w.contract = "C-1";
  w.item = item;
  w.start = *parse_instant("2026-03-10T10:00:00Z");
  w.quantity = decimal(1);
  return w;
}

const date_span march{*parse_date("2026-03-01"), *parse_date("2026-04-01")};

double seconds_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

// Compiles `source` (which checks it), then prices one unit of `item` for a contract on `plan`
// and bills March: all on the small stack, as a host's worker thread would.
outcome run(const std::string& source, const std::string& plan = "basic",
            const std::string& item = "v") {
  outcome out;
  on_small_stack([&] {
    const auto start = std::chrono::steady_clock::now();
    const compile_result compiled = compile(source, "hostile.tariff");
    out.diagnostics = lines_of(compiled.diagnostics);
    const double compiled_in = seconds_since(start);
    if (compiled.tariff) {
      const contract c = deal(plan);
      const std::vector<work_line> work{visit(item)};
      const std::vector<priced_line> priced = price(*compiled.tariff, c, work);
      out.priced = priced.at(0).rejected ? priced[0].message : priced[0].amount.to_string();
      const statement s = bill(*compiled.tariff, c, march, {}, work);
      out.billed =
          s.lines.empty() ? "rejected: " + s.rejected.at(0).message : s.lines[0].amount.to_string();
      out.total = s.total.to_string();
    }
    std::cout << "    [" << source.size() << " bytes: compiled in " << compiled_in
              << " s, priced and billed in " << seconds_since(start) - compiled_in << " s]\n";
  });
  return out;
}

// The steps of work checking and compiling `source` takes (src/check/work_count.hpp).
std::uint64_t steps_to_compile(const std::string& source) {
  std::uint64_t steps = 0;
  on_small_stack([&] {
    check_stage::work_count::reset();
    const compile_result compiled = compile(source, "counted.tariff");
    steps = check_stage::work_count::total();
    EXPECT_TRUE(compiled.tariff.has_value()) << format(compiled.diagnostics);
  });
  return steps;
}

// Checking and compiling a tariff of size 8n takes at most 8.5 times the steps of size n.
void expect_linear(const std::string& what, const std::function<std::string(int)>& tariff_of,
                   int n) {
  const std::uint64_t small = steps_to_compile(tariff_of(n));
  const std::uint64_t large = steps_to_compile(tariff_of(8 * n));
  std::cout << "    [" << what << ": " << small << " steps at n = " << n << ", " << large
            << " at 8n: " << static_cast<double>(large) / static_cast<double>(small) << "x]\n";
  EXPECT_LE(static_cast<double>(large), 8.5 * static_cast<double>(small)) << what;
}

std::string header(const std::string& price = "10.00") {
  return "tariff \"Hostile\" currency RUB\n"
         "rounding line 0.01 half_up\n"
         "pricelist p {\n"
         "  item v \"V\" per visit price " +
         price +
         "\n"
         "}\n"
         "plan basic {\n"
         "  pricelist p\n"
         "}\n";
}

// `head` then `term` as many times as fit, then `tail`, the whole as close to `chain_bytes` (the
// source limit, but under a sanitizer) as whole terms allow. Returns the number of terms through
// `count`.
std::string filled(const std::string& head, const std::string& term, const std::string& tail,
                   std::size_t& count) {
  count = (chain_bytes - head.size() - tail.size()) / term.size();
  std::string source = head;
  source.reserve(chain_bytes);
  for (std::size_t i = 0; i < count; ++i)
    source += term;
  source += tail;
  return source;
}

std::string plus(std::size_t n) {
  return (decimal("10.00") + decimal(static_cast<std::int64_t>(n))).to_string();
}

// ---------------------------------------------------------------------------------------------
// Chains of operators: one node however long, no limit on their length

TEST(FrontEnd, AChainOfAdditionsFillingTheSourceLimit) {
  std::size_t n = 0;
  const std::string source = filled(header() + "rule r : price", " + 1", "\n", n);
  EXPECT_GE(source.size(), chain_bytes - 4);
  const outcome o = run(source);
  EXPECT_TRUE(o.diagnostics.empty());
  EXPECT_EQ(o.priced, plus(n));  // 10.00 + 1 × n, exactly
  EXPECT_EQ(o.billed, plus(n));
  EXPECT_EQ(o.total, plus(n));
}

TEST(FrontEnd, AChainOfSubtractionsFillingTheSourceLimit) {
  std::size_t n = 0;
  const std::string source =
      filled(header("100000000.00") + "rule r : price", " - 1", " - 0.5\n", n);
  const outcome o = run(source);
  EXPECT_TRUE(o.diagnostics.empty());
  const std::string expected =
      (decimal("100000000.00") - decimal(static_cast<std::int64_t>(n)) - decimal("0.5"))
          .to_string();
  EXPECT_EQ(o.priced, expected);
  EXPECT_EQ(o.billed, expected);
}

TEST(FrontEnd, AChainOfProductsFillingTheSourceLimit) {
  std::size_t n = 0;
  const std::string source = filled(header() + "rule r : price * 3", " * 1", " * 2\n", n);
  const outcome o = run(source);
  EXPECT_TRUE(o.diagnostics.empty());
  EXPECT_EQ(o.priced, "60.00");
  EXPECT_EQ(o.billed, "60.00");
}

TEST(FrontEnd, AChainOfDivisionsFillingTheSourceLimit) {
  std::size_t n = 0;
  const std::string source = filled(header() + "rule r : price", " / 1 round 0.01 half_up",
                                    " / 4 round 0.01 half_up\n", n);
  const outcome o = run(source);
  EXPECT_TRUE(o.diagnostics.empty());
  EXPECT_EQ(o.priced, "2.50");
  EXPECT_EQ(o.billed, "2.50");
}

TEST(FrontEnd, ChainsOfAndAndOrFillingTheSourceLimit) {
  const std::string tables =
      "table yes by work.kind { else: true }\ntable no by work.kind { else: false }\n";
  std::size_t n = 0;
  // Every operand is true: `and` runs the whole chain.
  const outcome all =
      run(filled(header() + tables + "rule r when yes", " and yes", " : price * 2\n", n));
  EXPECT_TRUE(all.diagnostics.empty());
  EXPECT_EQ(all.priced, "20.00");
  EXPECT_EQ(all.billed, "20.00");
  // Every operand but the last is false: `or` runs the whole chain.
  const outcome any =
      run(filled(header() + tables + "rule r when no", " or no", " or yes : price * 2\n", n));
  EXPECT_TRUE(any.diagnostics.empty());
  EXPECT_EQ(any.priced, "20.00");
  EXPECT_EQ(any.billed, "20.00");
  // The first operand decides: the jump past the rest lands at the chain's end at once.
  const outcome none =
      run(filled(header() + tables + "rule r when no", " and yes", " : price * 2\n", n));
  EXPECT_TRUE(none.diagnostics.empty());
  EXPECT_EQ(none.priced, "10.00");
}

TEST(FrontEnd, AMinOfArgumentsFillingTheSourceLimit) {
  std::size_t n = 0;
  const std::string source = filled(header() + "rule r : min(price", ", price", ", 7.5)\n", n);
  const outcome o = run(source);
  EXPECT_TRUE(o.diagnostics.empty());
  EXPECT_EQ(o.priced, "7.50");
  EXPECT_EQ(o.billed, "7.50");
}

TEST(FrontEnd, AChainOfConstantsFoldsToOneValueAndALongTypeErrorIsReportedOnce) {
  // 0 + 1 + 1 + ... folds as it is compiled, three instructions at a time, up to `+ price`.
  std::size_t n = 0;
  const outcome folded = run(filled(header() + "rule r : 0", " + 1", " + price\n", n));
  EXPECT_TRUE(folded.diagnostics.empty());
  EXPECT_EQ(folded.priced, plus(n));
  // A string in a chain of additions: one error at its operator; the chain after it is silent.
  const std::string head = header() + "rule r : price + \"x\"";
  const outcome wrong = run(filled(head, " + 1", "\n", n));
  EXPECT_EQ(wrong.diagnostics,
            std::vector<std::string>{"9:16: error: cannot add money and string"});
}

TEST(FrontEnd, AChainPastTheDecimalLimitsRejectsTheLineNamingItsRule) {
  // 256 nines times 10 overflows the decimal: the fold fails once, is left for pricing and is not
  // tried again at each `* 1` after it (which would take the square of the chain's length).
  std::size_t n = 0;
  const std::string head = header() + "rule big : price + " + std::string(256, '9') + " * 10";
  const outcome o = run(filled(head, " * 1", "\n", n));
  EXPECT_TRUE(o.diagnostics.empty());
  const std::string why =
      "line W-1: rule 'big' (hostile.tariff:9:1): decimal result has more than 256 digits";
  EXPECT_EQ(o.priced, why);
  EXPECT_EQ(o.billed, "rejected: " + why);
}

TEST(FrontEnd, ErrorsInAChainAreShownTwentyAtATime) {
  // Each operand an unknown name: the first 20 are reported, and one error says how many more.
  std::size_t n = 0;
  const outcome o = run(filled(header() + "rule r : price", " + x", "\n", n));
  std::vector<std::string> expected{"9:10: error: this expression has " + std::to_string(n - 20) +
                                    " more errors; only the first 20 are shown"};
  for (int i = 0; i < 20; ++i)
    expected.push_back("9:" + std::to_string(18 + 4 * i) + ": error: unknown name 'x'");
  EXPECT_EQ(o.diagnostics, expected);
}

TEST(FrontEnd, ComparisonsDoNotChain) {
  const outcome o = run(header() + "rule r when price > 1 > 2 : price\n");
  EXPECT_EQ(o.diagnostics, std::vector<std::string>{"9:23: error: expected ':', found '>'"});
}

// ---------------------------------------------------------------------------------------------
// Nesting: bounded by the parser's depth limit, with a located error past it

// `open` n times, then `inner`, then `close` n times, as the value of rule r.
std::string nested(const std::string& prefix, const std::string& open, const std::string& inner,
                   const std::string& close, int n) {
  std::string text = header() + "rule r " + prefix;
  for (int i = 0; i < n; ++i)
    text += open;
  text += inner;
  for (int i = 0; i < n; ++i)
    text += close;
  return text + "\n";
}

constexpr const char* too_deep = "error: maximum parser rule nesting depth exceeded";

TEST(FrontEnd, ParenthesesAtTheNestingLimitAndPastIt) {
  // 43 levels of parentheses around a number parse (docs/language.md, Limits); with 44 the error
  // is where the parser noticed it: at the number inside them.
  const outcome at = run(nested(": price * ", "(", "2", ")", 43));
  EXPECT_TRUE(at.diagnostics.empty());
  EXPECT_EQ(at.priced, "20.00");
  EXPECT_EQ(at.billed, "20.00");
  const outcome past = run(nested(": price * ", "(", "2", ")", 44));
  EXPECT_EQ(past.diagnostics,
            std::vector<std::string>{"9:" + std::to_string(18 + 44) + ": " + too_deep});
}

TEST(FrontEnd, PrefixOperatorsAndCallsAtTheNestingLimitAndPastIt) {
  // 160 minus signs: an even number, so the price comes back positive. With 161, the error is at
  // `price`.
  const outcome minus = run(nested(": ", "-", "price", "", 160));
  EXPECT_TRUE(minus.diagnostics.empty());
  EXPECT_EQ(minus.priced, "10.00");
  EXPECT_EQ(run(nested(": ", "-", "price", "", 161)).diagnostics,
            std::vector<std::string>{"9:" + std::to_string(10 + 161) + ": " + too_deep});
  // 159 `not`: an odd number, so `not ... false` holds. With 160, the error is at `false`.
  const outcome negations = run(nested("when ", "not ", "false : price * 2", "", 159));
  EXPECT_TRUE(negations.diagnostics.empty());
  EXPECT_EQ(negations.priced, "20.00");
  EXPECT_EQ(run(nested("when ", "not ", "false : price * 2", "", 160)).diagnostics,
            std::vector<std::string>{"9:" + std::to_string(13 + 4 * 160) + ": " + too_deep});
  // 32 calls of min, one inside another. With 33, the error is at the first value of the 33rd.
  const outcome calls = run(nested(": ", "min(99, ", "price", ")", 32));
  EXPECT_TRUE(calls.diagnostics.empty());
  EXPECT_EQ(calls.priced, "10.00");
  EXPECT_EQ(run(nested(": ", "min(99, ", "price", ")", 33)).diagnostics,
            std::vector<std::string>{"9:" + std::to_string(10 + 8 * 32 + 4) + ": " + too_deep});
}

// ---------------------------------------------------------------------------------------------
// Tables looked up through one another: evaluated without recursion, however long the chain

// `count` tables, each looked up by the one before: t0 reads the quantity, and each later table
// maps 0 to 1 and 1 to 0, so the last gives the parity of the chain. `backwards` names and
// declares them the other way round: each table is looked up by one declared after it.
std::string table_chain(int count, bool backwards) {
  std::string text = header();
  text.reserve(text.size() + static_cast<std::size_t>(count) * 48);
  const auto name = [&](int i) { return "t" + std::to_string(backwards ? count - 1 - i : i); };
  std::vector<std::string> tables;
  // t0 reads the part being priced, and so does every table after it: no look-up is cached, and
  // the compiler must carry that down the whole chain.
  tables.push_back("table " + name(0) + " by quantity { else: 0 }\n");
  for (int i = 1; i < count; ++i)
    tables.push_back("table " + name(i) + " by " + name(i - 1) + " { 0: 1, else: 0 }\n");
  if (backwards) std::reverse(tables.begin(), tables.end());
  for (const std::string& t : tables)
    text += t;
  return text + "rule r : price + " + name(count - 1) + "\n";
}

TEST(FrontEnd, TablesLookedUpThroughAChainAsLongAsTheItemsLimit) {
  for (const bool backwards : {false, true}) {
    const int count = large_count + 1;  // an even number of flips after t0 (0): the last gives 0
    const outcome o = run(table_chain(count, backwards));
    EXPECT_TRUE(o.diagnostics.empty()) << backwards;
    EXPECT_EQ(o.priced, "10.00") << backwards;
    EXPECT_EQ(o.billed, "10.00") << backwards;
    const outcome odd = run(table_chain(count + 1, backwards));
    EXPECT_EQ(odd.priced, "11.00") << backwards;
  }
}

TEST(FrontEnd, ALookUpCycleThroughManyTablesIsOneErrorAtTheFirst) {
  std::string text = header();
  const int count = 1000;
  std::string path;
  for (int i = 0; i < count; ++i) {
    text += "table t" + std::to_string(i) + " by t" + std::to_string((i + 1) % count) +
            " { else: 1 }\n";
    path += "t" + std::to_string(i) + " -> ";
  }
  const outcome o = run(text + "rule r : price * t7\n");
  EXPECT_EQ(o.diagnostics, std::vector<std::string>{"9:13: error: table 't0' is looked up by "
                                                    "itself: " +
                                                    path + "t0"});
}

// ---------------------------------------------------------------------------------------------
// Price lists extending one another: a bounded depth, and no copy of what a list inherits

// A chain of `lists` price lists, l0 at the top, each extending the one before and declaring
// one item of its own; plan `deep` prices with the last.
std::string extends_chain(int lists) {
  std::string text = header();
  for (int i = 0; i < lists; ++i) {
    text += "pricelist l" + std::to_string(i);
    if (i > 0) text += " extends l" + std::to_string(i - 1);
    text += " {\n  item i" + std::to_string(i) + " per visit price " + std::to_string(i + 1) +
            ".00\n}\n";
  }
  return text + "plan deep {\n  pricelist l" + std::to_string(lists - 1) + "\n}\n";
}

TEST(FrontEnd, AnExtendsChainAtTheDepthLimitAndPastIt) {
  // 33 lists: the last extends 32 others, the limit. An item of the first is priced through all.
  const outcome at = run(extends_chain(33), "deep", "i0");
  EXPECT_TRUE(at.diagnostics.empty());
  EXPECT_EQ(at.priced, "1.00");
  EXPECT_EQ(at.billed, "1.00");
  // 34 lists: one error, at the `extends` of the list past the limit.
  const std::string past = extends_chain(34);
  const outcome o = run(past, "deep", "i0");
  EXPECT_EQ(o.diagnostics,
            std::vector<std::string>{"108:23: error: price list 'l33' extends a chain of more than "
                                     "32 price lists (from 'l0' at 9:1); that is the limit "
                                     "(docs/language.md, Limits)"});
  // Twenty thousand lists: still that one error, found in one pass.
  EXPECT_EQ(run(extends_chain(20000), "deep", "i0").diagnostics, o.diagnostics);
}

// A forest at the items limit: chains of 33 lists (each extending 32 others) of one item each,
// 100 000 items in all; plan `deep` prices with the last list of the first chain.
std::string extends_forest(int items) {
  std::string text = header();
  text.reserve(static_cast<std::size_t>(items) * 64);
  const int depth = 33;
  for (int i = 0; i < items; ++i) {
    text += "pricelist l" + std::to_string(i);
    if (i % depth != 0) text += " extends l" + std::to_string(i - 1);
    text += " { item i" + std::to_string(i) + " per visit price " + std::to_string(i % depth + 1) +
            ".00 }\n";
  }
  return text + "plan deep {\n  pricelist l32\n}\n";
}

TEST(FrontEnd, ExtendsChainsAtTheItemsLimit) {
  const outcome o = run(extends_forest(large_count - 1), "deep", "i0");  // and item v of list p
  EXPECT_TRUE(o.diagnostics.empty());
  EXPECT_EQ(o.priced, "1.00");
  EXPECT_EQ(o.billed, "1.00");
}

// One list of `items` items, and as many lists extending it, each overriding one of them; plan
// `star` prices with the last.
std::string extends_star(int items) {
  std::string text = header();
  text += "pricelist base {\n";
  for (int i = 0; i < items; ++i)
    text += "  item i" + std::to_string(i) + " per visit price 5.00\n";
  text += "}\n";
  for (int i = 0; i < items; ++i)
    text += "pricelist s" + std::to_string(i) + " extends base { i" + std::to_string(i) +
            " price 2.00 }\n";
  return text + "plan star {\n  pricelist s" + std::to_string(items - 1) + "\n}\n";
}

TEST(FrontEnd, ListsExtendingOneLargeListAtTheItemsLimit) {
  const int items = (large_count - 1) / 2;  // items and overrides, with item v of list p
  const outcome inherited = run(extends_star(items), "star", "i0");
  EXPECT_TRUE(inherited.diagnostics.empty());
  EXPECT_EQ(inherited.priced, "5.00");
  const outcome overridden = run(extends_star(items), "star", "i" + std::to_string(items - 1));
  EXPECT_EQ(overridden.priced, "2.00");
  EXPECT_EQ(overridden.billed, "2.00");
}

// ---------------------------------------------------------------------------------------------
// Linear work: eight times the tariff, at most 8.5 times the steps

TEST(FrontEnd, CheckingAndCompilingStayLinear) {
  expect_linear(
      "a chain of additions",
      [](int n) {
        std::string text = header() + "rule r : price";
        for (int i = 0; i < n; ++i)
          text += " + 1";
        return text + "\n";
      },
      5000);
  expect_linear(
      "a chain of nested divisions",
      [](int n) {
        std::string text = header() + "rule r : price";
        for (int i = 0; i < n; ++i)
          text += " / (1 + 0 * (2 / (3 + 1) round 1 up)) round 0.01 half_up";
        return text + "\n";
      },
      500);
  expect_linear(
      "tables looked up in a chain", [](int n) { return table_chain(n, false); }, 500);
  expect_linear(
      "tables looked up in a chain, declared backwards", [](int n) { return table_chain(n, true); },
      500);
  expect_linear(
      "chains of 33 price lists", [](int n) { return extends_forest(n); }, 500);
  expect_linear(
      "lists extending one list", [](int n) { return extends_star(n); }, 500);
  expect_linear(
      "versions of one list, extended",
      [](int n) {
        std::string text = header();
        for (int i = 0; i < n; ++i)
          text += "pricelist b effective " +
                  format_date(*parse_date("2000-01-01") + date::days(i)) +
                  " { item x per visit price 1.00 }\n";
        return text + "pricelist e extends b { x price 2.00 }\nplan top {\n  pricelist e\n}\n";
      },
      500);
  expect_linear(
      "plans of one large list",
      [](int n) {
        std::string text = header() + "pricelist big {\n";
        for (int i = 0; i < n; ++i)
          text += "  item i" + std::to_string(i) + " per visit price 1.00\n";
        text += "}\npricelist small extends big { i0 price 2.00 }\n";
        for (int i = 0; i < n; ++i)
          text += "plan q" + std::to_string(i) + " {\n  pricelist small\n  catalogue i" +
                  std::to_string(i) + "\n}\n";
        return text;
      },
      500);
}

}  // namespace
}  // namespace tariff
