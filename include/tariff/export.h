/* tariff — TARIFF_API marks what the library exports.
 *
 * A static libtariff exports everything and TARIFF_API is empty. The shared C++ library is built
 * with hidden visibility (only what is marked leaves it), and both building it (TARIFF_LIB_EXPORT)
 * and using it (TARIFF_SHARED, set by the tariff::tariff target of a shared build) give the marked
 * declarations default visibility. The C library libtariff_c exports its `tariff_*` functions
 * through a version script instead (docs/c_interface.md). Plain C, so tariff.h can include it. */
#ifndef TARIFF_EXPORT_H
#define TARIFF_EXPORT_H

#if defined(TARIFF_LIB_EXPORT) || defined(TARIFF_SHARED)
#define TARIFF_API __attribute__((visibility("default")))
#else
#define TARIFF_API
#endif

#endif /* TARIFF_EXPORT_H */
