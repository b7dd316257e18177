// SPDX-License-Identifier: MIT
import Testing

@testable import NUMASim

@Suite struct ZoneWatermarksTests {
  @Test func subscriptAddsTheBoostToEveryLevel() {
    let w = ZoneWatermarks(min: 100, low: 125, high: 150, promo: 175, boost: 40)
    #expect(w[.min] == 140)
    #expect(w[.low] == 165)
    #expect(w[.high] == 190)
    #expect(w[.promo] == 215)
  }

  @Test func unboostedReadsTheStoredMark() {
    let w = ZoneWatermarks(min: 100, low: 125, high: 150, promo: 175, boost: 40)
    #expect(WatermarkLevel.allCases.map { w.unboosted($0) } == [100, 125, 150, 175])
  }

  @Test func defaultsAreZero() {
    let w = ZoneWatermarks()
    for l in WatermarkLevel.allCases { #expect(w[l] == 0) }
    #expect(w.boost == 0)
  }

  @Test func levelsFollowTheKernelEnumOrder() {
    #expect(WatermarkLevel.allCases.map(\.rawValue) == [0, 1, 2, 3])
    #expect(WatermarkLevel.allCases == [.min, .low, .high, .promo])
  }

  @Test func zoneMarkIncludesTheBoost() throws {
    var a = try makeAllocator()
    let z = a.zones.elements.max { $0.managed < $1.managed }!.flatIndex
    let high = a.zones[z].watermarks.high
    a.zones[z].watermarks.boost = 512
    #expect(a.zones[z].mark(.high) == high + 512)
    #expect(a.zones[z].watermarks.unboosted(.high) == high)
  }
}
