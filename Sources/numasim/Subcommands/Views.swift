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
    abstract: "Check a config (and every point of its sweep) and report each problem as FILE:LINE:COLUMN: key: message."
  )

  @Argument(help: "The YAML config to check.")
  var config: String

  func run() throws {
    try reportingInputErrors {
      var request = MachineRequest()
      request.configPath = config
      let result: MachineRequest.Result
      do { result = try request.resolve() } catch let e as InputErrors { throw CLIError.input(e.errors) }
      guard result.config.sweep != nil else {
        print("\(config): OK")
        return
      }
      // A sweep is checked point by point, as `numasim sweep` reads it.
      let sweep: ConfigSweep
      do { sweep = try ConfigSweep.load(path: config) } catch let e as InputErrors { throw CLIError.input(e.errors) }
      print("\(config): OK (sweep: \(sweep.spec.pointCount) points x \(sweep.spec.replicates) replicates)")
    }
  }
}
