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

  /// Every run: each grid point, each replicate.
  public var points: [SweepPoint] { spec.points() }

  /// Reads `path`, applies the command line's `overrides` to the whole file (the `sweep:`
  /// section included), and checks every grid point.
  /// - Throws: ``InputErrors`` with every problem found, the `sweep:` section's included.
  public static func load(path: String, overrides: [ConfigOverride] = []) throws(InputErrors) -> ConfigSweep {
    let text: String
    do { text = try InputFile.read(path, what: "the config") } catch { throw InputErrors([error]) }
    var root: ConfigValue
    do { root = try ConfigValue.parse(yaml: text, file: path) } catch { throw InputErrors([error]) }
    do { root = try ConfigOverride.apply(overrides, to: root) } catch { throw InputErrors([error.inputError]) }
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
    let directory = URL(fileURLWithPath: path).deletingLastPathComponent().path
    var configs: [SimulationConfig] = []
    var errors: [InputError] = []
    for index in 0..<spec.pointCount {
      let settings = zip(spec.assignments(atPoint: index), spec.axes).map { assignment, axis in
        var o = assignment.override
        o.origin = axis.keyPosition
        return o
      }
      do {
        var config = try SimulationConfig.parse(
          document: ConfigOverride.apply(settings, to: base), file: path, baseDirectory: directory)
        _ = try config.setUp()
        if case .mapping(let entries, _) = root, !entries.contains(where: { $0.key == "name" }) {
          config.name = URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
        }
        configs.append(config)
      } catch let e as InputErrors {
        let label = settings.map(\.description).joined(separator: " ")
        for error in ConfigOverride.attributeToCommandLine(e.errors, overrides: overrides) {
          var error = error
          if error.file != ConfigOverride.commandLine { error.message += " (at sweep point \(index): \(label))" }
          if !errors.contains(where: {
            $0.line == error.line && $0.column == error.column && $0.keyPath == error.keyPath
          }) {
            errors.append(error)
          }
        }
      } catch {
        errors.append(InputError(file: path, keyPath: "sweep", message: "\(error)"))
      }
    }
    guard errors.isEmpty else { throw InputErrors(errors) }
    return ConfigSweep(spec: spec, name: configs[0].name, configs: configs)
  }

  /// Runs one point and replicate: the point's config with the replicate's seed.
  /// - Returns: the metrics of `summary.csv`, in its column order.
  public func run(_ point: SweepPoint) throws(InputErrors) -> MetricRow {
    var config = configs[point.index]
    config.seed = point.seed
    var simulation = try Simulation(config)
    let report = simulation.run()
    return MetricRow(report.metrics.map { MetricRow.Column(name: $0.0, value: $0.1) })
  }
}
