// SPDX-License-Identifier: MIT
import CGSL
import Testing

@testable import NUMASim

/// The inline mt19937 and the hot draws built on it give GSL's values bit for bit.
@Suite struct MersenneTwisterTests {
  /// Two streams from one seed: `inline` draws through the inline path, `gsl` through GSL.
  func pair(_ seed: UInt64) -> (inline: RandomStream, gsl: RandomStream) {
    (RandomStream(seed: seed), RandomStream(seed: seed))
  }

  @Test func onlyMT19937HasTheInlineView() {
    #expect(RandomStream(seed: 1).mt != nil)
    #expect(RandomStream(seed: 1, generator: .taus2).mt == nil)
    #expect(RandomStream(seed: 1).copy().mt != nil)
  }

  @Test(arguments: [0, 1, 4357, 42, 0xdead_beef_cafe] as [UInt64])
  func rawOutputsEqualGSLsOverManyRegenerations(seed: UInt64) {
    let (a, b) = pair(seed)
    // 2,000,000 outputs: thousands of 624-word regenerations.
    var mismatches = 0
    for _ in 0..<2_000_000 where a.next() != UInt64(gsl_rng_get(b.rng)) { mismatches += 1 }
    #expect(mismatches == 0)
  }

  @Test func uniformsEqualGSLs() {
    let (a, b) = pair(7)
    var mismatches = 0
    for i in 0..<1_000_000 {
      if i % 2 == 0 {
        if a.uniform().bitPattern != gsl_rng_uniform_pos(b.rng).bitPattern { mismatches += 1 }
      } else if a.uniformHalfOpen().bitPattern != gsl_rng_uniform(b.rng).bitPattern {
        mismatches += 1
      }
    }
    #expect(mismatches == 0)
  }

  @Test(arguments: [1, 2, 3, 7, 100, 1000, 65_537, 1 << 31, (1 << 32) - 1])
  func integersEqualGSLs(bound: Int) {
    let (a, b) = pair(11)
    var mismatches = 0
    for _ in 0..<200_000 where a.uniformInt(below: bound) != Int(gsl_rng_uniform_int(b.rng, UInt(bound))) {
      mismatches += 1
    }
    #expect(mismatches == 0)
  }

  @Test func exponentialFlatAndNormalDrawsEqualGSLs() {
    let (a, b) = pair(2024)
    var mismatches = 0
    for _ in 0..<500_000 {
      if a.exponential(mean: 3.5).bitPattern != gsl_ran_exponential(b.rng, 3.5).bitPattern { mismatches += 1 }
      if a.flat(-2, 5).bitPattern != gsl_ran_flat(b.rng, -2, 5).bitPattern { mismatches += 1 }
      if a.gaussian(sigma: 5).bitPattern != gsl_ran_gaussian(b.rng, 5).bitPattern { mismatches += 1 }
      // Below one sd (rejection) and above it (GSL's own tail method on the shared state).
      if a.gaussianTail(above: -20, sigma: 5).bitPattern != gsl_ran_gaussian_tail(b.rng, -20, 5).bitPattern {
        mismatches += 1
      }
      if a.gaussianTail(above: 12, sigma: 5).bitPattern != gsl_ran_gaussian_tail(b.rng, 12, 5).bitPattern {
        mismatches += 1
      }
    }
    #expect(mismatches == 0)
  }

  @Test func theHalfNormalIsOneNormalDrawFolded() {
    let inline = RandomStream(seed: 8)
    let gsl = RandomStream(seed: 8)
    var mismatches = 0
    for _ in 0..<300_000 where Distribution.normal(mean: 0, sd: 5).sample(inline) != abs(gsl_ran_gaussian(gsl.rng, 5)) {
      mismatches += 1
    }
    #expect(mismatches == 0)
  }

  @Test func inlineAndGSLDrawsShareOneState() {
    // Interleaving inline draws with GSL functions on the same stream gives the stream GSL
    // alone gives.
    let (a, b) = pair(99)
    var mismatches = 0
    for _ in 0..<200_000 {
      if a.exponential(mean: 1).bitPattern != gsl_ran_exponential(b.rng, 1).bitPattern { mismatches += 1 }
      if gsl_ran_gamma(a.rng, 2, 3).bitPattern != gsl_ran_gamma(b.rng, 2, 3).bitPattern { mismatches += 1 }
      if a.uniform().bitPattern != gsl_rng_uniform_pos(b.rng).bitPattern { mismatches += 1 }
    }
    #expect(mismatches == 0)
  }

  @Test func distributionsDrawTheSameThroughEitherPath() {
    // Distribution.sample takes the inline path for mt19937 and GSL's for other generators;
    // on a generator without the inline view the values are GSL's by construction.
    let inline = RandomStream(seed: 5)
    let gsl = RandomStream(seed: 5)
    let normal = Distribution.normal(mean: 2, sd: 5)
    var mismatches = 0
    for _ in 0..<300_000 {
      let x = normal.sample(inline)
      let y = Swift.max(2 + gsl_ran_gaussian_tail(gsl.rng, -2, 5), 0)
      if x.bitPattern != y.bitPattern { mismatches += 1 }
    }
    #expect(mismatches == 0)
  }
}
