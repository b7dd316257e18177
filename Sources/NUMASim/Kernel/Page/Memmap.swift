// SPDX-License-Identifier: MIT

/// A page frame, named by its position in the model's memmap (not its PFN).
public typealias PageIndex = UInt32

/// The hot fields of one page frame's `struct page`, packed into 16 bytes.
///
/// Mirrors: the fields of `struct page` in include/linux/mm_types.h (Linux 6.18) that the
/// model reads: `flags`, `_refcount`, `_mapcount`, the `lru` / `buddy_list` / `pcp_list`
/// links (one pair, as in the kernel's union), the buddy order (`page->private`) and
/// `compound_order`. A tail page's `next` holds its head, as the kernel's `compound_head` does.
/// - Deviation: `_refcount` and `_mapcount` are 16-bit; `mapping` and `index` are not kept
///   (which mm maps a page is the ``ReverseMap``'s answer).
public struct PageRecord: Sendable, BitwiseCopyable, Equatable {
  public var next: PageIndex = Memmap.none
  public var prev: PageIndex = Memmap.none
  public var flags: UInt16 = 0
  public var refcount: Int16 = 0
  /// `_mapcount + 1`: the number of page tables mapping the page.
  public var mapcount: Int16 = 0
  /// Buddy order of a free block's first page, or `compound_order` of a head page.
  public var order: UInt8 = 0
  var spare: UInt8 = 0

  public init() {}
}

/// One ``PageRecord`` per page frame, in one owned array: a page's flags, order and list links
/// share a cache line, and every write is a plain store.
///
/// Cost: 16 bytes per frame; with the reverse map's owner (``ReverseMap``) and the
/// simulation's free-event generation, 24 bytes per simulated page.
public struct Memmap: ~Copyable, Sendable {
  /// The end of a list, and "no page".
  public static let none: PageIndex = .max
  /// Bytes of state per simulated page frame.
  public static let bytesPerPage = MemoryLayout<PageRecord>.stride

  var records: OwnedArray<PageRecord>

  /// A memmap of `count` frames, all clear.
  public init(count: Int) { records = OwnedArray(repeating: PageRecord(), count: count) }

  init(records: consuming OwnedArray<PageRecord>) { self.records = records }

  public var count: Int { records.count }

  /// An independent memmap with the same records.
  public func copy() -> Memmap { Memmap(records: records.copy()) }

  @inline(__always) public subscript(_ page: PageIndex) -> PageRecord {
    _read { yield records[Int(page)] }
    _modify { yield &records[Int(page)] }
  }
  @inline(__always) public subscript(_ page: Int) -> PageRecord {
    _read { yield records[page] }
    _modify { yield &records[page] }
  }

  @inline(__always) public func has(_ page: PageIndex, _ f: PageFlags) -> Bool {
    records[Int(page)].flags & f.rawValue != 0
  }
  @inline(__always) public mutating func set(_ page: PageIndex, _ f: PageFlags) {
    records[Int(page)].flags |= f.rawValue
  }
  @inline(__always) public mutating func clear(_ page: PageIndex, _ f: PageFlags) {
    records[Int(page)].flags &= ~f.rawValue
  }
  /// The order of the folio `page` heads: its compound order, 0 for a base page.
  ///
  /// Mirrors: `folio_order()` in include/linux/mm.h (Linux 6.18).
  @inline(__always) public func folioOrder(_ page: PageIndex) -> Int {
    has(page, .head) ? Int(records[Int(page)].order) : 0
  }

  public func pageFlags(_ page: PageIndex) -> PageFlags { PageFlags(rawValue: records[Int(page)].flags) }

  /// `compound_head()`: a tail page's head, any other page itself.
  public func compoundHead(_ page: PageIndex) -> PageIndex {
    has(page, .tail) ? records[Int(page)].next : page
  }
}
