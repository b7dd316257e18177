// SPDX-License-Identifier: MIT
import Testing

@testable import NUMASim

@Suite struct MemmapInitTests {
  @Test func reservationsComeFirstAndHolesLastInTheZone() throws {
    let a = try makeAllocator()
    let dma = a.zones[0]
    // ZONE_DMA: PFNs 1...4095, 3998 present, 3840 managed: 158 reserved, 97 holes.
    #expect(dma.startPFN == 1)
    #expect(dma.spanned == 4095)
    for pfn in 1...158 { #expect(a.memmap.pageFlags(dma.page(pfn: pfn)) == .reserved) }
    #expect(a.memmap.has(dma.page(pfn: 159), .buddy) == true)
    for pfn in 3999...4095 { #expect(a.memmap.pageFlags(dma.page(pfn: pfn)) == .hole) }
    #expect(a.memmap.has(dma.page(pfn: 3998), .hole) == false)
  }

  @Test func freeMemoryIsInTheLargestAlignedBlocks() throws {
    let a = try makeAllocator()
    // PFNs 159...3998 split as 159, 160+32, 192+64, 256+256, 512+512, 1024, 2048, 3072+512,
    // 3584+256, 3840+128, 3968+16, 3984+8, 3992+4, 3996+2, 3998.
    let dma = (0..<Buddy.orderCount).map { a.nrFree[$0] }
    #expect(dma == [2, 1, 1, 1, 1, 1, 1, 1, 2, 2, 2])
    let dma32 = (0..<Buddy.orderCount).map { a.nrFree[Buddy.orderCount + $0] }
    #expect(dma32 == Array(repeating: 0, count: 10) + [58])
    #expect(a.memmap[Int(a.zones[0].page(pfn: 1024))].order == 10)
    #expect(a.memmap[Int(a.zones[0].page(pfn: 160))].order == 5)
    try a.checkInvariants()
  }

  @Test func everyPageblockStartsMovableAndPCPListsEmpty() throws {
    let a = try makeAllocator(nodes: 2)
    #expect(a.pageblockType.elements.allSatisfy { $0 == MigrateType.movable.rawValue })
    #expect(a.pcpLists.elements.allSatisfy { $0.isEmpty })
    #expect(a.pcp.count == a.cpuCount * a.zoneCount)
    #expect(a.freeLists.count == a.zoneCount * Buddy.orderCount * MigrateType.modelled)
    #expect(a.memoryNodeMask == 0b11)
    #expect(a.cpuNode == [0, 0, 1, 1])
  }

  @Test func theMemmapCoversEveryZoneSpanBackToBack() throws {
    let a = try makeAllocator(nodes: 2)
    var base = 0
    for z in a.zones.elements {
      #expect(z.memmapBase == base)
      base += z.spanned
    }
    #expect(a.memmap.count == base)
  }

  @Test func theZonelistTableCutsAtTheHighestZoneAndFiltersThisNode() {
    // Two nodes of two zones each (flat 0, 1 on node 0; 2, 3 on node 1).
    var zones: ContiguousArray<ZoneState> = []
    for n in 0..<2 {
      for i in 0..<2 {
        zones.append(
          ZoneState(
            id: ZoneID(node: NodeID(n), index: i), type: i == 0 ? .dma32 : .normal, flatIndex: zones.count,
            startPFN: 0, spanned: 1, present: 1, managed: 1, memmapBase: 0, pageblockBase: 0,
            watermarks: ZoneWatermarks(), lowmemReserve: ZoneReserves([])))
      }
    }
    let (storage, ranges) = PageAllocator.buildZonelistTable(
      zones: zones, zonelists: [[1, 0, 3, 2], [3, 2, 1, 0]], zonesPerNode: 2)
    func walk(_ node: Int, _ thisNode: Bool, _ highest: Int) -> [Int32] {
      Array(storage[ranges[(node * 2 + (thisNode ? 1 : 0)) * 2 + highest]])
    }
    #expect(walk(0, false, 1) == [1, 0, 3, 2])
    #expect(walk(0, false, 0) == [0, 2])
    #expect(walk(0, true, 1) == [1, 0])
    #expect(walk(1, true, 0) == [2])
    #expect(walk(1, false, 1) == [3, 2, 1, 0])
    #expect(ranges.count == 8)
  }
}
