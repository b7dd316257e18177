// SPDX-License-Identifier: MIT

/// Which generator and seed a run used, and where they came from: written into run metadata.
///
/// Replaying a run needs only this record: `RandomStream(record:)` recreates
/// the root stream and `SeedSequence(record:)` every derived stream.
public struct GeneratorRecord: Hashable, Sendable, Codable, CustomStringConvertible {
  /// Where the seed (and, without an explicit seed, the generator) came from.
  public enum Source: String, Hashable, Sendable, Codable {
    /// The user gave the seed (the generator is the one they gave, or mt19937).
    case explicit
    /// No seed was given; `GSL_RNG_TYPE` and/or `GSL_RNG_SEED` supplied the values.
    case environment
    /// No seed was given and neither variable was set: mt19937 with GSL's default seed 0.
    case `default`
  }

  /// GSL's name for the generator (`gsl_rng_name`), e.g. `"mt19937"`.
  public var generatorName: String
  /// The seed given to `gsl_rng_set` (0 means the generator's own default).
  public var seed: UInt64
  /// Where the values came from.
  public var source: Source

  /// A record of `generatorName` seeded with `seed`, obtained from `source`.
  public init(generatorName: String, seed: UInt64, source: Source) {
    self.generatorName = generatorName
    self.seed = seed
    self.source = source
  }

  public var description: String { "\(generatorName) seed=\(seed) (\(source.rawValue))" }
}
