// SPDX-License-Identifier: MIT
import CGSL
import Testing

@testable import NUMASim

@Suite("GSLError")
struct GSLErrorTests {
  @Test("the description carries gsl_strerror's text and the status code")
  func descriptionUsesGSLText() {
    let error = GSLError(code: Int32(GSL_EDOM), function: "gsl_example", detail: "x was -1")
    #expect(error.reason == "input domain error")
    #expect(error.description == "gsl_example: input domain error (GSL status 1): x was -1")
  }

  @Test("check passes GSL_SUCCESS and throws any other status")
  func checkThrowsOnFailure() throws {
    try GSLError.check(Int32(GSL_SUCCESS), "gsl_ok")
    #expect(throws: GSLError(code: Int32(GSL_ENOMEM), function: "gsl_alloc")) {
      try GSLError.check(Int32(GSL_ENOMEM), "gsl_alloc")
    }
  }

  @Test("with the handler off, bad input to GSL returns an error instead of aborting")
  func handlerIsOff() {
    GSL.disableAbortingErrorHandler()
    // GSL's default handler would abort the whole test process here.
    let weights: [Double] = [1, -0.5, 2]
    let table = weights.withUnsafeBufferPointer {
      gsl_ran_discrete_preproc($0.count, $0.baseAddress)
    }
    #expect(table == nil)
    // And NUMASim's wrapper turns the NULL into a thrown GSLError.
    #expect(throws: GSLError.self) { try DiscreteTable(weights: weights) }
  }

  @Test("disabling the handler is idempotent")
  func disableTwice() {
    GSL.disableAbortingErrorHandler()
    GSL.disableAbortingErrorHandler()
    #expect(gsl_cdf_tdist_Pinv(0.975, -1).isNaN)  // a domain error, reported as NaN
  }
}
