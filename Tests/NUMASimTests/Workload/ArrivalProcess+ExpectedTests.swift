// SPDX-License-Identifier: MIT
import Testing

@testable import NUMASim

@Suite struct ArrivalProcessExpectedTests {
  @Test func poissonAndConstantCountTheirRequests() {
    #expect(
      ArrivalProcess.poisson(ratePerSecond: 500).expectedRequests(from: .seconds(1), to: .seconds(3), origin: .zero)
        == 1000)
    let tick = ArrivalProcess.constant(interval: .milliseconds(3))
    // Ticks at 3, 6, 9 ms after the origin; the window (4 ms, 10 ms] holds 6 and 9.
    #expect(tick.expectedRequests(from: .milliseconds(4), to: .milliseconds(10), origin: .zero) == 2)
    #expect(tick.expectedRequests(from: .zero, to: .milliseconds(2), origin: .zero) == 0)
    #expect(tick.expectedRequests(from: .seconds(2), to: .seconds(1), origin: .zero) == 0)
  }

  @Test func onOffUsesItsMeanRateAndPhasesTheirOwnSpans() throws {
    let burst = ArrivalProcess.onOff(rate: 1000, on: .constant(1), off: .constant(1))
    #expect(burst.expectedRequests(from: .zero, to: .seconds(10), origin: .zero) == 5000)
    let phases = ArrivalProcess.phases([
      ArrivalPhase(start: .seconds(1), process: .poisson(ratePerSecond: 100)),
      ArrivalPhase(start: .seconds(3), process: .constant(interval: .milliseconds(500))),
    ])
    // Nothing before 1 s; 100/s for 2 s; then ticks at 3.5, 4, 4.5, 5 s up to 5 s.
    #expect(phases.expectedRequests(from: .zero, to: .seconds(5), origin: .zero) == 200 + 4)
  }
}
