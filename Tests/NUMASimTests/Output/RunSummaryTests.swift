// SPDX-License-Identifier: MIT
import Testing

@testable import NUMASim

@Suite struct RunSummaryTests {
  @Test func theMeasuredWindowIsTheCountersLessTheWarmup() throws {
    let r = try runScenario(smallTwoNodeRun).summary
    for e in VMEvent.allCases { #expect(r.countersMeasured[e] <= r.counters[e]) }
    #expect(r.countersMeasured[.pgfree] > 0 && r.countersMeasured[.pgfree] < r.counters[.pgfree])
    // Allocations counted by the simulation are those zone_statistics() counted as local or other.
    let local = r.numaMeasured[NUMAStat.numaLocal.rawIndex] + r.numaMeasured[NUMAStat.numaOther.rawIndex]
    #expect(local == r.stats.allocations)
    #expect(r.kswapdCPUPercent.count == 2 && r.zones.count == 3)
    #expect(r.pageOperations == r.stats.allocations + r.stats.frees)
  }

  @Test func freeMemoryAndTheRemoteShareFollowTheSamples() throws {
    let r = try runScenario(smallTwoNodeRun).summary
    #expect(r.stats.samples > 0)
    #expect(r.freeMinMiB <= r.freeMeanMiB)
    #expect(r.remoteFraction == Double(r.stats.remoteAllocations) / Double(r.stats.allocations))
    #expect(r.groupNames == ["cache", "heap"])
  }
}
