// SPDX-License-Identifier: MIT
import Testing

@testable import NUMASim

@Suite struct IntegerMathTests {
  @Test func intSqrtIsTheFloorOfTheSquareRoot() {
    let cases: [(Int, Int)] = [
      (0, 0), (1, 1), (2, 1), (3, 1), (4, 2), (8, 2), (9, 3), (15, 3), (16, 4), (99, 9), (100, 10),
      (1_000_000, 1000), (999_999, 999), (1 << 40, 1 << 20), ((1 << 40) - 1, (1 << 20) - 1),
    ]
    for (x, r) in cases { #expect(KernelMath.intSqrt(x) == r, "int_sqrt(\(x))") }
  }

  @Test func intSqrtIsExactNearLargePerfectSquares() {
    // Double loses precision above 2^53: the correction loops must fix the estimate.
    let s = 94_906_265  // s*s just above 2^53
    #expect(KernelMath.intSqrt(s * s) == s)
    #expect(KernelMath.intSqrt(s * s - 1) == s - 1)
    #expect(KernelMath.intSqrt(s * s + 2 * s) == s)
    #expect(KernelMath.intSqrt((s + 1) * (s + 1)) == s + 1)
  }

  @Test func multFracIsTheFloorOfXTimesNOverD() {
    #expect(KernelMath.multFrac(10, 3, 4) == 7)
    #expect(KernelMath.multFrac(1000, 15_000, 10_000) == 1500)
    #expect(KernelMath.multFrac(1234, 15_000, 10_000) == 1851)
    #expect(KernelMath.multFrac(7, 1, 2) == 3)
    #expect(KernelMath.multFrac(0, 5, 3) == 0)
    for x in [1, 17, 999, 65_536, 123_457] {
      for (n, d) in [(3, 7), (15_000, 10_000), (1, 1), (10, 3)] { #expect(KernelMath.multFrac(x, n, d) == x * n / d) }
    }
  }

  @Test func multFracDoesNotOverflowWhereTheProductWould() {
    let x = Int.max / 2
    // x * 3 overflows; (x / 4) * 3 + (x % 4) * 3 / 4 does not.
    #expect(KernelMath.multFrac(x, 3, 4) == (x / 4) * 3 + ((x % 4) * 3) / 4)
    #expect(KernelMath.multFrac(Int.max, 1, 1) == Int.max)
    #expect(KernelMath.multFrac(Int.max, 10_000, 10_000) == Int.max)
  }

  @Test func clampBoundsTheValue() {
    #expect(KernelMath.clamp(5, 1, 10) == 5)
    #expect(KernelMath.clamp(-3, 1, 10) == 1)
    #expect(KernelMath.clamp(11, 1, 10) == 10)
    #expect(KernelMath.clamp(1, 1, 1) == 1)
  }

  @Test func roundDownPowerOfTwo() {
    let cases: [(Int, Int)] = [(1, 1), (2, 2), (3, 2), (4, 4), (5, 4), (1023, 512), (1024, 1024), (1025, 1024)]
    for (n, p) in cases { #expect(KernelMath.roundDownPowerOfTwo(n) == p, "rounddown_pow_of_two(\(n))") }
    #expect(KernelMath.roundDownPowerOfTwo(Int.max) == 1 << 62)
  }

  @Test func flsIsTheOneBasedIndexOfTheTopBit() {
    let cases: [(Int, Int)] = [(0, 0), (1, 1), (2, 2), (3, 2), (4, 3), (255, 8), (256, 9), (1 << 40, 41)]
    for (x, r) in cases { #expect(KernelMath.fls(x) == r, "fls(\(x))") }
    #expect(KernelMath.fls(Int.max) == 63)
  }
}

@Suite struct IntegerMathLimitTests {
  @Test func intSqrtIsExactUpToIntMax() {
    #expect(KernelMath.intSqrt(Int.max) == 3_037_000_499)
    #expect(KernelMath.intSqrt(3_037_000_499 * 3_037_000_499) == 3_037_000_499)
    #expect(KernelMath.intSqrt(3_037_000_499 * 3_037_000_499 - 1) == 3_037_000_498)
  }
}
