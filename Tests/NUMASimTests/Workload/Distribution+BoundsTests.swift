// SPDX-License-Identifier: MIT
import Testing

@testable import NUMASim

@Suite struct DistributionBoundsTests {
  @Test(arguments: [
    (Distribution.constant(-0.5), true), (.constant(0), false), (.uniform(low: -1, high: 1), true),
    (.uniform(low: 0, high: 1), false), (.exponential(mean: 1), false), (.normal(mean: -5, sd: 1), false),
    (.lognormal(mu: 0, sigma: 1), false), (.gamma(shape: 2, scale: 1), false), (.weibull(scale: 1, shape: 2), false),
    (.pareto(shape: 2, scale: 1), false), (.empirical(values: [1, 2, -3]), true), (.empirical(values: [0, 2]), false),
    (.histogram(edges: [-1, 0, 1], weights: [1, 1]), true), (.histogram(edges: [0, 1], weights: [1]), false),
  ])
  func canDrawNegative(distribution: Distribution, negative: Bool) {
    #expect(distribution.canDrawNegative == negative)
  }

  @Test(arguments: [
    (Distribution.constant(3), 3.0), (.uniform(low: 2, high: 8), 2), (.exponential(mean: 1), 0),
    (.normal(mean: -5, sd: 1), 0), (.lognormal(mu: 0, sigma: 1), 0), (.gamma(shape: 2, scale: 1), 0),
    (.weibull(scale: 1, shape: 2), 0), (.pareto(shape: 2, scale: 1.5), 1.5), (.empirical(values: [4, 2, 9]), 2),
    (.histogram(edges: [2, 3, 5], weights: [1, 1]), 2),
  ])
  func smallestDraw(distribution: Distribution, smallest: Double) {
    #expect(distribution.smallestDraw == smallest)
  }

  @Test func anEmptySampleHasNoSmallestDraw() {
    #expect(Distribution.empirical(values: []).smallestDraw == nil)
    #expect(!Distribution.empirical(values: []).canDrawNegative)
  }
}
