// SPDX-License-Identifier: MIT
import Testing

@testable import NUMASim

@Suite struct HighatomicTests {
  let z = 1
  let movable = Int(MigrateType.movable.rawValue)
  let highatomic = Int(MigrateType.highatomic.rawValue)

  func take(_ a: inout PageAllocator, order: Int) throws -> PageIndex {
    let taken = a.rmqueueSmallest(zone: z, order: order, mt: movable)
    let p = try #require(taken)
    a.memmap[Int(p)].refcount = 1
    return p
  }

  @Test func reservingMovesThePageblocksFreePagesToTheHighatomicLists() throws {
    var a = try makeAllocator()
    let p = try take(&a, order: 1)
    a.reserveHighatomicPageblock(p, order: 1, zone: z)
    #expect(a.pageblockMigratetype(zone: z, pfn: a.zones[z].pfn(p)) == highatomic)
    #expect(a.zones[z].reservedHighatomic == 512)
    #expect(a.zones[z].freeHighatomic == 510)
    #expect(a.zones[z].freePages == 59_392 - 2)
    for o in 1...8 { #expect(a.freeLists[a.freeListIndex(zone: z, order: o, mt: highatomic)].count == 1) }
    try a.checkInvariants()
  }

  @Test func theReserveIsCappedAtOnePercentRoundedUpToAPageblock() throws {
    var a = try makeAllocator()
    // managed 59392: ALIGN(593, 512) = 1024 pages, two pageblocks.
    let p1 = try take(&a, order: 10)
    let p2 = try take(&a, order: 10)
    let p3 = try take(&a, order: 10)
    a.reserveHighatomicPageblock(p1, order: 1, zone: z)
    a.reserveHighatomicPageblock(p2, order: 1, zone: z)
    #expect(a.zones[z].reservedHighatomic == 1024)
    a.reserveHighatomicPageblock(p3, order: 1, zone: z)
    #expect(a.zones[z].reservedHighatomic == 1024)
    #expect(a.pageblockMigratetype(zone: z, pfn: a.zones[z].pfn(p3)) == movable)
    try a.checkInvariants()
  }

  @Test func aBlockOfPageblockOrderIsRetypedWhole() throws {
    var a = try makeAllocator()
    let p = try take(&a, order: 9)
    a.reserveHighatomicPageblock(p, order: 9, zone: z)
    #expect(a.zones[z].reservedHighatomic == 512)
    #expect(a.zones[z].freeHighatomic == 0)
    #expect(a.pageblockMigratetype(zone: z, pfn: a.zones[z].pfn(p)) == highatomic)
  }

  @Test func aZoneUnderOneHundredPageblocksKeepsNoReserve() throws {
    var a = try makeAllocator()
    // ZONE_DMA: managed 3840, 3840 / 100 < pageblock_nr_pages.
    let taken = a.rmqueueSmallest(zone: 0, order: 1, mt: movable)
    let p = try #require(taken)
    a.reserveHighatomicPageblock(p, order: 1, zone: 0)
    #expect(a.zones[0].reservedHighatomic == 0)
    #expect(a.pageblockMigratetype(zone: 0, pfn: a.zones[0].pfn(p)) == movable)
  }

  @Test func unreservingKeepsTheLastPageblockUnlessForced() throws {
    var a = try makeAllocator()
    let p = try take(&a, order: 1)
    a.reserveHighatomicPageblock(p, order: 1, zone: z)
    let r1 = a.unreserveHighatomicPageblock(zonelist: [z], highestZoneIndex: 4, mt: movable, force: false)
    #expect(!r1)
    #expect(a.zones[z].reservedHighatomic == 512)
    let r2 = a.unreserveHighatomicPageblock(zonelist: [z], highestZoneIndex: 4, mt: movable, force: true)
    #expect(r2)
    #expect(a.zones[z].reservedHighatomic == 0)
    #expect(a.zones[z].freeHighatomic == 0)
    #expect(a.pageblockMigratetype(zone: z, pfn: a.zones[z].pfn(p)) == movable)
    try a.checkInvariants()
    a.free(p, order: 1, cpu: 0, zone: z)
    a.drainAllPages()
    #expect(a.nrFree[z * Buddy.orderCount + 10] == 58)
    try a.checkInvariants()
    let r3 = a.unreserveHighatomicPageblock(zonelist: [z], highestZoneIndex: 4, mt: movable, force: true)
    #expect(!r3)
  }

  @Test func unreservingSkipsZonesAboveTheHighestIndex() throws {
    var a = try makeAllocator()
    let p = try take(&a, order: 1)
    a.reserveHighatomicPageblock(p, order: 1, zone: z)
    let r4 = a.unreserveHighatomicPageblock(zonelist: [z], highestZoneIndex: 0, mt: movable, force: true)
    #expect(!r4)
    #expect(a.zones[z].reservedHighatomic == 512)
  }

  @Test func unreservingTwoBlocksReleasesOneAtATime() throws {
    var a = try makeAllocator()
    let p1 = try take(&a, order: 1)
    a.reserveHighatomicPageblock(p1, order: 1, zone: z)
    // The smallest movable block left is the other pageblock of the same order-10 block.
    let p2 = try take(&a, order: 1)
    #expect(p2 == p1 + 512)
    a.reserveHighatomicPageblock(p2, order: 1, zone: z)
    #expect(a.zones[z].reservedHighatomic == 1024)
    #expect(a.zones[z].freeHighatomic == 1020)
    let r5 = a.unreserveHighatomicPageblock(zonelist: [z], highestZoneIndex: 4, mt: movable, force: false)
    #expect(r5)
    #expect(a.zones[z].reservedHighatomic == 512)
    #expect(a.zones[z].freeHighatomic == 510)
    let r6 = a.unreserveHighatomicPageblock(zonelist: [z], highestZoneIndex: 4, mt: movable, force: false)
    #expect(!r6)
    try a.checkInvariants()
  }
}
