// SPDX-License-Identifier: MIT

/// A share of a sweep for one machine: shard `K` of `N` runs the grid points with
/// `index % N == K - 1`, every replicate of each.
///
/// The split depends only on the point numbers, so `N` machines given `1/N` … `N/N` run every
/// point exactly once, and neighbouring points (which often cost alike) land on different shards.
public struct SweepShard: Hashable, Sendable, CustomStringConvertible {
  /// `K`, from 1.
  public let number: Int
  /// `N`, at least 1.
  public let count: Int

  /// Shard `number` of `count`; nil unless 1 ≤ number ≤ count.
  public init?(number: Int, of count: Int) {
    guard count >= 1, (1...count).contains(number) else { return nil }
    self.number = number
    self.count = count
  }

  /// Parses `K/N`, as `--shard` takes it.
  public init(parsing text: String) throws(ConfigOverrideError) {
    let parts = text.split(separator: "/", omittingEmptySubsequences: false)
    guard parts.count == 2, let k = Int(parts[0]), let n = Int(parts[1]), let shard = SweepShard(number: k, of: n)
    else {
      throw ConfigOverrideError(path: "--shard", message: "expected K/N with 1 <= K <= N, such as 2/4, found '\(text)'")
    }
    self = shard
  }

  /// Whether this shard runs grid point `index`.
  public func contains(pointIndex index: Int) -> Bool { index % count == number - 1 }

  /// The marker file a finished shard leaves: `shard-K-of-N.done`.
  public var markerName: String { "shard-\(number)-of-\(count).done" }

  public var description: String { "\(number)/\(count)" }
}
