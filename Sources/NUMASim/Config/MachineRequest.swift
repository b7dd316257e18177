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
  /// `vm.KEY=VALUE` assignments, applied in order after the config's own sysctls.
  public var sysctlAssignments: [String] = []

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
    var config = SimulationConfig.default
    if let path = configPath { config = try SimulationConfig.load(path: path) }
    if fromZoneinfo != nil, fromNumactl != nil {
      throw InputErrors([
        InputError(file: "<command line>", message: "give --from-zoneinfo or --from-numactl, not both")
      ])
    }
    if let path = fromZoneinfo {
      config.machine = MachineConfig(source: .zoneinfo(path: path, cpusPerNode: cpusPerNode))
    } else if let path = fromNumactl {
      config.machine = MachineConfig(source: .numactl(path: path))
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
    for assignment in sysctlAssignments {
      do { try SysctlKey.apply(assignment: assignment, to: &config.sysctl) } catch {
        throw InputErrors([InputError(file: "<command line>", keyPath: "--set", message: error.description)])
      }
    }
    let machine: Machine
    do { machine = try config.machine.build(file: config.file) } catch { throw InputErrors([error]) }
    if machine.memoryModel == .discontigmem, config.kernel >= KernelVersion(5, 14) {
      throw InputErrors([
        InputError(
          file: config.file, keyPath: "machine.memory_model",
          message: "DISCONTIGMEM was removed in Linux 5.14; choose SPARSEMEM or a kernel up to 5.13")
      ])
    }
    let setup = KernelSetup.setUp(machine, kernel: config.kernel, sysctl: config.sysctl)
    var notes: [String] = []
    if let path = fromZoneinfo ?? { if case .zoneinfo(let p, _) = config.machine.source { p } else { nil } }() {
      if let dump = try? ZoneInfoImport(path: path) { notes = dump.driftNotes(against: setup) }
    }
    return Result(config: config, setup: setup, notes: notes)
  }
}
