// SPDX-License-Identifier: MIT
import ArgumentParser
import NUMASim

struct ZoneInfo: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "zoneinfo",
    abstract: "Print the machine at boot in /proc/zoneinfo layout.",
    discussion: """
      Watermarks, protection (lowmem_reserve) and pagesets are computed with the selected
      kernel's formulas. With --from-zoneinfo, spanned/present/managed come from the dump and
      a note on stderr says where the dump's own watermarks differ from the recomputed ones.
      """)

  @OptionGroup var machine: MachineOptions

  func run() throws {
    try reportingInputErrors {
      let result = try machine.resolve()
      print(ZoneInfoReport.render(.boot(result.setup)), terminator: "")
      result.notes.forEach(printNote)
    }
  }
}

struct Numactl: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "numactl",
    abstract: "Print the machine in `numactl -H` layout, then each node's fallback order.")

  @OptionGroup var machine: MachineOptions

  func run() throws {
    try reportingInputErrors {
      let result = try machine.resolve()
      print(NumactlReport.render(result.setup), terminator: "")
      result.notes.forEach(printNote)
    }
  }
}

struct Sysctl: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "sysctl",
    abstract: "Print the effective vm.* sysctls, one per line.")

  @OptionGroup var machine: MachineOptions

  func run() throws {
    try reportingInputErrors {
      let result = try machine.resolve()
      print(SysctlReport.render(result.setup), terminator: "")
    }
  }
}

struct Validate: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "validate",
    abstract:
      "Check a config (and every point of its sweep) and report each problem as FILE:LINE:COLUMN: key: message.",
    discussion: """
      A config that passes prints what one run needs (memory and events), checked against
      the same limits `run` and `sweep` apply: --max-memory and --max-events.
      """)

  @Argument(help: "The YAML config to check.")
  var config: String

  @OptionGroup var admission: AdmissionOptions

  func run() throws {
    try reportingInputErrors {
      let limits = try admission.limits()
      var request = MachineRequest()
      request.configPath = config
      let result: MachineRequest.Result
      do { result = try request.resolve() } catch let e as InputErrors { throw CLIError.input(e.errors) }
      guard result.config.sweep != nil else {
        let admitted = Admission(result.config, machine: result.setup.machine)
        do {
          try admitted.check(result.config, limits: limits)
          _ = try result.config.planWarmStart(setup: result.setup)
        } catch let e as InputErrors {
          throw CLIError.input(e.errors)
        }
        print("\(config): OK (\(admitted.summary))")
        return
      }
      // A sweep is checked point by point, as `numasim sweep` reads it.
      let sweep: ConfigSweep
      do {
        sweep = try ConfigSweep.load(path: config)
        try sweep.check(limits: limits, jobs: 1)
      } catch let e as InputErrors { throw CLIError.input(e.errors) }
      let largest = sweep.admissions.max { $0.memoryBytes < $1.memoryBytes }
      let busiest = sweep.admissions.max { $0.events < $1.events }
      let needs =
        largest.map { "; a run needs at most about \(ByteSize.describe($0.memoryBytes))" } ?? ""
      let events = busiest.map { " and \(Admission.describe(events: $0.events)) events" } ?? ""
      print(
        "\(config): OK (sweep: \(sweep.spec.pointCount) points x \(sweep.spec.replicates) replicates\(needs)\(events))")
    }
  }
}
