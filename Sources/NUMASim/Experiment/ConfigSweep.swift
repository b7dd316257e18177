// SPDX-License-Identifier: MIT

import Foundation

/// A config file's sweep, ready to run: its ``SweepSpec`` and one checked config per grid point.
///
/// Every grid point's config is read and its machine set up when the sweep is loaded, so a
/// value that does not fit (a size the machine cannot take, a sysctl out of the kernel's range)
/// is reported, at its `sweep.grid` key, before any run starts.
public struct ConfigSweep: Sendable {
  /// The sweep: its keys, replicates and base seed.
  public var spec: SweepSpec
  /// The config's name (its `name:` or the file's base name): the default results folder.
  public var name: String
  /// The config of each grid point, without its replicate seed.
  public var configs: [SimulationConfig]
  /// ``ConfigHash`` of the whole config with the command line's settings: what a results
  /// folder records so that it is never resumed or merged with runs of another config.
  public var fingerprint: String
  /// What each grid point's runs need, in point order.
  public var admissions: [Admission]

  /// Refuses the sweep when a grid point does not fit `limits` with `jobs` runs at once,
  /// at the key that makes it large (one report per distinct problem).
  public func check(limits: Admission.Limits, jobs: Int) throws(InputErrors) {
    var errors: [InputError] = []
    for (index, (config, admission)) in zip(configs, admissions).enumerated() {
      do { try admission.check(config, limits: limits, jobs: jobs) } catch {
        let label = zip(spec.assignments(atPoint: index), spec.axes).map { a, _ in a.override.description }
          .joined(separator: " ")
        for var e in error.errors where !errors.contains(where: { $0.keyPath == e.keyPath }) {
          e.message += " (at sweep point \(index): \(label))"
          errors.append(e)
        }
      }
    }
    guard errors.isEmpty else { throw InputErrors(errors) }
  }

  /// Every run: each grid point, each replicate.
  public var points: [SweepPoint] { spec.points() }

  /// Reads `path`, applies the command line's `overrides` to the whole file (the `sweep:`
  /// section included), and checks every grid point.
  /// - Throws: ``InputErrors`` with every problem found, the `sweep:` section's included.
  public static func load(path: String, overrides: [ConfigOverride] = []) throws(InputErrors) -> ConfigSweep {
    try load(document: SimulationConfig.document(path: path, overrides: overrides), path: path, overrides: overrides)
  }

  /// The sweep of `root`, the tree of the config file at `path` with `overrides` applied.
  public static func load(document root: ConfigValue, path: String, overrides: [ConfigOverride] = [])
    throws(InputErrors) -> ConfigSweep
  {
    let found: SweepSpec?
    let base: ConfigValue
    do {
      (found, base) = try SweepSpec.extract(from: root, file: path)
      try found?.validate(against: base, file: path)
    } catch {
      throw InputErrors(ConfigOverride.attributeToCommandLine(error.errors, overrides: overrides))
    }
    guard let spec = found else {
      throw InputErrors([
        InputError(
          file: path, keyPath: "sweep",
          message: "the config has no sweep: section; add one (see Configs/README.md) or use `numasim run`")
      ])
    }
    let directory = SimulationConfig.folder(of: path)
    var name = SimulationConfig.defaultName(of: path)
    if case .mapping(let entries, _) = base, case .scalar(let s, _)? = entries.first(where: { $0.key == "name" })?.value
    {
      name = s
    }
    var configs: [SimulationConfig] = []
    var admissions: [Admission] = []
    var errors: [InputError] = []
    var seen: [InputError] = []
    for index in 0..<spec.pointCount {
      let settings = zip(spec.assignments(atPoint: index), spec.axes).map { assignment, axis in
        var o = assignment.override
        o.origin = axis.keyPosition
        return o
      }
      do {
        var config = try SimulationConfig.parse(
          document: ConfigOverride.apply(settings, to: base), file: path, baseDirectory: directory)
        let setup = try config.setUp()
        config.name = name
        configs.append(config)
        admissions.append(Admission(config, machine: setup.machine))
      } catch let e as InputErrors {
        // One report per distinct problem: the first point that shows it names it.
        let label = settings.map(\.description).joined(separator: " ")
        for error in ConfigOverride.attributeToCommandLine(e.errors, overrides: overrides) where !seen.contains(error) {
          seen.append(error)
          var error = error
          if error.file != ConfigOverride.commandLine { error.message += " (at sweep point \(index): \(label))" }
          errors.append(error)
        }
      } catch {
        errors.append(InputError(file: path, keyPath: "sweep", message: "\(error)"))
      }
    }
    guard errors.isEmpty else { throw InputErrors(errors) }
    return ConfigSweep(
      spec: spec, name: name, configs: configs, fingerprint: ConfigHash.hex(ConfigHash.of(root)), admissions: admissions
    )
  }

  /// Runs one point and replicate: the point's config with the replicate's seed.
  /// - Returns: the metrics of `summary.csv`, in its column order.
  /// - Parameter control: the run's event budget and stop request (nothing is streamed: a
  ///   sweep keeps only the metrics, and the time series it samples is dropped as it goes).
  public func run(_ point: SweepPoint, control given: RunControl = .unlimited) throws -> MetricRow {
    var config = configs[point.index]
    config.seed = point.seed
    var simulation = try Simulation(config)
    var control = given
    control.record = { _, _ in }
    let report = try simulation.run(control: control)
    return MetricRow(report.metrics.map { MetricRow.Column(name: $0.0, value: $0.1) })
  }

  /// The file in a sweep folder that names the config its runs came from.
  public static let fingerprintFile = "sweep-config.txt"

  /// The folder's record of the config and numasim version its runs came from.
  var fingerprintRecord: String { "config_hash \(fingerprint)\nnumasim_version \(NUMASimVersion.string)\n" }

  /// Records this sweep's config in `directory`, or checks that the runs already there are
  /// of the same config and numasim version.
  /// - Throws: ``InputErrors`` when the folder holds runs of another config or version.
  public func claim(directory: String) throws(InputErrors) {
    let path = AtomicFile.join(directory, Self.fingerprintFile)
    if let existing = FileManager.default.contents(atPath: path) {
      guard String(decoding: existing, as: UTF8.self) == fingerprintRecord else {
        throw InputErrors([
          InputError(
            file: directory,
            message: "holds runs of another config, other --set values or another numasim version "
              + "(\(Self.fingerprintFile) differs); use another folder or remove it")
        ])
      }
      return
    }
    let fm = FileManager.default
    for name in [SweepPlan.fileName, "points"] where fm.fileExists(atPath: AtomicFile.join(directory, name)) {
      throw InputErrors([
        InputError(
          file: directory,
          message: "holds sweep runs but no \(Self.fingerprintFile), so which config they came from is unknown; "
            + "use another folder or remove it")
      ])
    }
    do {
      try AtomicFile.createDirectory(directory)
      try AtomicFile.write(fingerprintRecord, to: path)
    } catch { throw InputErrors([InputError(file: directory, message: error.description)]) }
  }

  /// Checks that sweep folders about to be merged come from one config and version, and
  /// copies the record into `target`.
  public static func checkFingerprints(of directories: [String], into target: String) throws(InputErrors) {
    var record: Data?
    for d in directories {
      guard let text = FileManager.default.contents(atPath: AtomicFile.join(d, fingerprintFile)) else {
        throw InputErrors([
          InputError(
            file: d, message: "has no \(fingerprintFile), so which config its runs came from is unknown; not merged")
        ])
      }
      if let record, record != text {
        throw InputErrors([
          InputError(
            file: d,
            message: "its runs come from another config, other --set values or another numasim version than "
              + "\(directories[0])'s")
        ])
      }
      record = record ?? text
    }
    guard let record else { return }  // no folders
    do {
      try AtomicFile.createDirectory(target)
      try AtomicFile.write(Array(record), to: AtomicFile.join(target, fingerprintFile))
    } catch { throw InputErrors([InputError(file: target, message: error.description)]) }
  }
}
