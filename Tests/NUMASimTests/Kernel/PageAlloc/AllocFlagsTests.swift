// SPDX-License-Identifier: MIT
import Testing

@testable import NUMASim

@Suite struct AllocFlagsTests {
  @Test func watermarkBitsSelectTheLevel() {
    #expect(AllocFlags([]).watermark == .min)
    #expect(AllocFlags.watermarkLow.watermark == .low)
    #expect(AllocFlags.watermarkHigh.watermark == .high)
    #expect(AllocFlags([.watermarkLow, .kswapd]).watermark == .low)
    #expect(AllocFlags.noWatermarks.watermark == .min)
  }

  @Test func rawValuesMatchTheKernelBits() {
    #expect(AllocFlags.watermarkLow.rawValue == 0x01)
    #expect(AllocFlags.watermarkHigh.rawValue == 0x02)
    #expect(AllocFlags.noWatermarks.rawValue == 0x04)
    #expect(AllocFlags.oom.rawValue == 0x08)
    #expect(AllocFlags.nonBlock.rawValue == 0x10)
    #expect(AllocFlags.minReserve.rawValue == 0x20)
    #expect(AllocFlags.cpuset.rawValue == 0x40)
    #expect(AllocFlags.noFragment.rawValue == 0x100)
    #expect(AllocFlags.highatomic.rawValue == 0x200)
    #expect(AllocFlags.kswapd.rawValue == 0x400)
    #expect(AllocFlags.reserves == [.nonBlock, .minReserve, .highatomic, .oom])
  }

  @Test func gfpKernelGetsMinWatermarkCpusetAndKswapd() {
    #expect(AllocFlags.slowPath(gfp: .kernel, order: 0) == [.cpuset, .kswapd])
    #expect(AllocFlags.slowPath(gfp: .highUserMovable, order: 3) == [.cpuset, .kswapd])
    #expect(AllocFlags.slowPath(gfp: .kernel, order: 0).watermark == .min)
  }

  @Test func gfpAtomicMayUseReservesAndHighatomicAboveOrder0() {
    // GFP_ATOMIC = __GFP_HIGH | __GFP_KSWAPD_RECLAIM: no direct reclaim.
    #expect(AllocFlags.slowPath(gfp: .atomic, order: 0) == [.minReserve, .kswapd, .nonBlock])
    #expect(AllocFlags.slowPath(gfp: .atomic, order: 2) == [.minReserve, .kswapd, .nonBlock, .highatomic])
  }

  @Test func gfpNowaitIsNonBlockAndKeepsCpuset() {
    #expect(AllocFlags.slowPath(gfp: .nowait, order: 0) == [.cpuset, .kswapd, .nonBlock])
    #expect(AllocFlags.slowPath(gfp: .nowait, order: 4) == [.cpuset, .kswapd, .nonBlock])
  }

  @Test func noMemallocWithholdsNonBlock() {
    let gfp: GFPFlags = [.high, .noMemalloc]
    #expect(AllocFlags.slowPath(gfp: gfp, order: 1) == [.minReserve])
    #expect(AllocFlags.slowPath(gfp: [.noMemalloc], order: 1) == [.cpuset])
  }

  @Test func highWithDirectReclaimKeepsCpuset() {
    #expect(AllocFlags.slowPath(gfp: GFPFlags.kernel.union(.high), order: 1) == [.cpuset, .minReserve, .kswapd])
  }
}
