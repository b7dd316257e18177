// SPDX-License-Identifier: MIT
import Testing

@testable import NUMASim

@Suite struct ReclaimTests {
  @Test func aNewFolioIsMappedAndPutOnItsInactiveList() throws {
    var a = try makeAllocator(memory: 64 * ByteSize.mib)
    var r = makeReclaim(a, mms: 2)
    let allocated = a.allocate(AllocationRequest(order: 2, gfp: GFPFlags.highUserMovable.union(.comp), cpu: 0))
    let p = try #require(allocated)
    a.memmap.set(p.page, .swapBacked)
    r.addNewFolio(&a, p.page, order: 2, mm: 1, file: false)
    #expect(r.rmap.rss == [0, 4] && r.nodes[0].lruvec.size(.inactiveAnon) == 4)
    try r.checkInvariants(a)
    r.releaseFolio(&a, p.page, cpu: 1)
    #expect(r.rmap.rss == [0, 0] && r.nodes[0].lruvec.size(.inactiveAnon) == 0)
    try r.checkInvariants(a)
    try a.checkInvariants()
  }

  @Test func aFolioOffTheLRUIsOnlyMapped() throws {
    var a = try makeAllocator(memory: 64 * ByteSize.mib)
    var r = makeReclaim(a)
    let allocated = a.allocate(AllocationRequest(order: 0, gfp: .kernel, cpu: 0))
    let p = try #require(allocated)
    r.addNewFolio(&a, p.page, order: 0, mm: 0, file: nil)
    #expect(r.rmap.rss == [1] && !a.memmap.has(p.page, .lru))
  }

  @Test func reclaimablePagesAreTheZonesShareOfThePageCache() throws {
    var a = try makeAllocator(memory: 64 * ByteSize.mib)
    var r = makeReclaim(a)
    r.fill(&a, limit: 1000)
    let managed = a.nodeSum(0, \.managed)
    for z in a.zones(ofNode: 0) where a.zones[z].isManaged {
      #expect(r.zoneReclaimablePages(a, zone: z) == Int(Double(1000) * Double(a.zones[z].managed) / Double(managed)))
    }
  }

  @Test func aBrokenResidentCountIsReported() throws {
    var a = try makeAllocator(memory: 64 * ByteSize.mib)
    var r = makeReclaim(a, mms: 2)
    r.fill(&a, limit: 10)
    let page = r.nodes[0].lruvec.tail(.inactiveFile)
    r.rmap.owner[Int(page)] = 1  // the page now claims another mm without moving its count
    #expect(throws: AllocatorInvariantViolation.self) { try r.checkInvariants(a) }
  }
}
