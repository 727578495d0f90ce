// The unit-price memo: what the compiled code reads, and the look-ups (see memo.hpp).
#include "price/memo.hpp"

#include <algorithm>
#include <functional>
#include <memory>
#include <string_view>

#include "price/same_text.hpp"

namespace tariff::price_stage {

using plan::attribute_slot;
using plan::code;
using plan::group;
using plan::instruction;
using plan::item;
using plan::line_facts;
using plan::op;
using plan::rule;
using plan::step;
using plan::table;
using plan::tariff_program;

namespace {

template <typename F>
void each_code(const tariff_program& p, F f) {
  auto rule_code = [&](const rule& r) {
    if (r.condition) f(*r.condition);
    f(r.result);
  };
  for (const step& s : p.steps) {
    if (const auto* r = std::get_if<rule>(&s)) {
      rule_code(*r);
      continue;
    }
    for (const rule& r : std::get<group>(s).rules)
      rule_code(r);
  }
  for (const table& t : p.tables)
    f(t.key);
}

// The text of attribute `name`, or null. A site's or a line's attributes are a handful, so a
// scan comparing with same_text costs less than the map's search by ordered string comparisons.
const std::string* find_text(const attribute_map& source, const std::string& name) {
  if (source.size() <= 4) {
    for (const auto& [key, text] : source)
      if (same_text(key, name)) return &text;
    return nullptr;
  }
  const auto found = source.find(name);
  return found == source.end() ? nullptr : &found->second;
}

std::uint64_t mix(std::uint64_t h, std::uint64_t v) {
  return (h ^ v) * 0x100000001B3ULL + (h >> 29);
}

}  // namespace

unit_price_memo& unit_price_memo::for_thread(const tariff_program& program) {
  thread_local std::unique_ptr<unit_price_memo> memo;
  if (!memo || memo->serial_ != program.serial) memo = std::make_unique<unit_price_memo>(program);
  return *memo;
}

unit_price_memo::unit_price_memo(const tariff_program& program)
    : serial_(program.serial), program_(program) {
  std::vector<bool> read(program.attributes.size(), false);  // a tariff may read thousands
  each_code(program, [this, &read](const code& c) {
    for (const instruction& in : c.ops)
      switch (in.code) {
        case op::quantity:
        case op::work_duration:
          usable_ = false;
          break;
        case op::attribute:
          if (!read[in.arg]) {
            read[in.arg] = true;
            slots_.push_back(in.arg);
          }
          break;
        case op::contract_year:
          year_ = true;
          break;
        case op::contract_start:
        case op::contract_end:
        case op::client_since:
          deal_ = true;
          break;
        case op::work_kind:
          kind_ = true;
          break;
        case op::work_billable:
          billable_ = true;
          break;
        case op::work_date:
          date_ = true;
          break;
        default:
          break;
      }
  });
  current_.texts.resize(slots_.size());
}

bool unit_price_memo::matches(const line_key& stored) const {
  if (stored.year != current_.year || stored.kind != current_.kind ||
      stored.billable != current_.billable || stored.date != current_.date ||
      stored.start != current_.start || stored.end != current_.end ||
      stored.since != current_.since)
    return false;
  for (std::size_t i = 0; i < slots_.size(); ++i) {
    const std::string* now = current_.texts[i];
    const std::optional<std::string>& then = stored.owned[i];
    if ((now == nullptr) != !then.has_value()) return false;
    if (now != nullptr && !same_text(*now, *then)) return false;
  }
  return true;
}

std::uint64_t unit_price_memo::hash_current() const {
  std::uint64_t h = 0xCBF29CE484222325ULL;
  for (const std::string* text : current_.texts)
    h = mix(h, text == nullptr ? 0 : std::hash<std::string_view>{}(*text));
  h = mix(h, static_cast<std::uint64_t>(current_.year));
  h = mix(h, static_cast<std::uint64_t>(current_.kind) * 2 + (current_.billable ? 1 : 0));
  for (const local_date d : {current_.date, current_.start, current_.end, current_.since})
    h = mix(h, static_cast<std::uint64_t>(d.time_since_epoch().count()));
  return h;
}

void unit_price_memo::start_line(const line_facts& line) {
  for (std::size_t i = 0; i < slots_.size(); ++i) {
    const attribute_slot& a = program_.attributes[slots_[i]];
    const std::string* text = nullptr;
    switch (a.scope) {
      case vocabulary::attribute_scope::contract:
      case vocabulary::attribute_scope::client:
        text = attribute_on(*line.deal, a.scope == vocabulary::attribute_scope::client, a.name,
                            line.date);
        break;
      case vocabulary::attribute_scope::site:
      case vocabulary::attribute_scope::work: {
        const attribute_map& source = a.scope == vocabulary::attribute_scope::site
                                          ? line.work->site_attributes
                                          : line.work->attributes;
        text = find_text(source, a.name);
        break;
      }
    }
    current_.texts[i] = text;
  }
  if (year_) current_.year = line.contract_year;
  if (kind_) current_.kind = line.work->kind;
  if (billable_) current_.billable = line.billable;
  if (date_) current_.date = line.date;
  if (deal_) {
    current_.start = line.deal->start;
    current_.end = line.deal->end;
    current_.since = line.client_since;
  }
  // Most often the line before had the same inputs, or one of the last few lines (a client's
  // sites alternate): try their keys before hashing.
  if (key_ < keys_.size() && matches(keys_[key_])) return;
  for (const std::size_t k : recent_)
    if (k != key_ && k < keys_.size() && matches(keys_[k])) {
      key_ = k;
      return;
    }
  const std::uint64_t h = hash_current();
  for (auto [at, end] = by_hash_.equal_range(h); at != end; ++at)
    if (matches(keys_[at->second])) {
      key_ = at->second;
      recent_[next_recent_++ % recent_.size()] = key_;
      return;
    }
  if (keys_.size() == max_keys || entry_count_ >= max_entries || trace_steps_ >= max_trace_steps)
    clear();
  line_key stored = current_;
  stored.texts.clear();
  stored.owned.resize(slots_.size());
  for (std::size_t i = 0; i < slots_.size(); ++i)
    if (current_.texts[i] != nullptr) stored.owned[i] = *current_.texts[i];
  key_ = keys_.size();
  keys_.push_back(std::move(stored));
  entries_.emplace_back();
  by_hash_.emplace(h, key_);
  recent_[next_recent_++ % recent_.size()] = key_;
}

const unit_price_memo::entry* unit_price_memo::find(const item& it, const segment_labels& labels,
                                                    bool with_trace) const {
  for (const entry& e : entries_[key_])
    if (e.it == &it && e.labels == labels) return !with_trace || e.trace != no_trace ? &e : nullptr;
  return nullptr;
}

void unit_price_memo::add(const item& it, const segment_labels& labels, const decimal& price,
                          const std::vector<trace_step>* trace) {
  const bool keep_trace = trace != nullptr && trace_steps_ + trace->size() <= max_trace_steps;
  for (entry& e : entries_[key_])
    if (e.it == &it && e.labels == labels) {  // stored without its steps: add them
      if (keep_trace && e.trace == no_trace) {
        e.trace = static_cast<std::uint32_t>(traces_.size());
        traces_.push_back(*trace);
        trace_steps_ += trace->size();
      }
      return;
    }
  // A key with many items (a large price list) keeps its first ones: the scan in find() stays
  // short, and the rest are priced by the rules as without a memo.
  if (entries_[key_].size() == max_entries_per_key || entry_count_ == max_entries) return;
  entry& added = entries_[key_].emplace_back(entry{&it, labels, price, no_trace});
  if (keep_trace) {
    added.trace = static_cast<std::uint32_t>(traces_.size());
    traces_.push_back(*trace);
    trace_steps_ += trace->size();
  }
  ++entry_count_;
}

// Bounded: past the limits, forget everything and start again.
void unit_price_memo::clear() {
  keys_.clear();
  entries_.clear();
  by_hash_.clear();
  entry_count_ = 0;
  trace_steps_ = 0;
  traces_.clear();
  key_ = 0;
}

}  // namespace tariff::price_stage
