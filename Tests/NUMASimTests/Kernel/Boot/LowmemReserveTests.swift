// SPDX-License-Identifier: MIT
import Testing

@testable import NUMASim

@Suite struct LowmemReserveTests {
  let local = [3840, 772_808, 294_912, 0, 0]

  @Test func reproducesTheReferenceProtectionLines() {
    let r = LowmemReserve.compute(managed: local, ratios: [256, 256, 32, 0, 0], kernel: .v6_18)
    #expect(r[0] == [0, 3018, 4170, 4170, 4170])
    #expect(r[1] == [0, 0, 1152, 1152, 1152])
    #expect(r[2] == [0, 0, 0, 0, 0])
    #expect(r[3] == [0, 0, 0, 0, 0])
    #expect(r[4] == [0, 0, 0, 0, 0])
  }

  @Test func defaultRatiosFollowTheRelease() {
    #expect(LowmemReserve.defaultRatios(for: .x86_64, kernel: .v6_18) == [256, 256, 32, 0, 0])
    #expect(LowmemReserve.defaultRatios(for: .x86_64, kernel: KernelVersion(4, 4)) == [256, 256, 32, 1])
    #expect(LowmemReserve.defaultRatios(for: .i386, kernel: KernelVersion(4, 4)) == [256, 32, 32])
    #expect(LowmemReserve.defaultRatios(for: .i386, kernel: .v6_18) == [256, 32, 0, 0])
  }

  /// A node without DMA32 pages: before 5.9 the empty zone still computes a reserve.
  @Test(arguments: [
    (KernelVersion(5, 4), [0, 0, 1000, 1000, 1000]),
    (KernelVersion(5, 10), [0, 0, 0, 0, 0]),
    (KernelVersion(6, 18), [0, 0, 0, 0, 0]),
  ])
  func emptyLowerZoneReserves(kernel: KernelVersion, dma32Row: [Int]) {
    let r = LowmemReserve.compute(managed: [4000, 0, 256_000, 0, 0], ratios: [256, 256, 32, 0, 0], kernel: kernel)
    #expect(r[1] == dma32Row)
    #expect(r[0] == [0, 0, 1000, 1000, 1000])
  }

  @Test func ratioZeroClearsTheRowButKeepsAccumulatingFrom5_11() {
    // DMA32 ratio 0 with pages: 5.11+ clears DMA32's row; DMA still counts DMA32's pages.
    let m = [4000, 100_000, 256_000, 0, 0]
    let new = LowmemReserve.compute(managed: m, ratios: [256, 0, 32, 0, 0], kernel: .v6_18)
    #expect(new[1] == [0, 0, 0, 0, 0])
    #expect(new[0][2] == (100_000 + 256_000) / 256)
    // 5.9/5.10 skip the ratio-0 zone without adding its pages to what DMA protects.
    let mid = LowmemReserve.compute(managed: m, ratios: [256, 0, 32, 0, 0], kernel: KernelVersion(5, 10))
    #expect(mid[1][2] == 0)
    #expect(mid[0][2] == 256_000 / 256)
    // Before 4.18 a ratio of 0 counts as 1: DMA32 reserves everything above it.
    let legacy = LowmemReserve.compute(managed: m, ratios: [256, 0, 32, 1], kernel: KernelVersion(4, 4))
    #expect(legacy[1][2] == 256_000)
  }
}
