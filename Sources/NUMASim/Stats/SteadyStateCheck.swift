// SPDX-License-Identifier: MIT

/// Whether a run measured a steady machine: machine-wide free pages and LRU pages over the
/// first and the last quarter of the measured window, and how far they moved between them.
///
/// A machine still filling up (a cold start with too short a warm-up) shows its LRU growing
/// and its free memory falling across the window; a warm one (`initial_state:`, or a warm-up
/// past the fill) shows both flat to within the noise of kswapd's cycles.
public struct SteadyStateCheck: Sendable, Equatable {
  /// The most the LRU may move (%) for the window to count as steady.
  public static let lruTolerancePercent = 5.0
  /// The most free memory may move (%) of its mean, or of the machine's memory: it swings
  /// between the low and high marks, which on a large machine are a small share of memory.
  public static let freeTolerancePercent = 25.0
  public static let freeToleranceOfMemoryPercent = 1.0

  var firstSamples = 0
  var lastSamples = 0
  var firstFree = 0.0
  var lastFree = 0.0
  var firstLRU = 0.0
  var lastLRU = 0.0
  /// The machine's managed pages.
  public var managedPages = 0

  public init(managedPages: Int = 0) { self.managedPages = managedPages }

  /// Records a sample taken at `position` (0…1) through the window.
  mutating func record(position: Double, free: Int, lru: Int) {
    if position < 0.25 {
      firstSamples += 1
      firstFree += Double(free)
      firstLRU += Double(lru)
    } else if position >= 0.75 {
      lastSamples += 1
      lastFree += Double(free)
      lastLRU += Double(lru)
    }
  }

  static func drift(_ first: Double, _ firstN: Int, _ last: Double, _ lastN: Int) -> Double {
    guard firstN > 0, lastN > 0, first > 0 else { return 0 }
    let a = first / Double(firstN)
    let b = last / Double(lastN)
    return (b - a) / a * 100
  }

  /// The change of mean free pages from the first to the last quarter (%).
  public var freeDriftPercent: Double { Self.drift(firstFree, firstSamples, lastFree, lastSamples) }
  /// The change of mean LRU pages from the first to the last quarter (%).
  public var lruDriftPercent: Double { Self.drift(firstLRU, firstSamples, lastLRU, lastSamples) }

  /// The change of mean free pages from the first to the last quarter, as a share of the
  /// machine's memory (%).
  public var freeDriftOfMemoryPercent: Double {
    guard firstSamples > 0, lastSamples > 0, managedPages > 0 else { return 0 }
    return (lastFree / Double(lastSamples) - firstFree / Double(firstSamples)) / Double(managedPages) * 100
  }

  /// The LRU within its tolerance, and free memory within either of its own.
  public var isSteady: Bool {
    abs(lruDriftPercent) <= Self.lruTolerancePercent
      && (abs(freeDriftPercent) <= Self.freeTolerancePercent
        || abs(freeDriftOfMemoryPercent) <= Self.freeToleranceOfMemoryPercent)
  }
}
