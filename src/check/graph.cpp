#include "check/graph.hpp"

#include <algorithm>
#include <limits>

#include "check/work_count.hpp"

namespace tariff::check_stage {

namespace {
constexpr std::size_t unvisited = std::numeric_limits<std::size_t>::max();
}  // namespace

std::vector<std::size_t> strong_components(const adjacency& edges) {
  const std::size_t n = edges.size();
  std::vector<std::size_t> component(n, unvisited);
  std::vector<std::size_t> order(n, unvisited);  // when the search first reached each vertex
  std::vector<std::size_t> low(n, 0);  // the earliest vertex still on the stack it reaches
  std::vector<bool> on_stack(n, false);
  std::vector<std::size_t> stack;  // vertices whose component is not settled yet
  struct frame {
    std::size_t vertex;
    std::size_t next_edge;
  };
  std::vector<frame> search;  // the recursion of the textbook algorithm, made explicit
  std::size_t visited = 0;
  std::size_t components = 0;
  for (std::size_t root = 0; root < n; ++root) {
    if (order[root] != unvisited) continue;
    search.push_back({root, 0});
    order[root] = low[root] = visited++;
    stack.push_back(root);
    on_stack[root] = true;
    while (!search.empty()) {
      frame& f = search.back();
      const std::size_t v = f.vertex;
      work_count::add();
      if (f.next_edge < edges[v].size()) {
        const std::size_t w = edges[v][f.next_edge++];
        if (order[w] == unvisited) {
          order[w] = low[w] = visited++;
          stack.push_back(w);
          on_stack[w] = true;
          search.push_back({w, 0});  // invalidates f
        } else if (on_stack[w]) {
          low[v] = std::min(low[v], order[w]);
        }
        continue;
      }
      if (low[v] == order[v]) {  // v is the first of its component: the stack above it is it
        std::size_t w = unvisited;
        do {
          w = stack.back();
          stack.pop_back();
          on_stack[w] = false;
          component[w] = components;
        } while (w != v);
        ++components;
      }
      search.pop_back();
      if (!search.empty()) {
        const std::size_t parent = search.back().vertex;
        low[parent] = std::min(low[parent], low[v]);
      }
    }
  }
  return component;
}

std::vector<std::vector<std::size_t>> cycles(const adjacency& edges) {
  const std::vector<std::size_t> component = strong_components(edges);
  const std::size_t n = edges.size();
  // A group has a cycle if it has two vertices or its vertex points at itself.
  std::vector<std::size_t> size(n, 0);
  for (const std::size_t c : component)
    ++size[c];
  std::vector<bool> has_cycle(n, false);
  for (std::size_t v = 0; v < n; ++v) {
    if (size[component[v]] > 1) has_cycle[component[v]] = true;
    for (const std::size_t w : edges[v]) {
      work_count::add();
      if (w == v) has_cycle[component[v]] = true;
    }
  }
  std::vector<std::vector<std::size_t>> out;
  std::vector<bool> reported(n, false);  // by component
  std::vector<bool> seen(n, false);      // groups are disjoint: one search never meets another's
  for (std::size_t start = 0; start < n; ++start) {
    const std::size_t group = component[start];
    if (!has_cycle[group] || reported[group]) continue;
    reported[group] = true;
    std::vector<std::size_t> path{start};
    std::vector<std::size_t> next_edge{0};
    seen[start] = true;
    while (!path.empty()) {
      const std::size_t v = path.back();
      work_count::add();
      if (next_edge.back() == edges[v].size()) {
        path.pop_back();
        next_edge.pop_back();
        continue;
      }
      const std::size_t w = edges[v][next_edge.back()++];
      if (w == start) break;
      if (component[w] != group || seen[w]) continue;
      seen[w] = true;
      path.push_back(w);
      next_edge.push_back(0);
    }
    out.push_back(std::move(path));  // never empty: the group has a cycle through its start
  }
  return out;
}

std::vector<std::size_t> dependencies_first(const adjacency& edges) {
  const std::size_t n = edges.size();
  std::vector<std::size_t> out;
  out.reserve(n);
  std::vector<bool> seen(n, false);
  std::vector<std::pair<std::size_t, std::size_t>> search;  // (vertex, next edge)
  for (std::size_t root = 0; root < n; ++root) {
    if (seen[root]) continue;
    seen[root] = true;
    search.emplace_back(root, 0);
    while (!search.empty()) {
      auto& [v, next] = search.back();
      work_count::add();
      if (next < edges[v].size()) {
        const std::size_t w = edges[v][next++];
        if (!seen[w]) {
          seen[w] = true;
          search.emplace_back(w, 0);  // invalidates v and next
        }
        continue;
      }
      out.push_back(v);
      search.pop_back();
    }
  }
  return out;
}

}  // namespace tariff::check_stage
