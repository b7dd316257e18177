// SPDX-License-Identifier: MIT
import Numerics
import Testing

@testable import NUMASim

@Suite struct ArrivalProcessTests {
  static let burst = ArrivalProcess.onOff(rate: 200_000, on: .exponential(mean: 0.2), off: .exponential(mean: 2))

  @Test func meanRates() throws {
    #expect(ArrivalProcess.poisson(ratePerSecond: 20_000).meanRatePerSecond == 20_000)
    let constant = try #require(ArrivalProcess.constant(interval: SimTime(nanoseconds: 250_000)).meanRatePerSecond)
    #expect(constant.isApproximatelyEqual(to: 4000, relativeTolerance: 1e-12))
    #expect(ArrivalProcess.constant(interval: .zero).meanRatePerSecond == nil)
    // 200000 × 0.2 / 2.2
    let onOff = try #require(Self.burst.meanRatePerSecond)
    #expect(onOff.isApproximatelyEqual(to: 18_181.818_181_818_18, relativeTolerance: 1e-12))
    #expect(
      ArrivalProcess.phases([ArrivalPhase(start: .zero, process: .poisson(ratePerSecond: 1))]).meanRatePerSecond == nil)
    let undefined = ArrivalProcess.onOff(rate: 10, on: .pareto(shape: 1, scale: 1), off: .constant(1))
    #expect(undefined.meanRatePerSecond == nil)
    #expect(ArrivalProcess.onOff(rate: 10, on: .constant(0), off: .constant(0)).meanRatePerSecond == nil)
  }

  @Test func usableProcessesHaveNoProblem() {
    #expect(ArrivalProcess.poisson(ratePerSecond: 1).problem == nil)
    #expect(ArrivalProcess.constant(interval: SimTime(nanoseconds: 1)).problem == nil)
    #expect(Self.burst.problem == nil)
    let phases = ArrivalProcess.phases([
      ArrivalPhase(start: .zero, process: .poisson(ratePerSecond: 0)),
      ArrivalPhase(start: .seconds(10), process: .poisson(ratePerSecond: 50_000)),
    ])
    #expect(phases.problem == nil)
  }

  @Test(arguments: [
    (ArrivalProcess.poisson(ratePerSecond: -1), "the rate must be finite and >= 0, got -1.0"),
    (.poisson(ratePerSecond: .infinity), "the rate must be finite and >= 0, got inf"),
    (.poisson(ratePerSecond: .nan), "the rate must be finite and >= 0, got nan"),
    (.poisson(ratePerSecond: 0), "the arrival process never issues a request (every rate is 0)"),
    (.constant(interval: .zero), "the interval must be longer than 0"),
    (.onOff(rate: -5, on: .constant(1), off: .constant(1)), "the rate must be finite and >= 0, got -5.0"),
    (
      .onOff(rate: 0, on: .constant(1), off: .constant(1)),
      "the arrival process never issues a request (every rate is 0)"
    ),
    (
      .onOff(rate: 5, on: .exponential(mean: -1), off: .constant(1)),
      "on: exponential: mean must be finite and > 0, got -1.0"
    ),
    (
      .onOff(rate: 5, on: .constant(1), off: .uniform(low: -1, high: 1)),
      "off: uniform(low=-1, high=1) can draw negative times"
    ),
    (.onOff(rate: 5, on: .constant(0), off: .constant(1)), "the on periods must have a mean above 0"),
    (.phases([]), "at least one phase is needed"),
  ])
  func problemsSayWhatIsWrong(process: ArrivalProcess, problem: String) {
    #expect(process.problem == problem)
  }

  @Test func phaseProblemsNameThePhase() {
    let nested = ArrivalProcess.phases([
      ArrivalPhase(start: .zero, process: .phases([ArrivalPhase(start: .zero, process: .poisson(ratePerSecond: 1))]))
    ])
    #expect(nested.problem == "phase 0: phases do not nest")
    let unordered = ArrivalProcess.phases([
      ArrivalPhase(start: .seconds(2), process: .poisson(ratePerSecond: 1)),
      ArrivalPhase(start: .seconds(2), process: .poisson(ratePerSecond: 2)),
    ])
    #expect(unordered.problem == "phase 1 starts at 2.000000000s, not after phase 0 (2.000000000s)")
    let bad = ArrivalProcess.phases([
      ArrivalPhase(start: .zero, process: .poisson(ratePerSecond: 1)),
      ArrivalPhase(start: .seconds(1), process: .constant(interval: .zero)),
    ])
    #expect(bad.problem == "phase 1: the interval must be longer than 0")
    let quiet = ArrivalProcess.phases([
      ArrivalPhase(start: .zero, process: .poisson(ratePerSecond: 0)),
      ArrivalPhase(start: .seconds(1), process: .onOff(rate: 0, on: .constant(1), off: .constant(1))),
    ])
    #expect(quiet.problem == "the arrival process never issues a request (every rate is 0)")
  }
}
