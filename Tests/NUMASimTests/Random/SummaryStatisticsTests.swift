// SPDX-License-Identifier: MIT
import Numerics
import Testing

@testable import NUMASim

@Suite("SummaryStatistics")
struct SummaryStatisticsTests {
  @Test("[1, 2, 3, 4, 5]: mean 3, sd 1.5811, 95% CI 3 ± 2.776·1.5811/√5 = 3 ± 1.963")
  func handComputedExample() throws {
    let stats = SummaryStatistics([5, 3, 1, 4, 2])
    #expect(stats.count == 5)
    #expect(stats.mean == 3)
    let sd = try #require(stats.standardDeviation)
    #expect(sd.isApproximatelyEqual(to: 1.5811388300841898, relativeTolerance: 1e-12))
    #expect(stats.min == 1 && stats.max == 5 && stats.median == 3)
    let ci = try #require(stats.confidenceInterval95)
    #expect(ci.mean == 3 && ci.level == 0.95)
    // t(0.975, 4) = 2.7764451051977987
    #expect(ci.halfWidth.isApproximatelyEqual(to: 1.9632431, absoluteTolerance: 1e-6))
    #expect(ci.lower.isApproximatelyEqual(to: 1.0367569, absoluteTolerance: 1e-6))
    #expect(ci.upper.isApproximatelyEqual(to: 4.9632431, absoluteTolerance: 1e-6))
    #expect(ci.range.contains(3))
  }

  @Test(
    "quantiles interpolate between sorted values as GSL does",
    arguments: [
      (0.0, 10.0), (1.0, 40), (0.5, 25), (0.25, 17.5), (0.9, 37),
    ])
  func quantiles(p: Double, expected: Double) throws {
    let stats = SummaryStatistics([40, 10, 30, 20])
    let value = try #require(stats.quantile(p))
    #expect(value.isApproximatelyEqual(to: expected, absoluteTolerance: 1e-12))
  }

  @Test("quantiles outside 0...1 are nil")
  func quantileOutOfRange() {
    let stats = SummaryStatistics([1, 2])
    #expect(stats.quantile(-0.1) == nil)
    #expect(stats.quantile(1.5) == nil)
    #expect(stats.quantile(.nan) == nil)
  }

  @Test("an empty sample gives nil figures without crashing")
  func empty() {
    let stats = SummaryStatistics([])
    #expect(stats.count == 0)
    #expect(stats.mean == nil && stats.standardDeviation == nil)
    #expect(stats.min == nil && stats.max == nil && stats.median == nil)
    #expect(stats.quantile(0.5) == nil)
    #expect(stats.confidenceInterval95 == nil)
  }

  @Test("one value has a mean but no spread or interval")
  func single() {
    let stats = SummaryStatistics([7])
    #expect(stats.mean == 7 && stats.median == 7)
    #expect(stats.standardDeviation == nil)
    #expect(stats.confidenceInterval95 == nil)
  }

  @Test("NaNs are dropped and counted")
  func nanDropped() {
    let stats = SummaryStatistics([1, .nan, 3])
    #expect(stats.count == 2 && stats.droppedNaNCount == 1)
    #expect(stats.mean == 2)
    #expect(stats.sorted == [1, 3])
  }

  @Test("other confidence levels use the matching t quantile")
  func otherLevels() throws {
    let stats = SummaryStatistics([1, 2, 3, 4, 5])
    // t(0.95, 4) = 2.1318467863266499
    let ci90 = try #require(stats.confidenceInterval(level: 0.90))
    #expect(
      ci90.halfWidth.isApproximatelyEqual(
        to: 2.1318467863266499 * 1.5811388300841898 / 5.0.squareRoot(), relativeTolerance: 1e-9))
    #expect(stats.confidenceInterval(level: 1) == nil)
    #expect(stats.confidenceInterval(level: 0) == nil)
  }

  @Test("a constant sample has zero spread and a zero-width interval")
  func constantSample() throws {
    let stats = SummaryStatistics([4, 4, 4])
    #expect(stats.standardDeviation == 0)
    #expect(try #require(stats.confidenceInterval95).halfWidth == 0)
  }
}
