// SPDX-License-Identifier: MIT

/// Which mm maps each page, and how many pages each mm has resident.
///
/// Mirrors: what the reverse map answers for reclaim and the OOM killer — `folio_referenced()`
/// and `try_to_unmap()` in mm/rmap.c walk a folio's `anon_vma` or `address_space` to the mms
/// that map it — and each mm's resident-page counters (`mm->rss_stat`, `get_mm_rss()` in
/// include/linux/mm.h, Linux 6.18).
/// - Deviation: one mm per task group; a folio belongs to at most one mm (its `_mapcount`
///   stands for further mappings, which reclaim costs but does not walk); no `anon_vma`,
///   `anon_vma_chain` or `i_mmap` trees.
public struct ReverseMap: ~Copyable, Sendable {
  /// The owning mm of each memmap frame (head pages only), or ``noOwner``.
  var owner: OwnedArray<Int32>
  /// Resident pages per mm.
  public private(set) var rss: [Int]

  /// "No mm maps this page."
  public static let noOwner: Int32 = -1

  /// A reverse map of `frames` page frames and `mms` address spaces, nothing mapped.
  public init(frames: Int, mms: Int) {
    owner = OwnedArray(repeating: Self.noOwner, count: frames)
    rss = Array(repeating: 0, count: mms)
  }

  /// The mm that maps the folio headed by `page`, if any.
  @inline(__always) public func owner(of page: PageIndex) -> Int? {
    let o = owner[Int(page)]
    return o == Self.noOwner ? nil : Int(o)
  }

  /// Maps a new folio of `2^order` pages into `mm` (`folio_add_new_anon_rmap()` or
  /// `filemap_add_folio()` followed by the fault's mapping; `add_mm_counter()`).
  @inline(__always) public mutating func map(_ page: PageIndex, order: Int, mm: Int) {
    precondition(owner[Int(page)] == Self.noOwner, "page \(page) is mapped already")
    owner[Int(page)] = Int32(mm)
    rss[mm] += 1 << order
  }

  /// Unmaps a folio from its mm (`try_to_unmap()` or the owner's `munmap()`); returns the mm.
  @discardableResult
  @inline(__always) public mutating func unmap(_ page: PageIndex, order: Int) -> Int? {
    guard let mm = owner(of: page) else { return nil }
    owner[Int(page)] = Self.noOwner
    rss[mm] -= 1 << order
    return mm
  }
}
