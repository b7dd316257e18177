// SPDX-License-Identifier: MIT
import Testing

@testable import NUMASim

@Suite struct VersionTests {
  @Test func isTheReleaseNumber() {
    #expect(NUMASimVersion.string == "0.1.0")
  }

  @Test func isThreeDotSeparatedNumbers() {
    let parts = NUMASimVersion.string.split(separator: ".", omittingEmptySubsequences: false)
    #expect(parts.count == 3)
    #expect(parts.allSatisfy { !$0.isEmpty && $0.allSatisfy(\.isASCII) && UInt($0) != nil })
  }
}
