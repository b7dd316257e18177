// SPDX-License-Identifier: MIT
import Testing

@testable import NUMASim

@Suite("SeedSequence")
struct SeedSequenceTests {
  @Test("child seeds are stable across runs and releases")
  func stableLiterals() {
    let sequence = SeedSequence(masterSeed: 42)
    #expect(sequence.childSeed(for: "workload") == 15_288_789_982_039_925_939)
    #expect(sequence.childSeed(index: 0) == 2_682_198_162_574_778_015)
    #expect(sequence.makeStream("workload").next() == 3_642_848_814)
  }

  @Test("FNV-1a and the SplitMix64 finaliser match their reference values")
  func primitives() {
    #expect(SeedSequence.fnv1a64("") == 0xCBF2_9CE4_8422_2325)
    #expect(SeedSequence.fnv1a64("a") == 0xAF63_DC4C_8601_EC8C)
    // First SplitMix64 output for state 0: mix(0 + gamma).
    #expect(SeedSequence.mix(SeedSequence.gamma) == 0xE220_A839_7B1D_CDAF)
  }

  @Test("different stream names give different seeds and sequences")
  func differentNames() {
    let sequence = SeedSequence(masterSeed: 42)
    let names = ["page-faults", "allocations", "frees", "migrations", "a", "b", ""]
    let seeds = names.map { sequence.childSeed(for: $0) }
    #expect(Set(seeds).count == names.count)
    let a = sequence.makeStream("a")
    let b = sequence.makeStream("b")
    #expect((0..<8).map { _ in a.next() } != (0..<8).map { _ in b.next() })
  }

  @Test("a child's seed does not depend on other streams or on the order of derivation")
  func addingStreamsDoesNotPerturb() {
    let sequence = SeedSequence(masterSeed: 7)
    let before = sequence.childSeed(for: "workload-1")
    _ = (0..<100).map { sequence.childSeed(for: "extra-\($0)") }
    #expect(sequence.childSeed(for: "workload-1") == before)
    #expect(SeedSequence(masterSeed: 7).childSeed(for: "workload-1") == before)
  }

  @Test("the master seed changes every child, including in its high bits")
  func masterSeedMatters() {
    let low = SeedSequence(masterSeed: 1)
    let high = SeedSequence(masterSeed: 1 | (1 << 40))
    #expect(low.childSeed(for: "x") != high.childSeed(for: "x"))
    // mt19937 keeps only the low 32 bits of a seed: those must differ too.
    #expect(
      UInt32(truncatingIfNeeded: low.childSeed(for: "x"))
        != UInt32(truncatingIfNeeded: high.childSeed(for: "x")))
  }

  @Test("indexed children are distinct, and separate from named ones")
  func indexedChildren() {
    let sequence = SeedSequence(masterSeed: 42)
    let seeds = (0..<1000).map { sequence.childSeed(index: UInt64($0)) }
    #expect(Set(seeds).count == 1000)
    #expect(sequence.childSeed(index: 0) != sequence.childSeed(for: "0"))
  }

  @Test("nested sequences derive from the parent's child seed")
  func nested() {
    let root = SeedSequence(masterSeed: 42)
    #expect(root.child("node0").masterSeed == root.childSeed(for: "node0"))
    #expect(root.child("node0").childSeed(for: "x") != root.childSeed(for: "x"))
  }

  @Test("a record's seed roots the sequence")
  func fromRecord() {
    let record = GeneratorRecord(generatorName: "mt19937", seed: 42, source: .explicit)
    #expect(SeedSequence(record: record) == SeedSequence(masterSeed: 42))
  }
}
