// SPDX-License-Identifier: MIT
import Testing

@testable import NUMASim

@Suite struct WatermarkCheckTests {
  /// The zone with the most memory on node 0, and its flat index.
  func bigZone(_ a: borrowing PageAllocator) -> Int { a.zones.elements.max { $0.managed < $1.managed }!.flatIndex }

  @Test func reductionsForReserves() throws {
    let a = try makeAllocator()
    let z = bigZone(a)
    let hz = a.zones[z].id.index
    let mark = 1000
    func passes(_ free: Int, _ flags: AllocFlags) -> Bool {
      a.watermarkOK(zone: z, order: 0, mark: mark, highestZoneIndex: hz, flags: flags, freePages: free)
    }
    // free must exceed the mark: '<=' fails.
    #expect(!passes(1000, []) && passes(1001, []))
    // ALLOC_MIN_RESERVE (__GFP_HIGH): min/2.
    #expect(!passes(500, .minReserve) && passes(501, .minReserve))
    // GFP_ATOMIC (MIN_RESERVE | NON_BLOCK): 3/8 of the mark.
    #expect(!passes(375, [.minReserve, .nonBlock]) && passes(376, [.minReserve, .nonBlock]))
    // ALLOC_OOM: min/2.
    #expect(!passes(500, .oom) && passes(501, .oom))
  }

  @Test func lowmemReserveProtectsLowerZones() throws {
    let a = try makeAllocator()
    let dma = try #require(a.zones.elements.first { $0.type == .dma }).flatIndex
    let normalIndex = Architecture.x86_64.normalZoneIndex
    let reserve = a.zones[dma].lowmemReserve[normalIndex]
    #expect(reserve > 0)
    #expect(a.watermarkOK(zone: dma, order: 0, mark: 10, highestZoneIndex: 0, flags: [], freePages: 11) == true)
    #expect(
      a.watermarkOK(zone: dma, order: 0, mark: 10, highestZoneIndex: normalIndex, flags: [], freePages: 10 + reserve)
        == false)
  }

  @Test func highOrderNeedsAFreeBlockOfThatOrder() throws {
    var a = try makeAllocator()
    let z = bigZone(a)
    #expect(a.watermarkOK(zone: z, order: 10, mark: 0, highestZoneIndex: a.zones[z].id.index, flags: []) == true)
    // Take every order-10 block and give one page back: order 10 now fails though pages are free.
    var last: PageIndex = Memmap.none
    while a.nrFree[z * Buddy.orderCount + 10] > 0 {
      last = a.rmqueueSmallest(zone: z, order: 10, mt: Int(MigrateType.movable.rawValue)) ?? last
    }
    a.freeOnePage(last, pfn: a.zones[z].pfn(last), zone: z, order: 0, migratetype: Int(MigrateType.movable.rawValue))
    #expect(a.zones[z].freePages > 0)
    #expect(a.watermarkOK(zone: z, order: 10, mark: 0, highestZoneIndex: a.zones[z].id.index, flags: []) == false)
  }

  /// GFP_ATOMIC end to end: it keeps allocating below min, down to about 3/8 of it.
  @Test func gfpAtomicDipsToThreeEighthsOfMinAndNoLower() throws {
    var a = try makeAllocator()
    let z = bigZone(a)
    let thisZone: GFPFlags = [.thisNode, .dma32]
    while a.allocate(AllocationRequest(order: 0, gfp: GFPFlags.kernel.union(thisZone), cpu: 0)) != nil {}
    let hz = a.zones[z].id.index
    let min = a.zones[z].watermarks.min
    let reserve = a.zones[z].lowmemReserve[hz]
    let batch = Int(a.pcp[a.pcpIndex(cpu: 0, zone: z)].batch)
    #expect(a.zones[z].freePages <= min + reserve + 1)
    while a.allocate(AllocationRequest(order: 0, gfp: GFPFlags.atomic.union(thisZone), cpu: 0)) != nil {}
    let floor = min - min / 2 - (min - min / 2) / 4
    #expect(a.zones[z].freePages <= floor + reserve + 1)
    // Every allocation needs free > floor: pages taken onto a pcp list after the last check
    // are not the caller's.
    #expect(a.zones[z].freePages + a.pcpPages(zone: z) >= floor + reserve)
    _ = batch
    #expect(a.zones[z].freePages < min / 2)
  }
}
