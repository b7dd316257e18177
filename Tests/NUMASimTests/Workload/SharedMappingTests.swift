// SPDX-License-Identifier: MIT
import Testing

@testable import NUMASim

@Suite struct SharedMappingTests {
  @Test func noneSharesNothing() {
    #expect(SharedMapping.none.fraction == 0)
    #expect(SharedMapping.none.mapcount == .constant(2))
  }

  @Test func theMapcountDefaultsToTwo() {
    let s = SharedMapping(fraction: 0.25)
    #expect(s.fraction == 0.25)
    #expect(s.mapcount == .constant(2))
    #expect(SharedMapping(fraction: 0.25, mapcount: .uniform(low: 2, high: 8)).mapcount == .uniform(low: 2, high: 8))
    #expect(s != SharedMapping(fraction: 0.25, mapcount: .constant(3)))
  }
}
