// SPDX-License-Identifier: MIT

/// How long a group keeps a page it allocated.
public enum Lifetime: Hashable, Sendable {
  /// Freed by the group after a time drawn at allocation, in seconds (`exponential(mean=5)`);
  /// reclaim may take the page earlier.
  case drawn(Distribution)
  /// Kept until reclaim takes it (or the group's limit makes it free its oldest pages),
  /// as page cache is.
  case untilReclaimed

  /// The config spelling of ``untilReclaimed``.
  public static let untilReclaimedName = "until_reclaimed"
}

extension Lifetime: CustomStringConvertible {
  /// `until_reclaimed` or the distribution's text form (seconds).
  public var description: String {
    switch self {
    case .drawn(let d): d.description
    case .untilReclaimed: Self.untilReclaimedName
    }
  }
}
