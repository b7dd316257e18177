// SPDX-License-Identifier: MIT
import Testing

@testable import NUMASim

@Suite("DistributionParseError")
struct DistributionParseErrorTests {
  @Test("the description adds the offset to the message")
  func description() {
    let error = DistributionParseError(message: "bad", parameter: "mean", offset: 3)
    #expect(error.description == "bad (at offset 3)")
    #expect(error.parameter == "mean")
  }

  @Test("an unknown parameter names itself in the error")
  func parameterField() {
    #expect {
      try Distribution(parsing: "exponential(maen=1)")
    } throws: { error in
      (error as? DistributionParseError)?.parameter == "maen"
    }
  }
}
