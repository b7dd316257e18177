// SPDX-License-Identifier: MIT

import Foundation

/// A rate as a config writes it: requests per second, or bytes per second.
public enum ConfigRate: Hashable, Sendable {
  /// `20000`, `20000/s`, `20/ms`: requests per second.
  case requestsPerSecond(Double)
  /// `400MB/s`, `1GiB/s`: bytes per second (binary units, as sizes are read).
  case bytesPerSecond(Double)

  /// Requests per second, dividing a byte rate by the mean request size.
  /// - Parameter meanRequestBytes: the mean size of one request (``OrderDistribution/meanBytes``).
  public func requestsPerSecond(meanRequestBytes: Double) -> Double {
    switch self {
    case .requestsPerSecond(let r): r
    case .bytesPerSecond(let b): b / meanRequestBytes
    }
  }
}

/// Durations, rates, probabilities and distributions, as the `workload:` section writes them.
extension ConfigReader {
  /// Duration units and their length in nanoseconds.
  static let durationUnits: [(unit: String, nanoseconds: Double)] = [
    ("ns", 1), ("us", 1e3), ("µs", 1e3), ("ms", 1e6), ("s", 1e9), ("min", 60e9), ("h", 3600e9),
  ]

  /// Parses `100ms`, `2s`, `500us`, `1.5s`, `250ns`, `2min`, `1h` (or a bare `0`); nil when
  /// malformed, negative, without a unit, or beyond `SimTime.max`.
  ///
  /// A unit is required so that `5` cannot be read as seconds by one user and milliseconds
  /// by another. The value is rounded to a whole nanosecond.
  public static func parseDuration(_ text: String) -> SimTime? {
    let t = text.replacingOccurrences(of: " ", with: "").replacingOccurrences(of: "_", with: "")
    if t == "0" { return .zero }
    let digits = t.prefix { $0.isNumber || $0 == "." }
    let unit = String(t.dropFirst(digits.count))
    guard let number = Double(digits), number >= 0,
      let scale = durationUnits.first(where: { $0.unit == unit })?.nanoseconds
    else { return nil }
    let nanoseconds = (number * scale).rounded()
    guard nanoseconds < 9.2e18 else { return nil }
    return SimTime(nanoseconds: UInt64(nanoseconds))
  }

  /// A duration with a unit (see ``parseDuration(_:)``).
  public mutating func duration(_ value: ConfigValue, _ path: String) -> SimTime? {
    guard let s = string(value, path) else { return nil }
    guard let d = ConfigReader.parseDuration(s) else {
      fail(value, path, "expected a duration such as 100ms, 2s or 500us, found '\(s)'")
      return nil
    }
    return d
  }

  /// Parses `20000` (requests per second), `20000/s`, `20/ms`, `400MB/s`, `1.5GiB/s`; nil when
  /// malformed or negative. A size unit (`K`, `KiB`, `MB`, `B`, ...) makes it a byte rate,
  /// which needs a `/` and a time unit.
  public static func parseRate(_ text: String) -> ConfigRate? {
    let t = text.replacingOccurrences(of: " ", with: "").replacingOccurrences(of: "_", with: "")
    let parts = t.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
    guard parts.count <= 2, let amountText = parts.first, !amountText.isEmpty else { return nil }
    var perSecond = 1.0
    if parts.count == 2 {
      guard let unit = durationUnits.first(where: { $0.unit == parts[1] }) else { return nil }
      perSecond = 1e9 / unit.nanoseconds
    }
    if let n = Double(amountText), n.isFinite, n >= 0,
      amountText.allSatisfy({ $0.isNumber || $0 == "." || $0 == "e" || $0 == "E" || $0 == "+" })
    {
      return .requestsPerSecond(n * perSecond)
    }
    guard parts.count == 2, let bytes = parseSize(amountText) else { return nil }
    return .bytesPerSecond(Double(bytes) * perSecond)
  }

  /// A rate (see ``parseRate(_:)``).
  public mutating func rate(_ value: ConfigValue, _ path: String) -> ConfigRate? {
    guard let s = string(value, path) else { return nil }
    guard let r = ConfigReader.parseRate(s) else {
      fail(value, path, "expected a rate such as 20000 (requests per second), 20000/s or 400MB/s, found '\(s)'")
      return nil
    }
    return r
  }

  /// A number in 0...1.
  public mutating func probability(_ value: ConfigValue, _ path: String) -> Double? {
    guard let p = double(value, path) else { return nil }
    guard (0...1).contains(p) else {
      fail(value, path, "\(p) is not a probability; expected 0...1")
      return nil
    }
    return p
  }

  /// A distribution in its text form (`exponential(mean=0.05)`), or a plain number as a constant.
  public mutating func distribution(_ value: ConfigValue, _ path: String) -> Distribution? {
    guard let s = string(value, path) else { return nil }
    if let n = Double(s), n.isFinite { return .constant(n) }
    do {
      return try Distribution(parsing: s)
    } catch {
      fail(value, path, "invalid distribution '\(s)': \(error.message)")
      return nil
    }
  }

  /// A time distribution: its text form in seconds (`exponential(mean=0.05)`), or a duration
  /// with a unit (`100ms`) as a constant. A bare number is rejected (no unit); so is a
  /// distribution that can draw negative times.
  public mutating func timeDistribution(_ value: ConfigValue, _ path: String) -> Distribution? {
    guard let s = string(value, path) else { return nil }
    if let d = ConfigReader.parseDuration(s) { return .constant(Double(d.nanoseconds) * 1e-9) }
    if Double(s) != nil {
      fail(
        value, path,
        "expected a duration such as 100ms or a distribution in seconds such as exponential(mean=0.05), found '\(s)'")
      return nil
    }
    guard let d = distribution(value, path) else { return nil }
    guard !d.canDrawNegative else {
      fail(value, path, "\(d) can draw negative times")
      return nil
    }
    return d
  }

  /// A size (`512MiB`, binary units) or a page count (`131072 pages`) of at least one page,
  /// in base pages.
  public mutating func pages(_ v: ConfigValue, _ path: String) -> Int? {
    guard let s = string(v, path) else { return nil }
    let t = s.trimmingCharacters(in: .whitespaces)
    var pages: Int?
    if t.hasSuffix("pages") {
      pages = Int(t.dropLast(5).trimmingCharacters(in: .whitespaces).replacingOccurrences(of: "_", with: ""))
    } else if t.contains(where: \.isLetter), let bytes = ConfigReader.parseSize(t) {
      pages = bytes / Pages.size
    }
    guard let pages, pages > 0 else {
      fail(v, path, "expected a size such as 512MiB or a page count such as 131072 pages, found '\(s)'")
      return nil
    }
    return pages
  }
}
