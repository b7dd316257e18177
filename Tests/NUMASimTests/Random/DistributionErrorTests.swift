// SPDX-License-Identifier: MIT
import Testing

@testable import NUMASim

@Suite("DistributionError")
struct DistributionErrorTests {
  @Test("the description prefixes the message with the distribution")
  func description() {
    let error = DistributionError(
      distribution: "gamma", parameter: "shape", message: "shape must be > 0")
    #expect(error.description == "gamma: shape must be > 0")
    #expect(error.parameter == "shape")
  }

  @Test("validation names the parameter in the error's field")
  func parameterField() {
    #expect {
      try Distribution.weibull(scale: 1, shape: -2).validate()
    } throws: { error in
      (error as? DistributionError)?.parameter == "shape"
    }
  }
}
