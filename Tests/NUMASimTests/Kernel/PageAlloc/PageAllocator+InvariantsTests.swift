// SPDX-License-Identifier: MIT
import Testing

@testable import NUMASim

@Suite struct PageAllocatorInvariantsTests {
  func violation(_ a: borrowing PageAllocator) -> String? {
    do {
      try a.checkInvariants()
      return nil
    } catch {
      return error.description
    }
  }

  @Test func aFreshAllocatorPasses() throws {
    let a = try makeAllocator(nodes: 2)
    #expect(violation(a) == nil)
  }

  @Test func aWrongFreePageCountIsCaught() throws {
    var a = try makeAllocator()
    a.zones[1].freePages += 1
    #expect(violation(a) == "zone 1: NR_FREE_PAGES is 59393 but the lists hold 59392")
  }

  @Test func aWrongNrFreeIsCaught() throws {
    var a = try makeAllocator()
    a.nrFree[1 * Buddy.orderCount + 10] -= 1
    #expect(violation(a) == "zone 1: nr_free[10] is 57 but the lists hold 58")
  }

  @Test func aFreeBlockOnTheWrongMigratetypeListIsCaught() throws {
    var a = try makeAllocator()
    let z = 1
    let head = a.freeLists[a.freeListIndex(zone: z, order: 10, mt: 1)].head
    a.pageblockType[a.zones[z].pageblock(pfn: a.zones[z].pfn(head))] = 0
    let found = violation(a)
    let v = try #require(found)
    #expect(v.contains("is on the mt-1 list of a mt-0 pageblock"))
  }

  @Test func unmergedBuddiesAreCaught() throws {
    var a = try makeAllocator()
    let z = 1
    let taken = a.rmqueueSmallest(zone: z, order: 0, mt: 1)
    let p = try #require(taken)
    // Put the page back without merging it with its free order-0 buddy.
    a.addToFreeList(p, zone: z, order: 0, mt: 1)
    let found = violation(a)
    let v = try #require(found)
    #expect(v.contains("were not merged"))
  }

  @Test func aWrongPCPCountIsCaught() throws {
    var a = try makeAllocator()
    _ = a.allocate(AllocationRequest(order: 0, gfp: .highUserMovable, cpu: 0))
    a.pcp[a.pcpIndex(cpu: 0, zone: 1)].count += 1
    #expect(violation(a) == "cpu 0 zone 1: pcp count 15, lists hold 14")
  }

  @Test func aFreeFrameWithAReferenceIsCaught() throws {
    var a = try makeAllocator()
    let head = a.freeLists[a.freeListIndex(zone: 1, order: 10, mt: 1)].head
    a.memmap[Int(head) + 7].refcount = 1
    let found = violation(a)
    let v = try #require(found)
    #expect(v.contains("is also in another state"))
  }

  @Test func allocatedPagesAreManagedMinusFreeAndPCP() throws {
    var a = try makeAllocator()
    #expect(a.allocatedPages(zone: 1) == 0)
    _ = a.allocate(AllocationRequest(order: 0, gfp: .highUserMovable, cpu: 0))
    _ = a.allocate(AllocationRequest(order: 4, gfp: .highUserMovable, cpu: 1))
    #expect(a.allocatedPages(zone: 1) == 17)
    #expect(a.pcpPages(zone: 1) == 14)
    try a.checkInvariants()
  }
}
