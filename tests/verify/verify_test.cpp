// tariff::verify (docs/statement.md, "Checking a past statement"): a statement written with its
// inputs, billed again under the tariff archived with its hash, every figure compared.
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <tariff/statement_io.hpp>
#include <tariff/verify.hpp>
#include <tariff/version.hpp>

namespace {

using namespace tariff;
namespace fs = std::filesystem;

// Line numbers matter: the explanations point into this source (the rule at 9:1).
constexpr std::string_view source = R"(tariff "Service" currency RUB
calendar {
  timezone Europe/Moscow
  window night 22:00 .. 06:00
}
pricelist retail {
  item hvac_repair "HVAC repair" per hour price 2500.00 cost 1400.00
}
rule night for hvac_repair when in night : price * 2
plan repairs {
  pricelist retail
  fee 1000.00 per month
}
)";

const compiled_tariff& service() {
  static const compiled_tariff compiled = compile(source, "service.tariff").tariff.value();
  return compiled;
}

contract deal() {
  contract c;
  c.id = "C-1";
  c.client = "K-1";
  c.plan = "repairs";
  c.start = *parse_date("2026-01-01");
  c.end = *parse_date("2026-12-31");
  return c;
}

work_line repair(std::string id, std::string_view start, std::string_view end) {
  work_line w;
  w.id = std::move(id);
  w.contract = "C-1";
  w.item = "hvac_repair";
  w.start = *parse_instant(start);
  w.end = *parse_instant(end);
  return w;
}

const date_span march{*parse_date("2026-03-01"), *parse_date("2026-04-01")};

// March: R1 two hours by day (5000.00), R2 one hour at night (2500.00 x 2 = 5000.00).
std::string march_statement() {
  const contract c = deal();
  const std::vector<work_line> work{
      repair("R1", "2026-03-10T10:00:00+03:00", "2026-03-10T12:00:00+03:00"),
      repair("R2", "2026-03-11T23:00:00+03:00", "2026-03-12T00:00:00+03:00")};
  const billing_state opening;
  const statement s = bill(service(), c, march, opening, work);
  return write_statement_json(s, service(),
                              {.billed = c, .opening = opening, .work = work, .period = march});
}

// A folder of its own for each test, holding the files given.
class archive {
 public:
  explicit archive(const std::vector<std::pair<std::string, std::string_view>>& files) {
    path_ = fs::temp_directory_path() /
            ("tariff-verify-" +
             std::string(testing::UnitTest::GetInstance()->current_test_info()->name()));
    fs::remove_all(path_);
    fs::create_directories(path_);
    for (const auto& [name, text] : files) {
      fs::create_directories((path_ / name).parent_path());
      std::ofstream(path_ / name, std::ios::binary) << text;
    }
  }
  ~archive() { fs::remove_all(path_); }
  archive(const archive&) = delete;
  archive& operator=(const archive&) = delete;
  [[nodiscard]] const fs::path& path() const { return path_; }

 private:
  fs::path path_;
};

std::string replaced(std::string text, std::string_view from, std::string_view to) {
  const std::size_t at = text.find(from);
  EXPECT_NE(at, std::string::npos) << from;
  if (at != std::string::npos) text.replace(at, from.size(), to);
  return text;
}

TEST(StatementInputs, AreWrittenAfterTheFigures) {
  const std::string json = march_statement();
  const std::size_t inputs = json.find("\n  \"inputs\": {\n    \"format\": 1,\n");
  ASSERT_NE(inputs, std::string::npos) << json;
  EXPECT_LT(json.find("\n  \"closing\": "), inputs);
  EXPECT_NE(json.find(R"(    "period": {"first": "2026-03-01", "last": "2026-03-31"},)"),
            std::string::npos);
  EXPECT_NE(json.find(R"(      "start": "2026-03-11T20:00:00Z",)"), std::string::npos) << json;
  EXPECT_NE(json.find(R"(    "options": {
      "on_repeat": "skip",
      "late_work_periods": null,
      "expiry_warning_days": 30,
      "trace": true
    }
  }
}
)"),
            std::string::npos)
      << json;
}

TEST(StatementJson, NamesTheEngineAndTheTzdataItWasPricedWith) {
  const std::string json = march_statement();
  EXPECT_NE(json.find("\n  \"engine\": \"" + std::string(version) + "\",\n  \"tzdata\": \"" +
                      tzdata_version() + "\",\n"),
            std::string::npos);
  EXPECT_FALSE(tzdata_version().empty());
  EXPECT_NE(tzdata_version(), "unknown");
}

TEST(Verify, AStatementBilledAgainIsIdentical) {
  const archive files({{"2026/service.tariff", source}});
  const verify_result r = verify(march_statement(), files.path());
  EXPECT_TRUE(r.identical);
  EXPECT_EQ(r.statements, 1U);
  EXPECT_EQ(r.differing, 0U);
  EXPECT_TRUE(r.differences.empty());
  EXPECT_TRUE(r.missing_hashes.empty());
  EXPECT_EQ(r.notes,
            (std::vector<std::string>{"tariff " + service().source_hash().substr(0, 12) + ": " +
                                      (files.path() / "2026/service.tariff").string()}));
  EXPECT_EQ(write_verify_text(r).substr(write_verify_text(r).find('\n') + 1), "identical\n");
}

TEST(Verify, ATamperedLineIsShownWithBothExplanations) {
  const archive files({{"service.tariff", source}});
  // R2's night hour: 5000.00 recorded as 4000.00.
  std::string tampered = replaced(march_statement(),
                                  R"("unit_price": "5000.00",
          "amount": "5000.00")",
                                  R"("unit_price": "5000.00",
          "amount": "4000.00")");
  const verify_result r = verify(tampered, files.path());
  EXPECT_FALSE(r.identical);
  EXPECT_EQ(r.differing, 1U);
  ASSERT_EQ(r.differences.size(), 1U) << write_verify_text(r);
  const verify_difference& d = r.differences[0];
  EXPECT_EQ(d.contract, "C-1");
  EXPECT_EQ(d.period, "2026-03-01..2026-03-31");
  EXPECT_EQ(d.element, "lines[R2]");
  EXPECT_EQ(d.where, "lines[R2].parts[1].amount");
  EXPECT_EQ(d.recorded, "\"4000.00\"");
  EXPECT_EQ(d.repriced, "\"5000.00\"");
  EXPECT_EQ(d.recorded_line,
            "R2 hvac_repair 2026-03-11: billed 1h, amount 5000.00, cost 1400.00\n"
            "  part 1 2026-03-11: 1h x 5000.00 = 4000.00\n"
            "  rule night: 2500.00 -> 5000.00 (line 9, column 1)");
  EXPECT_EQ(d.repriced_line,
            "R2 hvac_repair 2026-03-11: billed 1h, amount 5000.00, cost 1400.00\n"
            "  part 1 2026-03-11: 1h x 5000.00 = 5000.00\n"
            "  rule night: 2500.00 -> 5000.00 (line 9, column 1)");
}

TEST(Verify, ATamperedTotalIsOneDifference) {
  const archive files({{"service.tariff", source}});
  const verify_result r =
      verify(replaced(march_statement(), R"("revenue": "11000.00")", R"("revenue": "10000.00")"),
             files.path());
  ASSERT_EQ(r.differences.size(), 1U) << write_verify_text(r);
  EXPECT_EQ(r.differences[0].where, "revenue");
  EXPECT_EQ(r.differences[0].element, "");
  EXPECT_EQ(r.differences[0].recorded, "\"10000.00\"");
  EXPECT_EQ(r.differences[0].repriced, "\"11000.00\"");
  const std::string text = write_verify_text(r);
  EXPECT_EQ(text.substr(text.find('\n') + 1),
            "contract C-1, 2026-03-01..2026-03-31:\n"
            "  revenue: recorded \"10000.00\", re-priced \"11000.00\"\n"
            "differs: 1 figure(s) in 1 of 1 statement(s)\n");
}

TEST(Verify, AnArchiveWithoutTheTariffNamesItsHash) {
  const archive files({});
  const verify_result r = verify(march_statement(), files.path());
  EXPECT_FALSE(r.identical);
  EXPECT_EQ(r.missing_hashes, std::vector<std::string>{service().source_hash()});
  EXPECT_TRUE(r.differences.empty());
  EXPECT_EQ(write_verify_text(r),
            "not verified: the archive has no tariff with hash " + service().source_hash() + "\n");
}

TEST(Verify, AChangedTariffUnderTheSameNameIsNotPicked) {
  const std::string changed = replaced(std::string(source), "price 2500.00", "price 2600.00");
  const archive files({{"service.tariff", changed}});
  const verify_result r = verify(march_statement(), files.path());
  EXPECT_EQ(r.missing_hashes, std::vector<std::string>{service().source_hash()});
  EXPECT_TRUE(r.differences.empty());
}

TEST(Verify, TheFileWithTheHashIsPickedAmongOthers) {
  const std::string changed = replaced(std::string(source), "price 2500.00", "price 2600.00");
  const archive files({{"a/service.tariff", changed}, {"b/service.tariff", source}});
  const verify_result r = verify(march_statement(), files.path());
  EXPECT_TRUE(r.identical) << write_verify_text(r);
}

// A versioned tariff: from 11 March the repair is 3000.00. R1 (10 March) is priced by the first
// version, 5000.00; R2 (11 March, at night) by the second, 3000.00 x 2 = 6000.00. The statement
// names both versions; verify finds each file by its hash and compiles them together.
TEST(Verify, AVersionedTariffIsBilledAgainUnderTheVersionsItNames) {
  const std::string rise =
      replaced(replaced(std::string(source), "currency RUB", "currency RUB effective 2026-03-11"),
               "price 2500.00", "price 3000.00");
  const std::vector<tariff_source> sources{{source, "service.tariff"}, {rise, "rise.tariff"}};
  const compile_result compiled = compile(sources);
  ASSERT_TRUE(compiled.tariff) << format(compiled.diagnostics);
  const compiled_tariff& t = *compiled.tariff;
  const contract c = deal();
  const std::vector<work_line> work{
      repair("R1", "2026-03-10T10:00:00+03:00", "2026-03-10T12:00:00+03:00"),
      repair("R2", "2026-03-11T23:00:00+03:00", "2026-03-12T00:00:00+03:00")};
  const statement s = bill(t, c, march, {}, work);
  ASSERT_EQ(s.versions.size(), 2U);
  ASSERT_EQ(s.lines.size(), 2U);
  EXPECT_EQ(s.lines[0].amount, decimal("5000.00"));
  EXPECT_EQ(s.lines[1].amount, decimal("6000.00"));
  const std::string json =
      write_statement_json(s, t, {.billed = c, .opening = {}, .work = work, .period = march});

  const archive both({{"2026-01/service.tariff", source}, {"2026-03/rise.tariff", rise}});
  const verify_result r = verify(json, both.path());
  EXPECT_TRUE(r.identical) << write_verify_text(r);

  // A figure changed by hand in a versioned statement is found as in any other.
  const verify_result tampered =
      verify(replaced(json, R"("amount": "6000.00")", R"("amount": "6500.00")"), both.path());
  EXPECT_FALSE(tampered.identical);
  EXPECT_EQ(tampered.differing, 1U) << write_verify_text(tampered);

  // The archive is one folder per test: this one replaces the folder above.
  const archive first_only({{"service.tariff", source}});
  const verify_result lost = verify(json, first_only.path());
  EXPECT_FALSE(lost.identical);
  EXPECT_EQ(lost.missing_hashes, std::vector<std::string>{s.versions[1].source_hash});
}

TEST(Verify, AnotherTzdataIsANoteNotADifference) {
  const archive files({{"service.tariff", source}});
  const verify_result r =
      verify(replaced(march_statement(), "\"tzdata\": \"" + tzdata_version() + "\"",
                      "\"tzdata\": \"1999a\""),
             files.path());
  EXPECT_TRUE(r.identical);
  ASSERT_EQ(r.notes.size(), 2U);
  EXPECT_EQ(r.notes[1],
            "statement 1 (contract C-1) was priced with tzdata 1999a, this machine has " +
                tzdata_version());
}

TEST(Verify, AnArrayOfStatementsIsVerifiedStatementByStatement) {
  const archive files({{"service.tariff", source}});
  const std::string one = march_statement();
  const std::string two = replaced(one, R"("revenue": "11000.00")", R"("revenue": "1.00")");
  const verify_result r = verify("[" + one + "," + two + "]", files.path());
  EXPECT_EQ(r.statements, 2U);
  EXPECT_EQ(r.differing, 1U);
  ASSERT_EQ(r.differences.size(), 1U);
  EXPECT_EQ(r.differences[0].recorded, "\"1.00\"");
}

TEST(Verify, AStatementWithoutInputsCannotBeVerified) {
  const archive files({{"service.tariff", source}});
  const statement s = bill(service(), deal(), march, {}, {});
  EXPECT_THROW(
      {
        try {
          (void)verify(write_statement_json(s, service()), files.path());
        } catch (const verify_input_error& e) {
          EXPECT_STREQ(e.what(),
                       "statement 1 (contract C-1) records no inputs: it was written without them "
                       "(tariff bill --no-inputs, or write_statement_json without "
                       "statement_inputs)");
          throw;
        }
      },
      verify_input_error);
  EXPECT_THROW((void)verify("{", files.path()), verify_input_error);
}

// Each part of the inputs is read by its own reader; what does not read names the statement, the
// part and, for rows, the reader's message.
TEST(Verify, InputsThatDoNotReadAreNamed) {
  const archive files({{"service.tariff", source}});
  const auto message = [&](const std::string& text) {
    try {
      (void)verify(text, files.path());
    } catch (const verify_input_error& e) {
      return std::string(e.what());
    }
    return std::string("(no error)");
  };
  const std::string json = march_statement();
  EXPECT_EQ(
      message(replaced(json, R"("start": "2026-03-10T07:00:00Z")", R"("start": "2026-03-10")")),
      "statement 1 (contract C-1): inputs: work: row 1 (id R1), column 'start': '2026-03-10' "
      "is not a timestamp with an offset, like 2026-03-29T01:30:00+03:00 or 2026-03-28T22:30Z");
  EXPECT_EQ(
      message(replaced(json, R"("on_repeat": "skip")", R"("on_repeat": "retry")")),
      "statement 1 (contract C-1): inputs: options.on_repeat: expected \"skip\" or \"error\"");
  EXPECT_EQ(message(replaced(json, "\"format\": 1,\n    \"contract\"",
                             "\"format\": 2,\n    \"contract\"")),
            "statement 1 (contract C-1): inputs: format: this engine reads format 1");
  EXPECT_EQ(
      message(replaced(
          json,
          "\"period\": {\"first\": \"2026-03-01\", \"last\": \"2026-03-31\"},\n    \"opening\"",
          "\"opening\"")),
      "statement 1 (contract C-1): inputs: no 'period'");
}

}  // namespace
