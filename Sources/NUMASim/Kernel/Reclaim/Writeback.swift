// SPDX-License-Identifier: MIT

/// Folios of one node whose writeback reclaim started and that have not completed.
///
/// Mirrors: the node's `NR_WRITEBACK` count and the folios carrying `PG_writeback`
/// (Linux 6.18).
public struct WritebackQueue: Sendable {
  /// Head pages under writeback, in the order it started.
  public private(set) var folios: [PageIndex] = []
  /// `NR_WRITEBACK` (pages).
  public private(set) var pages = 0

  public init() {}

  public var isEmpty: Bool { folios.isEmpty }

  /// `pageout()` → `folio_start_writeback()`: the folio is queued for I/O.
  public mutating func start(_ folio: PageIndex, pages n: Int) {
    folios.append(folio)
    pages += n
  }

  /// Completes the writeback of every folio queued: they become clean and reclaimable.
  ///
  /// Mirrors: `folio_end_writeback()` in mm/filemap.c (Linux 6.18): `PG_writeback` is cleared.
  /// - Deviation: every folio queued so far completes at once, one `writeback_ms` draw after
  ///   the first was queued, instead of each when its own I/O ends.
  public mutating func endAll(_ memmap: inout Memmap) {
    for p in folios { memmap.clear(p, .writeback) }
    folios.removeAll(keepingCapacity: true)
    pages = 0
  }
}
