// SPDX-License-Identifier: MIT

/// Why a distribution's text form was rejected, and where.
public struct DistributionParseError: Error, Hashable, Sendable, CustomStringConvertible {
  /// What is wrong, e.g. `unknown parameter 'maen' for exponential; expected mean`.
  public let message: String
  /// The offending parameter, when one is to blame.
  public let parameter: String?
  /// Character offset into the text where the problem starts.
  public let offset: Int

  /// An error at `offset`, optionally blaming `parameter`.
  public init(message: String, parameter: String? = nil, offset: Int) {
    self.message = message
    self.parameter = parameter
    self.offset = offset
  }

  public var description: String { "\(message) (at offset \(offset))" }
}
