// SPDX-License-Identifier: MIT
import Foundation
import Testing

@Suite struct ErrorsCLITests {
  func expectFailure(_ args: [String], message: String) throws {
    let r = try CLIRunner.run(args)
    #expect(r.status != 0, "\(args)")
    #expect(r.stderr.contains(message), "\(r.stderr)")
    #expect(!r.stderr.contains("Fatal error"), "\(r.stderr)")
    #expect(r.stderr.split(separator: "\n").count <= 3, "\(r.stderr)")
  }

  @Test func missingFile() throws {
    try expectFailure(
      ["zoneinfo", "/nonexistent/config.yaml"],
      message: "numasim: error: /nonexistent/config.yaml: cannot read the config")
    try expectFailure(
      ["zoneinfo", "--from-zoneinfo", "/nonexistent/zi"],
      message: "/nonexistent/zi: cannot read the zoneinfo dump: no such file")
  }

  @Test func malformedZoneinfo() throws {
    let f = try CLIRunner.temporaryFile("Node 0, zone DMA\n  pages free many\n", name: "zoneinfo")
    try expectFailure(
      ["zoneinfo", "--from-zoneinfo", f],
      message: "zoneinfo:2:14: pages free: expected a number after 'pages free', found 'many'")
  }

  @Test func nonSquareDistanceMatrix() throws {
    let cfg = try CLIRunner.temporaryFile(
      "machine:\n  nodes: 2\n  memory_per_node: 1GiB\n  distances: [[10, 20], [20]]\n")
    try expectFailure(
      ["numactl", cfg], message: "config.yaml:4:25: machine.distances[1]: expected 2 entries (one per node), found 1")
  }

  @Test func badDistanceValue() throws {
    let cfg = try CLIRunner.temporaryFile(
      "machine:\n  nodes: 2\n  memory_per_node: 1GiB\n  distances: [[10, 20], [20, 12]]\n")
    try expectFailure(["numactl", cfg], message: "distance[1][1] is 12; the diagonal must be 10")
  }

  @Test func unknownSetKey() throws {
    try expectFailure(
      ["sysctl", "--set", "vm.min_free_kbyte=1"],
      message: "unknown sysctl 'vm.min_free_kbyte'; did you mean vm.min_free_kbytes?")
  }

  @Test func valueOutOfTheKernelsRange() throws {
    try expectFailure(
      ["zoneinfo", "--set", "vm.watermark_scale_factor=5000"],
      message: "5000 is out of range; the kernel accepts 1...3000")
    try expectFailure(["zoneinfo", "--kernel", "2.6"], message: "'2.6' is not a modelled kernel version")
    try expectFailure(["zoneinfo", "--cpus-per-node", "two"], message: "--cpus-per-node")
  }

  @Test func validateReportsEveryProblem() throws {
    let cfg = try CLIRunner.temporaryFile("sysctl:\n  vm.swappiness: 300\nmachin: {}\n")
    let r = try CLIRunner.run(["validate", cfg])
    #expect(r.status == 1)
    #expect(r.stderr.contains("config.yaml:2:18: sysctl.vm.swappiness: vm.swappiness: 300 is out of range"))
    #expect(r.stderr.contains("config.yaml:3:1: machin: unknown key; did you mean machine?"))
    let ok = try CLIRunner.run(["validate", try CLIRunner.temporaryFile("kernel: {version: '6.1'}\n")])
    #expect(ok.status == 0 && ok.stdout.contains(": OK (needs about "))
  }

  @Test func brokenYAML() throws {
    let cfg = try CLIRunner.temporaryFile("machine:\n  nodes: [1, 2\n")
    try expectFailure(["validate", cfg], message: "invalid YAML")
  }

  @Test func emptyConfigIsTheDefault() throws {
    let r = try CLIRunner.run(["validate", try CLIRunner.temporaryFile("")])
    #expect(r.status == 0)
  }
}
