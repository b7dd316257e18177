// SPDX-License-Identifier: MIT
import Testing

@testable import NUMASim

@Suite struct BuddyTests {
  @Test func anOrder9RequestFailsWhenMemoryIsFragmentedIntoOrder8Blocks() throws {
    var a = try makeAllocator()
    let gfp: GFPFlags = [.highUserMovable, .thisNode, .dma32]
    var blocks: [AllocatedPage] = []
    // __GFP_MEMALLOC ignores watermarks, so the zones are emptied of order-8 blocks.
    while let p = a.allocate(AllocationRequest(order: 8, gfp: gfp.union(.memalloc), cpu: 0)) { blocks.append(p) }
    // Free the lower block of every order-9 pair: half the memory is free, in order-8
    // pieces whose buddies are all in use.
    for b in blocks where a.zones[b.zone].pfn(b.page) & 256 == 0 { a.free(b.page, order: 8, cpu: 0, zone: b.zone) }
    let z = try #require(blocks.first).zone
    #expect(a.zones[z].freePages > a.zones[z].managed / 3)
    let order9 = a.allocate(AllocationRequest(order: 9, gfp: gfp, cpu: 0))
    #expect(order9 == nil)
    #expect(a.counters.allocFailures[9] == 1)
    let order8 = a.allocate(AllocationRequest(order: 8, gfp: gfp, cpu: 0))
    #expect(order8 != nil)
    try a.checkInvariants()
  }

  @Test func freeingMergesWithFreeBuddies() throws {
    var a = try makeAllocator()
    let z = a.zones.elements.max { $0.managed < $1.managed }!.flatIndex
    let before = a.nrFree[z * Buddy.orderCount + 10]
    let mt = Int(MigrateType.movable.rawValue)
    let taken = a.rmqueueSmallest(zone: z, order: 0, mt: mt)
    let block = try #require(taken)
    // Splitting an order-10 block leaves one free block of every order 0...9.
    #expect(a.nrFree[z * Buddy.orderCount + 10] == before - 1)
    for o in 0..<10 { #expect(a.nrFree[z * Buddy.orderCount + o] >= 1) }
    a.memmap[Int(block)].refcount = 1
    a.free(block, order: 0, cpu: 0, zone: z)
    a.drainAllPages()
    try a.checkInvariants()
    #expect(a.nrFree[z * Buddy.orderCount + 10] == before)
  }

  @Test func fallbackClaimsPageblocksAndBoostsTheWatermark() throws {
    var a = try makeAllocator()
    // Unmovable allocations on a machine whose pageblocks are all movable at boot.
    var claimed = false
    for _ in 0..<2000 {
      let p = try a.mustAllocate(AllocationRequest(order: 0, gfp: .kernel, cpu: 0))
      let pfn = a.zones[p.zone].pfn(p.page)
      if a.pageblockMigratetype(zone: p.zone, pfn: pfn) == Int(MigrateType.unmovable.rawValue) { claimed = true }
    }
    #expect(claimed)
    try a.checkInvariants()
  }

  @Test func boostIsCappedAtTheBoostFactorOfHigh() throws {
    var a = try makeAllocator()
    let z = a.zones.elements.max { $0.managed < $1.managed }!.flatIndex
    for _ in 0..<1000 { _ = a.boostWatermark(zone: z) }
    let cap = max(Buddy.pageblockPages, KernelMath.multFrac(a.zones[z].watermarks.high, 15_000, 10_000))
    #expect(a.zones[z].watermarks.boost == cap)
    var none = SysctlVM()
    none.watermarkBoostFactor = 0
    var b = try makeAllocator(sysctl: none)
    let boosted = b.boostWatermark(zone: z)
    #expect(!boosted)
  }
}
