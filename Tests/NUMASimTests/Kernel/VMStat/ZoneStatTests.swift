// SPDX-License-Identifier: MIT
import Foundation
import Testing

@testable import NUMASim

@Suite struct ZoneStatTests {
  /// The counter names printed after the first zone's `protection:` line of the reference dump.
  static func dumpedCounters() -> [String] {
    let lines = Fixtures.text("local-6.18.zoneinfo").split(separator: "\n").map {
      $0.trimmingCharacters(in: .whitespaces)
    }
    guard let start = lines.firstIndex(where: { $0.hasPrefix("protection:") }) else { return [] }
    return lines[(start + 1)...].prefix { $0 != "pagesets" }.compactMap {
      $0.split(separator: " ").first.map(String.init)
    }
  }

  @Test func zoneCountersAreThoseOfLinux618InOrder() {
    let dumped = Self.dumpedCounters()
    #expect(dumped.count == 17)
    #expect(ZoneStat.allCases.map(\.kernelName) == Array(dumped.prefix(11)))
    #expect(NUMAStat.allCases.map(\.kernelName) == Array(dumped.suffix(6)))
  }

  @Test func indicesArePrintPositions() {
    #expect(ZoneStat.allCases.map(\.index) == Array(0..<11))
    #expect(ZoneStat.nrFreePages.index == 0)
    #expect(ZoneStat.nrFreeCMA.index == 10)
    #expect(NUMAStat.allCases.map(\.index) == Array(0..<6))
  }

  @Test func rawIndexAgreesWithTheSearchedIndex() {
    #expect(NUMAStat.count == NUMAStat.allCases.count)
    for stat in NUMAStat.allCases { #expect(stat.rawIndex == stat.index, "\(stat)") }
  }

  @Test func kernelNamesAreRawValues() {
    #expect(ZoneStat.nrZoneWritePending.kernelName == "nr_zone_write_pending")
    #expect(NUMAStat.numaInterleave.kernelName == "numa_interleave")
    #expect(ZoneStat(rawValue: "numa_hit") == nil)
  }
}
