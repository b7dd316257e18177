// SPDX-License-Identifier: MIT
// The GSL headers numasim uses, plus accessors for GSL's C globals.
// Swift 6 rejects reads of mutable C globals (gsl_rng_mt19937, ...) as not
// concurrency-safe; these inline functions return them instead.
// This module provides no API of its own: NUMASim/Random wraps it.
#ifndef NUMASIM_CGSL_SHIM_H
#define NUMASIM_CGSL_SHIM_H
#include <gsl/gsl_errno.h>
#include <gsl/gsl_rng.h>
#include <gsl/gsl_randist.h>
#include <gsl/gsl_cdf.h>
#include <gsl/gsl_statistics_double.h>
#include <gsl/gsl_sort_double.h>
#include <gsl/gsl_histogram.h>
#include <gsl/gsl_sf_gamma.h>

static inline const gsl_rng_type *cgsl_rng_mt19937(void) { return gsl_rng_mt19937; }
static inline const gsl_rng_type *cgsl_rng_default(void) { return gsl_rng_default; }
static inline unsigned long cgsl_rng_default_seed(void) { return gsl_rng_default_seed; }
static inline const gsl_rng_type **cgsl_rng_types(void) { return gsl_rng_types_setup(); }

// The generators NUMASim names (RandomGenerator's static members).
static inline const gsl_rng_type *cgsl_rng_ranlxd1(void) { return gsl_rng_ranlxd1; }
static inline const gsl_rng_type *cgsl_rng_ranlxd2(void) { return gsl_rng_ranlxd2; }
static inline const gsl_rng_type *cgsl_rng_ranlux(void) { return gsl_rng_ranlux; }
static inline const gsl_rng_type *cgsl_rng_ranlux389(void) { return gsl_rng_ranlux389; }
static inline const gsl_rng_type *cgsl_rng_taus2(void) { return gsl_rng_taus2; }
static inline const gsl_rng_type *cgsl_rng_taus113(void) { return gsl_rng_taus113; }
static inline const gsl_rng_type *cgsl_rng_gfsr4(void) { return gsl_rng_gfsr4; }
static inline const gsl_rng_type *cgsl_rng_mrg(void) { return gsl_rng_mrg; }
static inline const gsl_rng_type *cgsl_rng_cmrg(void) { return gsl_rng_cmrg; }
#endif
