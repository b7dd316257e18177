// SPDX-License-Identifier: MIT
import Testing

@testable import NUMASim

@Suite struct MinFreeKbytesTests {
  /// The table in the comment above `calculate_min_free_kbytes()` (lowmem size → value).
  /// The comment rounds 8192 MB to 11584; `int_sqrt(134217728)` is 11585.
  @Test(arguments: [
    (128, 1448), (256, 2048), (512, 2896), (1024, 4096), (2048, 5792), (4096, 8192), (8192, 11585), (16384, 16384),
  ])
  func sqrtRuleMatchesTheKernelTable(megabytes: Int, kbytes: Int) {
    let pages = megabytes * 256
    #expect(MinFreeKbytes.sqrtRule(freeBufferPages: pages, current: 1024, userValue: nil, kernel: .v6_18) == kbytes)
  }

  @Test func sqrtRuleIsClampedAt128AndTheReleasesUpperBound() {
    #expect(MinFreeKbytes.sqrtRule(freeBufferPages: 100, current: 0, userValue: nil, kernel: .v6_18) == 128)
    // 1 TiB of lowmem: sqrt(16 * 2^30) = 131072 kB.
    let tib = 1 << 28
    #expect(MinFreeKbytes.sqrtRule(freeBufferPages: tib, current: 0, userValue: nil, kernel: .v6_18) == 131_072)
    #expect(
      MinFreeKbytes.sqrtRule(freeBufferPages: tib, current: 0, userValue: nil, kernel: KernelVersion(5, 6)) == 65_536)
    #expect(MinFreeKbytes.sqrtRule(freeBufferPages: 16 * tib, current: 0, userValue: nil, kernel: .v6_18) == 262_144)
  }

  @Test func aLargerUserValueIsKept() {
    #expect(
      MinFreeKbytes.sqrtRule(freeBufferPages: 262_144, current: 50_000, userValue: 50_000, kernel: .v6_18) == 50_000)
  }

  @Test func thpRecommendsElevenPageblocksPerZone() {
    #expect(MinFreeKbytes.thpRecommendation(populatedZoneCount: 3, freeBufferPages: 10_000_000) == 67_584)
    #expect(MinFreeKbytes.thpRecommendation(populatedZoneCount: 4, freeBufferPages: 10_000_000) == 90_112)
  }

  @Test func thpIsCappedAtFivePercentOfLowmem() {
    // CentOS Stream 9, 1 GiB VM: nr_free_buffer_pages / 20 = 8637 pages = 34548 kB.
    #expect(MinFreeKbytes.thpRecommendation(populatedZoneCount: 2, freeBufferPages: 8637 * 20 + 19) == 34_548)
  }

  @Test func freeBufferPagesSubtractsHighWatermarksOfZonesUpToNormal() {
    let zones = [
      ZoneSpan(type: .dma, spanned: Pages(4000), present: Pages(4000), managed: Pages(3000)),
      ZoneSpan(type: .normal, spanned: Pages(9000), present: Pages(9000), managed: Pages(8000)),
      ZoneSpan(type: .movable, spanned: Pages(9000), present: Pages(9000), managed: Pages(9000)),
    ]
    #expect(
      MinFreeKbytes.freeBufferPages(zones: zones, highWatermarks: [4000, 500, 0], normalIndex: [true, true, false])
        == 7500)
  }
}
