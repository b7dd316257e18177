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

  @Test func reclaimablePagesAreTheZonesOwnPageCacheAnonWithSwapElseItsFreePages() throws {
    var a = try makeAllocator(memory: 64 * ByteSize.mib)
    var r = makeReclaim(a, swapPages: 100)
    r.fill(&a, limit: 1000)
    r.fill(&a, file: false, gfp: [.kernel, .dma], limit: 30)
    let dma = a.flatZone(node: 0, zoneIdx: 0)
    let dma32 = a.flatZone(node: 0, zoneIdx: 1)
    #expect(r.zoneReclaimablePages(a, zone: dma32) == 1000 && r.zoneReclaimablePages(a, zone: dma) == 30)
    var noSwap = makeReclaim(a)
    noSwap.nodes = r.nodes
    // Without swap the DMA zone's anonymous pages do not count: it has no LRU pages to offer,
    // so its free pages stand in (6.12+).
    #expect(noSwap.zoneReclaimablePages(a, zone: dma) == a.zones[dma].freePages)
  }

  @Test func nrMappedAndNrDirtyFollowFoliosInAndOutOfThePageCache() throws {
    var a = try makeAllocator(memory: 64 * ByteSize.mib)
    var r = makeReclaim(a)
    r.fill(&a, mapped: true, limit: 10)
    r.fill(&a, dirty: true, limit: 5)
    #expect(r.nodes[0].fileMapped == 10 && r.nodes[0].fileDirty == 5)
    let mapped = r.nodes[0].lruvec.tail(.inactiveFile)
    r.unmapFileFolio(&a, mapped)
    r.unmapFileFolio(&a, mapped)
    #expect(r.nodes[0].fileMapped == 9 && a.memmap[Int(mapped)].mapcount == 0)
    let dirty = r.nodes[0].lruvec.lists[LRUList.inactiveFile.rawValue].head
    r.releaseFolio(&a, dirty, cpu: 0)
    #expect(r.nodes[0].fileDirty == 4)
    try r.checkInvariants(a)
    r.nodes[0].fileMapped += 1
    #expect(throws: AllocatorInvariantViolation.self) { try r.checkInvariants(a) }
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
