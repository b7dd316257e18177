// SPDX-License-Identifier: MIT

import Testing

@testable import NUMASim

@Suite("SimTime")
struct SimTimeTests {
  @Test func factoriesScaleToNanoseconds() {
    #expect(SimTime.nanoseconds(7).nanoseconds == 7)
    #expect(SimTime.microseconds(3).nanoseconds == 3_000)
    #expect(SimTime.milliseconds(5).nanoseconds == 5_000_000)
    #expect(SimTime.seconds(2).nanoseconds == 2_000_000_000)
    #expect(SimTime.zero.nanoseconds == 0)
    #expect(SimTime.seconds(UInt8(1)) == .milliseconds(1_000))
  }

  @Test func additionAndSubtractionAreExact() {
    let t = SimTime.seconds(1) + .milliseconds(500)
    #expect(t == .nanoseconds(1_500_000_000))
    #expect(t - .milliseconds(500) == .seconds(1))
    var u = SimTime.zero
    u += .microseconds(2)
    u += .nanoseconds(1)
    #expect(u == .nanoseconds(2_001))
  }

  @Test func comparesChronologically() {
    #expect(SimTime.nanoseconds(999) < .microseconds(1))
    #expect(SimTime.microseconds(1) <= .nanoseconds(1_000))
    #expect(!(SimTime.seconds(1) < .seconds(1)))
    #expect([SimTime.seconds(3), .zero, .milliseconds(1)].sorted() == [.zero, .milliseconds(1), .seconds(3)])
  }

  @Test func descriptionShowsSecondsWithNineDecimals() {
    #expect((SimTime.seconds(1) + .milliseconds(500)).description == "1.500000000s")
    #expect(SimTime.zero.description == "0.000000000s")
    #expect(SimTime.nanoseconds(42).description == "0.000000042s")
    #expect(SimTime.seconds(12_345).description == "12345.000000000s")
  }

  @Test func secondsIsForReporting() {
    #expect(SimTime.milliseconds(250).seconds == 0.25)
  }

  @Test func hashableAgreesWithEquality() {
    let set: Set<SimTime> = [.microseconds(1), .nanoseconds(1_000), .seconds(1)]
    #expect(set.count == 2)
  }
}
