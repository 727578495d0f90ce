// Pricing throughput: the facilities tariff of the language reference (night and weekend group,
// a regional table, loyalty by contract year; a minimum and a billing step) over 10 000 generated
// work lines: two thirds timed jobs of 20 minutes to 5 hours starting at any quarter hour of
// March 2026 in Moscow (so about a fifth cross 22:00 or midnight), one third counted visits.
// Compared with a hand-written pricer of the same tariff on the same lines (price_by_hand), which
// is what a host would write without the engine: the figure to beat is not zero, but that.
#include <fstream>
#include <random>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include <benchmark/benchmark.h>
#include <tariff/billing.hpp>
#include <tariff/pricing.hpp>

namespace {

// The tariff is shared with the Python batch benchmark and the Dask example.
std::string read_facilities() {
  std::ifstream in(TARIFF_FACILITIES_TARIFF, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  if (!in) throw std::runtime_error("cannot read " TARIFF_FACILITIES_TARIFF);
  return text.str();
}

const std::string facilities = read_facilities();

struct fixture {
  tariff::compiled_tariff tariff;
  tariff::contract deal;
  std::vector<tariff::work_line> lines;
};

fixture make(std::size_t n) {
  tariff::compile_result compiled = tariff::compile(facilities, "facilities.tariff");
  fixture f{*compiled.tariff, {}, {}};
  f.deal.id = "C-1";
  f.deal.plan = "";
  f.deal.pricelist = "retail";
  f.deal.start = *tariff::parse_date("2026-01-01");
  f.deal.end = *tariff::parse_date("2026-12-31");
  f.deal.client_since = *tariff::parse_date("2023-06-01");
  std::mt19937_64 random(20261124);
  const tariff::instant march = *tariff::parse_instant("2026-03-01T00:00:00+03:00");
  const char* regions[] = {"moscow", "tula", "kaluga"};
  for (std::size_t i = 0; i < n; ++i) {
    tariff::work_line w;
    w.id = "L" + std::to_string(i);
    w.contract = "C-1";
    w.start = march + std::chrono::minutes(15 * static_cast<long>(random() % (31 * 96)));
    w.site_attributes["region"] = regions[random() % 3];
    if (i % 3 == 2) {
      w.item = "engineer_visit";
      w.quantity = tariff::decimal(1);
    } else {
      w.item = "hvac_repair";
      w.end = w.start + std::chrono::minutes(20 + static_cast<long>(random() % 280));
    }
    f.lines.push_back(std::move(w));
  }
  return f;
}

void BM_price(benchmark::State& state) {
  const fixture f = make(10000);
  const tariff::price_options options{state.range(0) != 0};
  for (auto _ : state) {
    auto priced = tariff::price(f.tariff, f.deal, f.lines, options);
    benchmark::DoNotOptimize(priced);
  }
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(f.lines.size()));
  state.SetLabel(state.range(0) != 0 ? "trace on" : "trace off");
}
BENCHMARK(BM_price)->Arg(1)->Arg(0)->Unit(benchmark::kMillisecond);

// The same lines through tariff::price_into into one result vector kept across iterations, as a
// host pricing a stream does: the results are built in the memory of the previous iteration's.
void BM_price_into(benchmark::State& state) {
  const fixture f = make(10000);
  const tariff::price_options options{state.range(0) != 0};
  std::vector<tariff::priced_line> priced;
  for (auto _ : state) {
    tariff::price_into(f.tariff, f.deal, f.lines, priced, options);
    benchmark::DoNotOptimize(priced.data());
    benchmark::ClobberMemory();
  }
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(f.lines.size()));
  state.SetLabel(state.range(0) != 0 ? "trace on" : "trace off");
}
BENCHMARK(BM_price_into)->Arg(1)->Arg(0)->Unit(benchmark::kMillisecond);

// The same tariff written by hand in C++ with the library's decimal and calendar: what the engine's
// interpretation costs over code that knows the tariff at compile time.
class by_hand {
 public:
  by_hand() : cal_(tariff::find_time_zone("Europe/Moscow")) {
    cal_.add_window({"night", std::chrono::hours(22), std::chrono::hours(6)});
    cal_.add_day_set({"weekend", 0b1000001});
  }

  tariff::decimal amount(const tariff::work_line& w) {
    const std::string& region = w.site_attributes.at("region");
    const tariff::decimal& factor = region == "moscow" ? moscow_
                                    : region == "tula" ? tula_
                                                       : other_;
    if (!w.end) {
      tariff::decimal p = visit_;
      if (cal_.labels_at(w.start, cal_.zone()).day_sets & 1U) p = p * one_and_half_;
      return (p * factor * loyalty_).round_to(cent_, tariff::rounding_mode::half_up);
    }
    cal_.split(w.start, *w.end, cal_.zone(), segments_);
    tariff::decimal measured;
    for (const auto& s : segments_)
      measured += tariff::decimal(s.duration().count());
    tariff::decimal billed =
        tariff::divide(measured, quarter_, 0, tariff::rounding_mode::ceiling) * quarter_;
    if (billed < hour_) billed = hour_;
    tariff::decimal total;
    for (std::size_t i = 0; i < segments_.size(); ++i) {
      tariff::decimal seconds(segments_[i].duration().count());
      if (i + 1 == segments_.size()) seconds += billed - measured;
      tariff::decimal p = hvac_;
      if (segments_[i].labels.windows & 1U) p = p * two_;
      if (segments_[i].labels.day_sets & 1U) p = p * one_and_half_;
      total += p * factor * loyalty_ * seconds;
    }
    return tariff::divide(total, hour_, 2, tariff::rounding_mode::half_up);
  }

 private:
  tariff::calendar cal_;
  std::vector<tariff::segment> segments_;
  const tariff::decimal hvac_{"2500.00"}, visit_{"1800.00"}, quarter_{900}, hour_{3600},
      cent_{"0.01"}, two_{2}, one_and_half_{"1.5"}, moscow_{"1.00"}, tula_{"1.25"}, other_{"1.10"},
      loyalty_{"0.90"};  // contract year 3
};

void BM_price_by_hand(benchmark::State& state) {
  const fixture f = make(10000);
  by_hand pricer;
  // Both must give the same figures, or the comparison means nothing.
  const auto engine = tariff::price(f.tariff, f.deal, f.lines);
  for (std::size_t i = 0; i < f.lines.size(); ++i)
    if (pricer.amount(f.lines[i]) != engine[i].amount) {
      state.SkipWithError(("line " + f.lines[i].id + " differs from the engine").c_str());
      return;
    }
  for (auto _ : state) {
    std::vector<tariff::decimal> amounts;
    amounts.reserve(f.lines.size());
    for (const tariff::work_line& w : f.lines)
      amounts.push_back(pricer.amount(w));
    benchmark::DoNotOptimize(amounts);
  }
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(f.lines.size()));
}
BENCHMARK(BM_price_by_hand)->Unit(benchmark::kMillisecond);

// Billing March: the same 10 000 lines (all dated in March) through the plan's two allowances,
// which run out part-way (300 visits of about 3 300, 400 h of about 6 000 h), with the fee.
void BM_bill(benchmark::State& state) {
  fixture f = make(10000);
  f.deal.plan = "standard";
  f.deal.pricelist.clear();
  const tariff::date_span march{*tariff::parse_date("2026-03-01"),
                                *tariff::parse_date("2026-04-01")};
  for (auto _ : state) {
    auto s = tariff::bill(f.tariff, f.deal, march, {}, f.lines);
    benchmark::DoNotOptimize(s);
  }
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(f.lines.size()));
}
BENCHMARK(BM_bill)->Unit(benchmark::kMillisecond);

void BM_compile(benchmark::State& state) {
  for (auto _ : state) {
    auto compiled = tariff::compile(facilities, "facilities.tariff");
    benchmark::DoNotOptimize(compiled);
  }
}
BENCHMARK(BM_compile)->Unit(benchmark::kMicrosecond);

}  // namespace
