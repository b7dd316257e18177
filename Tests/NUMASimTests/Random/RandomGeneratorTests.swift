// SPDX-License-Identifier: MIT
import Testing

@testable import NUMASim

@Suite("RandomGenerator")
struct RandomGeneratorTests {
  @Test(
    "each named generator resolves to the GSL type of that name", arguments: RandomGenerator.named)
  func namedGeneratorsResolve(generator: RandomGenerator) {
    let stream = RandomStream(seed: 1, generator: generator)
    #expect(stream.gslName == generator.name)
  }

  @Test("GSL's full list is available and contains every named generator")
  func availableNames() {
    let names = RandomGenerator.availableNames
    #expect(names.count > 50)
    for generator in RandomGenerator.named { #expect(names.contains(generator.name)) }
  }

  @Test("a GSL generator without a static member can be named")
  func otherGeneratorByName() throws {
    let generator = try RandomGenerator(gslName: "ranlxs1")
    #expect(RandomStream(seed: 7, generator: generator).gslName == "ranlxs1")
  }

  @Test("an unknown name is rejected with a helpful message")
  func unknownName() {
    #expect(throws: RandomGeneratorError.unknown("mt1993")) {
      try RandomGenerator(gslName: "mt1993")
    }
    #expect(RandomGeneratorError.unknown("x").description.hasPrefix("unknown GSL generator 'x'"))
  }

  @Test("named and looked-up generators are equal")
  func equality() throws {
    #expect(try RandomGenerator(gslName: "taus2") == .taus2)
  }
}
