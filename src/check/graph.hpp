// Directed graphs of declarations (tables looking each other up), walked without recursion: a
// chain of a hundred thousand tables must not take a stack frame per table.
#pragma once

#include <cstddef>
#include <vector>

namespace tariff::check_stage {

/// Vertices 0..n-1; edges[v] lists the vertices v points at, in the order they were found.
using adjacency = std::vector<std::vector<std::size_t>>;

/// For each vertex, the number of its strongly connected component (Tarjan's algorithm with an
/// explicit stack, O(vertices + edges)). Two vertices share a number exactly when each reaches
/// the other.
std::vector<std::size_t> strong_components(const adjacency& edges);

/// One cycle for each group of vertices that reach each other: the path from the group's first
/// vertex (the lowest number) back to it, searched depth first in edge order through the group
/// only, without its closing return to the first vertex. In the order of those first vertices.
std::vector<std::vector<std::size_t>> cycles(const adjacency& edges);

/// The vertices in an order where each comes after every vertex it points at (edges must form
/// no cycle), found without recursion.
std::vector<std::size_t> dependencies_first(const adjacency& edges);

}  // namespace tariff::check_stage
