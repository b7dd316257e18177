// SPDX-License-Identifier: MIT
import Numerics
import Testing

@testable import NUMASim

@Suite struct RunStatisticsTests {
  @Test func aNewRunHasPerZoneAndPerNodeCountersAtZero() {
    let s = RunStatistics(zones: 10, nodes: 2)
    #expect(s.belowMin == Array(repeating: 0, count: 10))
    #expect(s.belowLow.count == 10)
    #expect(s.belowHigh.count == 10)
    #expect(s.kswapdNanoseconds == [0, 0])
    #expect(s.allocations == 0)
    #expect(s.samples == 0)
    #expect(s.freePagesMin == Int.max)
    #expect(s.baseline == nil)
    #expect(s.stallLog.isEmpty)
    #expect(s.stalls.count == 0)
  }

  @Test func recordingAStallLogsItAndFillsBothHistogramsAndTheTotal() {
    var s = RunStatistics(zones: 5, nodes: 1)
    s.recordStall(StallRecord(start: .zero, nanoseconds: 140_000, pagesReclaimed: 46, order: 0, cpu: 1, group: 0))
    s.recordStall(StallRecord(start: .zero, nanoseconds: 570_000, pagesReclaimed: 339, order: 2, cpu: 0, group: 1))
    #expect(s.stallLog.count == 2)
    #expect(s.stallLog.map(\.pagesReclaimed) == [46, 339])
    #expect(s.stallNanoseconds == 710_000)
    #expect(s.stalls.count == 2)
    #expect(s.stalls.min == 140_000)
    #expect(s.stalls.max == 570_000)
    #expect(s.stalls.mean.isApproximatelyEqual(to: 355_000))
    #expect(s.stallPages.count == 2)
    #expect(s.stallPages.min == 46)
    #expect(s.stallPages.max == 339)
    #expect(s.allocationLatency.count == 0)
  }
}

@Suite struct SteadyStateCheckTests {
  @Test func driftComparesTheFirstAndLastQuartersOnly() {
    var c = SteadyStateCheck()
    c.record(position: 0.0, free: 100, lru: 1000)
    c.record(position: 0.2, free: 300, lru: 1000)
    // The middle half does not count.
    c.record(position: 0.5, free: 10_000, lru: 1)
    c.record(position: 0.75, free: 150, lru: 1040)
    c.record(position: 0.99, free: 250, lru: 1060)
    #expect(c.freeDriftPercent == 0 && c.lruDriftPercent == 5)
    #expect(c.isSteady)
    c.record(position: 0.9, free: 200, lru: 1150)
    #expect(c.lruDriftPercent > 5 && !c.isSteady)
  }

  @Test func freeMemoryMayMoveByAQuarterOfItselfOrOnePercentOfTheMachine() {
    var c = SteadyStateCheck(managedPages: 100_000)
    c.record(position: 0, free: 400, lru: 1000)
    c.record(position: 1, free: 1000, lru: 1000)
    // +150 % of free, but 0.6 % of the machine.
    #expect(c.freeDriftPercent == 150 && c.isSteady)
    c.record(position: 1, free: 2400, lru: 1000)
    #expect(c.freeDriftOfMemoryPercent > 1 && !c.isSteady)
  }

  @Test func withoutSamplesInBothQuartersThereIsNoDrift() {
    var c = SteadyStateCheck()
    c.record(position: 0.1, free: 100, lru: 100)
    #expect(c.freeDriftPercent == 0 && c.lruDriftPercent == 0 && c.isSteady)
  }
}
