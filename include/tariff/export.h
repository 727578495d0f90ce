/* tariff — TARIFF_API marks what the C++ library exports, TARIFF_C_API the C interface.
 *
 * A static libtariff exports everything and TARIFF_API is empty. The shared C++ library is built
 * with hidden visibility (only what is marked leaves it), and both building it (TARIFF_LIB_EXPORT)
 * and using it (TARIFF_SHARED, set by the tariff::tariff target of a shared build) give the marked
 * declarations default visibility.
 *
 * TARIFF_C_API marks the C interface's functions (tariff.h): visible from every library that holds
 * them, whatever the build's visibility. libtariff_c.so.1 then narrows its exports to exactly
 * them through a version script (src/capi/tariff_c.map; docs/c_interface.md). Plain C, so tariff.h
 * can include it. */
#ifndef TARIFF_EXPORT_H
#define TARIFF_EXPORT_H

#if defined(TARIFF_LIB_EXPORT) || defined(TARIFF_SHARED)
#define TARIFF_API __attribute__((visibility("default")))
#else
#define TARIFF_API
#endif

#if defined(__GNUC__)
#define TARIFF_C_API __attribute__((visibility("default")))
#else
#define TARIFF_C_API
#endif

#endif /* TARIFF_EXPORT_H */
