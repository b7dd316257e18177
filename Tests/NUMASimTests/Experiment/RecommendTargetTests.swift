// SPDX-License-Identifier: MIT
import Testing

@testable import NUMASim

@Suite struct RecommendTargetTests {
  @Test func readsEveryComparison() throws {
    let t = try RecommendTarget(parsing: "allocstall <= 10")
    #expect(t.metric == "allocstall" && t.comparison == .atMost && t.bound == 10 && t.wantsLess)
    #expect(try RecommendTarget(parsing: "stall_p99_us<250.5").comparison == .below)
    #expect(try RecommendTarget(parsing: "free_mean_mib>=100").comparison == .atLeast)
    let above = try RecommendTarget(parsing: "free_min_mib>1")
    #expect(above.comparison == .above && !above.wantsLess && above.description == "free_min_mib>1")
    #expect(t.holds(10) && !t.holds(10.01) && above.holds(1.5) && !above.holds(1))
  }

  @Test(arguments: ["allocstall", "<=10", "allocstall<=", "allocstall<=ten", "allocstall==3", "x<=inf"])
  func aMalformedTargetNamesTheOption(text: String) {
    #expect(throws: InputError.self) { try RecommendTarget(parsing: text) }
    do { _ = try RecommendTarget(parsing: text) } catch { #expect(error.keyPath == "--target") }
  }
}
