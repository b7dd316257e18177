// SPDX-License-Identifier: MIT
import Testing

@testable import NUMASim

@Suite struct SweepSpecTests {
  func spec(_ yaml: String, file: String = "s.yaml") throws -> SweepSpec {
    let root = try ConfigValue.parse(yaml: yaml, file: file)
    return try #require(try SweepSpec.extract(from: root, file: file).spec)
  }

  func errors(_ yaml: String) -> [String] {
    do {
      _ = try spec(yaml)
      return []
    } catch let e as InputErrors {
      return e.errors.map(\.description)
    } catch {
      return ["\(error)"]
    }
  }

  @Test func pointsAreTheCartesianProductFirstKeySlowest() throws {
    let s = try spec("sweep:\n  grid:\n    a: [1, 2]\n    b: [x, y, z]\n")
    #expect(s.pointCount == 6)
    #expect(
      (0..<6).map { s.assignments(atPoint: $0).map(\.description).joined(separator: " ") } == [
        "a=1 b=x", "a=1 b=y", "a=1 b=z", "a=2 b=x", "a=2 b=y", "a=2 b=z",
      ])
    #expect(s.listing() == "0\ta=1 b=x\n1\ta=1 b=y\n2\ta=1 b=z\n3\ta=2 b=x\n4\ta=2 b=y\n5\ta=2 b=z\n")
    #expect(s.listing(shard: SweepShard(number: 2, of: 3)) == "1\ta=1 b=y\n4\ta=2 b=y\n")
  }

  @Test(arguments: [
    ("{linear: [0, 100], points: 5}", ["0", "25", "50", "75", "100"]),
    ("{linear: [1, 10], points: 4}", ["1", "4", "7", "10"]),
    ("{linear: [10, 0], points: 3}", ["10", "5", "0"]),
    ("{linear: [0.0, 1], points: 4}", ["0", "0.333333333333", "0.666666666667", "1"]),
    ("{linear: [0.1, 0.3], points: 3}", ["0.1", "0.2", "0.3"]),
    ("{log: [1, 1000], points: 4}", ["1", "10", "100", "1000"]),
    ("{log: [11264, 90112], points: 4}", ["11264", "22528", "45056", "90112"]),
    ("{log: [0.001, 1.0], points: 3}", ["0.001", "0.0316227766017", "1"]),
    ("[10, 2.5, 16GiB, \"a b\"]", ["10", "2.5", "16GiB", "a b"]),
  ])
  func rangesExpandToValues(shape: String, values: [String]) throws {
    let s = try spec("sweep:\n  grid:\n    k: \(shape)\n")
    #expect(s.axes[0].values.map(\.description) == values)
  }

  @Test func integerRangesStayIntegers() throws {
    let s = try spec("sweep:\n  grid:\n    k: {log: [1, 100], points: 3}\n    d: {linear: [0.0, 1], points: 2}\n")
    #expect(s.axes[0].values == [.int(1), .int(10), .int(100)])
    #expect(s.axes[1].values == [.double(0), .double(1)])
  }

  @Test(arguments: [
    ("sweep:\n  grid:\n    k: []\n", "s.yaml:3:8: sweep.grid.k: the list of values is empty"),
    (
      "sweep:\n  grid:\n    k: {linear: [1, 2], points: 1}\n",
      "s.yaml:3:33: sweep.grid.k.points: a range needs at least 2 points, found 1"
    ),
    (
      "sweep:\n  grid:\n    k: {log: [0, 10], points: 3}\n",
      "s.yaml:3:14: sweep.grid.k.log: a log range needs both ends > 0, found [0, 10]"
    ),
    (
      "sweep:\n  grid:\n    k: {steps: [1, 2]}\n",
      "s.yaml:3:8: sweep.grid.k: expected \(SweepAxis.shapes); found keys steps"
    ),
    ("sweep:\n  grid:\n    k: 5\n", "s.yaml:3:8: sweep.grid.k: expected \(SweepAxis.shapes), found a value"),
    ("sweep:\n  replicates: 0\n", "s.yaml:2:15: sweep.replicates: at least 1 replicate is needed, found 0"),
    ("sweep:\n  repeats: 3\n", "s.yaml:2:3: sweep.repeats: unknown key; expected one of grid, replicates, seed"),
    (
      "sweep:\n  grid:\n    k: {linear: [1, 3], points: 5}\n",
      "s.yaml:3:33: sweep.grid.k.points: 5 points between 1 and 3 give repeated values (1, 2, 2, 3, 3); use fewer points or non-integer ends"
    ),
    (
      "sweep:\n  grid:\n    a..b: [1]\n",
      "s.yaml:3:5: sweep.grid.a..b: not a key path: empty key name in the path (two dots, or a leading or trailing dot)"
    ),
    ("seed: -1\nsweep: {}\n", "s.yaml:1:7: seed: expected a seed from 0 to 18446744073709551615, found '-1'"),
  ])
  func invalidSweepsPointAtTheOffendingValue(yaml: String, message: String) {
    #expect(errors(yaml) == [message])
  }

  @Test func seedsDependOnReplicateOnlyAndAreStable() throws {
    let s = try spec("seed: 7\nsweep:\n  grid:\n    a: [1, 2, 3]\n  replicates: 3\n")
    #expect(s.baseSeed == 7)
    let points = s.points()
    #expect(points.count == 9)
    #expect(points.map { "\($0.index)-\($0.replicate)" }.prefix(4) == ["0-0", "0-1", "0-2", "1-0"])
    for p in points { #expect(p.seed == SeedSequence(masterSeed: 7).childSeed(for: "replicate-\(p.replicate)")) }
    #expect(Set(points.filter { $0.replicate == 1 }.map(\.seed)).count == 1)
    #expect(Set(points.filter { $0.index == 0 }.map(\.seed)).count == 3)
    let other = try spec("sweep:\n  grid:\n    a: [1, 2, 3]\n  replicates: 3\n  seed: 8\n")
    #expect(other.points().map(\.seed) != points.map(\.seed))
    #expect(try spec("sweep:\n  replicates: 2\n").baseSeed == 1)
    #expect(try spec("seed: 7\nsweep:\n  seed: 9\n").baseSeed == 9)
  }

  @Test func extractRemovesTheSweepAndPointsApplyToTheBase() throws {
    let yaml = "name: x\nsweep:\n  grid:\n    sysctl.vm.swappiness: [10, 20]\nsysctl:\n  vm.swappiness: 60\n"
    let (spec, base) = try SweepSpec.extract(from: try ConfigValue.parse(yaml: yaml, file: "s.yaml"), file: "s.yaml")
    let s = try #require(spec)
    try s.validate(against: base, file: "s.yaml")
    #expect(ConfigYAMLEmitter.render(base) == "name: x\nsysctl:\n  vm.swappiness: 60\n")
    let point = s.points()[1]
    #expect(ConfigYAMLEmitter.render(try point.apply(to: base)) == "name: x\nsysctl:\n  vm.swappiness: 20\n")
    #expect(
      ConfigYAMLEmitter.render(try point.apply(to: base, seedKey: "seed"))
        == "name: x\nsysctl:\n  vm.swappiness: 20\nseed: \(point.seed)\n")
  }

  @Test func validateNamesTheGridKeyThatCannotBeSet() throws {
    let yaml = "duration: 1s\nsweep:\n  grid:\n    duration.first: [1]\n"
    let (spec, base) = try SweepSpec.extract(from: try ConfigValue.parse(yaml: yaml, file: "s.yaml"), file: "s.yaml")
    let s = try #require(spec)
    let error = #expect(throws: InputErrors.self) { try s.validate(against: base, file: "s.yaml") }
    #expect(
      error?.description
        == "s.yaml:4:5: sweep.grid.duration.first: cannot set this key: duration is the value '1s', not a mapping")
  }
}
