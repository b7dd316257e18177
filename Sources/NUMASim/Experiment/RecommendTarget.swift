// SPDX-License-Identifier: MIT

/// What `numasim recommend` must achieve: a metric of `summary.csv` (or `allocstall`, the sum
/// of `allocstall_<zone>`), a comparison and a bound, as `allocstall<=10`.
public struct RecommendTarget: Hashable, Sendable, CustomStringConvertible {
  public enum Comparison: String, Sendable, CaseIterable {
    case atMost = "<="
    case atLeast = ">="
    case below = "<"
    case above = ">"
  }

  public var metric: String
  public var comparison: Comparison
  public var bound: Double

  /// Parses `METRIC<=N` (also `<`, `>=`, `>`; spaces allowed).
  public init(parsing text: String) throws(InputError) {
    let compact = text.filter { !$0.isWhitespace }
    for c in Comparison.allCases {
      guard let range = compact.range(of: c.rawValue) else { continue }
      let name = String(compact[..<range.lowerBound])
      let number = String(compact[range.upperBound...])
      guard !name.isEmpty, let bound = Double(number), bound.isFinite else { break }
      metric = name
      comparison = c
      self.bound = bound
      return
    }
    throw InputError(
      file: "<command line>", keyPath: "--target",
      message: "'\(text)' is not a target such as 'allocstall<=10' (METRIC then <=, <, >= or >, then a number)")
  }

  /// Whether the metric must fall (`<=`, `<`) rather than rise.
  public var wantsLess: Bool { comparison == .atMost || comparison == .below }

  public func holds(_ value: Double) -> Bool {
    switch comparison {
    case .atMost: value <= bound
    case .below: value < bound
    case .atLeast: value >= bound
    case .above: value > bound
    }
  }

  public var description: String { "\(metric)\(comparison.rawValue)\(RecommendTarget.format(bound))" }

  static func format(_ v: Double) -> String { v == v.rounded() && abs(v) < 1e15 ? String(Int64(v)) : String(v) }
}
