// SPDX-License-Identifier: MIT
import Testing

@testable import NUMASim

@Suite struct LifetimeTests {
  @Test func untilReclaimedPrintsItsConfigName() {
    #expect(Lifetime.untilReclaimedName == "until_reclaimed")
    #expect(Lifetime.untilReclaimed.description == "until_reclaimed")
  }

  @Test func aDrawnLifetimePrintsItsDistribution() {
    let d = Distribution.exponential(mean: 5)
    #expect(Lifetime.drawn(d).description == d.description)
    #expect(Lifetime.drawn(d).description == "exponential(mean=5)")
  }

  @Test func equality() {
    #expect(Lifetime.drawn(.constant(1)) == .drawn(.constant(1)))
    #expect(Lifetime.drawn(.constant(1)) != .drawn(.constant(2)))
    #expect(Lifetime.drawn(.constant(1)) != .untilReclaimed)
  }
}
