// SPDX-License-Identifier: MIT

import Foundation

/// One swept key and the values it takes, in order.
///
/// Written under `sweep.grid` in one of three shapes:
/// - a list: `vm.watermark_scale_factor: [10, 100, 1000]`;
/// - `{linear: [from, to], points: N}`: N evenly spaced values, both ends included;
/// - `{log: [from, to], points: N}`: N geometrically spaced values (both ends > 0).
///
/// When both ends of a range are integers the values are rounded to integers (half away from
/// zero), and a range whose rounded values repeat is an error. Other values are rounded to the
/// digits ``CSVWriter`` prints (so `0.1 + 0.2` is `0.3`), and the ends are exactly as written.
public struct SweepAxis: Hashable, Sendable {
  /// The key path (`sysctl.vm.min_free_kbytes`), also the CSV column name.
  public var path: String
  /// Where the key is written, for errors about it.
  public var keyPosition: ConfigValue.Position
  /// The values, in sweep order; never empty.
  public var values: [SweepValue]

  /// An axis over `values`; `keyPosition` defaults to line 1, column 1.
  public init(path: String, keyPosition: ConfigValue.Position? = nil, values: [SweepValue]) {
    self.path = path
    self.keyPosition = keyPosition ?? ConfigValue.Position(line: 1, column: 1)
    self.values = values
  }

  static let shapes = "a list [a, b, c], {linear: [from, to], points: N} or {log: [from, to], points: N}"

  /// Reads one `grid` entry; records every problem in `reader` and returns nil after one.
  static func read(
    path: String, keyPosition: ConfigValue.Position, value: ConfigValue, reader: inout ConfigReader
  ) -> SweepAxis? {
    let where_ = "sweep.grid.\(path)"
    do {
      _ = try ConfigPath(parsing: path)
    } catch {
      reader.fail(at: keyPosition, where_, "not a key path: \(error.message)")
      return nil
    }
    switch value {
    case .sequence(let items, _):
      guard !items.isEmpty else {
        reader.fail(value, where_, "the list of values is empty")
        return nil
      }
      var values: [SweepValue] = []
      for (i, item) in items.enumerated() {
        guard case .scalar(let s, _) = item else {
          reader.fail(item, "\(where_)[\(i)]", "expected a single value, found \(reader.kind(item))")
          return nil
        }
        values.append(SweepValue(scalar: s))
      }
      return SweepAxis(path: path, keyPosition: keyPosition, values: values)
    case .mapping(let entries, _):
      let keys = Set(entries.map(\.key))
      guard keys == ["linear", "points"] || keys == ["log", "points"] else {
        reader.fail(value, where_, "expected \(shapes); found keys \(entries.map(\.key).joined(separator: ", "))")
        return nil
      }
      return readRange(path: path, keyPosition: keyPosition, entries: entries, reader: &reader)
    case .scalar, .null:
      reader.fail(value, where_, "expected \(shapes), found \(reader.kind(value))")
      return nil
    }
  }

  private static func readRange(
    path: String, keyPosition: ConfigValue.Position,
    entries: [(key: String, keyPosition: ConfigValue.Position, value: ConfigValue)], reader: inout ConfigReader
  ) -> SweepAxis? {
    let where_ = "sweep.grid.\(path)"
    guard let pointsValue = entries.first(where: { $0.key == "points" })?.value,
      let range = entries.first(where: { $0.key != "points" })
    else { return nil }
    let logarithmic = range.key == "log"
    let rangePath = "\(where_).\(range.key)"
    guard let count = reader.int(pointsValue, "\(where_).points") else { return nil }
    guard count >= 2 else {
      reader.fail(pointsValue, "\(where_).points", "a range needs at least 2 points, found \(count)")
      return nil
    }
    // Refused before the values are made: more points than a whole sweep may run.
    guard count <= SweepSpec.maxRuns else {
      reader.fail(
        pointsValue, "\(where_).points", "\(count) points is more than the \(SweepSpec.maxRuns) runs a sweep may have")
      return nil
    }
    guard case .sequence(let ends, _) = range.value, ends.count == 2 else {
      reader.fail(range.value, rangePath, "expected [from, to]")
      return nil
    }
    guard let fromText = reader.string(ends[0], "\(rangePath)[0]"),
      let toText = reader.string(ends[1], "\(rangePath)[1]")
    else { return nil }
    guard let from = reader.double(ends[0], "\(rangePath)[0]"), let to = reader.double(ends[1], "\(rangePath)[1]")
    else { return nil }
    if logarithmic, from <= 0 || to <= 0 {
      reader.fail(range.value, rangePath, "a log range needs both ends > 0, found [\(fromText), \(toText)]")
      return nil
    }
    let integral = Int(fromText) != nil && Int(toText) != nil
    var values: [SweepValue] = []
    for i in 0..<count {
      let t = Double(i) / Double(count - 1)
      var x: Double
      if i == 0 {
        x = from
      } else if i == count - 1 {
        x = to
      } else if logarithmic {
        x = exp(log(from) + t * (log(to) - log(from)))
      } else {
        x = from + t * (to - from)
      }
      if integral {
        x.round(.toNearestOrAwayFromZero)
        values.append(.int(Int(x)))
      } else {
        values.append(.double(SweepValue.canonical(x)))
      }
    }
    if Set(values).count != values.count {
      reader.fail(
        pointsValue, "\(where_).points",
        "\(count) points between \(fromText) and \(toText) give repeated values "
          + "(\(values.prefix(8).map(\.description).joined(separator: ", "))\(values.count > 8 ? ", ..." : "")); "
          + "use fewer points or non-integer ends")
      return nil
    }
    return SweepAxis(path: path, keyPosition: keyPosition, values: values)
  }
}
