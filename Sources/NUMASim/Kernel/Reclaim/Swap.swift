// SPDX-License-Identifier: MIT

/// The machine's swap space.
///
/// Mirrors: `total_swap_pages` and `nr_swap_pages` (`get_nr_swap_pages()`) in mm/swapfile.c
/// (Linux 6.18).
/// - Deviation: one swap device without bandwidth limit; swapped pages never come back
///   (no swap-in, so swap space is only used up).
public struct SwapSpace: Sendable, Equatable {
  public let totalPages: Int
  public private(set) var freePages: Int

  public init(pages: Int) {
    totalPages = pages
    freePages = pages
  }

  /// Whether anonymous pages can be reclaimed at all (`can_reclaim_anon_pages()` without cgroups).
  @inline(__always) public var hasFree: Bool { freePages > 0 }

  /// Takes `pages` slots (`folio_alloc_swap()`); false when too few are left.
  @inline(__always) public mutating func allocate(_ pages: Int) -> Bool {
    guard freePages >= pages else { return false }
    freePages -= pages
    return true
  }
}
