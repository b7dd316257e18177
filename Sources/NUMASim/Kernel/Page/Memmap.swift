// SPDX-License-Identifier: MIT

/// A page frame, named by its position in the model's memmap (not its PFN).
public typealias PageIndex = UInt32

/// One record per page frame, stored as parallel arrays.
///
/// Mirrors: the fields of `struct page` in include/linux/mm_types.h (Linux 6.18) that the
/// model reads: `flags`, `_refcount`, `_mapcount`, the `lru` /
/// `buddy_list` / `pcp_list` links (one pair, as in the kernel's union), the buddy order
/// (`page->private`) and `compound_order`. A tail page's `next` holds its head, as the
/// kernel's `compound_head` does.
///
/// Cost: 2 + 1 + 2 + 2 + 4 + 4 = 15 bytes per frame; with the reverse map's owner
/// (``ReverseMap``) and the simulation's free-event generation, 23 bytes per simulated page.
/// - Deviation: `_refcount` and `_mapcount` are 16-bit; `mapping` and `index` are not kept
///   (which mm maps a page is the ``ReverseMap``'s answer).
public struct Memmap: Sendable {
  /// The end of a list, and "no page".
  public static let none: PageIndex = .max
  /// Bytes of state per simulated page frame.
  public static let bytesPerPage = 15

  public var flags: ContiguousArray<UInt16>
  /// Buddy order of a free block's first page, or `compound_order` of a head page.
  public var order: ContiguousArray<UInt8>
  public var refcount: ContiguousArray<Int16>
  /// `_mapcount + 1`: the number of page tables mapping the page.
  public var mapcount: ContiguousArray<Int16>
  public var next: ContiguousArray<PageIndex>
  public var prev: ContiguousArray<PageIndex>

  /// A memmap of `count` frames, all clear.
  public init(count: Int) {
    flags = ContiguousArray(repeating: 0, count: count)
    order = ContiguousArray(repeating: 0, count: count)
    refcount = ContiguousArray(repeating: 0, count: count)
    mapcount = ContiguousArray(repeating: 0, count: count)
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
  /// The order of the folio `page` heads: its compound order, 0 for a base page.
  ///
  /// Mirrors: `folio_order()` in include/linux/mm.h (Linux 6.18).
  @inline(__always) public func folioOrder(_ page: PageIndex) -> Int {
    has(page, .head) ? Int(order[Int(page)]) : 0
  }

  public func pageFlags(_ page: PageIndex) -> PageFlags { PageFlags(rawValue: flags[Int(page)]) }

  /// `compound_head()`: a tail page's head, any other page itself.
  public func compoundHead(_ page: PageIndex) -> PageIndex {
    has(page, .tail) ? next[Int(page)] : page
  }
}
