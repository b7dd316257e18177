// SPDX-License-Identifier: MIT

/// The text form of distributions, as configuration files write them.
///
/// Grammar (spaces allowed between tokens, names lower-case):
/// ```
/// distribution := kind "(" [ argument { "," argument } ] ")"
/// argument     := [ parameter "=" ] value      // positional ones first, in order
/// value        := number | "[" [ number { "," number } ] "]"
/// ```
/// Parameters, in positional order: `constant(value)`, `uniform(low, high)`,
/// `exponential(mean)`, `normal(mean, sd)`, `lognormal(mu, sigma)` (or
/// `lognormal(median=…, p99=…)`), `gamma(shape, scale)`, `weibull(scale, shape)`,
/// `pareto(shape, scale)`, `empirical(values=[…])`, `histogram(edges=[…], weights=[…])`.
/// ``description`` prints the canonical form, which parses back to an equal value.
extension Distribution: CustomStringConvertible, LosslessStringConvertible, Codable {
  /// Parses and validates the text form; errors name the parameter and offset.
  public init(parsing text: String) throws(DistributionParseError) {
    var parser = DistributionParser(text)
    self = try parser.parse()
  }

  /// Parses the text form, or nil if it is invalid (``init(parsing:)`` says why).
  public init?(_ description: String) {
    guard let parsed = try? Distribution(parsing: description) else { return nil }
    self = parsed
  }

  /// The canonical text form, e.g. `exponential(mean=120)`.
  public var description: String {
    func number(_ value: Double) -> String {
      if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
      return "\(value)"
    }
    func list(_ values: [Double]) -> String {
      "[" + values.map(number).joined(separator: ", ") + "]"
    }
    switch self {
    case .constant(let value): return "constant(\(number(value)))"
    case .uniform(let low, let high): return "uniform(low=\(number(low)), high=\(number(high)))"
    case .exponential(let mean): return "exponential(mean=\(number(mean)))"
    case .normal(let mean, let sd): return "normal(mean=\(number(mean)), sd=\(number(sd)))"
    case .lognormal(let mu, let sigma): return "lognormal(mu=\(number(mu)), sigma=\(number(sigma)))"
    case .gamma(let shape, let scale):
      return "gamma(shape=\(number(shape)), scale=\(number(scale)))"
    case .weibull(let scale, let shape):
      return "weibull(scale=\(number(scale)), shape=\(number(shape)))"
    case .pareto(let shape, let scale):
      return "pareto(shape=\(number(shape)), scale=\(number(scale)))"
    case .empirical(let values): return "empirical(values=\(list(values)))"
    case .histogram(let histogram):
      return "histogram(edges=\(list(histogram.edges)), weights=\(list(histogram.weights)))"
    }
  }

  /// Decodes the text form from a single string.
  public init(from decoder: any Decoder) throws {
    let container = try decoder.singleValueContainer()
    let text = try container.decode(String.self)
    do {
      self = try Distribution(parsing: text)
    } catch {
      throw DecodingError.dataCorruptedError(
        in: container, debugDescription: "invalid distribution '\(text)': \(error.description)")
    }
  }

  /// Encodes ``description`` as a single string.
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    try container.encode(description)
  }
}
