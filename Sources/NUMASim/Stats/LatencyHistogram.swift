// SPDX-License-Identifier: MIT

/// A bounded-memory histogram of nanosecond values with about 1 % relative precision.
///
/// Values are bucketed by their power of two and, within it, by the next 7 bits (128
/// sub-buckets), as HdrHistogram does with 2 significant digits: memory is fixed (64 × 128
/// counters), recording is O(1), and quantiles are exact to within 1/128 of the value.
public struct LatencyHistogram: Sendable {
  static let subBits = 7
  static let subCount = 1 << subBits
  var counts = [UInt64](repeating: 0, count: 64 * subCount)
  public private(set) var count: UInt64 = 0
  public private(set) var sum: UInt64 = 0
  public private(set) var max: UInt64 = 0
  public private(set) var min: UInt64 = .max

  public init() {}

  @inline(__always) static func bucket(_ v: UInt64) -> Int {
    if v < UInt64(subCount) { return Int(v) }
    let exponent = 63 - v.leadingZeroBitCount  // ≥ subBits
    let shift = exponent - subBits
    let sub = Int((v >> UInt64(shift)) & UInt64(subCount - 1))
    return (shift + 1) * subCount + sub
  }

  /// The largest value that falls in bucket `b` (what quantiles report).
  static func upperBound(_ b: Int) -> UInt64 {
    if b < subCount { return UInt64(b) }
    let shift = b / subCount - 1
    let sub = UInt64(b % subCount) | UInt64(subCount)
    return ((sub + 1) << UInt64(shift)) - 1
  }

  @inline(__always) public mutating func record(_ v: UInt64) {
    counts[Self.bucket(v)] &+= 1
    count &+= 1
    sum &+= v
    if v > max { max = v }
    if v < min { min = v }
  }

  public mutating func merge(_ other: LatencyHistogram) {
    for i in counts.indices { counts[i] &+= other.counts[i] }
    count &+= other.count
    sum &+= other.sum
    max = Swift.max(max, other.max)
    min = Swift.min(min, other.min)
  }

  public var mean: Double { count == 0 ? 0 : Double(sum) / Double(count) }

  /// The non-empty buckets in ascending order: each bucket's largest value (capped at the
  /// maximum recorded, as ``quantile(_:)`` reports it) and its count.
  public var buckets: [(upperBound: UInt64, count: UInt64)] {
    counts.enumerated().compactMap { b, c in c == 0 ? nil : (Swift.min(Self.upperBound(b), max), c) }
  }

  /// The value at quantile `q` (0...1): the smallest bucket bound with at least q of the counts,
  /// never above the maximum recorded.
  public func quantile(_ q: Double) -> UInt64 {
    guard count > 0 else { return 0 }
    let target = Swift.max(1, UInt64((q * Double(count)).rounded(.up)))
    var seen: UInt64 = 0
    for (b, c) in counts.enumerated() where c > 0 {
      seen += c
      if seen >= target { return Swift.min(Self.upperBound(b), max) }
    }
    return max
  }
}
