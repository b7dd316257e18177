// SPDX-License-Identifier: MIT
import ArgumentParser
import NUMASim

@main
struct NUMASimCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "numasim",
    abstract: "Simulate Linux physical memory management on NUMA machines.",
    discussion: """
      With no subcommand, runs the built-in default scenario (`numasim run`).
      Experiments: `sweep` runs a config's sweep: section, `merge` combines a sharded sweep, `plot` draws
      a run's or a sweep's pictures.
      Views of the machine at boot: `zoneinfo`, `numactl`, `sysctl`, `buddyinfo`, `pagetypeinfo`.
      `probe` writes a config of the machine numasim runs on.
      """,
    version: NUMASimVersion.string,
    subcommands: [
      Run.self, Sweep.self, Merge.self, Plot.self, Probe.self, Recommend.self, ZoneInfo.self, Numactl.self, Sysctl.self,
      BuddyInfo.self,
      PageTypeInfo.self,
      Validate.self, Bench.self,
    ],
    defaultSubcommand: Run.self)
}
