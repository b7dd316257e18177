// SPDX-License-Identifier: MIT
import Testing

@testable import NUMASim

@Suite struct ProgramStatisticsTests {
  @Test func faultsAndReadsAreKeptApartPerGroupAndFaultsMergeAcrossGroups() {
    var s = ProgramStatistics(groups: 3)
    s.recordFault(group: 0, read: false, nanoseconds: 1_500, stall: 0, wait: 0)
    s.recordFault(group: 2, read: false, nanoseconds: 90_000, stall: 80_000, wait: 5_000)
    s.recordFault(group: 1, read: true, nanoseconds: 7_000, stall: 0, wait: 1_000)
    #expect(s.faultLatency.map(\.count) == [1, 0, 1] && s.readLatency.map(\.count) == [0, 1, 0])
    #expect(s.stallNanoseconds == [0, 0, 80_000] && s.waitNanoseconds == [0, 1_000, 5_000])
    let all = s.allFaults
    #expect(all.count == 2 && all.max == 90_000 && all.sum == 91_500)
  }
}
