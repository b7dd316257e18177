// SPDX-License-Identifier: MIT
import Testing

@testable import NUMASim

@Suite struct MemmapTests {
  @Test func aNewMemmapIsClearWithUnlinkedFrames() {
    let m = Memmap(count: 8)
    #expect(m.count == 8)
    for p in 0..<8 {
      #expect(m[p].flags == 0)
      #expect(m[p].order == 0)
      #expect(m[p].refcount == 0)
      #expect(m[p].mapcount == 0)
      #expect(m[p].next == Memmap.none)
      #expect(m[p].prev == Memmap.none)
    }
    #expect(Memmap.none == PageIndex.max)
    // next, prev, flags, _refcount, _mapcount, order and one spare byte: one 16-byte record.
    #expect(Memmap.bytesPerPage == 4 + 4 + 2 + 2 + 2 + 1 + 1)
    #expect(MemoryLayout<PageRecord>.size == 16 && MemoryLayout<PageRecord>.alignment == 4)
  }

  @Test func setAndClearTouchOnlyTheirFlagAndFrame() {
    var m = Memmap(count: 4)
    m.set(2, .dirty)
    m.set(2, .lru)
    #expect(m.has(2, .dirty) == true)
    #expect(m.has(2, .lru) == true)
    #expect(m.has(2, .active) == false)
    #expect(m.has(1, .dirty) == false)
    #expect(m[2].flags == PageFlags.dirty.rawValue | PageFlags.lru.rawValue)
    m.clear(2, .dirty)
    #expect(m.has(2, .dirty) == false)
    #expect(m.pageFlags(2) == .lru)
    // Clearing a flag that is not set changes nothing.
    m.clear(2, .writeback)
    #expect(m.pageFlags(2) == .lru)
  }

  @Test func hasIsTrueWhenAnyFlagOfASetIsPresent() {
    var m = Memmap(count: 1)
    m.set(0, .referenced)
    #expect(m.has(0, [.referenced, .active]) == true)
    #expect(m.has(0, [.dirty, .active]) == false)
  }

  @Test func compoundHeadOfATailIsItsHeadAndOfAnyOtherPageItself() {
    var m = Memmap(count: 8)
    m.set(4, .head)
    m[4].order = 2
    for t in 5...7 {
      m.set(PageIndex(t), .tail)
      m[t].next = 4
    }
    #expect(m.compoundHead(4) == 4)
    for t in 5...7 { #expect(m.compoundHead(PageIndex(t)) == 4) }
    // A page on a list whose `next` is set but is not a tail is its own head.
    m[1].next = 3
    #expect(m.compoundHead(1) == 1)
  }

  @Test func allocatedCompoundPagesHaveTailsPointingAtTheHead() throws {
    var a = try makeAllocator()
    let allocated = a.allocate(AllocationRequest(order: 2, gfp: GFPFlags.highUserMovable.union(.comp), cpu: 0))
    let p = try #require(allocated)
    #expect(a.memmap.has(p.page, .head) == true)
    #expect(a.memmap[Int(p.page)].order == 2)
    #expect(a.memmap[Int(p.page)].refcount == 1)
    for i in 1..<4 {
      let t = p.page + PageIndex(i)
      #expect(a.memmap.has(t, .tail) == true)
      #expect(a.memmap.compoundHead(t) == p.page)
    }
    a.free(p.page, order: 2, cpu: 0, zone: p.zone)
    for i in 1..<4 {
      let t = p.page + PageIndex(i)
      #expect(a.memmap.has(t, .tail) == false)
      #expect(a.memmap.compoundHead(t) == t)
    }
    try a.checkInvariants()
  }

  @Test func aFoliosOrderIsItsHeadsCompoundOrderAndZeroForABasePage() {
    var m = Memmap(count: 8)
    m[0].order = 2
    #expect(m.folioOrder(0) == 0)  // not a head: a base page whatever the field holds
    m.set(0, .head)
    #expect(m.folioOrder(0) == 2)
    #expect(m.folioOrder(5) == 0)
  }
}
