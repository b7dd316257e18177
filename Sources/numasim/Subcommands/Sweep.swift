// SPDX-License-Identifier: MIT
import ArgumentParser
import Foundation
import NUMASim

struct Sweep: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "sweep",
    abstract: "Run every point of a config's sweep: section, with replicates, on all cores.",
    discussion: """
      Writes sweep.csv (one row per point and replicate) and sweep-summary.csv (per point: the
      mean and 95% confidence interval of every metric) into the results folder, plus one file
      per finished run under points/, so a sweep run again resumes where it stopped. The files
      are byte-identical whatever --jobs is.

      On several machines: run `numasim sweep CONFIG --shard K/N` for K = 1..N (each writes only
      its runs), then `numasim merge FOLDER...` where the shards' folders are.
      """)

  @Argument(help: "A YAML config with a sweep: section.")
  var config: String

  @Option(parsing: .unconditional, help: "Runs at a time (default: the number of cores).")
  var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

  @Option(help: "Run only shard K of N (1 <= K <= N): the grid points whose number is K-1 modulo N.")
  var shard: String?

  @Flag(help: "Print the numbered grid points, one per line (`index<TAB>key=value ...`), and stop.")
  var list = false

  @Option(help: "Results folder (default: Results/<config name>/).")
  var output: String?

  @Option(
    name: .customLong("set"),
    help: ArgumentHelp("Set a config key before the sweep is read, e.g. duration=5s.", valueName: "key.path=VALUE"))
  var assignments: [String] = []

  @Flag(inversion: .prefixedNo, help: "Show progress with an ETA on stderr (default: when stderr is a terminal).")
  var progress: Bool = SweepProgress.stderrIsTerminal

  @OptionGroup var admission: AdmissionOptions

  @Flag(help: "Draw the sweep's heatmap and trade-off into its folder at the end (`numasim plot`; needs gnuplot).")
  var plot = false

  @OptionGroup var plotOptions: PlotOptions

  func validate() throws {
    guard jobs >= 1 else { throw ValidationError("--jobs must be at least 1, found \(jobs)") }
  }

  func run() throws {
    Interrupts.install()
    try reportingInputErrors {
      var shard: SweepShard?
      if let text = self.shard {
        do throws(ConfigOverrideError) { shard = try SweepShard(parsing: text) } catch {
          throw CLIError.input([
            InputError(file: ConfigOverride.commandLine, keyPath: "--shard", message: error.message)
          ])
        }
      }
      let sweep: ConfigSweep
      do {
        let overrides = try ConfigOverride.fromCommandLine(assignments.map(MachineRequest.expandingSysctlShorthand))
        sweep = try ConfigSweep.load(path: config, overrides: overrides)
      } catch let e as InputErrors {
        throw CLIError.input(e.errors)
      } catch let e as ConfigOverrideError {
        throw CLIError.input([e.inputError])
      }
      if list {
        print(sweep.spec.listing(shard: shard), terminator: "")
        return
      }
      let gnuplot = plot ? try locateGnuplot() : nil
      let limits = try admission.limits()
      do {
        try sweep.check(limits: limits, jobs: Swift.min(jobs, ProcessInfo.processInfo.activeProcessorCount))
      } catch let e
        as InputErrors
      {
        throw CLIError.input(e.errors)
      }
      let folder = output ?? "Results/\(sweep.name)"
      do { try ResultsFolder.check(folder, option: "--output") } catch let e as InputErrors {
        throw CLIError.input(e.errors)
      }
      do { try sweep.claim(directory: folder) } catch let e as InputErrors { throw CLIError.input(e.errors) }
      let maxEvents = limits.maxEvents
      let report: SweepRunner.Report
      do {
        report = try SweepRunner(showsProgress: progress).run(
          points: sweep.points, jobs: jobs, shard: shard, outputDirectory: folder,
          runPoint: { point in
            var control = RunControl()
            control.maxEvents = maxEvents
            control.isStopRequested = { Interrupts.isRequested }
            return try sweep.run(point, control: control)
          })
      } catch let error as SweepError {
        if Interrupts.isRequested, case .runFailed(_, _, _, let finished) = error {
          printNote(
            "numasim: sweep interrupted; \(finished) finished runs are kept in \(folder)/points/: run again to resume")
          throw ExitCode(Interrupts.exitCode)
        }
        throw CLIError.input([InputError(file: folder, message: error.description)])
      }
      let points = sweep.spec.pointCount
      let scope = shard.map { "shard \($0) of \(points) points" } ?? "\(points) points"
      print("\(scope) x \(sweep.spec.replicates) replicates: ran \(report.ran), \(report.skipped) already done")
      if let shard, shard.count > 1 {
        print("results: \(folder)/points/; when every shard is done: numasim merge FOLDER...")
      } else {
        print("results: \(folder)/sweep.csv, \(folder)/sweep-summary.csv")
        if let gnuplot { try drawPlots(of: folder, options: plotOptions.sweepOptions, gnuplot: gnuplot) }
      }
    }
  }
}

struct Merge: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "merge",
    abstract: "Combine the folders of a sharded sweep into the files one unsharded sweep writes.")

  @Argument(help: "The shards' results folders (one shared folder is fine).")
  var folders: [String]

  @Option(help: "Where to write the merged sweep (default: the first folder).")
  var output: String?

  func validate() throws {
    guard !folders.isEmpty else { throw ValidationError("give at least one sweep folder") }
  }

  func run() throws {
    try reportingInputErrors {
      let target = output ?? folders[0]
      do { try ResultsFolder.check(target, option: "--output") } catch let e as InputErrors {
        throw CLIError.input(e.errors)
      }
      do { try ConfigSweep.checkFingerprints(of: folders, into: target) } catch let e as InputErrors {
        throw CLIError.input(e.errors)
      }
      do {
        let files = try SweepRunner.merge(directories: folders, into: target)
        print("results: " + files.filter { $0.hasSuffix(".csv") }.map { "\(target)/\($0)" }.joined(separator: ", "))
      } catch let error as SweepError {
        throw CLIError.input([InputError(file: target, message: error.description)])
      }
    }
  }
}
