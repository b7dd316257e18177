// SPDX-License-Identifier: MIT
import CGSL
import Foundation

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
  /// For mt19937, the generator advanced inline in GSL's own state (the hot draws below).
  let mt: MersenneTwisterState?

  /// A stream of `generator` seeded with `seed` (see the type's notes on seeds).
  public init(seed: UInt64, generator: RandomGenerator = .mt19937) {
    GSL.disableAbortingErrorHandler()
    guard let rng = gsl_rng_alloc(generator.gslType) else {
      // With the handler off, gsl_rng_alloc fails only when out of memory.
      fatalError("gsl_rng_alloc(\(generator.name)) failed: out of memory")
    }
    gsl_rng_set(rng, UInt(seed))
    self.rng = rng
    mt = MersenneTwisterState(rng)
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
    mt = MersenneTwisterState(rng)
    self.seed = other.seed
    self.generator = other.generator
  }

  deinit { gsl_rng_free(rng) }

  /// An independent copy in the current state: both produce the same values from here on.
  public func copy() -> RandomStream { RandomStream(cloning: self) }

  /// A uniform double in the open interval (0, 1) (`gsl_rng_uniform_pos`).
  ///
  /// Never 0, so `-log(u)` and similar transforms are always finite.
  @inline(__always) public func uniform() -> Double {
    guard let mt else { return gsl_rng_uniform_pos(rng) }
    while true {
      let x = Double(mt.next()) / 4_294_967_296.0
      if x != 0 { return x }
    }
  }

  /// A uniform double in [0, 1) (`gsl_rng_uniform`).
  @inline(__always) public func uniformHalfOpen() -> Double {
    guard let mt else { return gsl_rng_uniform(rng) }
    return Double(mt.next()) / 4_294_967_296.0
  }

  /// A uniform integer in `0..<bound` (`gsl_rng_uniform_int`), without modulo bias.
  ///
  /// - Precondition: `0 < bound` and `bound` does not exceed the generator's
  ///   range (``valueRange``'s upper bound less its lower): 2^32 − 1 for mt19937, as
  ///   `gsl_rng_uniform_int` requires.
  @inline(__always) public func uniformInt(below bound: Int) -> Int {
    precondition(bound > 0, "uniformInt(below:) needs a positive bound, got \(bound)")
    guard let mt else {
      let span = valueRange.upperBound - valueRange.lowerBound
      precondition(
        UInt64(bound) <= span,
        "uniformInt(below: \(bound)) exceeds the range of \(generator.name) (\(span))")
      return Int(gsl_rng_uniform_int(rng, UInt(bound)))
    }
    precondition(bound <= 0xffff_ffff, "uniformInt(below: \(bound)) exceeds the range of mt19937 (2^32 - 1)")
    // GSL's rejection: scale = range / n over the raw outputs (range 2^32 - 1 for mt19937).
    let n = UInt(bound)
    let scale = 0xffff_ffff / n
    while true {
      let k = UInt(mt.next()) / scale
      if k < n { return Int(k) }
    }
  }

  /// The generator's next raw output (`gsl_rng_get`), in ``valueRange``.
  ///
  /// Not a full 64-bit value: mt19937 produces 32 bits per call.
  public func next() -> UInt64 {
    guard let mt else { return UInt64(gsl_rng_get(rng)) }
    return UInt64(mt.next())
  }

  /// An exponential variate with mean `mean` (`gsl_ran_exponential`: `-mean·log1p(-u)`).
  @inline(__always) public func exponential(mean: Double) -> Double {
    guard mt != nil else { return gsl_ran_exponential(rng, mean) }
    return -mean * log1p(-uniformHalfOpen())
  }

  /// A uniform variate on [`low`, `high`) (`gsl_ran_flat`: `low·(1 − u) + high·u`).
  @inline(__always) public func flat(_ low: Double, _ high: Double) -> Double {
    guard mt != nil else { return gsl_ran_flat(rng, low, high) }
    let u = uniformHalfOpen()
    return low * (1 - u) + high * u
  }

  /// A normal variate with mean 0 and standard deviation `sigma` (`gsl_ran_gaussian`: the
  /// polar Box–Muller method, Knuth vol. 2, 3rd ed., p. 122).
  @inline(__always) public func gaussian(sigma: Double) -> Double {
    guard mt != nil else { return gsl_ran_gaussian(rng, sigma) }
    var x: Double
    var y: Double
    var r2: Double
    repeat {
      x = -1 + 2 * uniform()
      y = -1 + 2 * uniform()
      r2 = x * x + y * y
    } while r2 > 1.0 || r2 == 0
    return sigma * y * (-2.0 * log(r2) / r2).squareRoot()
  }

  /// A normal variate with standard deviation `sigma` conditioned to exceed `a`
  /// (`gsl_ran_gaussian_tail`): below one standard deviation by rejection from
  /// ``gaussian(sigma:)``, above it by GSL's tail method.
  @inline(__always) public func gaussianTail(above a: Double, sigma: Double) -> Double {
    let s = a / sigma
    guard mt != nil, s < 1 else { return gsl_ran_gaussian_tail(rng, a, sigma) }
    var x: Double
    repeat { x = gaussian(sigma: 1.0) } while x < s
    return x * sigma
  }

  /// The range raw outputs of ``next()`` fall in (`gsl_rng_min`...`gsl_rng_max`).
  public var valueRange: ClosedRange<UInt64> {
    UInt64(gsl_rng_min(rng))...UInt64(gsl_rng_max(rng))
  }

  /// GSL's name for the running generator (`gsl_rng_name`).
  public var gslName: String { String(cString: gsl_rng_name(rng)) }
}

@available(*, unavailable, message: "a RandomStream's generator state is not thread-safe")
extension RandomStream: Sendable {}
