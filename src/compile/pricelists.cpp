// Price lists as snapshots: what each list offers from each effective date on, with its base's
// items (in the base's version in force on the same date) and its own overrides applied. A
// snapshot holds only what its list says and points at its base's snapshot for the rest
// (program.hpp, snapshot_layer), so compiling takes time and space in proportion to the lists
// and their dates, never to what the lists inherit.
#include "compile/pricelists.hpp"

#include <algorithm>
#include <limits>
#include <set>
#include <stdexcept>
#include <unordered_map>

#include "check/graph.hpp"
#include "check/work_count.hpp"
#include "compile/expressions.hpp"
#include "errors/stop_point.hpp"

namespace tariff::compile_stage {

namespace work_count = check_stage::work_count;
using plan::id_index;
using plan::indexed_items;
using plan::item;
using plan::item_positions;
using plan::pricelist;
using plan::pricelist_snapshot;
using plan::snapshot_items;
using plan::snapshot_layer;
using plan::snapshot_parts;
using plan::tariff_program;
using plan::tier;
using plan::tier_table;

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

// The last of `snapshots` (sorted: the undated one first, then by date) starting on or before
// `day`, or null.
const pricelist_snapshot* snapshot_on(const std::vector<pricelist_snapshot>& snapshots,
                                      local_date day) {
  const auto after = std::upper_bound(
      snapshots.begin(), snapshots.end(), day,
      [](local_date d, const pricelist_snapshot& s) { return s.from && d < *s.from; });
  return after == snapshots.begin() ? nullptr : &*(after - 1);
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
    // Bases first, so that a list's snapshot finds its base's on the same date already built.
    check_stage::adjacency extends(families_.size());
    for (std::size_t i = 0; i < families_.size(); ++i)
      if (const family* b = base_of(families_[i]))
        extends[i].push_back(static_cast<std::size_t>(b - families_.data()));
    std::vector<std::vector<pricelist_snapshot>> snapshots(families_.size());
    for (const std::size_t i : check_stage::dependencies_first(extends)) {
      const family& f = families_[i];
      // A snapshot starts wherever the list or any list it extends gets a new version.
      std::set<local_date> dates;
      for (const family* g = &f; g != nullptr; g = base_of(*g)) {
        work_count::add();
        for (const auto* v : g->versions)
          if (v->effective) dates.insert(*v->effective);
      }
      snapshots[i].push_back(resolve(i, std::nullopt, snapshots));
      for (const local_date d : dates)
        snapshots[i].push_back(resolve(i, d, snapshots));
    }
    for (std::size_t i = 0; i < families_.size(); ++i) {
      pricelist out;
      out.name = families_[i].name;
      out.snapshots = std::move(snapshots[i]);
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

  // The version of `f` in force on `day` (nullopt: before every date), or null. The versions are
  // sorted, undated first: a list may have thousands of versions, so a binary search.
  static const ast::pricelist_decl* version_on(const family& f, std::optional<local_date> day) {
    const auto undated_end = std::partition_point(f.versions.begin(), f.versions.end(),
                                                  [](const auto* v) { return !v->effective; });
    const auto after =
        day ? std::upper_bound(undated_end, f.versions.end(), *day,
                               [](local_date d, const auto* v) { return d < *v->effective; })
            : undated_end;
    return after == f.versions.begin() ? nullptr : *(after - 1);
  }

  // The snapshot of family `i` on `day`, its base's snapshots being built.
  pricelist_snapshot resolve(std::size_t i, std::optional<local_date> day,
                             const std::vector<std::vector<pricelist_snapshot>>& built) {
    const family& f = families_[i];
    pricelist_snapshot s;
    s.from = day;
    const ast::pricelist_decl* version = version_on(f, day);
    if (version == nullptr) return s;
    auto layer = std::make_shared<snapshot_layer>();
    if (const family* b = base_of(f)) {
      // A list is in force only when its base is: before the base's first version it has no
      // inherited items to price, which is what no_price_list_version says.
      const pricelist_snapshot& inherited =
          in_force_on(built[static_cast<std::size_t>(b - families_.data())], day);
      if (!inherited.in_force) return s;
      layer->base = inherited.layer;
      layer->overrides = overrides(*version, inherited);
    }
    layer->declared = declared(*version);
    s.in_force = true;
    s.layer = layer;
    const snapshot_parts parts(layer);
    s.items = snapshot_items(parts);
    s.by_id = item_positions(parts, program_.item_names.size());
    return s;
  }

  // The snapshot of a list on `day`: the last starting on or before it; the first (which starts
  // before every date) for nullopt.
  static const pricelist_snapshot& in_force_on(const std::vector<pricelist_snapshot>& snapshots,
                                               std::optional<local_date> day) {
    if (!day) return snapshots.front();
    return *snapshot_on(snapshots, *day);
  }

  // The items a version declares, compiled once for all the snapshots of that version.
  std::shared_ptr<const indexed_items> declared(const ast::pricelist_decl& version) {
    auto [found, is_new] = declared_.try_emplace(&version);
    if (!is_new) return found->second;
    auto out = std::make_shared<indexed_items>();
    // Exactly the room the items need: a vector grown by doubling would keep up to twice the
    // memory (docs/performance.md).
    out->items.reserve(static_cast<std::size_t>(
        std::count_if(version.items.begin(), version.items.end(),
                      [](const ast::item_decl& d) { return !d.is_override; })));
    std::vector<std::uint32_t> ids;
    ids.reserve(out->items.capacity());
    for (const ast::item_decl& d : version.items) {
      // compile()'s stop condition, among a list's up to 100 000 items.
      errors::poll_every(static_cast<std::size_t>(&d - version.items.data()), version.items.size(),
                         "items built");
      if (d.is_override) continue;
      work_count::add();
      item it;
      it.id = program_.item_ids.at(d.name.text);
      it.name = d.name.text;
      it.title = d.title.empty() ? d.name.text : d.title;
      it.unit = d.unit.value_or(ast::item_unit::piece);
      it.unit_seconds = unit_seconds_of(it.unit);
      it.at = d.at;
      apply_options(d, it);
      ids.push_back(it.id);
      out->items.push_back(std::move(it));
    }
    out->index = id_index(ids);
    found->second = std::move(out);
    return found->second;
  }

  // The inherited items a version overrides, as its base offers them on the snapshot's date with
  // the override's options applied; null if it overrides none. An override of an item the base's
  // version in force lacks changes nothing.
  std::shared_ptr<const indexed_items> overrides(const ast::pricelist_decl& version,
                                                 const pricelist_snapshot& base) const {
    std::shared_ptr<indexed_items> out;
    std::vector<std::uint32_t> ids;
    for (const ast::item_decl& d : version.items) {
      if (!d.is_override) continue;
      work_count::add();
      const std::uint32_t id = program_.item_ids.at(d.name.text);
      const std::int32_t position = base.by_id[id];
      if (position < 0) continue;
      if (!out) out = std::make_shared<indexed_items>();
      out->items.push_back(base.items[static_cast<std::size_t>(position)]);
      apply_options(d, out->items.back());
      ids.push_back(id);
    }
    if (out) out->index = id_index(ids);
    return out;
  }

  tariff_program& program_;
  std::vector<family> families_;
  std::map<std::string, std::size_t, std::less<>> index_;
  std::unordered_map<const ast::pricelist_decl*, std::shared_ptr<const indexed_items>> declared_;
};

constexpr std::int32_t none = -1;

}  // namespace

void assign_item_ids(const ast::module& m, tariff_program& p) {
  for (const ast::pricelist_decl& list : m.pricelists)
    for (const ast::item_decl& d : list.items) {
      errors::poll_every(static_cast<std::size_t>(&d - list.items.data()), list.items.size(),
                         "items built");
      if (d.is_override) continue;
      if (p.item_ids.try_emplace(d.name.text, static_cast<std::uint32_t>(p.item_names.size()))
              .second)
        p.item_names.push_back(d.name.text);
    }
}

void build_pricelists(const ast::module& m, tariff_program& p) {
  builder(m, p).build();
}

}  // namespace tariff::compile_stage

// The members of the plan's price-list types, built with the helpers above.
namespace tariff {

plan::id_index::id_index(const std::vector<std::uint32_t>& ids) {
  if (ids.empty()) return;
  const auto [low, high] = std::minmax_element(ids.begin(), ids.end());
  const std::size_t span = std::size_t{*high} - *low + 1;
  if (span <= 2 * ids.size() + 16) {
    low_ = *low;
    dense_.assign(span, compile_stage::none);
    for (std::size_t i = 0; i < ids.size(); ++i)
      if (dense_[ids[i] - low_] == compile_stage::none)
        dense_[ids[i] - low_] = static_cast<std::int32_t>(i);
    return;
  }
  sorted_.reserve(ids.size());
  for (std::size_t i = 0; i < ids.size(); ++i)
    sorted_.emplace_back(ids[i], static_cast<std::int32_t>(i));
  // Stable, so that of two items with one id (which a checked tariff does not have) the first
  // counts, as in the dense table.
  std::stable_sort(sorted_.begin(), sorted_.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
}

std::int32_t plan::id_index::find_sorted(std::uint32_t id) const {
  const auto found =
      std::lower_bound(sorted_.begin(), sorted_.end(), id,
                       [](const auto& entry, std::uint32_t k) { return entry.first < k; });
  return found != sorted_.end() && found->first == id ? found->second : compile_stage::none;
}

const plan::item& plan::snapshot_items::no_item() {
  throw std::out_of_range("price list snapshot: no item at this position");
}

const plan::pricelist_snapshot* plan::pricelist::search(local_date day) const {
  return compile_stage::snapshot_on(snapshots, day);
}

plan::snapshot_parts::snapshot_parts(std::shared_ptr<const snapshot_layer> layer)
    : top(std::move(layer)) {
  for (const snapshot_layer* l = top.get(); l != nullptr; l = l->base.get())
    for (const indexed_items* part : {l->overrides.get(), l->declared.get()})
      if (part != nullptr && !part->items.empty()) parts.push_back(part);
}

}  // namespace tariff
