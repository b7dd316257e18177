// SPDX-License-Identifier: MIT
import ArgumentParser
import Foundation
import NUMASim

struct Run: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "run",
    abstract: "Run a scenario (default: the built-in two-node machine and workload).",
    discussion: """
      Prints a summary: the watermarks per zone, allocation latency percentiles,
      direct-reclaim stalls, kswapd activity, NUMA counters, free memory and time below the
      watermarks, all after the warm-up, and what to try next.
      """)

  @OptionGroup var machine: MachineOptions

  @OptionGroup var admission: AdmissionOptions

  @Option(parsing: .unconditional, help: "The run's seed (overrides the config's).")
  var seed: UInt64?

  @Option(
    parsing: .unconditional, help: "Simulated time to measure (overrides the config's duration), e.g. 5s or 500ms.")
  var duration: String?

  @Option(parsing: .unconditional, help: "Simulated warm-up before measuring (overrides the config's warmup), e.g. 2s.")
  var warmup: String?

  @Option(help: "Results folder (default: Results/<config name>/).")
  var output: String?

  @Flag(help: "Also print every metric as `name value` lines, like /proc/vmstat.")
  var vmstat = false

  @Flag(help: "Draw the run's pictures into its folder at the end (`numasim plot`; needs gnuplot).")
  var plot = false

  @Flag(
    inversion: .prefixedNo,
    help: "Show simulated time, events/s and an ETA on stderr (default: when stderr is a terminal).")
  var progress: Bool = SweepProgress.stderrIsTerminal

  func run() throws {
    Interrupts.install()  // before any set-up, so an early Ctrl-C is seen by the first slice
    try reportingInputErrors {
      if let output {
        do { try ResultsFolder.check(output, option: "--output") } catch let e as InputErrors {
          throw CLIError.input(e.errors)
        }
      }
      let gnuplot = plot ? try locateGnuplot() : nil
      let limits = try admission.limits()
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
      do {
        try config.checkRunLength()
        try Admission(config, machine: result.setup.machine).check(config, limits: limits)
      } catch let e as InputErrors {
        throw CLIError.input(try machine.request().attributingToCommandLine(e.errors))
      }
      var simulation: Simulation
      do { simulation = try Simulation(config, setup: result.setup) } catch let e as InputErrors {
        throw CLIError.input(e.errors)
      }
      let folder = output ?? "Results/\(config.name)"
      let report = try runStreaming(&simulation, into: folder, limits: limits)
      print(report.text, terminator: "")
      if vmstat { print("\n" + report.vmstat, terminator: "") }
      print("results: \(folder)/")
      if let gnuplot { try drawPlots(of: folder, options: SweepFigures.Options(), gnuplot: gnuplot) }
      let context = RunSummaryText.Context(
        config: machine.config, folder: folder, plotted: gnuplot != nil, hasSweep: config.sweep != nil)
      print("\n" + RunSummaryText.nextSteps(report.summary, context), terminator: "")
      result.notes.forEach(printNote)
      if config.sweep != nil {
        printNote(
          "note: this config has a sweep: section; this run used its base values (`numasim sweep` runs the grid)")
      }
    }
  }

  /// Runs with the time series and stalls streamed into a staged folder, then writes the
  /// rest and puts the folder in place; on an interrupt, a budget overrun or a write error,
  /// removes the staged folder, so nothing half-done is left.
  func runStreaming(_ simulation: inout Simulation, into folder: String, limits: Admission.Limits) throws -> RunReport {
    func cannotWrite(_ error: FileWriteError) -> CLIError {
      CLIError.input([InputError(file: folder, message: "cannot write the results: \(error)")])
    }
    let staged: StagedFolder
    let series: SeriesFiles
    do {
      staged = try StagedFolder(target: folder)
      series = try SeriesFiles(
        in: staged, setup: simulation.setup, groupNames: simulation.model.workload.groups.map(\.group.name))
    } catch { throw cannotWrite(error) }
    let display = RunProgress(enabled: progress)
    var control = RunControl()
    control.maxEvents = limits.maxEvents
    control.isStopRequested = { Interrupts.isRequested }
    control.record = { rows, stalls in try series.append(rows, stalls) }
    control.progress = { display.update($0) }
    let report: RunReport
    do {
      report = try simulation.run(control: control)
      display.finish()
      try series.close()
      try RunOutput.write(report, config: simulation.config, into: staged, includingSeries: false)
      try staged.commit()
    } catch let stop as RunStop {
      display.finish()
      try? series.close()
      staged.abandon()
      if case .interrupted = stop {
        printNote("numasim: \(stop.description); nothing written to \(folder)/")
        throw ExitCode(Interrupts.exitCode)
      }
      throw CLIError.input([
        InputError(file: simulation.config.file, message: "\(stop.description); nothing written to \(folder)/")
      ])
    } catch let error as FileWriteError {
      try? series.close()
      staged.abandon()
      throw cannotWrite(error)
    }
    return report
  }
}
