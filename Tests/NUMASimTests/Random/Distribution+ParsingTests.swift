// SPDX-License-Identifier: MIT
import Foundation
import Testing

@testable import NUMASim

@Suite("Distribution text form")
struct DistributionParsingTests {
  static let canonical: [(Distribution, String)] = [
    (.constant(5), "constant(5)"),
    (.uniform(low: 1, high: 3), "uniform(low=1, high=3)"),
    (.exponential(mean: 120), "exponential(mean=120)"),
    (.normal(mean: 10, sd: 2.5), "normal(mean=10, sd=2.5)"),
    (.lognormal(mu: -1.2, sigma: 0.9), "lognormal(mu=-1.2, sigma=0.9)"),
    (.gamma(shape: 2, scale: 0.001), "gamma(shape=2, scale=0.001)"),
    (.weibull(scale: 3, shape: 1.5), "weibull(scale=3, shape=1.5)"),
    (.pareto(shape: 3, scale: 2), "pareto(shape=3, scale=2)"),
    (.empirical(values: [1, 2, 5]), "empirical(values=[1, 2, 5])"),
    (.histogram(edges: [0, 1, 2], weights: [3, 1]), "histogram(edges=[0, 1, 2], weights=[3, 1])"),
  ]

  @Test("every kind prints its canonical form and parses back", arguments: canonical)
  func roundTrip(distribution: Distribution, text: String) throws {
    #expect(distribution.description == text)
    #expect(try Distribution(parsing: text) == distribution)
    #expect(Distribution(text) == distribution)
  }

  @Test(
    "awkward numbers survive the round trip",
    arguments: [
      Distribution.exponential(mean: 1e-7), .constant(-0.1), .constant(1e300), .constant(0.1 + 0.2),
      .uniform(low: -1e20, high: 123_456_789.125), .empirical(values: [0.3333333333333333, -7]),
      .lognormal(mu: 0.6931471805599453, sigma: 0.6918302848827697),
    ])
  func numbersRoundTrip(distribution: Distribution) throws {
    #expect(try Distribution(parsing: distribution.description) == distribution)
  }

  @Test(
    "spacing, positional arguments and parameter order are accepted",
    arguments: [
      ("exponential(120)", Distribution.exponential(mean: 120)),
      ("  exponential ( mean = 120 )  ", .exponential(mean: 120)),
      ("constant(value=5)", .constant(5)),
      ("uniform(1, 3)", .uniform(low: 1, high: 3)),
      ("uniform(1, high=3)", .uniform(low: 1, high: 3)),
      ("uniform(high=3, low=1)", .uniform(low: 1, high: 3)),
      ("empirical(values=[1,2,5])", .empirical(values: [1, 2, 5])),
      ("empirical([ 1 , 2e0 , 5 ])", .empirical(values: [1, 2, 5])),
      ("histogram(edges=[0,1,2], weights=[3,1])", .histogram(edges: [0, 1, 2], weights: [3, 1])),
      ("normal(mean=-1.5e-3, sd=+2)", .normal(mean: -0.0015, sd: 2)),
    ])
  func variants(text: String, expected: Distribution) throws {
    #expect(try Distribution(parsing: text) == expected)
  }

  @Test("lognormal can be written by median and 99th percentile")
  func lognormalByQuantiles() throws {
    let parsed = try Distribution(parsing: "lognormal(median=2, p99=10)")
    #expect(parsed == (try Distribution.lognormal(median: 2, p99: 10)))
    #expect(try Distribution(parsing: parsed.description) == parsed)
  }

  @Test("a failed init? gives nil")
  func failableInit() {
    #expect(Distribution("gamma(shape=0, scale=1)") == nil)
    #expect(Distribution("gamma") == nil)
  }

  @Test("Codable uses the text form")
  func codable() throws {
    let values: [Distribution] = [
      .exponential(mean: 120), .histogram(edges: [0, 1], weights: [1]),
    ]
    let data = try JSONEncoder().encode(values)
    #expect(
      String(decoding: data, as: UTF8.self)
        == #"["exponential(mean=120)","histogram(edges=[0, 1], weights=[1])"]"#)
    #expect(try JSONDecoder().decode([Distribution].self, from: data) == values)
    let bad = Data(#"["exponential(maen=1)"]"#.utf8)
    #expect(throws: DecodingError.self) { try JSONDecoder().decode([Distribution].self, from: bad) }
  }
}
