// SPDX-License-Identifier: MIT

/// Derives independent, reproducible child seeds from a run's master seed.
///
/// A child seed depends only on the master seed and the child's name (or
/// index), never on which other children exist or in what order they are
/// asked for, so adding a workload stream does not perturb the others.
///
/// Derivation (stable across runs, platforms and releases; changing it
/// changes every simulation result):
/// - a name is hashed with 64-bit FNV-1a over its UTF-8 bytes;
/// - `child = mix(mix(master + γ) ^ mix(key + k·γ))`, where `mix` is the
///   SplitMix64 finaliser, `γ = 0x9E3779B97F4A7C15` (SplitMix64's increment),
///   `key` is the name's hash with `k = 2`, or the index with `k = 3`;
/// - a result of 0 (which GSL would replace by the generator's default seed)
///   is replaced by `γ`.
///
/// Every input bit reaches the low 32 bits of the child, which is all of the
/// seed mt19937 uses; with `k` streams the chance that two share a seed is
/// about k²/2³³ for mt19937.
public struct SeedSequence: Hashable, Sendable, Codable {
  /// The run's seed, from which every child is derived.
  public let masterSeed: UInt64

  /// A sequence rooted at `masterSeed`.
  public init(masterSeed: UInt64) { self.masterSeed = masterSeed }

  /// A sequence rooted at the seed `record` says the run used.
  public init(record: GeneratorRecord) { self.masterSeed = record.seed }

  /// The seed of the stream called `streamName`.
  public func childSeed(for streamName: String) -> UInt64 {
    derive(key: Self.fnv1a64(streamName), multiplier: 2)
  }

  /// The seed of the stream numbered `index` (a separate space from named streams).
  public func childSeed(index: UInt64) -> UInt64 {
    derive(key: index, multiplier: 3)
  }

  /// The sequence rooted at `streamName`'s child seed, for nested derivation.
  public func child(_ streamName: String) -> SeedSequence {
    SeedSequence(masterSeed: childSeed(for: streamName))
  }

  /// A generator for the stream called `streamName`.
  public func makeStream(_ streamName: String, generator: RandomGenerator = .mt19937)
    -> RandomStream
  {
    RandomStream(seed: childSeed(for: streamName), generator: generator)
  }

  /// A generator for the stream numbered `index`.
  public func makeStream(index: UInt64, generator: RandomGenerator = .mt19937) -> RandomStream {
    RandomStream(seed: childSeed(index: index), generator: generator)
  }

  private func derive(key: UInt64, multiplier: UInt64) -> UInt64 {
    let seed = Self.mix(
      Self.mix(masterSeed &+ Self.gamma) ^ Self.mix(key &+ multiplier &* Self.gamma))
    return seed == 0 ? Self.gamma : seed
  }

  /// SplitMix64's increment (the golden ratio in 64-bit fixed point).
  static let gamma: UInt64 = 0x9E37_79B9_7F4A_7C15

  /// SplitMix64's output finaliser (Stafford's Mix13): a bijection with full avalanche.
  static func mix(_ value: UInt64) -> UInt64 {
    var z = value
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }

  /// 64-bit FNV-1a of `text`'s UTF-8 bytes.
  static func fnv1a64(_ text: String) -> UInt64 {
    var hash: UInt64 = 0xCBF2_9CE4_8422_2325
    for byte in text.utf8 {
      hash ^= UInt64(byte)
      hash &*= 0x0000_0100_0000_01B3
    }
    return hash
  }
}
