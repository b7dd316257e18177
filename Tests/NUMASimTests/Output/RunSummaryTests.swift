// SPDX-License-Identifier: MIT
import Testing

@testable import NUMASim

@Suite struct RunSummaryTests {
  @Test func freeMemoryAndTheRemoteShareFollowTheSamples() throws {
    let r = try runScenario(smallTwoNodeRun).summary
    #expect(r.stats.samples > 0)
    #expect(r.freeMinMiB <= r.freeMeanMiB)
    #expect(r.remoteFraction == Double(r.stats.remoteAllocations) / Double(r.stats.allocations))
    #expect(r.groupNames == ["cache", "heap"])
  }
}
