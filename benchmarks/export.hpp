// The typical work mix written as a host's ITSM system exports it (docs/performance.md, "The
// pinned export"): what the readers and the `tariff` tool are measured on.
#pragma once

#include <cstddef>
#include <ostream>

#include "workload.hpp"

namespace bench {

/// The header of the export's work file: an id, a request, the contract, the item, start and end
/// in the site's local time with its UTC offset, a quantity, a kind, a performer, the site, its
/// zone and its region (`site.region`).
inline constexpr const char* export_header =
    "id,request,contract,item,start,end,quantity,kind,performer,site,time_zone,site.region\n";

/// Appends each line of `w` as one row of the export (no header).
void append_export_rows(std::ostream& out, const workload& w);

/// Appends each contract of `w` as one row of contracts.csv (no header; contracts_header).
inline constexpr const char* contracts_header = "id,client,plan,start,end,client_since\n";
void append_contract_rows(std::ostream& out, const workload& w);

}  // namespace bench
