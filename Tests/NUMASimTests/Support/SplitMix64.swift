// SPDX-License-Identifier: MIT

/// A small, fast, seedable generator for repeatable randomised tests (Steele et al. 2014).
struct SplitMix64: RandomNumberGenerator {
  /// The generator state; every value, including zero, is a valid seed.
  private var state: UInt64

  /// Creates a generator whose output depends only on `seed`.
  init(seed: UInt64) {
    state = seed
  }

  /// Returns the next 64 random bits.
  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}
