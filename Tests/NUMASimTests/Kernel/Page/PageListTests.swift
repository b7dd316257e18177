// SPDX-License-Identifier: MIT
import Testing

@testable import NUMASim

@Suite struct PageListTests {
  /// The pages from head to tail, checking the `prev` links on the way.
  func walk(_ l: PageList, _ m: borrowing Memmap) -> [PageIndex] {
    var out: [PageIndex] = []
    var p = l.head
    var previous = Memmap.none
    while p != Memmap.none {
      #expect(m[Int(p)].prev == previous)
      out.append(p)
      previous = p
      p = m[Int(p)].next
    }
    #expect(previous == l.tail)
    #expect(Int(l.count) == out.count)
    return out
  }

  @Test func aNewListIsEmpty() {
    let l = PageList()
    #expect(l.isEmpty)
    #expect(l.head == Memmap.none)
    #expect(l.tail == Memmap.none)
    #expect(l.count == 0)
  }

  @Test func addHeadPushesInFrontAndAddTailAppends() {
    var m = Memmap(count: 8)
    var l = PageList()
    PageList.addHead(&l, 3, &m)
    #expect(l.head == 3)
    #expect(l.tail == 3)
    PageList.addHead(&l, 1, &m)
    PageList.addTail(&l, 5, &m)
    PageList.addTail(&l, 7, &m)
    #expect(walk(l, m) == [1, 3, 5, 7])
    #expect(l.count == 4)
    #expect(!l.isEmpty)
  }

  @Test func removeUnlinksHeadMiddleAndTail() {
    var m = Memmap(count: 8)
    var l = PageList()
    for p: PageIndex in [0, 2, 4, 6] { PageList.addTail(&l, p, &m) }
    PageList.remove(&l, 4, &m)
    #expect(walk(l, m) == [0, 2, 6])
    #expect(m[4].next == Memmap.none)
    #expect(m[4].prev == Memmap.none)
    PageList.remove(&l, 0, &m)
    #expect(l.head == 2)
    #expect(walk(l, m) == [2, 6])
    PageList.remove(&l, 6, &m)
    #expect(l.tail == 2)
    #expect(walk(l, m) == [2])
    PageList.remove(&l, 2, &m)
    #expect(l.isEmpty)
    #expect(l.tail == Memmap.none)
    #expect(l.count == 0)
  }

  @Test func twoListsShareOneMemmap() {
    var m = Memmap(count: 6)
    var a = PageList()
    var b = PageList()
    for p: PageIndex in [0, 1, 2] { PageList.addTail(&a, p, &m) }
    for p: PageIndex in [5, 4, 3] { PageList.addHead(&b, p, &m) }
    #expect(walk(a, m) == [0, 1, 2])
    #expect(walk(b, m) == [3, 4, 5])
    // Moving a page from one list to the other (list_move_tail).
    PageList.remove(&a, 1, &m)
    PageList.addTail(&b, 1, &m)
    #expect(walk(a, m) == [0, 2])
    #expect(walk(b, m) == [3, 4, 5, 1])
  }
}
