// SPDX-License-Identifier: MIT
import Testing

@testable import NUMASim

@Suite struct SimTimeWorkloadTests {
  @Test(arguments: [
    (1.5, UInt64(1_500_000_000)), (1e-9, 1), (0.4e-9, 0), (0.5e-9, 1), (2.5e-9, 3), (0, 0), (-1, 0), (-0.0, 0),
    (1.8e10, 18_000_000_000_000_000_000),
  ])
  func roundsSecondsToTheNearestNanosecond(seconds: Double, nanoseconds: UInt64) {
    #expect(SimTime(drawnSeconds: seconds) == SimTime(nanoseconds: nanoseconds))
  }

  @Test func nanAndNegativeGiveZeroAndHugeValuesSaturate() {
    #expect(SimTime(drawnSeconds: .nan) == .zero)
    #expect(SimTime(drawnSeconds: -.infinity) == .zero)
    #expect(SimTime(drawnSeconds: .infinity) == .max)
    #expect(SimTime(drawnSeconds: 1e11) == .max)
    #expect(SimTime(drawnSeconds: 18_446_744_073.709_552) == .max)
  }

  @Test func saturatingAddition() {
    #expect(SimTime(nanoseconds: 5).saturatingAdding(SimTime(nanoseconds: 7)) == SimTime(nanoseconds: 12))
    #expect(SimTime.max.saturatingAdding(SimTime(nanoseconds: 1)) == .max)
    #expect(SimTime(nanoseconds: UInt64.max - 1).saturatingAdding(SimTime(nanoseconds: 1)) == .max)
    #expect(
      SimTime(nanoseconds: UInt64.max - 2).saturatingAdding(SimTime(nanoseconds: 1)).nanoseconds == UInt64.max - 1)
    #expect(SimTime.zero.saturatingAdding(.zero) == .zero)
  }
}
