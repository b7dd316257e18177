// SPDX-License-Identifier: MIT
import CGSL

/// MT19937 (Matsumoto and Nishimura, 1998) advanced in place, in GSL's own state.
///
/// GSL keeps an mt19937 generator's state as 624 `unsigned long` words (each holding 32
/// bits) followed by an `int` index. This view reads and writes that memory directly, so the
/// inline generator and every GSL function called on the same `gsl_rng` advance one and the
/// same stream: a draw costs a few nanoseconds instead of a call through GSL's function
/// pointers, and the values are GSL's bit for bit (``RandomStreamTests`` compares millions).
struct MersenneTwisterState {
  static let n = 624
  static let m = 397
  let words: UnsafeMutablePointer<UInt>
  let index: UnsafeMutablePointer<Int32>

  /// The view of `rng`'s state, or nil unless `rng` is GSL's mt19937 with the layout above.
  init?(_ rng: UnsafeMutablePointer<gsl_rng>) {
    guard let type = rng.pointee.type, String(cString: type.pointee.name) == "mt19937",
      type.pointee.size == Self.n * MemoryLayout<UInt>.stride + MemoryLayout<UInt>.stride,
      type.pointee.min == 0, type.pointee.max == 0xffff_ffff, let state = rng.pointee.state
    else { return nil }
    words = state.assumingMemoryBound(to: UInt.self)
    index = (state + Self.n * MemoryLayout<UInt>.stride).assumingMemoryBound(to: Int32.self)
  }

  /// The next 32-bit output.
  @inline(__always) func next() -> UInt32 {
    var i = Int(index.pointee)
    if i >= Self.n {
      regenerate()
      i = 0
    }
    var y = words[i]
    index.pointee = Int32(i &+ 1)
    // Tempering.
    y ^= y &>> 11
    y ^= (y &<< 7) & 0x9d2c_5680
    y ^= (y &<< 15) & 0xefc6_0000
    y ^= y &>> 18
    return UInt32(truncatingIfNeeded: y)
  }

  /// Generates the next 624 words.
  func regenerate() {
    @inline(__always) func twist(_ k: Int, _ k1: Int, _ km: Int) {
      let y = (words[k] & 0x8000_0000) | (words[k1] & 0x7fff_ffff)
      words[k] = words[km] ^ (y &>> 1) ^ ((y & 1) == 0 ? 0 : 0x9908_b0df)
    }
    var k = 0
    while k < Self.n - Self.m {
      twist(k, k + 1, k + Self.m)
      k += 1
    }
    while k < Self.n - 1 {
      twist(k, k + 1, k + Self.m - Self.n)
      k += 1
    }
    twist(Self.n - 1, 0, Self.m - 1)
  }
}
