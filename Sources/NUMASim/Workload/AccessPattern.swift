// SPDX-License-Identifier: MIT

/// How a group touches the pages it holds, which is what makes LRU aging mean something.
///
/// The model is two-class and cheap to run: at allocation each page is drawn hot (with
/// probability ``hotFraction``) or cold. A hot page is referenced again and again, the gap
/// between two references drawn from ``referenceInterval`` (seconds); a cold page is
/// touched only when it is faulted in and never again, so it ages onto the inactive list
/// and is reclaimed first. The simulator sets the page's referenced bit at each reference
/// (`folio_mark_accessed()` for file pages, the PTE young bit for mapped ones).
///
/// - Deviation: no per-page working-set drift (a hot page stays hot while it lives) and no
///   spatial locality between pages; references stop when the group stops.
public struct AccessPattern: Hashable, Sendable {
  /// Time between two references to a hot page, in seconds; nil: pages are never
  /// referenced after allocation.
  public var referenceInterval: Distribution?
  /// The share of the group's pages, 0...1, that keep being referenced.
  public var hotFraction: Double

  /// A pattern with hot pages referenced every `referenceInterval` seconds.
  public init(referenceInterval: Distribution?, hotFraction: Double) {
    self.referenceInterval = referenceInterval
    self.hotFraction = hotFraction
  }

  /// Pages are touched once, at allocation, and never again (the default).
  public static let untouched = AccessPattern(referenceInterval: nil, hotFraction: 0)

  /// Whether any page is ever referenced after allocation.
  public var referencesPages: Bool { referenceInterval != nil && hotFraction > 0 }
}
