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
