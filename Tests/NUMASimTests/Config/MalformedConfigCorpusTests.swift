// SPDX-License-Identifier: MIT
import Foundation
import Testing

@testable import NUMASim

/// Every file of `Fixtures/malformed/` with the exact errors `numasim validate` prints for it.
@Suite struct MalformedConfigCorpusTests {
  static let folder = Fixtures.path("malformed")

  /// What `numasim validate` reports: the config as a run reads it, then its sweep point by point.
  static func problems(_ name: String) -> [String] {
    let path = "\(folder)/\(name)"
    var request = MachineRequest()
    request.configPath = path
    do {
      let result = try request.resolve()
      if result.config.sweep != nil { _ = try ConfigSweep.load(path: path) }
      return []
    } catch {
      return error.errors.map { $0.description.replacingOccurrences(of: folder + "/", with: "") }
    }
  }

  static let corpus: [(String, [String])] = [
    (
      "broken-yaml.yaml",
      ["broken-yaml.yaml:4:1: invalid YAML: while parsing a flow sequence did not find expected ',' or ']'"]
    ),
    (
      "wrong-types.yaml",
      [
        "wrong-types.yaml:4:11: duration: expected a duration such as 100ms, 2s or 500us, found 'fast'",
        "wrong-types.yaml:5:7: seed: expected a non-negative integer, found '-3'",
      ]
    ),
    (
      "unknown-keys.yaml",
      [
        "unknown-keys.yaml:6:1: warmpu: unknown key; did you mean warmup?",
        "unknown-keys.yaml:2:3: sysctl.vm.min_free_kbyte: unknown sysctl 'vm.min_free_kbyte'; did you mean vm.min_free_kbytes?",
        "unknown-keys.yaml:5:3: machine.memory_per_nod: unknown key; did you mean memory_per_node?",
        "unknown-keys.yaml:4:10: machine.nodes: with a node count, give memory_per_node (and cpus_per_node)",
      ]
    ),
    (
      "bad-distances.yaml",
      ["bad-distances.yaml:6:7: machine.distances[1]: expected 3 entries (one per node), found 2"]
    ),
    (
      "bad-latencies.yaml",
      ["bad-latencies.yaml:4:18: machine.latencies_ns[0]: expected 2 entries (one per node), found 3"]
    ),
    ("missing-zoneinfo.yaml", ["no-such-zoneinfo.txt: cannot read the zoneinfo dump: no such file"]),
    (
      "missing-include.yaml",
      ["missing-include.yaml:2:12: sysctl.include: cannot read the sysctl file: no such file: no-such-sysctl.conf"]
    ),
    (
      "huge-numbers.yaml",
      [
        "huge-numbers.yaml:2:23: sysctl.vm.min_free_kbytes: vm.min_free_kbytes: '99999999999999999999999' is not an integer",
        "huge-numbers.yaml:5:16: machine.nodes[0].memory: expected a size such as 16GiB, 512MiB or 4096 (bytes), found '99999PiB'",
      ]
    ),
    (
      "negative-sizes.yaml",
      [
        "negative-sizes.yaml:3:16: machine.nodes[0].memory: expected a size such as 16GiB, 512MiB or 4096 (bytes), found '-4GiB'",
        "negative-sizes.yaml:5:9: swap.size: expected a size such as 16GiB, 512MiB or 4096 (bytes), found '-1GiB'",
      ]
    ),
    (
      "impossible-workload.yaml",
      [
        "impossible-workload.yaml:7:11: workload[0].node: node 1 has no CPUs; pin the group with cpus",
        "impossible-workload.yaml:10:15: workload[1].cpus[1]: CPU 7 does not exist (the machine has 2 CPUs, 0-1)",
        "impossible-workload.yaml:12:13: workload[1].policy: node 5 does not exist (the machine has 2)",
      ]
    ),
    (
      "bad-sweep.yaml",
      [
        "bad-sweep.yaml:4:15: sweep.replicates: at least 1 replicate is needed, found 0",
        "bad-sweep.yaml:3:38: sweep.grid.sysctl.vm.min_free_kbytes.log: a log range needs both ends > 0, found [0, 1024]",
      ]
    ),
  ]

  @Test(arguments: corpus)
  func reportsExactlyWhereAndWhat(file: String, expected: [String]) {
    #expect(Self.problems(file) == expected)
  }

  @Test func anEmptyFileIsTheDefaultMachine() throws {
    #expect(Self.problems("empty.yaml").isEmpty)
    let config = try SimulationConfig.load(path: "\(Self.folder)/empty.yaml")
    #expect(config.name == "empty")
    #expect(config.workload == (try SimulationConfig.builtIn().workload))
  }

  @Test func everyFileInTheCorpusIsCovered() throws {
    let files = try FileManager.default.contentsOfDirectory(atPath: Self.folder).filter { $0.hasSuffix(".yaml") }
    #expect(Set(files) == Set(Self.corpus.map(\.0) + ["empty.yaml"]))
  }
}
