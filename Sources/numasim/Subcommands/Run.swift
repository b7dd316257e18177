// SPDX-License-Identifier: MIT
import ArgumentParser
import NUMASim

struct Run: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "run",
    abstract: "Run a scenario (default: the built-in two-node machine).")

  @OptionGroup var machine: MachineOptions

  func run() throws {
    try reportingInputErrors {
      let result = try machine.resolve()
      print(SetupSummary.render(result.setup), terminator: "")
      result.notes.forEach(printNote)
    }
  }
}
