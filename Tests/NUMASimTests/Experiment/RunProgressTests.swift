// SPDX-License-Identifier: MIT
import Testing

@testable import NUMASim

@Suite struct RunProgressTests {
  @Test func theLineGivesSimulatedTimeRateAndETA() {
    let p = RunPosition(now: .seconds(5), end: .seconds(20), events: 2_400_000)
    #expect(
      RunProgress.line(p, wallSeconds: 2)
        == "run: 5.0 s of 20.0 s simulated (25%), 1.2 M events/s, ETA 0:06")
  }
}
