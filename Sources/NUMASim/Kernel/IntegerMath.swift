// SPDX-License-Identifier: MIT

/// The kernel's integer helpers, so formulas read as they do in C.
enum KernelMath {
  /// `int_sqrt()` in lib/math/int_sqrt.c: the floor of the square root.
  static func intSqrt(_ x: Int) -> Int {
    precondition(x >= 0)
    if x < 2 { return x }
    // The double estimate is within one of the answer; divisions keep the corrections from
    // overflowing near Int.max.
    var r = Swift.min(Int(Double(x).squareRoot()), 3_037_000_499)
    while r > x / r { r -= 1 }
    while r + 1 <= x / (r + 1) { r += 1 }
    return r
  }

  /// `mult_frac(x, n, d)` in include/linux/math.h: `floor(x * n / d)` without overflow.
  static func multFrac(_ x: Int, _ n: Int, _ d: Int) -> Int {
    (x / d) * n + ((x % d) * n) / d
  }

  /// `clamp(v, lo, hi)`.
  static func clamp(_ v: Int, _ lo: Int, _ hi: Int) -> Int { min(max(v, lo), hi) }

  /// `rounddown_pow_of_two(n)` for n ≥ 1.
  static func roundDownPowerOfTwo(_ n: Int) -> Int {
    precondition(n >= 1)
    return 1 << (Int.bitWidth - 1 - n.leadingZeroBitCount)
  }

  /// `fls(x)`: the 1-based index of the most significant set bit, 0 for 0.
  static func fls(_ x: Int) -> Int { x == 0 ? 0 : Int.bitWidth - x.leadingZeroBitCount }
}
