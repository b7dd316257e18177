// SPDX-License-Identifier: MIT
import Testing

@testable import NUMASim

@Suite struct WatermarkBoostTests {
  @Test func eachBoostAddsAPageblockUpToTheFactorOfHigh() throws {
    var a = try makeAllocator()
    let z = 1
    #expect(a.zones[z].watermarks.high == 4400)
    // max_boost = mult_frac(4400, 15000, 10000) = 6600.
    for k in 1...12 {
      let r1 = a.boostWatermark(zone: z)
      #expect(r1)
      #expect(a.zones[z].watermarks.boost == k * Buddy.pageblockPages)
    }
    let r2 = a.boostWatermark(zone: z)
    #expect(r2)
    #expect(a.zones[z].watermarks.boost == 6600)
    let r3 = a.boostWatermark(zone: z)
    #expect(r3)
    #expect(a.zones[z].watermarks.boost == 6600)
    #expect(a.zones[z].mark(.min) == a.zones[z].watermarks.min + 6600)
  }

  @Test func aSmallZoneIsBoostedByOnePageblock() throws {
    var a = try makeAllocator()
    // ZONE_DMA: high 283, mult_frac(283, 15000, 10000) = 424 < pageblock_nr_pages.
    #expect(a.zones[0].watermarks.high == 283)
    let r4 = a.boostWatermark(zone: 0)
    #expect(r4)
    #expect(a.zones[0].watermarks.boost == 512)
    let r5 = a.boostWatermark(zone: 0)
    #expect(r5)
    #expect(a.zones[0].watermarks.boost == 512)
  }

  @Test func aFactorRoundingToZeroDoesNotBoost() throws {
    var s = SysctlVM()
    s.watermarkBoostFactor = 2  // mult_frac(4400, 2, 10000) = 0
    var a = try makeAllocator(sysctl: s)
    let r6 = a.boostWatermark(zone: 1)
    #expect(!r6)
    #expect(a.zones[1].watermarks.boost == 0)
    s.watermarkBoostFactor = 3  // mult_frac(4400, 3, 10000) = 1: boosted to one pageblock
    var b = try makeAllocator(sysctl: s)
    let r7 = b.boostWatermark(zone: 1)
    #expect(r7)
    #expect(b.zones[1].watermarks.boost == 512)
  }

  @Test func aZoneSmallerThanFourPageblocksIsNotBoosted() throws {
    var a = try makeAllocator()
    a.zones[1].managed = 4 * Buddy.pageblockPages - 1
    let r8 = a.boostWatermark(zone: 1)
    #expect(!r8)
    a.zones[1].managed = 4 * Buddy.pageblockPages
    let r9 = a.boostWatermark(zone: 1)
    #expect(r9)
  }
}
