// SPDX-License-Identifier: MIT

/// Which of a group's pages are mapped by more than one process, and by how many.
///
/// Unmapping a page from every process that maps it (`try_to_unmap()` walking the rmap)
/// costs in proportion to its mapcount, so shared pages are dearer to reclaim.
///
/// - Deviation: the mapcount is drawn once at allocation and never changes.
public struct SharedMapping: Hashable, Sendable {
  /// The share of the group's pages, 0...1, that are mapped by several processes.
  public var fraction: Double
  /// The mapcount of a shared page; draws are rounded to the nearest integer and raised
  /// to at least 2.
  public var mapcount: Distribution

  /// Pages shared with probability `fraction`, each by `mapcount` processes.
  public init(fraction: Double, mapcount: Distribution = .constant(2)) {
    self.fraction = fraction
    self.mapcount = mapcount
  }

  /// No page is shared: every mapped page has mapcount 1 (the default).
  public static let none = SharedMapping(fraction: 0)
}
