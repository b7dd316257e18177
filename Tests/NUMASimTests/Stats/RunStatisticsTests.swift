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
