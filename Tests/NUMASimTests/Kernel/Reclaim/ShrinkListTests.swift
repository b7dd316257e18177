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
}
