// SPDX-License-Identifier: MIT
import ArgumentParser
import NUMASim

struct Bench: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "bench",
    abstract: "Measure the simulator's speed; prints RESULT lines comparable with shared/bench.",
    subcommands: [Engine.self, Allocator.self, Model.self])

  struct Engine: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "engine",
      abstract: "The hold model on the event queue: pop the earliest, reschedule it at now + Exp(1).")

    @Option(help: "Pending events.") var pending = 1024
    @Option(help: "Events to process.") var events = 20_000_000

    func validate() throws {
      guard pending >= 1, pending <= 10_000_000 else { throw ValidationError("--pending must be 1...10000000") }
      guard events >= 1 else { throw ValidationError("--events must be at least 1") }
    }

    func run() {
      print(EngineBenchmark(pending: pending, events: events).run().resultLine)
    }
  }

  struct Allocator: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "allocator",
      abstract: "Allocate+free pairs through the pcp lists, the buddy lists and NUMA fallback.")

    @Option(help: "Allocate+free pairs per path.") var pairs = 20_000_000
    @Option(help: "Paths to run: pcp, buddy, fallback (repeatable; default all).") var path: [String] = []

    func validate() throws {
      guard pairs >= 1 else { throw ValidationError("--pairs must be at least 1") }
      for p in path where AllocatorBenchmark.Path(rawValue: p) == nil {
        throw ValidationError("--path: '\(p)' is not one of pcp, buddy, fallback")
      }
    }

    func run() throws {
      let paths = path.isEmpty ? AllocatorBenchmark.Path.allCases : path.compactMap(AllocatorBenchmark.Path.init)
      for p in paths { print(try AllocatorBenchmark(path: p, pairs: p == .pcp ? pairs : pairs / 4).run()) }
    }
  }

  struct Model: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "model",
      abstract: "Run a scenario (default: the built-in one) and report page operations per CPU-second.",
      discussion: """
        Times the run only (not the set-up) in CPU time, and counts every page allocated
        (pgalloc_*) or freed (pgfree) in it. `make speed` runs every example config and
        rewrites the README's speed table.
        """)

    @OptionGroup var machine: MachineOptions

    @Flag(help: "Print the README's speed table (its header and this config's row) instead of the RESULT line.")
    var markdown = false

    func run() throws {
      try reportingInputErrors {
        let result = try machine.resolve()
        let config = result.runConfig
        do {
          let measured = try ModelBenchmark(config: config).measure()
          print(markdown ? ModelBenchmark.Result.markdownHeader + "\n" + measured.markdownRow : measured.line)
        } catch let e as InputErrors {
          throw CLIError.input(e.errors)
        }
      }
    }
  }
}
