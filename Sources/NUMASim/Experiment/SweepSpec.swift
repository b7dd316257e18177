// SPDX-License-Identifier: MIT

import Foundation

/// A parameter sweep: the keys to vary, how many replicates of each point, and the base seed.
///
/// Read from the config's `sweep:` mapping:
///
///     sweep:
///       grid:
///         sysctl.vm.watermark_scale_factor: [10, 100, 1000]
///         machine.nodes[1].memory: [4GiB, 8GiB]
///         sysctl.vm.min_free_kbytes: {log: [11264, 90112], points: 4}
///       replicates: 5      # default 1
///       seed: 42           # default: the config's `seed`, else 1
///
/// Points are the cartesian product of the `grid` values in the order the keys are written, the
/// first key varying slowest; point numbers run from 0 in that order.
///
/// Seeds use common random numbers: replicate `r` runs with
/// `SeedSequence(masterSeed: seed).childSeed(for: "replicate-<r>")` at *every* grid point, so the
/// difference between two points' results is the effect of the swept values, not of different
/// random draws, and a paired comparison has far less noise than independent seeds would give.
/// Replicates differ from each other, and adding points or replicates leaves existing seeds as
/// they were.
public struct SweepSpec: Hashable, Sendable {
  /// The swept keys, in `grid` order (first slowest).
  public var axes: [SweepAxis]
  /// Runs per point, at least 1.
  public var replicates: Int
  /// The seed every replicate's seed is derived from.
  public var baseSeed: UInt64

  /// The most runs (points × replicates) one sweep may have: every point's config is read and
  /// checked before the first run, and the plan lists every run.
  public static let maxRuns = 1_000_000

  public init(axes: [SweepAxis], replicates: Int = 1, baseSeed: UInt64 = 1) {
    self.axes = axes
    self.replicates = replicates
    self.baseSeed = baseSeed
  }

  /// Reads a `sweep:` mapping; `configSeed` is the config's own `seed`, used when the sweep has none.
  public static func read(_ value: ConfigValue, file: String, configSeed: UInt64? = nil) throws(InputErrors)
    -> SweepSpec
  {
    var reader = ConfigReader(file: file)
    guard let map = reader.mapping(value, "sweep", allowed: ["grid", "replicates", "seed"]) else {
      throw InputErrors(reader.errors)
    }
    var spec = SweepSpec(axes: [], replicates: 1, baseSeed: configSeed ?? 1)
    if let v = map["replicates"], let r = reader.int(v, "sweep.replicates") {
      if r < 1 { reader.fail(v, "sweep.replicates", "at least 1 replicate is needed, found \(r)") }
      spec.replicates = r
    }
    if let v = map["seed"], let s = readSeed(v, "sweep.seed", &reader) { spec.baseSeed = s }
    if let v = map["grid"], let entries = reader.entries(v, "sweep.grid") {
      for e in entries {
        let top = e.key.prefix { $0 != "." && $0 != "[" }
        if ["sweep", "seed", "name"].contains(top) {
          reader.fail(
            at: e.keyPosition, "sweep.grid.\(e.key)",
            "\(top) cannot be swept: it does not change a run (use replicates for more seeds)")
          continue
        }
        if let axis = SweepAxis.read(path: e.key, keyPosition: e.keyPosition, value: e.value, reader: &reader) {
          spec.axes.append(axis)
        }
      }
      var runs = spec.replicates
      for axis in spec.axes {
        let (product, overflow) = runs.multipliedReportingOverflow(by: axis.values.count)
        runs = overflow ? .max : product
      }
      if runs > maxRuns {
        reader.fail(
          v, "sweep.grid",
          "\(runs == .max ? "more than \(Int.max)" : "\(runs)") runs (points x replicates); at most \(maxRuns) are allowed"
        )
      }
    }
    guard reader.errors.isEmpty else { throw InputErrors(reader.errors) }
    return spec
  }

  /// Splits a config tree into its sweep (nil when there is no `sweep:` key) and the base config
  /// without it; the top-level `seed:` is the sweep's default seed.
  public static func extract(from root: ConfigValue, file: String) throws(InputErrors) -> (
    spec: SweepSpec?, base: ConfigValue
  ) {
    guard case .mapping(let entries, let position) = root,
      let sweep = entries.first(where: { $0.key == "sweep" })
    else { return (nil, root) }
    var configSeed: UInt64?
    if let seed = entries.first(where: { $0.key == "seed" }) {
      var reader = ConfigReader(file: file)
      configSeed = readSeed(seed.value, "seed", &reader)
      guard reader.errors.isEmpty else { throw InputErrors(reader.errors) }
    }
    let spec = try read(sweep.value, file: file, configSeed: configSeed)
    return (spec, .mapping(entries.filter { $0.key != "sweep" }, position))
  }

  /// Checks that every swept key path can be set in `base`; errors point at the `grid` key.
  public func validate(against base: ConfigValue, file: String) throws(InputErrors) {
    var errors: [InputError] = []
    for axis in axes {
      do {
        _ = try SweepAssignment(path: axis.path, value: axis.values[0]).override.apply(to: base)
      } catch {
        errors.append(
          InputError(
            file: file, line: axis.keyPosition.line, column: axis.keyPosition.column,
            keyPath: "sweep.grid.\(axis.path)", message: "cannot set this key: \(error.message)"))
      }
    }
    guard errors.isEmpty else { throw InputErrors(errors) }
  }

  /// The number of grid points (1 when nothing is swept).
  public var pointCount: Int { axes.reduce(1) { $0 * $1.values.count } }

  /// The swept values at grid point `index` (0 ..< ``pointCount``).
  public func assignments(atPoint index: Int) -> [SweepAssignment] {
    var rest = index
    var result: [SweepAssignment] = []
    for axis in axes.reversed() {
      result.append(SweepAssignment(path: axis.path, value: axis.values[rest % axis.values.count]))
      rest /= axis.values.count
    }
    return result.reversed()
  }

  /// The seed replicate `replicate` uses at every point.
  public func seed(forReplicate replicate: Int) -> UInt64 {
    SeedSequence(masterSeed: baseSeed).childSeed(for: "replicate-\(replicate)")
  }

  /// Every run: each grid point in order, each of its replicates in order.
  public func points() -> [SweepPoint] {
    let seeds = (0..<replicates).map(seed(forReplicate:))
    return (0..<pointCount).flatMap { index in
      let values = assignments(atPoint: index)
      return (0..<replicates).map { SweepPoint(index: index, replicate: $0, seed: seeds[$0], assignments: values) }
    }
  }

  /// One line per grid point, `index<TAB>key=value key=value`, for external schedulers.
  ///
  /// With `shard`, only that shard's points are listed.
  public func listing(shard: SweepShard? = nil) -> String {
    (0..<pointCount).filter { shard?.contains(pointIndex: $0) ?? true }.map { index in
      "\(index)\t" + assignments(atPoint: index).map(\.description).joined(separator: " ") + "\n"
    }.joined()
  }

  private static func readSeed(_ value: ConfigValue, _ path: String, _ reader: inout ConfigReader) -> UInt64? {
    guard let text = reader.string(value, path) else { return nil }
    guard let seed = UInt64(text.replacingOccurrences(of: "_", with: "")) else {
      reader.fail(value, path, "expected a seed from 0 to \(UInt64.max), found '\(text)'")
      return nil
    }
    return seed
  }
}
