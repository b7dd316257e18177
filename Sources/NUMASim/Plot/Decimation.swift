// SPDX-License-Identifier: MIT

/// Keeps a long series drawable: at most `limit` points, chosen so that no peak or trough is
/// lost.
enum Decimation {
  /// The indices of `0..<count` to draw. All of them when `count <= limit`; otherwise the
  /// range is cut into `limit / 2` equal buckets and each gives the sample with its smallest
  /// and the one with its largest `value` (one when they coincide), in time order, so the
  /// drawn envelope is the series' own.
  static func minMax(count: Int, limit: Int, value: (Int) -> Double) -> [Int] {
    guard count > limit, limit >= 2 else { return Array(0..<count) }
    let buckets = limit / 2
    var kept: [Int] = []
    kept.reserveCapacity(limit)
    for b in 0..<buckets {
      let start = b * count / buckets
      let end = (b + 1) * count / buckets
      guard start < end else { continue }
      var low = start
      var high = start
      for i in start..<end {
        if value(i) < value(low) { low = i }
        if value(i) > value(high) { high = i }
      }
      kept += low == high ? [low] : [min(low, high), max(low, high)]
    }
    return kept
  }

  /// `count` ranks of a sorted sample of `n` for a CDF: every rank when `n <= count`,
  /// otherwise evenly spaced ranks that always include the first and the last.
  static func ranks(of n: Int, count: Int) -> [Int] {
    guard n > count, count >= 2 else { return Array(0..<n) }
    return (0..<count).map { $0 * (n - 1) / (count - 1) }
  }
}
