// The billing state as a ledger (docs/design.md, decision 11; docs/statement.md, "Billing twice
// never charges twice"): golden examples with hand-computed figures — a re-run month, a
// corrected job, a void, a refunded payment, a retroactive amendment — and the refusals.
#include <gtest/gtest.h>
#include <tariff/billing.hpp>

namespace tariff {
namespace {

#define EXPECT_DEC(actual, text) EXPECT_EQ((actual).to_string(), text)

compiled_tariff compile_ok(std::string_view source) {
  compile_result r = compile(source, "ledger.tariff");
  EXPECT_TRUE(r.tariff.has_value()) << format(r.diagnostics);
  if (!r.tariff) throw std::runtime_error("does not compile");
  return *r.tariff;
}

constexpr std::string_view ledger_tariff = R"(tariff "Ledger" currency RUB
rounding line 0.01 half_up
calendar {
  timezone Europe/Moscow
}
attribute contract.workstations : integer
pricelist retail {
  item visit  "Visit"  per visit price 1800.00 cost 900.00
  item repair "Repair" per hour  price 2500.00 cost 1000.00 bill started 1h
  item part   "Part"   per piece price 3200.00 cost 2100.00
}
plan service {
  pricelist retail
  fee 45000.00 per month
  includes 3 visit per month
  includes 4h repair per month
}
plan seats {
  pricelist retail
  fee support 2500.00 per month per unit contract.workstations
}
plan wallet {
  pricelist retail
  fee 5000.00 per month
  prepaid
}
)";

const compiled_tariff& ledger() {
  static const compiled_tariff t = compile_ok(ledger_tariff);
  return t;
}

contract deal(std::string plan, std::string id = "C-1") {
  contract c;
  c.id = std::move(id);
  c.client = "K-1";
  c.plan = std::move(plan);
  c.start = *parse_date("2026-01-01");
  c.end = *parse_date("2026-12-31");
  c.status = contract_status::registered;
  return c;
}

work_line visit(std::string id, std::string_view start) {
  work_line w;
  w.id = std::move(id);
  w.contract = "C-1";
  w.item = "visit";
  w.start = *parse_instant(start);
  w.quantity = decimal(1);
  return w;
}

work_line part(std::string id, std::string_view start, int pieces) {
  work_line w = visit(std::move(id), start);
  w.item = "part";
  w.quantity = decimal(pieces);
  return w;
}

work_line repair(std::string id, std::string_view start, std::string_view end) {
  work_line w;
  w.id = std::move(id);
  w.contract = "C-1";
  w.item = "repair";
  w.start = *parse_instant(start);
  w.end = *parse_instant(end);
  return w;
}

payment paid(std::string id, std::string_view day, std::string amount) {
  payment p;
  p.id = std::move(id);
  p.contract = "C-1";
  p.date = *parse_date(day);
  p.amount = decimal(amount);
  return p;
}

payment refund(std::string id, std::string_view day, std::string amount, std::string of) {
  payment p = paid(std::move(id), day, std::move(amount));
  p.kind = payment_kind::refund;
  p.reverses = std::move(of);
  return p;
}

date_span month(int m) {
  const date::year_month_day first = date::year{2026} / date::month{static_cast<unsigned>(m)} / 1;
  return {local_date{first}, local_date{first + date::months{1}}};
}

std::vector<std::string> ids(const std::vector<priced_line>& lines) {
  std::vector<std::string> out;
  for (const priced_line& l : lines)
    out.push_back(l.id);
  return out;
}

std::vector<work_line> march_visits() {
  return {visit("V1", "2026-03-03T10:00:00+03:00"), visit("V2", "2026-03-10T10:00:00+03:00"),
          part("P1", "2026-03-10T11:00:00+03:00", 2), visit("V4", "2026-03-24T10:00:00+03:00"),
          visit("V3", "2026-03-17T10:00:00+03:00")};
}

// ---------------------------------------------------------------------------------------------
// A re-run month and a re-sent file

TEST(Ledger, ARerunMonthIsSupplementaryAndChargesNothingTwice) {
  const std::vector<work_line> work = march_visits();
  const statement march = bill(ledger(), deal("service"), month(3), {}, work);
  // Fee 45000.00; V1–V3 included; V4, the fourth visit, 1800.00; P1 2 × 3200.00.
  EXPECT_DEC(march.total, "53200.00");
  EXPECT_FALSE(march.supplementary);
  EXPECT_EQ(march.opening_revision, 0U);
  EXPECT_EQ(march.closing.revision, 1U);
  EXPECT_EQ(march.closing.contract, "C-1");
  ASSERT_EQ(march.closing.lines.size(), 5U);
  EXPECT_EQ(march.closing.lines[4].id, "V4");
  EXPECT_DEC(march.closing.lines[4].amount, "1800.00");
  EXPECT_EQ(march.closing.lines[4].fingerprint, work_fingerprint(work[3]));
  EXPECT_EQ(march.closing.lines[1].id, "V1");
  ASSERT_EQ(march.closing.lines[1].included.size(), 1U);
  EXPECT_EQ(march.closing.lines[1].included[0].allowance, "visit/month");
  EXPECT_DEC(march.closing.lines[1].included[0].used, "1");
  ASSERT_EQ(march.closing.fees.size(), 1U);
  EXPECT_EQ(march.closing.fees[0].fee, "fee 45000.00 per month");
  EXPECT_DEC(march.closing.fees[0].amount, "45000.00");
  ASSERT_EQ(march.closing.statements.size(), 1U);
  EXPECT_EQ(march.closing.statements[0].id, march.id);
  EXPECT_EQ(march.id.substr(0, 17), "C-1/2026-03-01/r0");

  // The host retries the same call: the same statement, id and all.
  const statement retried = bill(ledger(), deal("service"), month(3), {}, work);
  EXPECT_EQ(retried.id, march.id);
  EXPECT_EQ(retried.closing, march.closing);

  // The host bills March again from March's closing state: nothing is billed twice.
  const statement again = bill(ledger(), deal("service"), month(3), march.closing, work);
  EXPECT_TRUE(again.supplementary);
  EXPECT_EQ(again.opening_revision, 1U);
  EXPECT_TRUE(again.fees.empty());
  EXPECT_TRUE(again.lines.empty());
  EXPECT_EQ(again.already_billed, (std::vector<std::string>{"V1", "V2", "P1", "V4", "V3"}));
  EXPECT_DEC(again.total, "0.00");
  EXPECT_EQ(again.closing, march.closing);  // revision 1 still: f(f(x)) = f(x)
  EXPECT_NE(again.id, march.id);

  // March's file passed again with April's work: only April's is billed.
  std::vector<work_line> april_work = work;
  april_work.push_back(visit("A1", "2026-04-07T12:00:00+03:00"));
  const statement april = bill(ledger(), deal("service"), month(4), march.closing, april_work);
  EXPECT_FALSE(april.supplementary);
  EXPECT_EQ(ids(april.lines), (std::vector<std::string>{"A1"}));
  EXPECT_TRUE(april.adjustments.empty());
  EXPECT_EQ(april.already_billed.size(), 5U);
  EXPECT_DEC(april.lines[0].amount, "0.00");  // the first visit of April: included
  EXPECT_DEC(april.total, "45000.00");
  EXPECT_EQ(april.closing.revision, 2U);
}

TEST(Ledger, NewWorkInARerunIsBilledAsASupplement) {
  std::vector<work_line> work = march_visits();
  const statement march = bill(ledger(), deal("service"), month(3), {}, work);
  work.push_back(visit("V5", "2026-03-30T10:00:00+03:00"));  // reached the host after the run
  const statement more = bill(ledger(), deal("service"), month(3), march.closing, work);
  EXPECT_TRUE(more.supplementary);
  EXPECT_TRUE(more.fees.empty());
  EXPECT_EQ(ids(more.lines), (std::vector<std::string>{"V5"}));
  EXPECT_DEC(more.lines[0].amount, "1800.00");  // the fifth visit: the allowance is used up
  EXPECT_DEC(more.total, "1800.00");
  EXPECT_EQ(more.closing.revision, 2U);
  EXPECT_EQ(more.closing.statements.size(), 2U);
}

// ---------------------------------------------------------------------------------------------
// Corrections and voids

TEST(Ledger, AShortenedJobIsReversedExactlyAndBilledAgainAsLateWork) {
  // March: R1 3 h, all included (4 h a month); R2 3 h: its first hour included, 2 h billed.
  const std::vector<work_line> march_work = {
      repair("R1", "2026-03-05T10:00:00+03:00", "2026-03-05T13:00:00+03:00"),
      repair("R2", "2026-03-12T14:00:00+03:00", "2026-03-12T17:00:00+03:00")};
  const statement march = bill(ledger(), deal("service"), month(3), {}, march_work);
  ASSERT_EQ(march.lines.size(), 2U);
  EXPECT_DEC(march.lines[1].amount, "5000.00");
  EXPECT_DEC(march.lines[1].cost, "3000.00");
  EXPECT_DEC(march.total, "50000.00");

  // In April the engineer's time for R2 is corrected to 14:00–15:30: billed 2 h, started hours.
  const std::vector<work_line> april_work = {
      repair("R2", "2026-03-12T14:00:00+03:00", "2026-03-12T15:30:00+03:00")};
  const statement april = bill(ledger(), deal("service"), month(4), march.closing, april_work);
  ASSERT_EQ(april.reversals.size(), 1U);
  const reversal& back = april.reversals[0];
  EXPECT_EQ(back.id, "R2");
  EXPECT_EQ(back.reason, reversal_reason::corrected);
  EXPECT_DEC(back.amount, "-5000.00");
  EXPECT_DEC(back.cost, "-3000.00");
  ASSERT_EQ(back.returned.size(), 1U);
  EXPECT_EQ(back.returned[0].allowance, "repair/month");
  EXPECT_EQ(back.returned[0].period, month(3));
  EXPECT_DEC(back.returned[0].used, "3600");
  // The new version, as late work against March's pool with R2's hour given back: 1 h included,
  // 1 h billed.
  ASSERT_EQ(april.adjustments.size(), 1U);
  EXPECT_DEC(april.adjustments[0].amount, "2500.00");
  EXPECT_DEC(april.adjustments[0].cost, "1500.00");
  EXPECT_TRUE(april.lines.empty());
  EXPECT_DEC(april.work_total, "-2500.00");
  EXPECT_DEC(april.cost, "-1500.00");
  EXPECT_DEC(april.total, "42500.00");  // April's fee 45000.00 − 5000.00 + 2500.00
  // March's pool: R1's 3 h and R2's new hour; R2's record is the new version.
  ASSERT_EQ(april.closing.allowances.size(), 1U);
  EXPECT_DEC(april.closing.allowances[0].used, "14400");
  ASSERT_EQ(april.closing.lines.size(), 2U);
  EXPECT_EQ(april.closing.lines[1].fingerprint, work_fingerprint(april_work[0]));
  EXPECT_DEC(april.closing.lines[1].amount, "2500.00");

  // Sent once more, the correction is a repeat.
  const statement again = bill(ledger(), deal("service"), month(4), april.closing, april_work);
  EXPECT_TRUE(again.reversals.empty());
  EXPECT_EQ(again.already_billed, (std::vector<std::string>{"R2"}));
  EXPECT_EQ(again.closing, april.closing);
}

TEST(Ledger, AVoidIsAReversalOnly) {
  const statement march = bill(ledger(), deal("service"), month(3), {}, march_visits());
  work_line cancelled = visit("V4", "2026-03-24T10:00:00+03:00");
  cancelled.voided = true;
  work_line unknown = visit("V9", "2026-03-25T10:00:00+03:00");
  unknown.voided = true;
  const std::vector<work_line> april_work{cancelled, unknown};
  const statement april = bill(ledger(), deal("service"), month(4), march.closing, april_work);
  ASSERT_EQ(april.reversals.size(), 1U);
  EXPECT_EQ(april.reversals[0].reason, reversal_reason::voided);
  EXPECT_DEC(april.reversals[0].amount, "-1800.00");
  EXPECT_TRUE(april.reversals[0].returned.empty());  // V4 was billed, not included
  EXPECT_TRUE(april.lines.empty());
  EXPECT_TRUE(april.adjustments.empty());
  ASSERT_EQ(april.rejected.size(), 1U);
  EXPECT_EQ(april.rejected[0].id, "V9");
  EXPECT_EQ(april.rejected[0].rejected, reject_reason::not_billed);
  EXPECT_EQ(april.rejected[0].message,
            "line V9: it is marked void, but contract 'C-1' has not billed it (or billed it "
            "before the late-work horizon)");
  EXPECT_DEC(april.total, "43200.00");  // 45000.00 − 1800.00
  // The record stays, voided, so that the void sent again is a repeat.
  const billing_state::billed_line& record = april.closing.lines[4];
  EXPECT_EQ(record.id, "V4");
  EXPECT_EQ(record.fingerprint, "void");
  const statement again = bill(ledger(), deal("service"), month(4), april.closing, april_work);
  EXPECT_TRUE(again.reversals.empty());
  EXPECT_EQ(again.already_billed, (std::vector<std::string>{"V4"}));
}

TEST(Ledger, AnIncludedVisitVoidedGivesItsUnitBackToItsMonth) {
  const statement march = bill(ledger(), deal("service"), month(3), {}, march_visits());
  work_line cancelled = visit("V1", "2026-03-03T10:00:00+03:00");
  cancelled.voided = true;
  std::vector<work_line> april_work{cancelled, visit("V6", "2026-03-31T10:00:00+03:00")};
  const statement april = bill(ledger(), deal("service"), month(4), march.closing, april_work);
  ASSERT_EQ(april.reversals.size(), 1U);
  EXPECT_DEC(april.reversals[0].amount, "0.00");
  ASSERT_EQ(april.reversals[0].returned.size(), 1U);
  EXPECT_DEC(april.reversals[0].returned[0].used, "1");
  // V6, late work of 31 March, takes the unit V1 gave back.
  ASSERT_EQ(april.adjustments.size(), 1U);
  EXPECT_DEC(april.adjustments[0].amount, "0.00");
  EXPECT_DEC(april.total, "45000.00");
}

TEST(Ledger, ACorrectionThatCannotBeBilledKeepsTheVersionBilled) {
  const statement march = bill(ledger(), deal("service"), month(3), {}, march_visits());
  work_line wrong = visit("V4", "2026-03-24T10:00:00+03:00");
  wrong.item = "vist";  // a typo in the corrected version
  const std::vector<work_line> april_work{wrong};
  const statement april = bill(ledger(), deal("service"), month(4), march.closing, april_work);
  EXPECT_TRUE(april.reversals.empty());
  ASSERT_EQ(april.rejected.size(), 1U);
  EXPECT_EQ(april.rejected[0].rejected, reject_reason::unknown_item);
  EXPECT_NE(april.rejected[0].message.find("(line V4 stays as billed)"), std::string::npos)
      << april.rejected[0].message;
  EXPECT_EQ(april.closing.lines, march.closing.lines);
}

TEST(Ledger, ALineSentTwiceInOneInputIsBilledOnce) {
  std::vector<work_line> work = march_visits();
  work.push_back(work[0]);                                   // V1 again, the same
  work.push_back(visit("V2", "2026-03-11T10:00:00+03:00"));  // V2 again, changed
  const statement march = bill(ledger(), deal("service"), month(3), {}, work);
  EXPECT_EQ(march.already_billed, (std::vector<std::string>{"V1"}));
  ASSERT_EQ(march.rejected.size(), 1U);
  EXPECT_EQ(march.rejected[0].id, "V2");
  EXPECT_EQ(march.rejected[0].rejected, reject_reason::duplicate_id);
  EXPECT_EQ(march.rejected[0].message,
            "line V2: it appears earlier in this input with other contents: send one version of "
            "a line");
  EXPECT_DEC(march.total, "53200.00");
}

TEST(Ledger, ABilledLineCannotMoveToAnotherContract) {
  const statement march = bill(ledger(), deal("service"), month(3), {}, march_visits());
  work_line moved = visit("V4", "2026-03-24T10:00:00+03:00");
  moved.contract = "C-2";
  const std::vector<work_line> april_work{moved};
  const statement april = bill(ledger(), deal("service"), month(4), march.closing, april_work);
  ASSERT_EQ(april.rejected.size(), 1U);
  EXPECT_EQ(april.rejected[0].rejected, reject_reason::moved_contract);
  EXPECT_EQ(april.rejected[0].message,
            "line V4: it was billed to contract 'C-1' and now names contract 'C-2': a billed "
            "line cannot move; void it here and send it there under a new id");
  EXPECT_TRUE(april.reversals.empty());
}

TEST(Ledger, RepeatsAreRefusedWhenAskedTo) {
  const std::vector<work_line> work = march_visits();
  const statement march = bill(ledger(), deal("service"), month(3), {}, work);
  bill_options strict;
  strict.on_repeat = repeat_policy::error;
  try {
    (void)bill(ledger(), deal("service"), month(3), march.closing, work, strict);
    ADD_FAILURE() << "a repeat was billed";
  } catch (const billing_input_error& e) {
    EXPECT_STREQ(e.what(),
                 "contract 'C-1': line 'V1' was billed before as it is now (on_repeat: error)");
  }
}

TEST(Ledger, AReversalTakesBackTheTaxAsBilledNotAsRecomputed) {
  // Per statement, three visits of 0.05 at 20 % share a rate's tax of 0.03 as 0.01 each; voided
  // one by one later, each takes back the 0.01 it was billed, not a share of a new rounding.
  std::string source(ledger_tariff);
  source.replace(source.find("pricelist retail"), 0,
                 "tax vat excluded per statement round 0.01 half_up {\n  rate standard 20%\n}\n");
  source.replace(source.find("price 1800.00"), 13, "price 0.05");
  const compiled_tariff t = compile_ok(source);
  contract c = deal("seats");
  c.attributes["workstations"] = "0";
  const std::vector<work_line> work{visit("V1", "2026-03-03T10:00:00+03:00"),
                                    visit("V2", "2026-03-04T10:00:00+03:00"),
                                    visit("V3", "2026-03-05T10:00:00+03:00")};
  const statement march = bill(t, c, month(3), {}, work);
  ASSERT_EQ(march.lines.size(), 3U);
  EXPECT_DEC(march.tax, "0.03");  // 0.15 × 20 % = 0.03, shared 0.01, 0.01, 0.01
  EXPECT_DEC(march.closing.lines[0].tax, "0.01");
  EXPECT_EQ(march.closing.lines[0].rate, "standard");
  work_line cancelled = work[0];
  cancelled.voided = true;
  const std::vector<work_line> april_work{cancelled};
  const statement april = bill(t, c, month(4), march.closing, april_work);
  ASSERT_EQ(april.reversals.size(), 1U);
  EXPECT_DEC(april.reversals[0].amount, "-0.05");
  EXPECT_DEC(april.reversals[0].tax, "-0.01");
  ASSERT_EQ(april.taxes.size(), 1U);
  EXPECT_EQ(april.taxes[0].rate, "standard");
  EXPECT_DEC(april.taxes[0].base, "-0.05");
  EXPECT_DEC(april.taxes[0].amount, "-0.01");
  EXPECT_DEC(april.tax, "-0.01");
  EXPECT_DEC(april.total, "-0.06");  // the fee is 0 workstations × 2500.00
}

// ---------------------------------------------------------------------------------------------
// Payments and refunds

TEST(Ledger, APaymentIsCreditedOnceAndARefundTakesPartOfItBack) {
  const std::vector<payment> march_paid{paid("P-1", "2026-03-01", "30000.00")};
  const statement march = bill(ledger(), deal("wallet"), month(3), {}, {}, march_paid);
  ASSERT_TRUE(march.prepaid);
  EXPECT_DEC(march.prepaid->received, "30000.00");
  EXPECT_DEC(march.prepaid->closing, "25000.00");  // 30000.00 − the 5000.00 fee

  // April: the host sends P-1 again, and a refund of 10000.00 of it on 10 April.
  const std::vector<payment> april_paid{paid("P-1", "2026-03-01", "30000.00"),
                                        refund("R-1", "2026-04-10", "10000.00", "P-1")};
  const statement april = bill(ledger(), deal("wallet"), month(4), march.closing, {}, april_paid);
  ASSERT_TRUE(april.prepaid);
  EXPECT_EQ(april.already_credited, (std::vector<std::string>{"P-1"}));
  EXPECT_DEC(april.prepaid->opening, "25000.00");
  EXPECT_DEC(april.prepaid->received, "0.00");
  EXPECT_DEC(april.prepaid->refunded, "10000.00");
  EXPECT_DEC(april.prepaid->drawn, "5000.00");
  EXPECT_DEC(april.prepaid->owed, "0.00");
  EXPECT_DEC(april.prepaid->closing, "10000.00");  // 25000.00 − 5000.00 − 10000.00
  ASSERT_EQ(april.closing.payments.size(), 2U);
  EXPECT_EQ(april.closing.payments[0].id, "P-1");
  EXPECT_DEC(april.closing.payments[0].refunded, "10000.00");
  EXPECT_EQ(april.closing.payments[1].kind, payment_kind::refund);

  // The same id with other figures is refused, naming it.
  const std::vector<payment> changed{paid("P-1", "2026-03-01", "31000.00")};
  try {
    (void)bill(ledger(), deal("wallet"), month(4), march.closing, {}, changed);
    ADD_FAILURE() << "a changed payment was credited";
  } catch (const billing_input_error& e) {
    EXPECT_STREQ(e.what(),
                 "contract 'C-1': payment 'P-1' of 2026-03-01 (31000.00) has the id of a record "
                 "credited before with other figures (2026-03-01, 30000.00): a payment id is "
                 "credited once");
  }
  // A refund of more than is left of its payment is refused.
  const std::vector<payment> too_much{refund("R-2", "2026-04-20", "20000.01", "P-1")};
  try {
    (void)bill(ledger(), deal("wallet"), month(5), april.closing, {}, too_much);
    ADD_FAILURE() << "a refund took back more than was paid";
  } catch (const billing_input_error& e) {
    EXPECT_STREQ(e.what(),
                 "contract 'C-1': refund 'R-2' of 2026-04-20 (20000.01) takes back more than is "
                 "left of payment 'P-1' (20000.00 of 30000.00)");
  }
}

// The message a refused statement gives, or "" when it was billed.
template <typename Bill>
std::string refusal(Bill&& billing) {
  try {
    (void)billing();
  } catch (const billing_input_error& e) {
    return e.what();
  }
  return "";
}

TEST(Ledger, PaymentsTheLedgerCannotTakeAreRefusedByTheirIds) {
  const std::vector<payment> march_paid{paid("P-1", "2026-03-01", "30000.00")};
  const statement march = bill(ledger(), deal("wallet"), month(3), {}, {}, march_paid);
  const auto april = [&](std::vector<payment> payments, bill_options options = {}) {
    return [&, payments, options] {
      return bill(ledger(), deal("wallet"), month(4), march.closing, {}, payments, options);
    };
  };
  EXPECT_EQ(refusal(april({refund("R-1", "2026-04-10", "100.00", "P-9")})),
            "contract 'C-1': refund 'R-1' of 2026-04-10 (100.00) reverses payment 'P-9', which "
            "the contract's ledger has not credited");
  EXPECT_EQ(refusal(april({paid("P-2", "2026-04-10", "0.00")})),
            "contract 'C-1': payment 'P-2' of 2026-04-10 (0.00): an amount must be above 0 (a "
            "refund is its own record, kind refund, with a positive amount)");
  bill_options strict;
  strict.on_repeat = repeat_policy::error;
  EXPECT_EQ(refusal(april(march_paid, strict)),
            "contract 'C-1': payment 'P-1' of 2026-03-01 (30000.00) was credited before as it "
            "is now (on_repeat: error)");
  bill_options one;
  one.late_work_periods = 1;
  EXPECT_EQ(refusal(april({paid("P-3", "2026-02-27", "500.00")}, one)),
            "contract 'C-1': payment 'P-3' of 2026-02-27 (500.00) is dated before the late-work "
            "horizon (2026-03-01): the ledger no longer knows whether it was credited");
  // A refund in the same input as its payment finds it; the same day, payments come first.
  const statement may = bill(ledger(), deal("wallet"), month(4), march.closing, {},
                             std::vector<payment>{refund("R-2", "2026-04-05", "700.00", "P-4"),
                                                  paid("P-4", "2026-04-05", "1000.00")});
  EXPECT_DEC(may.prepaid->received, "1000.00");
  EXPECT_DEC(may.prepaid->refunded, "700.00");
  EXPECT_DEC(may.prepaid->closing, "20300.00");  // 25000.00 − 5000.00 + 1000.00 − 700.00
}

TEST(Ledger, AChargebackOfMoneyAlreadySpentLeavesTheBalanceOwing) {
  const std::vector<payment> march_paid{paid("P-1", "2026-03-01", "6000.00")};
  const statement march = bill(ledger(), deal("wallet"), month(3), {}, {}, march_paid);
  EXPECT_DEC(march.prepaid->closing, "1000.00");
  payment back = refund("CB-1", "2026-04-02", "6000.00", "P-1");
  back.kind = payment_kind::chargeback;
  const std::vector<payment> april_paid{back};
  const statement april = bill(ledger(), deal("wallet"), month(4), march.closing, {}, april_paid);
  // 1000.00 − 5000.00 (the fee: 1000.00 drawn, 4000.00 owed) − 6000.00 = −6000.00.
  EXPECT_DEC(april.prepaid->drawn, "1000.00");
  EXPECT_DEC(april.prepaid->owed, "4000.00");
  EXPECT_DEC(april.prepaid->closing, "-6000.00");
  bool negative = false;
  for (const alert& a : april.alerts)
    negative = negative || a.kind == alert_kind::balance_negative;
  EXPECT_TRUE(negative);
}

// ---------------------------------------------------------------------------------------------
// Fees

TEST(Ledger, ARetroactiveAmendmentBillsTheDifferenceOnce) {
  contract seats = deal("seats");
  seats.attributes["workstations"] = "12";
  const statement march = bill(ledger(), seats, month(3), {}, {});
  EXPECT_DEC(march.fees_total, "30000.00");  // 12 × 2500.00
  ASSERT_EQ(march.closing.fees.size(), 1U);
  EXPECT_EQ(march.closing.fees[0].fee, "support");

  // In April the client says it has had 15 workstations since 1 March.
  seats.amendments.push_back({*parse_date("2026-03-01"), {{"workstations", "15"}}, {}, {}});
  const statement april = bill(ledger(), seats, month(4), march.closing, {});
  ASSERT_EQ(april.fees.size(), 2U);
  EXPECT_EQ(april.fees[0].fee_period, month(3));
  EXPECT_DEC(april.fees[0].amount, "7500.00");  // 37500.00 − 30000.00
  ASSERT_TRUE(april.fees[0].billed_before);
  EXPECT_DEC(*april.fees[0].billed_before, "30000.00");
  EXPECT_DEC(april.fees[0].units, "15");
  EXPECT_EQ(april.fees[1].fee_period, month(4));
  EXPECT_DEC(april.fees[1].amount, "37500.00");
  EXPECT_FALSE(april.fees[1].billed_before);
  EXPECT_DEC(april.total, "45000.00");

  // Billed again, April changes nothing; a later correction down to 10 credits the difference.
  const statement again = bill(ledger(), seats, month(4), april.closing, {});
  EXPECT_TRUE(again.fees.empty());
  EXPECT_EQ(again.closing, april.closing);
  seats.amendments.back().attributes["workstations"] = "10";
  const statement may = bill(ledger(), seats, month(5), april.closing, {});
  ASSERT_EQ(may.fees.size(), 3U);
  EXPECT_DEC(may.fees[0].amount, "-12500.00");  // March: 25000.00 − 37500.00
  EXPECT_DEC(may.fees[1].amount, "-12500.00");  // April
  EXPECT_DEC(may.fees[2].amount, "25000.00");   // May
  EXPECT_DEC(may.total, "0.00");

  // A fee period that cannot be computed now (the units are no longer given) keeps its record:
  // nothing is adjusted on a guess, and the alert says why May's fee is missing.
  contract unknown = deal("seats");
  const statement june = bill(ledger(), unknown, month(6), may.closing, {});
  EXPECT_TRUE(june.fees.empty());
  EXPECT_EQ(june.closing.fees, may.closing.fees);
  ASSERT_EQ(june.alerts.size(), 1U);
  EXPECT_EQ(june.alerts[0].kind, alert_kind::fee_not_charged);
}

// ---------------------------------------------------------------------------------------------
// The state: its contract, its format, its horizon

TEST(Ledger, AStateOfAnotherContractIsRefused) {
  const statement march = bill(ledger(), deal("service"), month(3), {}, march_visits());
  try {
    (void)bill(ledger(), deal("service", "C-2"), month(4), march.closing, {});
    ADD_FAILURE() << "billed from another contract's state";
  } catch (const billing_input_error& e) {
    EXPECT_STREQ(e.what(), "contract 'C-2': the opening state is contract 'C-1''s");
  }
}

TEST(Ledger, AFormatOneStateIsMigratedAndSaysSo) {
  billing_state old;
  old.format = 1;
  old.allowances.push_back({"visit/month", month(3), decimal(2)});
  const std::vector<work_line> work{visit("V3", "2026-03-17T10:00:00+03:00"),
                                    visit("V4", "2026-03-24T10:00:00+03:00")};
  const statement march = bill(ledger(), deal("service"), month(3), old, work);
  EXPECT_DEC(march.lines[0].amount, "0.00");  // the third visit
  EXPECT_DEC(march.lines[1].amount, "1800.00");
  ASSERT_FALSE(march.alerts.empty());
  EXPECT_EQ(march.alerts[0].kind, alert_kind::state_migrated);
  EXPECT_EQ(march.closing.format, 2);
  EXPECT_EQ(march.closing.revision, 1U);
  EXPECT_EQ(march.closing.lines.size(), 2U);
}

TEST(Ledger, TheHorizonClosesOldPeriodsAndForgetsTheirRecords) {
  bill_options two;
  two.late_work_periods = 2;
  const std::vector<work_line> january{visit("J1", "2026-01-20T10:00:00+03:00")};
  const statement jan = bill(ledger(), deal("service"), month(1), {}, january, two);
  const statement feb = bill(ledger(), deal("service"), month(2), jan.closing, {}, two);
  const statement mar = bill(ledger(), deal("service"), month(3), feb.closing, {}, two);
  // March reaches back to January: its records are kept.
  EXPECT_EQ(mar.closing.lines.size(), 1U);
  // April reaches back to February: January's records are gone, and January's work is closed.
  std::vector<work_line> april_work = january;
  april_work.push_back(visit("J2", "2026-01-21T10:00:00+03:00"));
  const statement apr = bill(ledger(), deal("service"), month(4), mar.closing, april_work, two);
  EXPECT_TRUE(apr.closing.lines.empty());
  EXPECT_EQ(apr.closing.statements.size(), 3U);  // February, March, April
  ASSERT_EQ(apr.rejected.size(), 2U);
  EXPECT_EQ(apr.rejected[0].rejected, reject_reason::period_closed);
  EXPECT_EQ(apr.rejected[0].message,
            "line J1: it is dated 2026-01-20, before the late-work horizon (2026-02-01): that "
            "period is closed");
  EXPECT_DEC(apr.total, "45000.00");
  // January itself can no longer be billed from April's state.
  try {
    (void)bill(ledger(), deal("service"), month(1), apr.closing, {}, two);
    ADD_FAILURE() << "a closed period was billed";
  } catch (const billing_input_error& e) {
    EXPECT_STREQ(e.what(),
                 "contract 'C-1': 2026-01-01..2026-01-31 is closed: the state has billed "
                 "2026-04-01..2026-04-30, and late work reaches back 2 periods, to 2026-02-01");
  }
}

TEST(Ledger, APlansLateWorkHorizonIsTheDefaultTheOptionsOverride) {
  std::string source(ledger_tariff);
  source.replace(source.find("  includes 3 visit per month\n"), 0, "  late work 1 period\n");
  const compiled_tariff t = compile_ok(source);
  const std::vector<work_line> work{visit("J1", "2026-01-20T10:00:00+03:00"),
                                    visit("F1", "2026-02-20T10:00:00+03:00")};
  const statement march = bill(t, deal("service"), month(3), {}, work);
  ASSERT_EQ(march.rejected.size(), 1U);  // March reaches back to February only
  EXPECT_EQ(march.rejected[0].id, "J1");
  EXPECT_EQ(march.rejected[0].rejected, reject_reason::period_closed);
  EXPECT_EQ(ids(march.adjustments), (std::vector<std::string>{"F1"}));
  bill_options two;
  two.late_work_periods = 2;
  EXPECT_TRUE(bill(t, deal("service"), month(3), {}, work, two).rejected.empty());
  two.late_work_periods = 0;
  try {
    (void)bill(t, deal("service"), month(3), {}, work, two);
    ADD_FAILURE() << "a horizon of 0 periods was taken";
  } catch (const call_error& e) {
    EXPECT_STREQ(e.what(), "the late-work horizon must be from 1 to 1200 periods, not 0");
  }
}

TEST(Ledger, PricingRequestByRequestLeavesTheLedgerToBilling) {
  const statement march = bill(ledger(), deal("service"), month(3), {}, march_visits());
  billing_state state = march.closing;
  const std::vector<work_line> april{visit("A1", "2026-04-07T12:00:00+03:00")};
  (void)price_with_state(ledger(), deal("service"), state, april);
  EXPECT_EQ(state.lines, march.closing.lines);
  EXPECT_EQ(state.revision, march.closing.revision);
  EXPECT_EQ(state.allowances.size(), 2U);  // March's use and April's
}

TEST(Ledger, FingerprintsSeePricingFieldsOnly) {
  const work_line a = visit("V1", "2026-03-03T10:00:00+03:00");
  work_line b = a;
  b.performer = "Orlov";
  b.request = "R-7";
  b.accepted = true;
  b.id = "V2";
  EXPECT_EQ(work_fingerprint(a), work_fingerprint(b));
  b.quantity = decimal("1.00");  // the same quantity, another scale
  EXPECT_EQ(work_fingerprint(a), work_fingerprint(b));
  b.quantity = decimal(2);
  EXPECT_NE(work_fingerprint(a), work_fingerprint(b));
  work_line c = a;
  c.attributes["urgent"] = "true";
  EXPECT_NE(work_fingerprint(a), work_fingerprint(c));
  work_line d = a;
  d.site = "S-1";
  EXPECT_NE(work_fingerprint(a), work_fingerprint(d));
  EXPECT_EQ(work_fingerprint(a).size(), 32U);
  // Stable across versions and machines: a stored ledger must keep recognising its lines.
  EXPECT_EQ(work_fingerprint(a), "a6bb1a8ca05df3777b4571568c8bfb6c");
}

}  // namespace
}  // namespace tariff
