// SPDX-License-Identifier: MIT

/// How large a group's requests are: a weight for each order 0 ... `Buddy.maxPageOrder`.
///
/// An order-`n` request asks for `2^n` contiguous base pages. Weights need not sum to 1;
/// they are normalised. Drawn with one GSL uniform per request (none when a single order
/// has all the weight).
public struct OrderDistribution: Hashable, Sendable {
  /// The normalised probability of each order, `Buddy.orderCount` entries.
  public let probabilities: [Double]
  /// Running sums of ``probabilities``, the last one exactly 1.
  private let cumulative: [Double]

  /// A distribution with the given weights per order; nil if an order is outside
  /// 0 ... `Buddy.maxPageOrder`, a weight is negative or not finite, or all are 0.
  public init?(weights: [Int: Double]) {
    var w = [Double](repeating: 0, count: Buddy.orderCount)
    for (order, weight) in weights {
      guard (0...Buddy.maxPageOrder).contains(order), weight.isFinite, weight >= 0 else { return nil }
      w[order] += weight
    }
    let total = w.reduce(0, +)
    guard total > 0, total.isFinite else { return nil }
    probabilities = w.map { $0 / total }
    var sum = 0.0
    var running = probabilities.map { p -> Double in
      sum += p
      return sum
    }
    // Make the last non-zero order catch any rounding shortfall.
    if let last = probabilities.lastIndex(where: { $0 > 0 }) {
      for i in last..<running.count { running[i] = 1 }
    }
    cumulative = running
  }

  /// Every request of order `order`.
  ///
  /// - Precondition: `0 <= order <= Buddy.maxPageOrder`.
  public static func single(_ order: Int) -> OrderDistribution {
    guard let d = OrderDistribution(weights: [order: 1]) else {
      preconditionFailure("order \(order) is outside 0...\(Buddy.maxPageOrder)")
    }
    return d
  }

  /// The order that has all the weight, if there is one.
  public var singleOrder: Int? {
    probabilities.firstIndex(of: 1)
  }

  /// The mean request size in base pages, `Σ p(n) · 2^n`.
  public var meanPages: Double {
    probabilities.enumerated().reduce(0) { $0 + $1.element * Double(1 << $1.offset) }
  }

  /// The mean request size in bytes, used to turn a byte rate into requests per second.
  public var meanBytes: Double { meanPages * Double(Pages.size) }

  /// One order drawn from `stream`.
  public func sample(_ stream: RandomStream) -> Int {
    if let order = singleOrder { return order }
    let u = stream.uniform()
    for (order, c) in cumulative.enumerated() where u < c { return order }
    return cumulative.count - 1
  }
}

extension OrderDistribution: CustomStringConvertible {
  /// `0` for a single order, else `{0: 0.9, 9: 0.1}` with the normalised probabilities.
  public var description: String {
    if let order = singleOrder { return "\(order)" }
    let parts = probabilities.enumerated().filter { $0.element > 0 }.map { "\($0.offset): \($0.element)" }
    return "{" + parts.joined(separator: ", ") + "}"
  }
}
