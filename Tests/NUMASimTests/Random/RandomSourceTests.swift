// SPDX-License-Identifier: MIT
import Testing

@testable import NUMASim

@Suite("RandomSource")
struct RandomSourceTests {
  @Test("an explicit seed wins and the environment is not consulted")
  func explicitSeed() throws {
    let environment = ["GSL_RNG_TYPE": "no-such-generator", "GSL_RNG_SEED": "junk"]
    let record = try RandomSource.resolve(seed: 42, environment: environment)
    #expect(record == GeneratorRecord(generatorName: "mt19937", seed: 42, source: .explicit))
    let withGenerator = try RandomSource.resolve(
      seed: 7, generator: .ranlxd2, environment: environment)
    #expect(withGenerator == GeneratorRecord(generatorName: "ranlxd2", seed: 7, source: .explicit))
  }

  @Test("without a seed or variables: mt19937 with GSL's default seed 0")
  func defaults() throws {
    let record = try RandomSource.fromEnvironment([:])
    #expect(record == GeneratorRecord(generatorName: "mt19937", seed: 0, source: .default))
    #expect(try RandomSource.fromEnvironment(["GSL_RNG_TYPE": "", "GSL_RNG_SEED": ""]) == record)
  }

  @Test("GSL_RNG_TYPE and GSL_RNG_SEED are honoured")
  func bothVariables() throws {
    let record = try RandomSource.fromEnvironment(["GSL_RNG_TYPE": "taus2", "GSL_RNG_SEED": "1234"])
    #expect(record == GeneratorRecord(generatorName: "taus2", seed: 1234, source: .environment))
  }

  @Test("either variable alone counts as the environment")
  func oneVariable() throws {
    #expect(
      try RandomSource.fromEnvironment(["GSL_RNG_SEED": "5"])
        == GeneratorRecord(generatorName: "mt19937", seed: 5, source: .environment))
    #expect(
      try RandomSource.fromEnvironment(["GSL_RNG_TYPE": "ranlux"])
        == GeneratorRecord(generatorName: "ranlux", seed: 0, source: .environment))
  }

  @Test(
    "an explicit generator overrides GSL_RNG_TYPE but the seed still comes from the environment")
  func explicitGeneratorWithoutSeed() throws {
    let record = try RandomSource.resolve(
      seed: nil, generator: .gfsr4, environment: ["GSL_RNG_TYPE": "taus2", "GSL_RNG_SEED": "9"])
    #expect(record == GeneratorRecord(generatorName: "gfsr4", seed: 9, source: .environment))
  }

  @Test(
    "GSL_RNG_SEED is read as strtoul(s, 0, 0) reads it",
    arguments: [
      ("42", UInt64(42)), (" 42 ", 42), ("+42", 42), ("0x2A", 42), ("0X2a", 42), ("052", 42),
      ("0", 0),
      ("18446744073709551615", UInt64.max),
    ])
  func seedForms(text: String, expected: UInt64) throws {
    #expect(try RandomSource.fromEnvironment(["GSL_RNG_SEED": text]).seed == expected)
  }

  @Test(
    "a malformed GSL_RNG_SEED is an error",
    arguments: [
      "abc", "-1", "12x", "0x", "0x+5", "089", "18446744073709551616", "4.5",
    ])
  func badSeeds(text: String) {
    #expect(throws: RandomSourceError.invalidSeed(text)) {
      try RandomSource.fromEnvironment(["GSL_RNG_SEED": text])
    }
  }

  @Test("an unknown GSL_RNG_TYPE is an error listing the valid types")
  func unknownType() {
    #expect(throws: RandomSourceError.unknownGeneratorType("mt19938")) {
      try RandomSource.fromEnvironment(["GSL_RNG_TYPE": "mt19938"])
    }
    let message = RandomSourceError.unknownGeneratorType("mt19938").description
    #expect(message.hasPrefix("GSL_RNG_TYPE='mt19938' is not a GSL generator; valid types are "))
    #expect(message.contains("taus2"))
  }

  @Test("the process environment holds at most the two GSL variables")
  func processEnvironment() {
    let keys = Set(RandomSource.processEnvironment().keys)
    #expect(keys.isSubset(of: ["GSL_RNG_TYPE", "GSL_RNG_SEED"]))
  }
}
