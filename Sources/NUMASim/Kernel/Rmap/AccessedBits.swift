// SPDX-License-Identifier: MIT

/// Whether a folio was used since reclaim last looked: the accessed ("young") bits of the
/// page-table entries that map it, which `folio_referenced()` in mm/rmap.c tests and clears
/// by walking the reverse map.
///
/// The kernel reads bits the MMU set; the simulator supplies a model of them (the
/// ``AccessModel`` of `Model/`), so reclaim here asks this interface and never depends on
/// how the answer is made. A conformer is a value; reclaim is generic over it, so the call
/// costs no dynamic dispatch.
public protocol AccessedBits {
  /// Whether the folio headed by `page`, mapped by `owner`, was referenced since `node`'s
  /// LRU was last scanned.
  func isReferenced(_ page: PageIndex, owner: Int?, node: Int, now: SimTime, memmap: borrowing Memmap) -> Bool
  /// Reclaim has just scanned `node`'s lists: the bits it tested are clear again.
  mutating func scanned(node: Int, at now: SimTime)
}
