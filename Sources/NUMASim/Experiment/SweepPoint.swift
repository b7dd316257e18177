// SPDX-License-Identifier: MIT

/// One run of a sweep: a grid point, one replicate of it, and the seed that replicate uses.
public struct SweepPoint: Hashable, Sendable, CustomStringConvertible {
  /// The grid point's number, from 0, in grid order.
  public var index: Int
  /// The replicate's number, from 0.
  public var replicate: Int
  /// The run's master seed (the same for this replicate at every grid point).
  public var seed: UInt64
  /// The swept keys and their values at this point, in `grid` order.
  public var assignments: [SweepAssignment]

  public init(index: Int, replicate: Int, seed: UInt64, assignments: [SweepAssignment]) {
    self.index = index
    self.replicate = replicate
    self.seed = seed
    self.assignments = assignments
  }

  /// The settings that turn the base config into this point's config.
  public var overrides: [ConfigOverride] { assignments.map(\.override) }

  /// The base config with this point's values set.
  ///
  /// - Parameters:
  ///   - base: the config tree without its `sweep` mapping.
  ///   - seedKey: when given, this key path is also set to ``seed``, so the saved effective
  ///     config reproduces the run on its own.
  public func apply(to base: ConfigValue, seedKey: String? = nil) throws(ConfigOverrideError) -> ConfigValue {
    var all = overrides
    if let seedKey { all.append(ConfigOverride(path: seedKey, value: String(seed))) }
    return try ConfigOverride.apply(all, to: base)
  }

  /// The point's values as `key=value key=value` (empty without swept keys).
  public var label: String { assignments.map(\.description).joined(separator: " ") }

  /// The name of the file holding this run's metrics: `<index>-<replicate>.csv`.
  public var fileName: String { "\(index)-\(replicate).csv" }

  public var description: String { "point \(index) replicate \(replicate) (\(label.isEmpty ? "base config" : label))" }
}
