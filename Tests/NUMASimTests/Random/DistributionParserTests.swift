// SPDX-License-Identifier: MIT
import Testing

@testable import NUMASim

@Suite("DistributionParser")
struct DistributionParserTests {
  @Test(
    "errors name the offending parameter or token and where it is",
    arguments: [
      ("exponential(maen=120)", "unknown parameter 'maen' for exponential; expected mean", 12),
      (
        "lognormal(mu=1, sgima=2)", "unknown parameter 'sgima' for lognormal; expected mu, sigma",
        16
      ),
      (
        "expo(mean=1)",
        "unknown distribution 'expo'; expected one of constant, uniform, exponential, normal,"
          + " lognormal, gamma, weibull, pareto, empirical, histogram",
        0
      ),
      ("lognormal(mu=1)", "missing parameter 'sigma' for lognormal; expected mu, sigma", 15),
      ("exponential(mean=1, mean=2)", "parameter 'mean' given twice for exponential", 20),
      ("uniform(1, 2, 3)", "too many arguments for uniform; expected low, high", 14),
      ("uniform(low=1, 2)", "positional argument after a named one in uniform", 15),
      ("exponential(mean=abc)", "'abc' is not a number for 'mean'", 17),
      ("exponential(mean=)", "expected a number for 'mean', found ')'", 17),
      ("exponential(mean=[1])", "parameter 'mean' for exponential takes a number, not a list", 12),
      (
        "empirical(values=1)", "parameter 'values' for empirical takes a list such as [1, 2, 3]", 10
      ),
      ("empirical(values=[1, 2)", "expected ']' after the list for 'values', found ')'", 22),
      (
        "exponential(mean=1", "expected ')' after the arguments of exponential, found end of text",
        18
      ),
      ("exponential mean=1", "expected '(' after exponential, found 'm'", 12),
      ("exponential(mean=1) x", "unexpected 'x' after ')'", 20),
      ("", "expected a distribution name such as exponential", 0),
      ("exponential(mean=-1)", "exponential: mean must be finite and > 0, got -1.0", 12),
      ("uniform(low=3, high=1)", "uniform: high must be >= low (3.0), got 1.0", 15),
      (
        "histogram(edges=[0, 1], weights=[1, 2])",
        "histogram: weights needs one value per bin (1 for 2 edges), got 2", 24
      ),
    ])
  func errors(text: String, message: String, offset: Int) {
    #expect {
      try Distribution(parsing: text)
    } throws: { error in
      guard let error = error as? DistributionParseError else { return false }
      return error.message == message && error.offset == offset
    }
  }

  @Test("validation problems point at the parameter's argument")
  func validationOffsets() {
    #expect {
      try Distribution(parsing: "gamma(2, scale=-1)")
    } throws: { error in
      guard let error = error as? DistributionParseError else { return false }
      return error.parameter == "scale" && error.offset == 9
    }
  }

  @Test("a bare word is read as a value, so non-finite numbers reach validation")
  func bareWords() {
    #expect {
      try Distribution(parsing: "constant(inf)")
    } throws: { error in
      (error as? DistributionParseError)?.message == "constant: value must be finite, got inf"
    }
  }
}
