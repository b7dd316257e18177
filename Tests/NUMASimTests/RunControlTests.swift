// SPDX-License-Identifier: MIT
import Testing

@testable import NUMASim

@Suite struct RunControlTests {
  @Test func positionsAndStopsSayWhereTheRunWas() {
    let p = RunPosition(now: .milliseconds(12_300), end: .seconds(25), events: 1_834_211)
    #expect(p.description == "at 12.300 s of 25.000 s simulated, after 1834211 events")
    #expect(RunStop.interrupted(p).description == "interrupted at 12.300 s of 25.000 s simulated, after 1834211 events")
    #expect(
      RunStop.eventBudget(p, budget: 1_834_211).description.hasPrefix(
        "the run reached its budget of 1834211 events at 12.300 s"))
    #expect(RunStop.recording(p, message: "disk full").position == p)
  }

  @Test func theDefaultControlLimitsNothing() {
    let c = RunControl.unlimited
    #expect(c.maxEvents == .max)
    #expect(!c.isStopRequested())
    #expect(c.record == nil)
  }
}
