// SPDX-License-Identifier: MIT
import Numerics
import Testing

@testable import NUMASim

@Suite("Distribution")
struct DistributionTests {
  static let meanCases: [Distribution] = [
    .constant(5),
    .uniform(low: 1, high: 3),
    .exponential(mean: 120),
    .normal(mean: 10, sd: 2),
    .normal(mean: 0.5, sd: 1),
    .normal(mean: -3, sd: 1),
    .lognormal(mu: -1.2, sigma: 0.9),
    .gamma(shape: 2.5, scale: 4),
    .gamma(shape: 0.5, scale: 1),
    .weibull(scale: 3, shape: 1.5),
    .pareto(shape: 3, scale: 2),
    .empirical(values: [1, 2, 5]),
    .histogram(edges: [0, 1, 2, 4], weights: [3, 1, 2]),
  ]

  @Test(
    "200k samples average to the analytic mean (within 5 standard errors)", arguments: meanCases)
  func sampleMeanMatchesAnalyticMean(distribution: Distribution) throws {
    try distribution.validate()
    let expected = try #require(distribution.mean)
    let stream = RandomStream(seed: 20_240_601)
    let count = 200_000
    var sum = 0.0
    var sumOfSquares = 0.0
    for _ in 0..<count {
      let x = distribution.sample(stream)
      sum += x
      sumOfSquares += x * x
    }
    let mean = sum / Double(count)
    let variance = Swift.max(0, (sumOfSquares - sum * mean) / Double(count - 1))
    let standardError = (variance / Double(count)).squareRoot()
    #expect(
      mean.isApproximatelyEqual(to: expected, absoluteTolerance: 5 * standardError + 1e-12),
      "sample mean \(mean), analytic \(expected), standard error \(standardError)")
  }

  @Test(
    "analytic means of the closed forms",
    arguments: [
      (Distribution.uniform(low: 1, high: 3), 2.0),
      (.exponential(mean: 120), 120),
      (.lognormal(mu: 0, sigma: 1), 1.6487212707001282),
      (.gamma(shape: 2, scale: 3), 6),
      (.weibull(scale: 2, shape: 1), 2),
      (.pareto(shape: 3, scale: 2), 3),
      (.normal(mean: 0, sd: 1), 0.7978845608028654),  // half-normal: sqrt(2/pi)
      (.normal(mean: 5, sd: 0), 5),
      (.normal(mean: -5, sd: 0), 0),
      (.normal(mean: -40, sd: 1), 0.0249688477),  // far tail: the asymptotic branch
      (.histogram(edges: [0, 2], weights: [1]), 1),
    ])
  func analyticMeans(distribution: Distribution, expected: Double) throws {
    let mean = try #require(distribution.mean)
    #expect(mean.isApproximatelyEqual(to: expected, relativeTolerance: 1e-6))
  }

  @Test("the mean is nil where it is infinite or undefined")
  func undefinedMeans() {
    #expect(Distribution.pareto(shape: 1, scale: 2).mean == nil)
    #expect(Distribution.pareto(shape: 0.5, scale: 2).mean == nil)
    #expect(Distribution.empirical(values: []).mean == nil)
    #expect(Distribution.histogram(edges: [0, 1], weights: [0]).mean == nil)
  }

  @Test(
    "the truncated normal never yields a negative value",
    arguments: [
      Distribution.normal(mean: 0, sd: 1), .normal(mean: -3, sd: 1), .normal(mean: -50, sd: 2),
      .normal(mean: 1, sd: 5), .normal(mean: -1, sd: 0),
    ])
  func truncatedNormalNonNegative(distribution: Distribution) {
    let stream = RandomStream(seed: 77)
    var minimum = Double.infinity
    for _ in 0..<50_000 { minimum = Swift.min(minimum, distribution.sample(stream)) }
    #expect(minimum >= 0)
  }

  @Test("empirical draws only the listed values, each about equally often")
  func empiricalValues() {
    let stream = RandomStream(seed: 5)
    var counts: [Double: Int] = [:]
    for _ in 0..<30_000 {
      counts[Distribution.empirical(values: [1, 2, 5]).sample(stream), default: 0] += 1
    }
    #expect(Set(counts.keys) == [1, 2, 5])
    for count in counts.values { #expect(abs(count - 10_000) < 500) }
  }

  @Test("uniform stays in [low, high)")
  func uniformBounds() {
    let stream = RandomStream(seed: 8)
    for _ in 0..<10_000 {
      let x = Distribution.uniform(low: -2, high: 3).sample(stream)
      #expect(x >= -2 && x < 3)
    }
  }

  @Test("pareto never goes below its scale")
  func paretoMinimum() {
    let stream = RandomStream(seed: 8)
    for _ in 0..<10_000 { #expect(Distribution.pareto(shape: 1.2, scale: 4).sample(stream) >= 4) }
  }

  @Test("sampling is reproducible for a fixed seed")
  func reproducible() {
    let distribution = Distribution.gamma(shape: 2, scale: 3)
    let a = RandomStream(seed: 1)
    let b = RandomStream(seed: 1)
    #expect(
      (0..<100).map { _ in distribution.sample(a) } == (0..<100).map { _ in distribution.sample(b) }
    )
  }

  @Test("lognormal from median and p99 puts those quantiles in place")
  func lognormalFromQuantiles() throws {
    let distribution = try Distribution.lognormal(median: 2, p99: 10)
    guard case .lognormal(let mu, let sigma) = distribution else {
      Issue.record("expected a lognormal, got \(distribution)")
      return
    }
    #expect(mu.isApproximatelyEqual(to: 0.6931471805599453))
    #expect(sigma.isApproximatelyEqual(to: 0.6918302848827697, relativeTolerance: 1e-9))
    #expect(
      throws: DistributionError(
        distribution: "lognormal", parameter: "p99",
        message: "p99 must be finite and >= median (2.0), got 1.0")
    ) {
      try Distribution.lognormal(median: 2, p99: 1)
    }
    #expect(throws: DistributionError.self) { try Distribution.lognormal(median: 0, p99: 1) }
  }

  @Test(
    "invalid parameters are reported naming the parameter",
    arguments: [
      (Distribution.constant(.nan), "constant: value must be finite, got nan"),
      (.uniform(low: 3, high: 1), "uniform: high must be >= low (3.0), got 1.0"),
      (.uniform(low: -.infinity, high: 1), "uniform: low must be finite, got -inf"),
      (.exponential(mean: 0), "exponential: mean must be finite and > 0, got 0.0"),
      (.normal(mean: 1, sd: -1), "normal: sd must be finite and >= 0, got -1.0"),
      (.lognormal(mu: 0, sigma: -0.5), "lognormal: sigma must be finite and >= 0, got -0.5"),
      (.gamma(shape: 0, scale: 1), "gamma: shape must be finite and > 0, got 0.0"),
      (.gamma(shape: 1, scale: -2), "gamma: scale must be finite and > 0, got -2.0"),
      (.weibull(scale: -1, shape: 1), "weibull: scale must be finite and > 0, got -1.0"),
      (.weibull(scale: 1, shape: 0), "weibull: shape must be finite and > 0, got 0.0"),
      (.pareto(shape: -1, scale: 1), "pareto: shape must be finite and > 0, got -1.0"),
      (.pareto(shape: 1, scale: 0), "pareto: scale must be finite and > 0, got 0.0"),
      (.empirical(values: []), "empirical: values must not be empty"),
      (.empirical(values: [1, .infinity]), "empirical: values[1] must be finite, got inf"),
      (
        .histogram(edges: [0, 1], weights: [-1]),
        "histogram: weights[0] must be finite and >= 0, got -1.0"
      ),
    ])
  func invalidParameters(distribution: Distribution, message: String) {
    #expect {
      try distribution.validate()
    } throws: { error in
      (error as? DistributionError)?.description == message
    }
  }

  @Test(
    "valid parameters, including the edge cases, pass validation",
    arguments: [
      Distribution.uniform(low: 2, high: 2), .normal(mean: -1, sd: 0), .lognormal(mu: -3, sigma: 0),
      .empirical(values: [0]), .histogram(edges: [0, 1, 3], weights: [0, 1]),
    ])
  func validEdgeCases(distribution: Distribution) throws {
    try distribution.validate()
  }

  @Test("kind names match the text form")
  func kinds() {
    #expect(Distribution.exponential(mean: 1).kind == "exponential")
    #expect(Distribution.histogram(edges: [0, 1], weights: [1]).kind == "histogram")
  }
}
