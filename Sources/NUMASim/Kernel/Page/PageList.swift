// SPDX-License-Identifier: MIT

/// A doubly linked list of pages threaded through the memmap's `next`/`prev` links.
///
/// Mirrors: `struct list_head` as used by `free_area.free_list[]`, `per_cpu_pages.lists[]` and
/// the LRU lists (Linux 6.18).
public struct PageList: Sendable, BitwiseCopyable {
  public var head: PageIndex = Memmap.none
  public var tail: PageIndex = Memmap.none
  public var count: Int32 = 0

  public init() {}

  @inline(__always) public var isEmpty: Bool { head == Memmap.none }

  /// `list_add()`.
  @inline(__always)
  public static func addHead(_ list: inout PageList, _ page: PageIndex, _ m: inout Memmap) {
    let p = Int(page)
    m[p].prev = Memmap.none
    m[p].next = list.head
    if list.head != Memmap.none { m[Int(list.head)].prev = page } else { list.tail = page }
    list.head = page
    list.count += 1
  }

  /// `list_add_tail()`.
  @inline(__always)
  public static func addTail(_ list: inout PageList, _ page: PageIndex, _ m: inout Memmap) {
    let p = Int(page)
    m[p].next = Memmap.none
    m[p].prev = list.tail
    if list.tail != Memmap.none { m[Int(list.tail)].next = page } else { list.head = page }
    list.tail = page
    list.count += 1
  }

  /// `list_del()`.
  @inline(__always)
  public static func remove(_ list: inout PageList, _ page: PageIndex, _ m: inout Memmap) {
    let p = Int(page)
    let n = m[p].next
    let pr = m[p].prev
    if pr != Memmap.none { m[Int(pr)].next = n } else { list.head = n }
    if n != Memmap.none { m[Int(n)].prev = pr } else { list.tail = pr }
    m[p].next = Memmap.none
    m[p].prev = Memmap.none
    list.count -= 1
  }
}
