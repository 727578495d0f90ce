// The one door to PEGTL: every tariff file that needs PEGTL includes this header and nothing
// else of PEGTL's, so the version, the input type and the contrib parts in use are fixed here.
#pragma once

#include <tao/pegtl.hpp>
#include <tao/pegtl/contrib/analyze.hpp>
#include <tao/pegtl/contrib/limit_depth.hpp>
#include <tao/pegtl/contrib/parse_tree.hpp>

namespace tariff::peg {

namespace pegtl = tao::pegtl;

/// The input every parse uses: a view of the whole source, positions tracked eagerly (line and
/// column of every node are read while building the syntax tree).
using input = pegtl::memory_input<pegtl::tracking_mode::eager, pegtl::eol::lf_crlf, std::string>;

}  // namespace tariff::peg
