// SPDX-License-Identifier: MIT

/// A distribution parameter out of its valid range, naming the parameter.
public struct DistributionError: Error, Hashable, Sendable, CustomStringConvertible {
  /// The distribution's kind as the text form spells it, e.g. `"gamma"`.
  public let distribution: String
  /// The offending parameter, e.g. `"shape"` or `"weights"`.
  public let parameter: String
  /// What is wrong, starting with the parameter: `"shape must be > 0, got -1"`.
  public let message: String

  /// An error about `parameter` of a `distribution`.
  public init(distribution: String, parameter: String, message: String) {
    self.distribution = distribution
    self.parameter = parameter
    self.message = message
  }

  public var description: String { "\(distribution): \(message)" }
}
