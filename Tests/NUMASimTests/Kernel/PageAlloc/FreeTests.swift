// SPDX-License-Identifier: MIT
import Testing

@testable import NUMASim

@Suite struct FreeTests {
  /// ZONE_DMA32 of the default machine: 58 free order-10 blocks, all pageblocks movable.
  let z = 1
  let movable = Int(MigrateType.movable.rawValue)

  @Test func anOrder0FreeGoesToTheCPUListAndIsHandedOutNext() throws {
    var a = try makeAllocator()
    let first = a.allocate(AllocationRequest(order: 0, gfp: .highUserMovable, cpu: 0))
    let p = try #require(first)
    #expect(p.zone == z)
    let pi = a.pcpIndex(cpu: 0, zone: z)
    let pcpBefore = a.pcp[pi].count
    let freeBefore = a.zones[z].freePages
    let pgfree = a.counters[.pgfree]
    a.free(p.page, order: 0, cpu: 0)
    #expect(a.pcp[pi].count == pcpBefore + 1)
    #expect(a.zones[z].freePages == freeBefore)
    #expect(a.counters[.pgfree] == pgfree + 1)
    #expect(a.memmap.pageFlags(p.page) == .pcp)
    #expect(a.memmap[Int(p.page)].refcount == 0)
    try a.checkInvariants()
    // The pcp list is LIFO: the page just freed is the next one allocated.
    let again = a.allocate(AllocationRequest(order: 0, gfp: .highUserMovable, cpu: 0))
    #expect(again?.page == p.page)
  }

  @Test func aNonPCPOrderFreeGoesStraightToTheBuddyListsAndMerges() throws {
    var a = try makeAllocator()
    let taken = a.allocate(AllocationRequest(order: 4, gfp: .highUserMovable, cpu: 0))
    let p = try #require(taken)
    #expect(a.nrFree[z * Buddy.orderCount + 10] == 57)
    let freeBefore = a.zones[z].freePages
    let pgfree = a.counters[.pgfree]
    a.free(p.page, order: 4, cpu: 0, zone: p.zone)
    #expect(a.zones[z].freePages == freeBefore + 16)
    #expect(a.pcpPages(zone: z) == 0)
    #expect(a.counters[.pgfree] == pgfree + 16)
    #expect(a.nrFree[z * Buddy.orderCount + 10] == 58)
    for o in 0..<10 { #expect(a.nrFree[z * Buddy.orderCount + o] == 0) }
    try a.checkInvariants()
  }

  @Test func freeingClearsTheFlagsOfEveryFrameOfTheBlock() throws {
    var a = try makeAllocator()
    let taken = a.allocate(AllocationRequest(order: 3, gfp: GFPFlags.highUserMovable.union(.comp), cpu: 0))
    let p = try #require(taken)
    for i in 0..<8 {
      let f = p.page + PageIndex(i)
      a.memmap.set(f, [.dirty, .referenced])
      a.memmap[Int(f)].mapcount = 1
    }
    a.free(p.page, order: 3, cpu: 0, zone: p.zone)
    // An order-3 block goes to the pcp list: its head is flagged `pcp`, its tails are clear.
    #expect(a.memmap.pageFlags(p.page) == .pcp)
    #expect(a.memmap[Int(p.page)].order == 3)
    for i in 1..<8 {
      let f = Int(p.page) + i
      #expect(a.memmap[f].flags == 0)
      #expect(a.memmap[f].mapcount == 0)
      #expect(a.memmap[f].refcount == 0)
      #expect(a.memmap[f].next == Memmap.none)
    }
    try a.checkInvariants()
    a.drainAllPages()
    #expect(a.nrFree[z * Buddy.orderCount + 10] == 58)
    try a.checkInvariants()
  }

  @Test func aFreeInAHighatomicPageblockBypassesThePCPLists() throws {
    var a = try makeAllocator()
    let taken = a.rmqueueSmallest(zone: z, order: 1, mt: movable)
    let page = try #require(taken)
    a.memmap[Int(page)].refcount = 1
    a.reserveHighatomicPageblock(page, order: 1, zone: z)
    #expect(a.pageblockMigratetype(zone: z, pfn: a.zones[z].pfn(page)) == Int(MigrateType.highatomic.rawValue))
    a.free(page, order: 1, cpu: 0, zone: z)
    #expect(a.pcpPages(zone: z) == 0)
    // It merges up to the pageblock and stops: the other half of the order-10 block is movable.
    #expect(a.zones[z].freeHighatomic == Buddy.pageblockPages)
    #expect(a.nrFree[z * Buddy.orderCount + 9] == 2)
    #expect(a.nrFree[z * Buddy.orderCount + 10] == 57)
    try a.checkInvariants()
  }

  @Test func theZoneOfAPageIsFoundWhenNotGiven() throws {
    var a = try makeAllocator()
    let taken = a.allocate(AllocationRequest(order: 5, gfp: [.dma, .kernel], cpu: 1))
    let p = try #require(taken)
    #expect(p.zone == 0)
    #expect(a.zoneIndex(of: p.page) == 0)
    let before = a.zones[0].freePages
    a.free(p.page, order: 5, cpu: 1)
    #expect(a.zones[0].freePages == before + 32)
    try a.checkInvariants()
  }
}
