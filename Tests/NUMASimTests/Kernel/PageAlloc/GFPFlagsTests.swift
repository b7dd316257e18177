// SPDX-License-Identifier: MIT
import Testing

@testable import NUMASim

@Suite struct GFPFlagsTests {
  @Test func classesMapToZonesAndMigratetypes() throws {
    let x86 = Architecture.x86_64
    #expect(GFPFlags.kernel.highestZoneType(on: x86) == .normal)
    #expect(GFPFlags.highUserMovable.highestZoneType(on: x86) == .movable)
    #expect(GFPFlags.dma32.highestZoneType(on: x86) == .dma32)
    #expect(GFPFlags.highUser.highestZoneType(on: x86) == .normal)
    #expect(GFPFlags.highUser.highestZoneType(on: .i386) == .highMem)
    #expect(GFPFlags.kernel.migratetype == .unmovable)
    #expect(GFPFlags.highUserMovable.migratetype == .movable)
    #expect(GFPFlags([.kernel, .reclaimable]).migratetype == .reclaimable)
  }

  @Test func namesAClassOrItsBits() {
    #expect(GFPFlags.kernel.name == "GFP_KERNEL")
    #expect(
      GFPFlags([.kernel, .thisNode]).name
        == "__GFP_IO | __GFP_FS | __GFP_DIRECT_RECLAIM | __GFP_KSWAPD_RECLAIM | __GFP_THISNODE")
    #expect(GFPFlags.transhugeLight.isDisjoint(with: .reclaim))
  }

  /// Mirrors the kernel's `gfp_to_alloc_flags()` table for the common classes.
  @Test func slowPathAllocFlags() {
    #expect(AllocFlags.slowPath(gfp: .kernel, order: 0) == [.cpuset, .kswapd])
    #expect(AllocFlags.slowPath(gfp: .atomic, order: 0) == [.minReserve, .kswapd, .nonBlock])
    #expect(AllocFlags.slowPath(gfp: .atomic, order: 2) == [.minReserve, .kswapd, .nonBlock, .highatomic])
    #expect(AllocFlags.slowPath(gfp: .nowait, order: 0) == [.cpuset, .kswapd, .nonBlock])
    #expect(AllocFlags.slowPath(gfp: .kernel, order: 0).watermark == .min)
  }
}
