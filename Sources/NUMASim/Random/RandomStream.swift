// SPDX-License-Identifier: MIT
import CGSL

/// One seeded GSL generator (`gsl_rng`): the source of randomness for one workload stream.
///
/// Each stream owns its generator state and frees it on deinit. A stream is
/// not `Sendable`: give each task or workload its own (``SeedSequence``
/// derives independent, reproducible seeds for them).
///
/// ## Seeds
/// The `UInt64` seed is passed unchanged to `gsl_rng_set` (GSL's seed is an
/// `unsigned long`, 64 bits on the Linux targets NUMASim supports), so
/// `RandomStream(seed: n, generator: g)` yields exactly the sequence a C
/// program gets from `GSL_RNG_TYPE=g GSL_RNG_SEED=n`. GSL's own rules apply:
/// seed 0 selects the generator's default seed (4357 for mt19937, so seeds 0
/// and 4357 give the same stream), and mt19937 keeps only the low 32 bits of
/// the seed. ``SeedSequence`` mixes all 64 bits of its inputs into the low
/// bits of every child seed, so derived streams do not suffer from that.
public final class RandomStream {
  /// The seed this stream started from.
  public let seed: UInt64
  /// The generator algorithm.
  public let generator: RandomGenerator
  /// The GSL generator; owned, freed on deinit.
  let rng: UnsafeMutablePointer<gsl_rng>

  /// A stream of `generator` seeded with `seed` (see the type's notes on seeds).
  public init(seed: UInt64, generator: RandomGenerator = .mt19937) {
    GSL.disableAbortingErrorHandler()
    guard let rng = gsl_rng_alloc(generator.gslType) else {
      // With the handler off, gsl_rng_alloc fails only when out of memory.
      fatalError("gsl_rng_alloc(\(generator.name)) failed: out of memory")
    }
    gsl_rng_set(rng, UInt(seed))
    self.rng = rng
    self.seed = seed
    self.generator = generator
  }

  /// A stream configured as `record` says (its generator and seed).
  public convenience init(record: GeneratorRecord) throws(RandomGeneratorError) {
    self.init(seed: record.seed, generator: try RandomGenerator(gslName: record.generatorName))
  }

  private init(cloning other: RandomStream) {
    guard let rng = gsl_rng_clone(other.rng) else {
      fatalError("gsl_rng_clone(\(other.generator.name)) failed: out of memory")
    }
    self.rng = rng
    self.seed = other.seed
    self.generator = other.generator
  }

  deinit { gsl_rng_free(rng) }

  /// An independent copy in the current state: both produce the same values from here on.
  public func copy() -> RandomStream { RandomStream(cloning: self) }

  /// A uniform double in the open interval (0, 1) (`gsl_rng_uniform_pos`).
  ///
  /// Never 0, so `-log(u)` and similar transforms are always finite.
  public func uniform() -> Double { gsl_rng_uniform_pos(rng) }

  /// A uniform integer in `0..<bound` (`gsl_rng_uniform_int`), without modulo bias.
  ///
  /// - Precondition: `0 < bound` and `bound` does not exceed the generator's
  ///   range (``valueRange``): 2^32 for mt19937.
  public func uniformInt(below bound: Int) -> Int {
    precondition(bound > 0, "uniformInt(below:) needs a positive bound, got \(bound)")
    let span = valueRange.upperBound - valueRange.lowerBound
    precondition(
      UInt64(bound) - 1 <= span,
      "uniformInt(below: \(bound)) exceeds the range of \(generator.name) (\(span) + 1 values)")
    return Int(gsl_rng_uniform_int(rng, UInt(bound)))
  }

  /// The generator's next raw output (`gsl_rng_get`), in ``valueRange``.
  ///
  /// Not a full 64-bit value: mt19937 produces 32 bits per call.
  public func next() -> UInt64 { UInt64(gsl_rng_get(rng)) }

  /// The range raw outputs of ``next()`` fall in (`gsl_rng_min`...`gsl_rng_max`).
  public var valueRange: ClosedRange<UInt64> {
    UInt64(gsl_rng_min(rng))...UInt64(gsl_rng_max(rng))
  }

  /// GSL's name for the running generator (`gsl_rng_name`).
  public var gslName: String { String(cString: gsl_rng_name(rng)) }
}

@available(*, unavailable, message: "a RandomStream's generator state is not thread-safe")
extension RandomStream: Sendable {}
