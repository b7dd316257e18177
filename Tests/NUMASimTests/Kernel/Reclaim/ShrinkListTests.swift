// SPDX-License-Identifier: MIT
import Testing

@testable import NUMASim

@Suite struct ShrinkListTests {
  func setUp(swapPages: Int = 0) throws -> TestMachine {
    let a = try makeAllocator(memory: 64 * ByteSize.mib)
    let r = makeReclaim(a, swapPages: swapPages)
    return TestMachine(a: a, r: r)
  }

  func control(kswapd: Bool = false, cpu: Int = 1) -> ScanControl {
    ScanControl(nrToReclaim: 32, reclaimIndex: 4, isKswapd: kswapd, cpu: cpu, now: .milliseconds(1))
  }

  @Test func cleanColdPageCacheIsReclaimedPageForPage() throws {
    let m = try setUp()
    var a = m.a
    var r = m.r
    r.fill(&a, limit: 100)
    let freeBefore = a.counters[.pgfree]
    var sc = control()
    r.shrinkInactiveList(&a, node: 0, file: true, count: 32, &sc)
    #expect(sc.nrScanned == 32 && sc.nrReclaimed == 32)
    #expect(sc.nr.inactiveScanned == 32 && sc.nr.fileReclaimed == 32 && sc.nr.activated == 0)
    #expect(r.nodes[0].lruvec.size(.inactiveFile) == 68 && r.rmap.rss[0] == 68)
    #expect(a.counters[.pgscanFile] == 32 && a.counters[.pgstealFile] == 32)
    #expect(a.counters[.pgfree] - freeBefore == 32)
    try r.checkInvariants(a)
    try a.checkInvariants()
  }

  @Test func referencedHotFoliosAreActivatedNotReclaimed() throws {
    let m = try setUp()
    var a = m.a
    var r = m.r
    r.fill(&a, hot: true, limit: 40)
    var sc = control()
    r.shrinkInactiveList(&a, node: 0, file: true, count: 32, &sc)
    #expect(sc.nrScanned == 32 && sc.nrReclaimed == 0 && sc.nr.activated == 32)
    #expect(r.nodes[0].lruvec.size(.activeFile) == 32 && r.nodes[0].lruvec.size(.inactiveFile) == 8)
    #expect(a.counters[.pgactivate] == 32)
    try r.checkInvariants(a)
  }

  @Test func directReclaimPassesOverDirtyFolios() throws {
    let m = try setUp()
    var a = m.a
    var r = m.r
    r.fill(&a, dirty: true, limit: 40)
    var sc = control()
    r.shrinkInactiveList(&a, node: 0, file: true, count: 32, &sc)
    #expect(sc.nrReclaimed == 0 && sc.nr.blockedOnWriteback == 32 && sc.nr.writebackStarted == 0)
    #expect(r.nodes[0].lruvec.size(.inactiveFile) == 40 && r.nodes[0].writeback.isEmpty)
  }

  @Test func kswapdStartsWritebackAndReclaimsOnceItCompletes() throws {
    let m = try setUp()
    var a = m.a
    var r = m.r
    r.fill(&a, dirty: true, limit: 32)
    var sc = control(kswapd: true)
    r.shrinkInactiveList(&a, node: 0, file: true, count: 32, &sc)
    #expect(sc.nrReclaimed == 0 && sc.nr.writebackStarted == 32)
    #expect(r.nodes[0].writeback.pages == 32 && r.nodes[0].writeback.folios.count == 32)
    // Under writeback: passed over even by kswapd.
    var again = control(kswapd: true)
    r.shrinkInactiveList(&a, node: 0, file: true, count: 32, &again)
    #expect(again.nrReclaimed == 0 && again.nr.blockedOnWriteback == 32)
    r.endWriteback(&a)
    #expect(r.hasWriteback == false)
    var clean = control(kswapd: true)
    r.shrinkInactiveList(&a, node: 0, file: true, count: 32, &clean)
    #expect(clean.nrReclaimed == 32 && clean.nr.fileReclaimed == 32)
    try r.checkInvariants(a)
  }

  @Test func anonymousFoliosAreSwappedWhileSwapLastsThenActivated() throws {
    let m = try setUp(swapPages: 10)
    var a = m.a
    var r = m.r
    r.fill(&a, file: false, limit: 32)
    a.memmap[Int(r.nodes[0].lruvec.tail(.inactiveAnon))].mapcount = 3
    var sc = control()
    r.shrinkInactiveList(&a, node: 0, file: false, count: 32, &sc)
    #expect(sc.nrReclaimed == 10 && sc.nr.swappedOut == 10 && sc.nr.unmapped == 3)
    #expect(a.counters[.pswpout] == 10 && a.counters[.pgstealAnon] == 10 && !r.swap.hasFree)
    #expect(r.nodes[0].lruvec.size(.activeAnon) == 22 && r.nodes[0].lruvec.size(.inactiveAnon) == 0)
    try r.checkInvariants(a)
  }

  @Test func agingMovesColdActiveFoliosToTheInactiveList() throws {
    let m = try setUp()
    var a = m.a
    var r = m.r
    r.fill(&a, hot: true, limit: 48)
    var activate = control()
    r.shrinkInactiveList(&a, node: 0, file: true, count: 48, &activate)
    #expect(r.nodes[0].lruvec.size(.activeFile) == 48)
    // Cold again: the owner stopped touching them.
    var p = r.nodes[0].lruvec.tail(.activeFile)
    while p != Memmap.none {
      a.memmap.clear(p, .hot)
      p = a.memmap[Int(p)].prev
    }
    var sc = control()
    r.shrinkActiveList(&a, node: 0, file: true, count: 32, &sc)
    #expect(sc.nr.activeFoliosScanned == 32 && sc.nr.deactivated == 32 && sc.nrReclaimed == 0)
    #expect(r.nodes[0].lruvec.size(.activeFile) == 16 && r.nodes[0].lruvec.size(.inactiveFile) == 32)
    #expect(a.counters[.pgrefill] == 32 && a.counters[.pgdeactivate] == 32)
    try r.checkInvariants(a)
  }

  @Test func referencedActivePageCacheKeepsItsPlace() throws {
    let m = try setUp()
    var a = m.a
    var r = m.r
    r.fill(&a, hot: true, limit: 32)
    var activate = control()
    r.shrinkInactiveList(&a, node: 0, file: true, count: 32, &activate)
    var sc = control()
    r.shrinkActiveList(&a, node: 0, file: true, count: 32, &sc)
    #expect(sc.nr.activeFoliosScanned == 32 && sc.nr.deactivated == 0)
    #expect(r.nodes[0].lruvec.size(.activeFile) == 32)
  }

  @Test func isolatingTakesTheTailFolioWithAllItsPages() throws {
    let m = try setUp()
    var a = m.a
    var r = m.r
    r.fill(&a, limit: 3)
    let tail = r.nodes[0].lruvec.tail(.inactiveFile)
    let taken = try #require(r.isolateTailFolio(&a, node: 0, .inactiveFile))
    #expect(taken.page == tail && taken.nrPages == 1)
    #expect(r.nodes[0].lruvec.size(.inactiveFile) == 2 && !a.memmap.has(tail, .lru))
    _ = r.isolateTailFolio(&a, node: 0, .inactiveFile)
    _ = r.isolateTailFolio(&a, node: 0, .inactiveFile)
    #expect(r.isolateTailFolio(&a, node: 0, .inactiveFile) == nil)
  }

  /// The LRU list's folios from head to tail.
  func walk(_ r: borrowing Reclaim<AccessModel>, _ a: borrowing PageAllocator, _ l: LRUList) -> [PageIndex] {
    var out: [PageIndex] = []
    var p = r.nodes[0].lruvec.lists[l.rawValue].head
    while p != Memmap.none {
      out.append(p)
      p = a.memmap[Int(p)].next
    }
    return out
  }

  @Test func foliosAboveReclaimIdxAreSkippedToTheHeadInOrderAndCountAsScannedNotAgainstTheBatch() throws {
    let m = try setUp()
    var a = m.a
    var r = m.r
    // Oldest first: 40 DMA32 folios, then 20 DMA ones.
    r.fill(&a, limit: 40)
    let dma32 = walk(r, a, .inactiveFile)
    r.fill(&a, gfp: [.kernel, .dma], limit: 20)
    #expect(r.nodes[0].lruvec.size(.inactiveFile, zone: 0) == 20)
    #expect(r.nodes[0].lruvec.size(.inactiveFile, zone: 1) == 40)
    var sc = control()
    sc.reclaimIndex = 0
    r.shrinkInactiveList(&a, node: 0, file: true, count: 16, &sc)
    // isolate_lru_folios: the 40 skipped pages do not end the batch; total_scan counts them.
    #expect(sc.nrReclaimed == 16 && sc.nrScanned == 56 && sc.nr.inactiveFoliosScanned == 56)
    #expect(a.counters.pgskip[1] == 40 && a.counters.pgskip[0] == 0)
    #expect(a.counters[.pgscanDirect] == 56 && a.counters[.pgstealDirect] == 16)
    #expect(r.nodes[0].lruvec.size(.inactiveFile, zone: 0) == 4)
    #expect(r.nodes[0].lruvec.size(.inactiveFile, zone: 1) == 40)
    // list_splice(): the skipped folios lead the list in their old order; the DMA ones follow.
    let after = walk(r, a, .inactiveFile)
    #expect(Array(after.prefix(40)) == dma32 && after.count == 44)
    try r.checkInvariants(a)
  }

  @Test func withoutMayUnmapMappedFoliosGoBackToTheHeadAndCountAgainstTheBatch() throws {
    let m = try setUp()
    var a = m.a
    var r = m.r
    r.fill(&a, mapped: true, limit: 8)
    r.fill(&a, limit: 32)
    var sc = control()
    sc.mayUnmap = false
    r.shrinkInactiveList(&a, node: 0, file: true, count: 32, &sc)
    #expect(sc.nrScanned == 32 && sc.nrReclaimed == 24 && sc.nr.unmapped == 0)
    #expect(r.nodes[0].fileMapped == 8 && r.nodes[0].lruvec.size(.inactiveFile) == 16)
    // The eight mapped folios now sit at the head.
    #expect(walk(r, a, .inactiveFile).prefix(8).allSatisfy { a.memmap[Int($0)].mapcount == 1 })
    var unmap = control()
    r.shrinkInactiveList(&a, node: 0, file: true, count: 16, &unmap)
    #expect(unmap.nrReclaimed == 16 && unmap.nr.unmapped == 8 && r.nodes[0].fileMapped == 0)
    try r.checkInvariants(a)
  }

  @Test func withoutMayWritepageAnonymousFoliosStayInactiveAndUnswapped() throws {
    let m = try setUp(swapPages: 64)
    var a = m.a
    var r = m.r
    r.fill(&a, file: false, limit: 32)
    var sc = control()
    sc.mayWritepage = false
    r.shrinkInactiveList(&a, node: 0, file: false, count: 32, &sc)
    #expect(sc.nrScanned == 32 && sc.nrReclaimed == 0 && sc.nr.swappedOut == 0 && a.counters[.pswpout] == 0)
    #expect(r.nodes[0].lruvec.size(.inactiveAnon) == 32 && r.nodes[0].lruvec.size(.activeAnon) == 0)
  }

  @Test func reclaimAndWritebackKeepNrMappedAndNrDirty() throws {
    let m = try setUp()
    var a = m.a
    var r = m.r
    r.fill(&a, dirty: true, limit: 16)
    r.fill(&a, mapped: true, limit: 16)
    #expect(r.nodes[0].fileDirty == 16 && r.nodes[0].fileMapped == 16)
    var sc = control(kswapd: true)
    r.shrinkInactiveList(&a, node: 0, file: true, count: 32, &sc)
    // The dirty folios, the oldest, start writeback; the mapped ones are unmapped and freed.
    #expect(sc.nr.writebackStarted == 16 && sc.nrReclaimed == 16)
    #expect(r.nodes[0].fileDirty == 0 && r.nodes[0].fileMapped == 0)
    try r.checkInvariants(a)
  }
}
