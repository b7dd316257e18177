// SPDX-License-Identifier: MIT
import Testing

@testable import NUMASim

@Suite struct GFPFlagsParsingTests {
  @Test func parsesExpressions() throws {
    #expect(try GFPFlags(parsing: "GFP_KERNEL | __GFP_THISNODE") == [.kernel, .thisNode])
    #expect(try GFPFlags(parsing: "gfp_atomic") == .atomic)
    #expect(try GFPFlags(parsing: "GFP_USER|__GFP_NORETRY") == [.user, .noRetry])
  }

  @Test func rejectsWithTheReason() {
    #expect(throws: GFPParseError(message: "unknown GFP flag 'GFP_KERNAL'; did you mean GFP_KERNEL?")) {
      try GFPFlags(parsing: "GFP_KERNAL")
    }
    #expect(throws: GFPParseError.self) { try GFPFlags(parsing: "__GFP_DMA | __GFP_DMA32") }
    #expect(throws: GFPParseError.self) { try GFPFlags(parsing: "__GFP_MOVABLE | __GFP_RECLAIMABLE") }
    #expect(throws: GFPParseError(message: "'GFP_KERNEL |' has an empty flag between '|'s")) {
      try GFPFlags(parsing: "GFP_KERNEL |")
    }
    #expect(throws: GFPParseError(message: "no GFP flags given (e.g. GFP_KERNEL)")) { try GFPFlags(parsing: " ") }
  }
}
