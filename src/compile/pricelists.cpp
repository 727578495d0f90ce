// Price lists as snapshots: what each list offers from each effective date on, with its base's
// items (in the base's version in force on the same date) and its own overrides applied.
#include "compile/pricelists.hpp"

#include <algorithm>
#include <set>

#include "compile/expressions.hpp"

namespace tariff::detail {

namespace {

std::int64_t unit_seconds_of(ast::item_unit u) {
  switch (u) {
    case ast::item_unit::hour:
      return 3600;
    case ast::item_unit::minute:
      return 60;
    case ast::item_unit::day:
      return 86400;
    default:
      return 0;
  }
}

// A step or minimum in the item's base measure: seconds for time items, units otherwise.
decimal base_measure(const ast::quantity& q, std::int64_t unit_seconds) {
  if (unit_seconds == 0) return q.amount;
  return q.amount * decimal(seconds_per(q.unit));
}

void apply_options(const ast::item_decl& d, item& it) {
  if (d.price) it.price = *d.price;
  if (d.cost) it.cost = *d.cost;
  if (d.step) {
    it.step = base_measure(d.step->step, it.unit_seconds);
    it.step_per_segment = d.step->per_segment;
  }
  if (d.minimum) it.minimum = base_measure(*d.minimum, it.unit_seconds);
  if (d.minimum_charge) {
    it.minimum_charge = d.minimum_charge;
    it.minimum_charge_at = d.minimum_charge_at;
  }
  if (d.maximum_charge) {
    it.maximum_charge = d.maximum_charge;
    it.maximum_charge_at = d.maximum_charge_at;
  }
  if (d.tiers) {
    tier_table t;
    t.kind = d.tiers->kind;
    t.package_size = d.tiers->package_size;
    // Bounds are in the item's unit: hours become seconds; package tiers count packages.
    const bool packages = t.kind == ast::tier_kind::package;
    const decimal per = packages || it.unit_seconds == 0 ? decimal(1) : decimal(it.unit_seconds);
    for (const ast::tier& x : d.tiers->tiers) {
      tier out;
      if (x.high) out.high = *x.high * per;
      out.value = t.kind == ast::tier_kind::percentage ? x.value.number * decimal::from_units(1, 2)
                                                       : x.value.number;
      out.at = x.at;
      t.tiers.push_back(std::move(out));
    }
    it.tiers = std::move(t);
  }
  if (d.discount_percent) {
    it.discount = d.discount_percent;
    it.discount_at = d.discount_at;
  }
  if (d.credit) it.credit = true;
}

struct family {
  std::string name;
  std::vector<const ast::pricelist_decl*> versions;  // sorted: undated first, then by date
  std::string base;                                  // empty: extends nothing
};

class builder {
 public:
  builder(const ast::module& m, tariff_program& p) : program_(p) {
    for (const ast::pricelist_decl& d : m.pricelists) {
      auto [at, added] = index_.try_emplace(d.name.text, families_.size());
      if (added) families_.push_back({d.name.text, {}, d.base ? d.base->text : std::string()});
      families_[at->second].versions.push_back(&d);
    }
    for (family& f : families_)
      std::stable_sort(f.versions.begin(), f.versions.end(), [](const auto* a, const auto* b) {
        return a->effective.value_or(local_date::min()) < b->effective.value_or(local_date::min());
      });
  }

  void build() {
    // First every snapshot, each resolved once (a list's snapshots are read by the lists that
    // extend it); then each moved into its list: copying 10 000 items per snapshot was a tenth of
    // the compile stage.
    std::vector<std::vector<std::optional<local_date>>> starts(families_.size());
    for (std::size_t i = 0; i < families_.size(); ++i) {
      const family& f = families_[i];
      // A snapshot starts wherever the list or any list it extends gets a new version.
      std::set<local_date> dates;
      for (const family* g = &f; g != nullptr; g = base_of(*g))
        for (const auto* v : g->versions)
          if (v->effective) dates.insert(*v->effective);
      starts[i].push_back(std::nullopt);
      starts[i].insert(starts[i].end(), dates.begin(), dates.end());
      for (const std::optional<local_date>& d : starts[i])
        snapshot_on(f, d);
    }
    for (std::size_t i = 0; i < families_.size(); ++i) {
      pricelist out;
      out.name = families_[i].name;
      for (const std::optional<local_date>& d : starts[i])
        out.snapshots.push_back(std::move(memo_.at({i, d})));
      program_.pricelist_index.emplace(out.name,
                                       static_cast<std::uint32_t>(program_.pricelists.size()));
      program_.pricelists.push_back(std::move(out));
    }
  }

 private:
  const family* base_of(const family& f) const {
    if (f.base.empty()) return nullptr;
    return &families_[index_.at(f.base)];
  }

  // The version of `f` in force on `day` (nullopt: before every date), or null.
  static const ast::pricelist_decl* version_on(const family& f, std::optional<local_date> day) {
    const ast::pricelist_decl* found = nullptr;
    for (const auto* v : f.versions)
      if (!v->effective || (day && *v->effective <= *day)) found = v;
    return found;
  }

  // Memoised: a long `extends` chain resolves each (list, date) once.
  const pricelist_snapshot& snapshot_on(const family& f, std::optional<local_date> day) {
    const auto key = std::pair{static_cast<std::size_t>(&f - families_.data()), day};
    if (const auto found = memo_.find(key); found != memo_.end()) return found->second;
    return memo_.emplace(key, resolve(f, day)).first->second;
  }

  pricelist_snapshot resolve(const family& f, std::optional<local_date> day) {
    pricelist_snapshot s;
    s.from = day;
    s.by_id.assign(program_.item_names.size(), -1);
    const ast::pricelist_decl* version = version_on(f, day);
    if (version == nullptr) return s;
    if (const family* b = base_of(f)) {
      // A list is in force only when its base is: before the base's first version it has no
      // inherited items to price, which is what no_price_list_version says.
      const pricelist_snapshot& inherited = snapshot_on(*b, day);
      if (!inherited.in_force) return s;
      s.items = inherited.items;
      s.by_id = inherited.by_id;
    }
    s.in_force = true;
    // Exactly the room the items need: the snapshots are moved into the program as they are, and
    // a vector grown by doubling would keep up to twice the memory (docs/performance.md).
    s.items.reserve(s.items.size() + static_cast<std::size_t>(std::count_if(
                                         version->items.begin(), version->items.end(),
                                         [](const ast::item_decl& d) { return !d.is_override; })));
    for (const ast::item_decl& d : version->items) {
      const std::uint32_t id = program_.item_ids.at(d.name.text);
      if (d.is_override) {
        // An override of an item the base's version in force lacks changes nothing.
        if (s.by_id[id] >= 0) apply_options(d, s.items[static_cast<std::size_t>(s.by_id[id])]);
        continue;
      }
      item it;
      it.id = id;
      it.name = d.name.text;
      it.title = d.title.empty() ? d.name.text : d.title;
      it.unit = d.unit.value_or(ast::item_unit::piece);
      it.unit_seconds = unit_seconds_of(it.unit);
      it.at = d.at;
      apply_options(d, it);
      s.by_id[id] = static_cast<std::int32_t>(s.items.size());
      s.items.push_back(std::move(it));
    }
    return s;
  }

  tariff_program& program_;
  std::vector<family> families_;
  std::map<std::string, std::size_t, std::less<>> index_;
  std::map<std::pair<std::size_t, std::optional<local_date>>, pricelist_snapshot> memo_;
};

}  // namespace

void assign_item_ids(const ast::module& m, tariff_program& p) {
  for (const ast::pricelist_decl& list : m.pricelists)
    for (const ast::item_decl& d : list.items) {
      if (d.is_override) continue;
      if (p.item_ids.try_emplace(d.name.text, static_cast<std::uint32_t>(p.item_names.size()))
              .second)
        p.item_names.push_back(d.name.text);
    }
}

void build_pricelists(const ast::module& m, tariff_program& p) {
  builder(m, p).build();
}

const pricelist_snapshot* pricelist::on(local_date day) const {
  const pricelist_snapshot* found = nullptr;
  for (const pricelist_snapshot& s : snapshots)
    if (!s.from || *s.from <= day) found = &s;
  return found;
}

}  // namespace tariff::detail
