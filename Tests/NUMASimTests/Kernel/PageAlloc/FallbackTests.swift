// SPDX-License-Identifier: MIT
import Testing

@testable import NUMASim

@Suite struct FallbackTests {
  let z = 1
  let unmovable = Int(MigrateType.unmovable.rawValue)
  let movable = Int(MigrateType.movable.rawValue)
  let reclaimable = Int(MigrateType.reclaimable.rawValue)

  func pageblocks(_ a: borrowing PageAllocator, _ mt: Int) -> Int {
    let zone = a.zones[z]
    return (zone.pageblockBase..<(zone.pageblockBase + zone.spanned / Buddy.pageblockPages)).filter {
      Int(a.pageblockType[$0]) == mt
    }.count
  }

  func nrFree(_ a: borrowing PageAllocator, order: Int, mt: Int) -> Int32 {
    a.freeLists[a.freeListIndex(zone: z, order: order, mt: mt)].count
  }

  @Test func canStealFallbackFromHalfAPageblockOrForUnmovableAndReclaimable() {
    for order in 0..<4 {
      #expect(!PageAllocator.canStealFallback(order: order, startMT: movable))
      #expect(PageAllocator.canStealFallback(order: order, startMT: unmovable))
      #expect(PageAllocator.canStealFallback(order: order, startMT: reclaimable))
    }
    for order in 4...10 { #expect(PageAllocator.canStealFallback(order: order, startMT: movable)) }
  }

  @Test func findSuitableFallbackWalksTheFallbackTable() throws {
    let a = try makeAllocator()
    #expect(a.findSuitableFallback(zone: z, order: 10, startMT: unmovable) == movable)
    #expect(a.findSuitableFallback(zone: z, order: 10, startMT: reclaimable) == movable)
    // Only movable blocks are free, and movable has no fallback to itself.
    #expect(a.findSuitableFallback(zone: z, order: 10, startMT: movable) == nil)
    // No free block of that order at all.
    #expect(a.findSuitableFallback(zone: z, order: 3, startMT: unmovable) == nil)
  }

  @Test func claimingAMaxOrderBlockRetypesBothPageblocks() throws {
    var a = try makeAllocator()
    let taken = a.rmqueue(zone: z, order: 0, mt: unmovable, flags: [])
    let page = try #require(taken)
    #expect(a.pageblockMigratetype(zone: z, pfn: a.zones[z].pfn(page)) == unmovable)
    #expect(pageblocks(a, unmovable) == 2)
    #expect(pageblocks(a, movable) == 118)
    for o in 0..<10 { #expect(nrFree(a, order: o, mt: unmovable) == 1) }
    #expect(nrFree(a, order: 10, mt: movable) == 57)
    #expect(a.zones[z].freePages == 59_392 - 1)
    // A whole block is taken: no boost.
    #expect(a.zones[z].watermarks.boost == 0)
    try a.checkInvariants()
  }

  @Test func stealingSplitsAFallbackBlockWithoutRetypingIt() throws {
    var a = try makeAllocator()
    let taken = a.rmqueueSteal(zone: z, order: 0, startMT: unmovable)
    let page = try #require(taken)
    #expect(a.pageblockMigratetype(zone: z, pfn: a.zones[z].pfn(page)) == movable)
    #expect(pageblocks(a, movable) == 120)
    for o in 0..<10 { #expect(nrFree(a, order: o, mt: movable) == 1) }
    #expect(nrFree(a, order: 10, mt: movable) == 57)
    try a.checkInvariants()
  }

  @Test func claimingAMostlyFreeSmallBlockBoostsAndRetypesItsPageblock() throws {
    var a = try makeAllocator()
    let stolen = a.rmqueueSteal(zone: z, order: 0, startMT: unmovable)
    let base = try #require(stolen)
    let head = a.freeLists[a.freeListIndex(zone: z, order: 8, mt: movable)].head
    #expect(head == base + 256)
    // 511 of the pageblock's 512 pages are free: at least half, so the block is claimed.
    let claimed = a.tryToClaimBlock(
      zone: z, page: head, currentOrder: 8, order: 0, startMT: unmovable, blockMT: movable, flags: [.kswapd])
    #expect(claimed == base + 1)
    #expect(a.zones[z].watermarks.boost == Buddy.pageblockPages)
    #expect(a.zones[z].flags.contains(.boostedWatermark))
    #expect(pageblocks(a, unmovable) == 1)
    #expect(pageblocks(a, movable) == 119)
    try a.checkInvariants()
  }

  @Test func aBoostWithoutKswapdDoesNotFlagTheZone() throws {
    var a = try makeAllocator()
    _ = a.rmqueueSteal(zone: z, order: 0, startMT: unmovable)
    let head = a.freeLists[a.freeListIndex(zone: z, order: 8, mt: movable)].head
    _ = a.tryToClaimBlock(
      zone: z, page: head, currentOrder: 8, order: 0, startMT: unmovable, blockMT: movable, flags: [])
    #expect(a.zones[z].watermarks.boost == Buddy.pageblockPages)
    #expect(!a.zones[z].flags.contains(.boostedWatermark))
  }

  @Test func noFragmentRefusesToStealBelowAPageblock() throws {
    var a = try makeAllocator()
    // Take every order >= 9 block: only the split remainders below a pageblock are left.
    var held: [PageIndex] = []
    while let p = a.rmqueueSmallest(zone: z, order: 9, mt: movable) { held.append(p) }
    let left = a.rmqueueSteal(zone: z, order: 0, startMT: movable)
    #expect(left == nil)
    #expect(held.count == 116)
    #expect(a.zones[z].freePages == 0)
    // Return one order-9 block and split it into movable pieces below a pageblock.
    a.memmap[Int(held[0])].refcount = 1
    a.free(held[0], order: 9, cpu: 0, zone: z)
    a.drainAllPages()
    let piece = a.rmqueueSmallest(zone: z, order: 0, mt: movable)
    #expect(piece != nil)
    #expect(a.rmqueue(zone: z, order: 0, mt: unmovable, flags: .noFragment) == nil)
    let stolen = a.rmqueue(zone: z, order: 0, mt: unmovable, flags: [])
    #expect(stolen != nil)
    try a.checkInvariants()
  }
}
