// A source of the price stage may not read files or write reports: this include must not compile.
#include "formats/csv.hpp"
