// SPDX-License-Identifier: MIT
import Testing

@testable import NUMASim

@Suite struct SweepPointTests {
  static let point = SweepPoint(
    index: 4, replicate: 2, seed: 99,
    assignments: [
      SweepAssignment(path: "a", value: .int(2)), SweepAssignment(path: "label", value: .text("two words")),
    ])

  @Test func namesItsFileAndValues() {
    #expect(Self.point.fileName == "4-2.csv")
    #expect(Self.point.label == "a=2 label=\"two words\"")
    #expect(Self.point.description == "point 4 replicate 2 (a=2 label=\"two words\")")
  }

  @Test func aPointWithoutSweptKeysIsTheBaseConfig() {
    let point = SweepPoint(index: 0, replicate: 3, seed: 1, assignments: [])
    #expect(point.label == "")
    #expect(point.overrides.isEmpty)
    #expect(point.description == "point 0 replicate 3 (base config)")
  }

  @Test func overridesFollowTheAssignments() {
    #expect(
      Self.point.overrides == [
        ConfigOverride(path: "a", value: "2"), ConfigOverride(path: "label", value: "two words"),
      ])
  }

  @Test func applySetsTheValuesInTheBase() throws {
    let base = try ConfigValue.parse(yaml: "a: 1\nb: x\n", file: "base.yaml")
    #expect(ConfigYAMLEmitter.render(try Self.point.apply(to: base)) == "a: 2\nb: x\nlabel: two words\n")
    #expect(
      ConfigYAMLEmitter.render(try Self.point.apply(to: base, seedKey: "seed"))
        == "a: 2\nb: x\nlabel: two words\nseed: 99\n")
  }

  @Test func theSeedKeyIsSetLast() throws {
    let base = try ConfigValue.parse(yaml: "seed: 1\n", file: "base.yaml")
    let point = SweepPoint(
      index: 0, replicate: 0, seed: 42, assignments: [SweepAssignment(path: "seed", value: .int(7))])
    #expect(ConfigYAMLEmitter.render(try point.apply(to: base, seedKey: "seed")) == "seed: 42\n")
    #expect(ConfigYAMLEmitter.render(try point.apply(to: base)) == "seed: 7\n")
  }

  @Test func applyFailsOnAPathThroughAValue() throws {
    let base = try ConfigValue.parse(yaml: "b: x\n", file: "base.yaml")
    let point = SweepPoint(index: 0, replicate: 0, seed: 1, assignments: [SweepAssignment(path: "b.c", value: .int(1))])
    #expect(throws: ConfigOverrideError(path: "b.c", message: "b is the value 'x', not a mapping")) {
      try point.apply(to: base)
    }
  }
}
