// SPDX-License-Identifier: MIT
import Testing

@testable import NUMASim

@Suite("RandomStream")
struct RandomStreamTests {
  @Test("mt19937 with seed 42 starts with GSL's known outputs")
  func knownFirstValues() {
    let stream = RandomStream(seed: 42)
    #expect(stream.next() == 1_608_637_542)
    #expect(stream.next() == 3_421_126_067)
    let again = RandomStream(seed: 42)
    #expect(again.uniform() == 0.37454011430963874)
  }

  @Test(
    "the same seed gives the same sequence", arguments: [RandomGenerator.mt19937, .taus2, .ranlxd2])
  func sameSeedSameSequence(generator: RandomGenerator) {
    let a = RandomStream(seed: 123_456_789, generator: generator)
    let b = RandomStream(seed: 123_456_789, generator: generator)
    let first = (0..<1000).map { _ in a.uniform() }
    let second = (0..<1000).map { _ in b.uniform() }
    #expect(first == second)
  }

  @Test("different seeds give different sequences")
  func differentSeeds() {
    let a = RandomStream(seed: 1)
    let b = RandomStream(seed: 2)
    #expect((0..<10).map { _ in a.next() } != (0..<10).map { _ in b.next() })
  }

  @Test("seed 0 is GSL's default seed: for mt19937 the same as 4357")
  func zeroSeedIsDefault() {
    let zero = RandomStream(seed: 0)
    let gslDefault = RandomStream(seed: 4357)
    #expect((0..<5).map { _ in zero.next() } == (0..<5).map { _ in gslDefault.next() })
  }

  @Test("uniform() stays inside the open unit interval")
  func uniformRange() {
    let stream = RandomStream(seed: 9)
    for _ in 0..<10_000 {
      let u = stream.uniform()
      #expect(u > 0 && u < 1)
    }
  }

  @Test("uniformInt(below:) covers exactly 0..<bound", arguments: [1, 2, 7])
  func uniformIntRange(bound: Int) {
    let stream = RandomStream(seed: 3)
    var seen = Set<Int>()
    for _ in 0..<2_000 { seen.insert(stream.uniformInt(below: bound)) }
    #expect(seen == Set(0..<bound))
  }

  @Test("next() stays in the generator's value range")
  func rawRange() {
    let stream = RandomStream(seed: 5)
    #expect(stream.valueRange == 0...UInt64(UInt32.max))
    for _ in 0..<1000 { #expect(stream.valueRange.contains(stream.next())) }
  }

  @Test("a copy continues with the same values, independently")
  func copyContinues() {
    let stream = RandomStream(seed: 11)
    _ = (0..<17).map { _ in stream.next() }
    let copy = stream.copy()
    let original = (0..<20).map { _ in stream.next() }
    #expect((0..<20).map { _ in copy.next() } == original)
    #expect(copy.seed == 11 && copy.generator == .mt19937)
  }

  @Test("a stream can be built from a generator record")
  func fromRecord() throws {
    let record = GeneratorRecord(generatorName: "taus2", seed: 99, source: .explicit)
    let stream = try RandomStream(record: record)
    #expect(stream.gslName == "taus2")
    #expect(stream.next() == RandomStream(seed: 99, generator: .taus2).next())
    #expect(throws: RandomGeneratorError.self) {
      try RandomStream(record: GeneratorRecord(generatorName: "nope", seed: 1, source: .explicit))
    }
  }
}
