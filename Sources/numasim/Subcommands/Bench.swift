// SPDX-License-Identifier: MIT
import ArgumentParser
import NUMASim

struct Bench: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "bench",
    abstract: "Measure the simulator's speed; prints RESULT lines comparable with shared/bench.",
    subcommands: [Engine.self])

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
}
