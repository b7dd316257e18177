// SPDX-License-Identifier: MIT
import ArgumentParser
import NUMASim

@main
struct NUMASimCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "numasim",
    abstract: "Simulate Linux physical memory management on NUMA machines.",
    subcommands: [])

  func run() throws {
    let machine = try TopologyBuilder().buildMachine([NodeSpec(memoryBytes: 8 << 30, cpuCount: 2)])
    let setup = KernelSetup.setUp(machine)
    print(setup.minFreeKbytes)
  }
}
