// A source of the price stage may include the stages it uses: the plan, the calendar's internals,
// the decimal's, and its own headers.
#include "calendar/internal.hpp"
#include "plan/program.hpp"
#include "price/amounts.hpp"
#include "vocabulary/vocabulary.hpp"
