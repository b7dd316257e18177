// SPDX-License-Identifier: MIT

/// What a command was asked to set up: a config, optionally replaced or adjusted by
/// command-line imports and overrides.
public struct MachineRequest: Sendable {
  public var configPath: String?
  public var fromZoneinfo: String?
  public var fromNumactl: String?
  public var kernel: String?
  /// `N` for every node, or one count per node.
  public var cpusPerNode: [Int]?
  /// `key.path=VALUE` settings applied to the config before it is read, in order; a sysctl name
  /// alone (`vm.min_free_kbytes=90112`, `transparent_hugepage=never`) means `sysctl.<name>`.
  public var assignments: [String] = []

  public init() {}

  /// The result: the machine as set up, and notes worth telling the user.
  public struct Result: Sendable {
    public var config: SimulationConfig
    public var setup: MachineSetup
    public var notes: [String]

    /// The config with the command line's kernel and sysctl overrides applied, ready to run.
    public var runConfig: SimulationConfig {
      var c = config
      c.sysctl = setup.sysctl
      c.kernel = setup.kernel
      return c
    }
  }

  /// Loads, overrides, builds and sets up.
  /// - Throws: ``InputErrors`` with every problem found.
  public func resolve() throws(InputErrors) -> Result {
    var config = try loadConfig()
    var replacedBy: String?
    if fromZoneinfo != nil, fromNumactl != nil {
      throw InputErrors([
        InputError(file: "<command line>", message: "give --from-zoneinfo or --from-numactl, not both")
      ])
    }
    if let path = fromZoneinfo {
      config.machine = MachineConfig(source: .zoneinfo(path: path, cpusPerNode: cpusPerNode))
      replacedBy = "--from-zoneinfo"
    } else if let path = fromNumactl {
      config.machine = MachineConfig(source: .numactl(path: path))
      replacedBy = "--from-numactl"
    } else if let cpus = cpusPerNode {
      guard case .nodes(var specs) = config.machine.source else {
        throw InputErrors([
          InputError(file: "<command line>", message: "--cpus-per-node applies to node lists and imports only")
        ])
      }
      guard cpus.count == 1 || cpus.count == specs.count else {
        throw InputErrors([
          InputError(
            file: "<command line>", message: "--cpus-per-node gives \(cpus.count) values for \(specs.count) nodes")
        ])
      }
      for i in specs.indices { specs[i].cpuCount = cpus.count == 1 ? cpus[0] : cpus[i] }
      config.machine.source = .nodes(specs)
      replacedBy = "--cpus-per-node"
    }
    if let option = replacedBy {
      // The workload was read against the config's own machine: read it again against this one.
      do { try config.buildMachineAndReadWorkload() } catch {
        throw InputErrors(
          error.errors.map {
            var e = $0
            e.message += " (with the machine \(option) gives)"
            return e
          })
      }
    }
    if let text = kernel {
      guard let v = KernelVersion(parsing: text), v.isSupported else {
        throw InputErrors([
          InputError(
            file: "<command line>", keyPath: "--kernel",
            message:
              "'\(text)' is not a modelled kernel version (\(KernelVersion.oldestSupported)...\(KernelVersion.newestSupported))"
          )
        ])
      }
      config.kernel = v
    }
    let setup = try config.setUp()
    var notes: [String] = []
    if let path = fromZoneinfo ?? { if case .zoneinfo(let p, _) = config.machine.source { p } else { nil } }() {
      if let dump = try? ZoneInfoImport(path: path) { notes = dump.missingSizeNotes + dump.driftNotes(against: setup) }
    }
    for key in SysctlKey.unmodelledSettings(in: setup.sysctl) {
      notes.append("note: \(key.qualifiedName) is set but changes nothing: the model does not read it yet")
    }
    return Result(config: config, setup: setup, notes: notes)
  }

  /// `errors` with those at a value a `--set` gave attributed to that `--set`.
  public func attributingToCommandLine(_ errors: [InputError]) -> [InputError] {
    guard let overrides = try? ConfigOverride.fromCommandLine(assignments.map(Self.expandingSysctlShorthand)) else {
      return errors
    }
    return ConfigOverride.attributeToCommandLine(errors, overrides: overrides)
  }

  /// The config file (or the built-in default) with the `--set` settings applied.
  func loadConfig() throws(InputErrors) -> SimulationConfig {
    let overrides: [ConfigOverride]
    do { overrides = try ConfigOverride.fromCommandLine(assignments.map(Self.expandingSysctlShorthand)) } catch {
      throw InputErrors([error.inputError])
    }
    do {
      if let path = configPath { return try SimulationConfig.load(path: path, overrides: overrides) }
      return try SimulationConfig.builtIn(overrides: overrides)
    } catch {
      throw InputErrors(ConfigOverride.attributeToCommandLine(error.errors, overrides: overrides))
    }
  }

  /// `vm.KEY=VALUE` (or another sysctl name the model reads) as `sysctl.vm.KEY=VALUE`; any
  /// `vm.` path is taken as a sysctl, so a misspelt one gets the sysctl's suggestion.
  public static func expandingSysctlShorthand(_ text: String) -> String {
    guard let eq = text.firstIndex(of: "=") else { return text }
    let path = text[..<eq].trimmingCharacters(in: .whitespaces)
    guard path.hasPrefix("vm.") || (try? SysctlKey(name: path)) != nil else { return text }
    return "sysctl.\(path)\(text[eq...])"
  }
}
