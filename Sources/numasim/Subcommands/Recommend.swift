// SPDX-License-Identifier: MIT
import ArgumentParser
import Foundation
import NUMASim

struct Recommend: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "recommend",
    abstract: "Find the smallest value of a knob whose runs meet a target (e.g. allocstall<=10).",
    discussion: """
      Bisects the knob over --range (geometric steps over a wide range), running --replicates
      runs per probed value, and takes a value as meeting the target only when the whole 95%
      interval of the metric's mean does. Prints the answer with what it costs (free memory,
      kswapd CPU) and every probe; writes recommend.csv and one sweep folder per probe
      (probes/KNOB=VALUE/, for `numasim plot` and `merge`). Assumes the metric moves
      monotonically with the knob and says so when the probes disagree. Exit status 2 when
      no value in the range meets the target.
      """)

  @Argument(help: "A YAML config (its sweep: section, if any, is ignored).")
  var config: String

  @Option(help: "The target: a summary.csv metric (or allocstall, the per-zone sum), <=, <, >= or >, a number.")
  var target: String

  @Option(help: "The config key searched (a sysctl by its name alone), an integer.")
  var knob = "vm.watermark_scale_factor"

  @Option(help: "LO:HI, the values searched (default 10:3000 for vm.watermark_scale_factor).")
  var range: String?

  @Option(help: "Runs per probed value (at least 2 for an interval).")
  var replicates = 3

  @Option(help: "The base seed of every probe's replicates.")
  var seed: UInt64 = 1

  @Option(parsing: .unconditional, help: "Runs at a time (default: the number of cores).")
  var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

  @Option(help: "Results folder (default: Results/<config name>-recommend/).")
  var output: String?

  @Option(
    name: .customLong("set"),
    help: ArgumentHelp("Set a config key before the config is read, e.g. duration=5s.", valueName: "key.path=VALUE"))
  var assignments: [String] = []

  @OptionGroup var admission: AdmissionOptions

  func validate() throws {
    guard jobs >= 1 else { throw ValidationError("--jobs must be at least 1, found \(jobs)") }
    guard (1...1000).contains(replicates) else {
      throw ValidationError("--replicates must be 1...1000, found \(replicates)")
    }
  }

  func searchRange() throws -> ClosedRange<Int> {
    let text = range ?? (knob == "vm.watermark_scale_factor" ? "10:3000" : "")
    let parts = text.split(separator: ":", omittingEmptySubsequences: false).map { Int($0) }
    guard parts.count == 2, let lo = parts[0], let hi = parts[1], lo < hi else {
      throw CLIError.input([
        InputError(
          file: "<command line>", keyPath: "--range",
          message: range == nil
            ? "give the values of \(knob) to search, as --range LO:HI" : "'\(text)' is not LO:HI with LO < HI")
      ])
    }
    return lo...hi
  }

  func run() throws {
    Interrupts.install()
    try reportingInputErrors {
      let goal: RecommendTarget
      do { goal = try RecommendTarget(parsing: target) } catch let e as InputError { throw CLIError.input([e]) }
      let values = try searchRange()
      let overrides: [ConfigOverride]
      let root: ConfigValue
      do {
        overrides = try ConfigOverride.fromCommandLine(assignments.map(MachineRequest.expandingSysctlShorthand))
        root = try SimulationConfig.document(path: config, overrides: overrides)
      } catch let e as InputErrors {
        throw CLIError.input(e.errors)
      } catch let e as ConfigOverrideError {
        throw CLIError.input([e.inputError])
      }
      let folder = output ?? "Results/\(SimulationConfig.defaultName(of: config))-recommend"
      do { try ResultsFolder.check(folder, option: "--output") } catch let e as InputErrors {
        throw CLIError.input(e.errors)
      }
      let limits = try admission.limits()
      let maxEvents = limits.maxEvents
      let jobs = self.jobs
      printNote(
        "recommend \(knob) for \(goal) in \(values.lowerBound)...\(values.upperBound), \(replicates) runs per probe")
      let result: Recommendation
      do {
        result = try Recommendation.search(
          root: root, path: config, overrides: overrides, knob: knob, range: values, replicates: replicates,
          seed: seed, target: goal, outputDirectory: folder,
          runProbe: { sweep, probeFolder in
            do {
              try sweep.check(limits: limits, jobs: Swift.min(jobs, ProcessInfo.processInfo.activeProcessorCount))
            } catch {
              throw error
            }
            let rows = try Recommendation.runSweep(
              sweep, into: probeFolder, jobs: jobs,
              control: {
                var control = RunControl()
                control.maxEvents = maxEvents
                control.isStopRequested = { Interrupts.isRequested }
                return control
              })
            printNote("  probed \(probeFolder)")
            return rows
          })
      } catch let e as InputErrors {
        throw CLIError.input(e.errors)
      } catch let e as SweepError {
        if Interrupts.isRequested {
          printNote("numasim: recommend interrupted; finished runs are kept in \(folder)/probes/: run again to resume")
          throw ExitCode(Interrupts.exitCode)
        }
        throw CLIError.input([InputError(file: folder, message: e.description)])
      }
      do { try AtomicFile.write(CSVWriter.render(result.table), to: AtomicFile.join(folder, "recommend.csv")) } catch {
        throw CLIError.input([InputError(file: folder, message: "\(error)")])
      }
      print(RecommendationText.render(result), terminator: "")
      print(
        "evidence: \(folder)/recommend.csv; each probe's runs: \(folder)/probes/\(knob)=VALUE/ (numasim plot works on each)"
      )
      if result.answer == nil { throw ExitCode(2) }
    }
  }
}
