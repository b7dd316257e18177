// SPDX-License-Identifier: MIT
import Testing

@testable import NUMASim

@Suite struct AccessPatternTests {
  @Test func untouchedNeverReferences() {
    #expect(AccessPattern.untouched.referenceInterval == nil)
    #expect(AccessPattern.untouched.hotFraction == 0)
    #expect(!AccessPattern.untouched.referencesPages)
  }

  @Test func referencesNeedAnIntervalAndHotPages() {
    #expect(AccessPattern(referenceInterval: .exponential(mean: 0.05), hotFraction: 0.3).referencesPages)
    #expect(!AccessPattern(referenceInterval: .exponential(mean: 0.05), hotFraction: 0).referencesPages)
    #expect(!AccessPattern(referenceInterval: nil, hotFraction: 1).referencesPages)
    #expect(AccessPattern(referenceInterval: .constant(1), hotFraction: 1e-9).referencesPages)
  }

  @Test func equalityComparesBothFields() {
    let a = AccessPattern(referenceInterval: .constant(1), hotFraction: 0.5)
    #expect(a == AccessPattern(referenceInterval: .constant(1), hotFraction: 0.5))
    #expect(a != AccessPattern(referenceInterval: .constant(2), hotFraction: 0.5))
    #expect(a != AccessPattern(referenceInterval: .constant(1), hotFraction: 0.6))
  }
}
