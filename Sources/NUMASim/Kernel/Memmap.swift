// SPDX-License-Identifier: MIT

/// The `struct page` flags the model uses.
///
/// Mirrors: `enum pageflags` in include/linux/page-flags.h (Linux 6.18), plus `PG_buddy`
/// (a page type in the kernel) and `tail` (the kernel's `compound_head` bit 0).
/// - Deviation: `pcp` marks a free page on a per-CPU list; the kernel leaves such pages
///   unflagged and knows them by the list they are on.
public struct PageFlags: OptionSet, Hashable, Sendable, BitwiseCopyable {
  public let rawValue: UInt16
  public init(rawValue: UInt16) { self.rawValue = rawValue }

  public static let locked = PageFlags(rawValue: 1 << 0)  // PG_locked
  public static let referenced = PageFlags(rawValue: 1 << 1)  // PG_referenced
  public static let dirty = PageFlags(rawValue: 1 << 2)  // PG_dirty
  public static let lru = PageFlags(rawValue: 1 << 3)  // PG_lru
  public static let active = PageFlags(rawValue: 1 << 4)  // PG_active
  public static let slab = PageFlags(rawValue: 1 << 5)  // PG_slab
  public static let reserved = PageFlags(rawValue: 1 << 6)  // PG_reserved
  public static let head = PageFlags(rawValue: 1 << 7)  // PG_head
  public static let tail = PageFlags(rawValue: 1 << 8)  // compound_head & 1
  public static let swapBacked = PageFlags(rawValue: 1 << 9)  // PG_swapbacked
  public static let unevictable = PageFlags(rawValue: 1 << 10)  // PG_unevictable
  public static let writeback = PageFlags(rawValue: 1 << 11)  // PG_writeback
  public static let buddy = PageFlags(rawValue: 1 << 12)  // PG_buddy (page type)
  public static let pcp = PageFlags(rawValue: 1 << 13)  // on a per-CPU free list (model only)
  public static let hole = PageFlags(rawValue: 1 << 14)  // no RAM behind this frame (model only)
  public static let hot = PageFlags(rawValue: 1 << 15)  // in its owner's working set (model only)

  /// The flags `/proc/kpageflags`-style dumps show, in a fixed order.
  public static let names: [(PageFlags, String)] = [
    (.locked, "locked"), (.referenced, "referenced"), (.dirty, "dirty"), (.lru, "lru"), (.active, "active"),
    (.slab, "slab"), (.reserved, "reserved"), (.head, "head"), (.tail, "tail"), (.swapBacked, "swapbacked"),
    (.unevictable, "unevictable"), (.writeback, "writeback"), (.buddy, "buddy"), (.pcp, "pcp"), (.hole, "hole"),
    (.hot, "hot"),
  ]
}

/// A page frame, named by its position in the model's memmap (not its PFN).
public typealias PageIndex = UInt32

/// One record per page frame, stored as parallel arrays.
///
/// Mirrors: the fields of `struct page` in include/linux/mm_types.h (Linux 6.18) that the
/// model reads: `flags`, `_refcount`, `_mapcount`, `mapping`, `index`, the `lru` /
/// `buddy_list` / `pcp_list` links (one pair, as in the kernel's union), the buddy order
/// (`page->private`) and `compound_order`. A tail page's `next` holds its head, as the
/// kernel's `compound_head` does.
///
/// Cost: 2 + 1 + 2 + 2 + 4 + 4 + 4 + 4 = 23 bytes per frame.
/// - Deviation: `_refcount` and `_mapcount` are 16-bit; `mapping` is an id into a table
///   (`address_space` ids even, `anon_vma` ids odd, as the kernel's `PAGE_MAPPING_ANON` bit).
public struct Memmap: Sendable {
  /// The end of a list, and "no page".
  public static let none: PageIndex = .max
  /// Bytes of state per simulated page frame.
  public static let bytesPerPage = 23

  public var flags: ContiguousArray<UInt16>
  /// Buddy order of a free block's first page, or `compound_order` of a head page.
  public var order: ContiguousArray<UInt8>
  public var refcount: ContiguousArray<Int16>
  /// `_mapcount + 1`: the number of page tables mapping the page.
  public var mapcount: ContiguousArray<Int16>
  public var mapping: ContiguousArray<UInt32>
  public var index: ContiguousArray<UInt32>
  public var next: ContiguousArray<PageIndex>
  public var prev: ContiguousArray<PageIndex>

  /// A memmap of `count` frames, all clear.
  public init(count: Int) {
    flags = ContiguousArray(repeating: 0, count: count)
    order = ContiguousArray(repeating: 0, count: count)
    refcount = ContiguousArray(repeating: 0, count: count)
    mapcount = ContiguousArray(repeating: 0, count: count)
    mapping = ContiguousArray(repeating: 0, count: count)
    index = ContiguousArray(repeating: 0, count: count)
    next = ContiguousArray(repeating: Memmap.none, count: count)
    prev = ContiguousArray(repeating: Memmap.none, count: count)
  }

  public var count: Int { flags.count }

  @inline(__always) public func has(_ page: PageIndex, _ f: PageFlags) -> Bool {
    flags[Int(page)] & f.rawValue != 0
  }
  @inline(__always) public mutating func set(_ page: PageIndex, _ f: PageFlags) {
    flags[Int(page)] |= f.rawValue
  }
  @inline(__always) public mutating func clear(_ page: PageIndex, _ f: PageFlags) {
    flags[Int(page)] &= ~f.rawValue
  }
  public func pageFlags(_ page: PageIndex) -> PageFlags { PageFlags(rawValue: flags[Int(page)]) }

  /// `compound_head()`: a tail page's head, any other page itself.
  public func compoundHead(_ page: PageIndex) -> PageIndex {
    has(page, .tail) ? next[Int(page)] : page
  }
}

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
    m.prev[p] = Memmap.none
    m.next[p] = list.head
    if list.head != Memmap.none { m.prev[Int(list.head)] = page } else { list.tail = page }
    list.head = page
    list.count += 1
  }

  /// `list_add_tail()`.
  @inline(__always)
  public static func addTail(_ list: inout PageList, _ page: PageIndex, _ m: inout Memmap) {
    let p = Int(page)
    m.next[p] = Memmap.none
    m.prev[p] = list.tail
    if list.tail != Memmap.none { m.next[Int(list.tail)] = page } else { list.head = page }
    list.tail = page
    list.count += 1
  }

  /// `list_del()`.
  @inline(__always)
  public static func remove(_ list: inout PageList, _ page: PageIndex, _ m: inout Memmap) {
    let p = Int(page)
    let n = m.next[p]
    let pr = m.prev[p]
    if pr != Memmap.none { m.next[Int(pr)] = n } else { list.head = n }
    if n != Memmap.none { m.prev[Int(n)] = pr } else { list.tail = pr }
    m.next[p] = Memmap.none
    m.prev[p] = Memmap.none
    list.count -= 1
  }
}
