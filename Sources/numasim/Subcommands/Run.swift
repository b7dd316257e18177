// SPDX-License-Identifier: MIT
import ArgumentParser
import Foundation
import NUMASim

struct Run: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "run",
    abstract: "Run a scenario (default: the built-in two-node machine and workload).",
    discussion: """
      Prints a summary: allocation latency percentiles, direct-reclaim stalls, kswapd activity,
      NUMA counters, free memory and time below the watermarks, all after the warm-up.
      """)

  @OptionGroup var machine: MachineOptions

  @Option(help: "The run's seed (overrides the config's).")
  var seed: UInt64?

  @Option(help: "Simulated time to measure (overrides the config's duration), e.g. 5s or 500ms.")
  var duration: String?

  @Option(help: "Simulated warm-up before measuring (overrides the config's warmup), e.g. 2s.")
  var warmup: String?

  @Option(help: "Results folder (default: Results/<config name>/).")
  var output: String?

  @Flag(help: "Also print every metric as `name value` lines, like /proc/vmstat.")
  var vmstat = false

  func run() throws {
    try reportingInputErrors {
      if let output {
        do { try ResultsFolder.check(output, option: "--output") } catch let e as InputErrors {
          throw CLIError.input(e.errors)
        }
      }
      let result = try machine.resolve()
      var config = result.runConfig
      if let seed { config.seed = seed }
      if let text = duration {
        guard let d = ConfigReader.parseDuration(text), d.nanoseconds > 0 else {
          throw CLIError.input([
            InputError(file: "<command line>", keyPath: "--duration", message: "'\(text)' is not a duration such as 5s")
          ])
        }
        config.duration = d
      }
      if let text = warmup {
        guard let d = ConfigReader.parseDuration(text) else {
          throw CLIError.input([
            InputError(file: "<command line>", keyPath: "--warmup", message: "'\(text)' is not a duration such as 2s")
          ])
        }
        config.warmup = d
      }
      var simulation: Simulation
      do { simulation = try Simulation(config, setup: result.setup) } catch let e as InputErrors {
        throw CLIError.input(e.errors)
      }
      let report = simulation.run()
      print(report.text, terminator: "")
      if vmstat { print("\n" + report.vmstat, terminator: "") }
      let folder = output ?? "Results/\(config.name)"
      do { try RunOutput.write(report, config: config, to: folder) } catch {
        throw CLIError.input([InputError(file: folder, message: "cannot write the results: \(error)")])
      }
      print("results: \(folder)/")
      result.notes.forEach(printNote)
      if config.sweep != nil {
        printNote(
          "note: this config has a sweep: section; this run used its base values (`numasim sweep` runs the grid)")
      }
    }
  }
}
