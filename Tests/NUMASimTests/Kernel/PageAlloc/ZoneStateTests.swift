// SPDX-License-Identifier: MIT
import Testing

@testable import NUMASim

@Suite struct ZoneStateTests {
  @Test func pfnAndPageIndexAreInverse() throws {
    let a = try makeAllocator()
    let dma32 = a.zones[1]
    #expect(dma32.type == .dma32)
    #expect(dma32.startPFN == 4096)
    #expect(dma32.memmapBase == 4095)
    #expect(dma32.page(pfn: 4096) == 4095)
    #expect(dma32.pfn(4095) == 4096)
    for pfn in [4096, 5000, 65_535] { #expect(dma32.pfn(dma32.page(pfn: pfn)) == pfn) }
  }

  @Test func spansCoversStartToStartPlusSpanned() throws {
    let a = try makeAllocator()
    let dma32 = a.zones[1]
    #expect(!dma32.spans(pfn: 4095))
    #expect(dma32.spans(pfn: 4096))
    #expect(dma32.spans(pfn: 4096 + 61_439))
    #expect(!dma32.spans(pfn: 4096 + 61_440))
    // ZONE_DMA starts at PFN 1.
    #expect(!a.zones[0].spans(pfn: 0))
    #expect(a.zones[0].spans(pfn: 1))
  }

  @Test func pageblockSlotsCountFromTheZonesFirstAlignedBlock() throws {
    let a = try makeAllocator()
    let dma32 = a.zones[1]
    #expect(dma32.pageblock(pfn: 4096) == dma32.pageblockBase)
    #expect(dma32.pageblock(pfn: 4096 + 511) == dma32.pageblockBase)
    #expect(dma32.pageblock(pfn: 4096 + 512) == dma32.pageblockBase + 1)
    // ZONE_DMA's PFN 1 is in the block of PFN 0.
    #expect(a.zones[0].pageblock(pfn: 1) == a.zones[0].pageblockBase)
    #expect(a.zones[0].pageblock(pfn: 4095) == a.zones[0].pageblockBase + 7)
    #expect(dma32.pageblockBase == a.zones[0].pageblockBase + 8)
  }

  @Test func populatedAndManagedFollowPresentAndManagedPages() throws {
    let a = try makeAllocator()
    #expect(a.zones[0].isPopulated && a.zones[0].isManaged)
    #expect(a.zones[1].isPopulated && a.zones[1].isManaged)
    #expect(!a.zones[2].isPopulated && !a.zones[2].isManaged)
    #expect(a.zones[1].present == 61_440)
    #expect(a.zones[1].managed == 59_392)
  }

  @Test func zoneReservesStoreUpToSixValues() {
    let r = ZoneReserves([0, 232, 232, 4000])
    #expect(r[0] == 0)
    #expect(r[1] == 232)
    #expect(r[3] == 4000)
    #expect(r[5] == 0)
  }

  @Test func zoneFlagsAreDistinctBits() {
    #expect(ZoneFlags.boostedWatermark.rawValue == 1)
    #expect(ZoneFlags.reclaimActive.rawValue == 2)
    #expect(ZoneFlags.belowHigh.rawValue == 4)
    var f: ZoneFlags = [.belowHigh]
    f.insert(.reclaimActive)
    #expect(f.rawValue == 6)
  }

  @Test func zonesCountTheirFreePagesAtBoot() throws {
    let a = try makeAllocator()
    #expect(a.zones[0].freePages == 3840)
    #expect(a.zones[1].freePages == 59_392)
    #expect(a.zones[1].freeHighatomic == 0)
    #expect(a.zones[1].reservedHighatomic == 0)
    #expect(a.zones[1].flags.isEmpty)
  }
}
