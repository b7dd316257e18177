// SPDX-License-Identifier: MIT
import Testing

@testable import NUMASim

@Suite struct WatermarksTests {
  let managed = [3840, 772_808, 294_912, 0, 0]
  let types: [ZoneType] = [.dma, .dma32, .normal, .movable, .device]

  @Test func workedCheckOfTheReferenceMachine() {
    let w = Watermarks.compute(
      managed: managed, zoneTypes: types, minFreeKbytes: 67584, watermarkScaleFactor: 10, kernel: .v6_18)
    #expect(w[0] == ZoneWatermarks(min: 60, low: 75, high: 90, promo: 105))
    #expect(w[1] == ZoneWatermarks(min: 12185, low: 15231, high: 18277, promo: 21323))
    #expect(w[2] == ZoneWatermarks(min: 4650, low: 5812, high: 6974, promo: 8136))
    // An empty Movable zone is clamped to SWAP_CLUSTER_MAX from 6.6; an empty Device zone is 0.
    #expect(w[3] == ZoneWatermarks(min: 32, low: 32, high: 32, promo: 32))
    #expect(w[4] == ZoneWatermarks(min: 0, low: 0, high: 0, promo: 0))
  }

  @Test func scaleFactorWidensTheGapOnlyWhenLargerThanAQuarterOfMin() {
    let w = Watermarks.compute(
      managed: managed, zoneTypes: types, minFreeKbytes: 67584, watermarkScaleFactor: 200, kernel: .v6_18)
    // Normal: gap = max(4650 >> 2, 294912 * 200 / 10000 = 5898)
    #expect(w[2].low - w[2].min == 5898)
    #expect(w[2].high - w[2].low == 5898)
    #expect(w[2].min == 4650)
    // DMA: max(15, 76) = 76
    #expect(w[0].low - w[0].min == 76)
  }

  @Test func movableWasLowmemBefore6_6() {
    let m = [0, 100_000, 200_000, 50_000, 0]
    let old = Watermarks.compute(
      managed: m, zoneTypes: types, minFreeKbytes: 8192, watermarkScaleFactor: 10, kernel: KernelVersion(6, 1))
    let new = Watermarks.compute(
      managed: m, zoneTypes: types, minFreeKbytes: 8192, watermarkScaleFactor: 10, kernel: KernelVersion(6, 6))
    // pages_min 2048 over 350000 lowmem pages (old) vs 300000 (new).
    #expect(old[3].min == 2048 * 50_000 / 350_000)
    #expect(new[3].min == 48)  // 50000/1024 = 48, inside [32, 128]
    #expect(new[2].min == 2048 * 200_000 / 300_000)
  }

  @Test func before4_6LowAndHighAreQuarterAndHalfOfMin() {
    let w = Watermarks.compute(
      managed: [4000, 1_000_000, 0, 0, 0], zoneTypes: types, minFreeKbytes: 16384,
      watermarkScaleFactor: 10, kernel: KernelVersion(4, 4))
    let tmp = 4096 * 1_000_000 / 1_004_000
    #expect(w[1] == ZoneWatermarks(min: tmp, low: tmp + tmp / 4, high: tmp + tmp / 2, promo: 0))
  }

  @Test func promoExistsFrom5_19() {
    let w = Watermarks.compute(
      managed: managed, zoneTypes: types, minFreeKbytes: 67584, watermarkScaleFactor: 10, kernel: KernelVersion(5, 14))
    #expect(w[2].promo == 0)
    #expect(w[2].high == 6974)
  }

  @Test func highMemMinIsClampedBetween32And128() {
    let t: [ZoneType] = [.dma, .normal, .highMem, .movable]
    let small = Watermarks.compute(
      managed: [3000, 200_000, 20_000, 0], zoneTypes: t, minFreeKbytes: 2787, watermarkScaleFactor: 10, kernel: .v6_18)
    let large = Watermarks.compute(
      managed: [3000, 200_000, 500_000, 0], zoneTypes: t, minFreeKbytes: 2787, watermarkScaleFactor: 10, kernel: .v6_18)
    #expect(small[2].min == 32)
    #expect(large[2].min == 128)
  }

  @Test func effectiveMarkIncludesTheBoost() {
    var w = ZoneWatermarks(min: 10, low: 20, high: 30, promo: 40)
    w.boost = 512
    #expect(w[.low] == 532)
    #expect(w.unboosted(.low) == 20)
    #expect(WatermarkLevel.allCases.map { w[$0] } == [522, 532, 542, 552])
  }
}
