// SPDX-License-Identifier: MIT
import Numerics
import Testing

@testable import NUMASim

@Suite struct SweepAxisTests {
  /// Reads `key: shape` as one `grid` entry.
  static func read(_ shape: String, key: String = "k") throws -> (axis: SweepAxis?, errors: [String]) {
    let root = try ConfigValue.parse(yaml: "\(key): \(shape)\n", file: "g.yaml")
    guard case .mapping(let entries, _) = root, let entry = entries.first else {
      Issue.record("not a mapping")
      return (nil, [])
    }
    var reader = ConfigReader(file: "g.yaml")
    let axis = SweepAxis.read(path: entry.key, keyPosition: entry.keyPosition, value: entry.value, reader: &reader)
    return (axis, reader.errors.map(\.description))
  }

  @Test func aListKeepsItsValuesInOrderAndTypesThem() throws {
    let (axis, errors) = try Self.read("[3, 0.5, 16GiB, \"a b\", 1]")
    #expect(errors.isEmpty)
    #expect(axis?.path == "k")
    #expect(axis?.keyPosition == ConfigValue.Position(line: 1, column: 1))
    #expect(axis?.values == [.int(3), .double(0.5), .text("16GiB"), .text("a b"), .int(1)])
  }

  @Test func theKeyPositionIsKept() throws {
    let root = try ConfigValue.parse(yaml: "grid:\n    sysctl.vm.swappiness: [1]\n", file: "g.yaml")
    guard case .mapping(let top, _) = root, case .mapping(let entries, _) = top[0].value else {
      Issue.record("not a mapping")
      return
    }
    var reader = ConfigReader(file: "g.yaml")
    let axis = SweepAxis.read(
      path: entries[0].key, keyPosition: entries[0].keyPosition, value: entries[0].value, reader: &reader)
    #expect(axis?.keyPosition == ConfigValue.Position(line: 2, column: 5))
    #expect(axis?.path == "sysctl.vm.swappiness")
  }

  @Test func defaultKeyPositionIsTheStartOfTheFile() {
    let axis = SweepAxis(path: "k", values: [.int(1)])
    #expect(axis.keyPosition == ConfigValue.Position(line: 1, column: 1))
  }

  @Test(arguments: [
    ("{linear: [0, 5], points: 3}", ["0", "3", "5"]),
    ("{linear: [0, -5], points: 3}", ["0", "-3", "-5"]),
    ("{linear: [-2, 2], points: 5}", ["-2", "-1", "0", "1", "2"]),
    ("{linear: [0, 1.0], points: 3}", ["0", "0.5", "1"]),
    ("{linear: [0.1, 0.7], points: 7}", ["0.1", "0.2", "0.3", "0.4", "0.5", "0.6", "0.7"]),
    ("{log: [1, 16], points: 5}", ["1", "2", "4", "8", "16"]),
    ("{log: [100, 1], points: 3}", ["100", "10", "1"]),
    ("{points: 2, log: [0.5, 2]}", ["0.5", "2"]),
  ])
  func rangesGiveEvenlySpacedValues(shape: String, values: [String]) throws {
    let (axis, errors) = try Self.read(shape)
    #expect(errors.isEmpty)
    #expect(axis?.values.map(\.description) == values)
  }

  @Test func integerEndsGiveIntegerValues() throws {
    let (axis, _) = try Self.read("{linear: [0, 5], points: 3}")
    #expect(axis?.values == [.int(0), .int(3), .int(5)])
    let (fractional, _) = try Self.read("{linear: [0, 1.0], points: 3}")
    #expect(fractional?.values == [.double(0), .double(0.5), .double(1)])
  }

  @Test func interiorValuesAreRoundedToTheDigitsTheCSVShows() throws {
    let (axis, _) = try Self.read("{linear: [0.1, 0.7], points: 7}")
    let values = try #require(axis?.values)
    // Without rounding, 0.1 + 2 × 0.1 is 0.30000000000000004; the exact double printed is 0.3.
    guard case .double(let third) = values[2] else {
      Issue.record("not a double: \(values[2])")
      return
    }
    #expect(third.description == "0.3")
    let (log, _) = try Self.read("{log: [1.0, 2], points: 3}")
    guard case .double(let middle) = log?.values[1] else {
      Issue.record("not a double")
      return
    }
    #expect(middle.description == "1.41421356237")
    #expect(middle.isApproximatelyEqual(to: 2.0.squareRoot(), relativeTolerance: 1e-11))
  }

  @Test(arguments: [
    ("[]", "g.yaml:1:4: sweep.grid.k: the list of values is empty"),
    ("[1, [2, 3]]", "g.yaml:1:8: sweep.grid.k[1]: expected a single value, found a list"),
    ("[1, {a: 2}]", "g.yaml:1:8: sweep.grid.k[1]: expected a single value, found a mapping"),
    ("", "g.yaml:1:3: sweep.grid.k: expected \(SweepAxis.shapes), found nothing"),
    ("7", "g.yaml:1:4: sweep.grid.k: expected \(SweepAxis.shapes), found a value"),
    (
      "{linear: [1, 2], log: [1, 2], points: 3}",
      "g.yaml:1:4: sweep.grid.k: expected \(SweepAxis.shapes); found keys linear, log, points"
    ),
    ("{linear: [1, 2]}", "g.yaml:1:4: sweep.grid.k: expected \(SweepAxis.shapes); found keys linear"),
    ("{linear: [1, 2], points: x}", "g.yaml:1:29: sweep.grid.k.points: expected an integer, found 'x'"),
    ("{linear: [1, 2], points: -3}", "g.yaml:1:29: sweep.grid.k.points: a range needs at least 2 points, found -3"),
    (
      "{linear: [0.5, 2.5], points: 1000000000}",
      "g.yaml:1:33: sweep.grid.k.points: 1000000000 points is more than the 1000000 runs a sweep may have"
    ),
    ("{linear: [1], points: 3}", "g.yaml:1:13: sweep.grid.k.linear: expected [from, to]"),
    ("{linear: [1, 2, 3], points: 3}", "g.yaml:1:13: sweep.grid.k.linear: expected [from, to]"),
    ("{linear: 5, points: 3}", "g.yaml:1:13: sweep.grid.k.linear: expected [from, to]"),
    ("{linear: [a, 2], points: 3}", "g.yaml:1:14: sweep.grid.k.linear[0]: expected a number, found 'a'"),
    ("{linear: [1, [2]], points: 3}", "g.yaml:1:17: sweep.grid.k.linear[1]: expected a value, found a list"),
    ("{log: [-1, 10], points: 2}", "g.yaml:1:10: sweep.grid.k.log: a log range needs both ends > 0, found [-1, 10]"),
    ("{log: [1, 0.0], points: 2}", "g.yaml:1:10: sweep.grid.k.log: a log range needs both ends > 0, found [1, 0.0]"),
    (
      "{linear: [0, 3], points: 10}",
      "g.yaml:1:29: sweep.grid.k.points: 10 points between 0 and 3 give repeated values "
        + "(0, 0, 1, 1, 1, 2, 2, 2, ...); use fewer points or non-integer ends"
    ),
    (
      "{linear: [5, 5], points: 2}",
      "g.yaml:1:29: sweep.grid.k.points: 2 points between 5 and 5 give repeated values (5, 5); "
        + "use fewer points or non-integer ends"
    ),
  ])
  func badEntriesPointAtTheOffendingValue(shape: String, message: String) throws {
    let (axis, errors) = try Self.read(shape)
    #expect(axis == nil)
    #expect(errors == [message])
  }

  @Test func aKeyThatIsNotAPathIsReportedAtTheKey() throws {
    let (axis, errors) = try Self.read("[1]", key: "a[x]")
    #expect(axis == nil)
    #expect(errors == ["g.yaml:1:1: sweep.grid.a[x]: not a key path: list index '[x]' is not a non-negative integer"])
  }
}
