// SPDX-License-Identifier: MIT
import Testing

@testable import NUMASim

@Suite struct SimulationConfigTests {
  func errors(_ yaml: String) -> [String] {
    do {
      _ = try SimulationConfig.parse(yaml: yaml, file: "c.yaml")
      return []
    } catch {
      return error.errors.map(\.description)
    }
  }

  @Test func readsAFullMachineSection() throws {
    let c = try SimulationConfig.parse(
      yaml: """
        name: two-socket
        kernel:
          version: "6.1"
        sysctl:
          vm.min_free_kbytes: 90112
          vm.watermark_scale_factor: 150
          vm.lowmem_reserve_ratio: [256, 256, 32, 0, 0]
          transparent_hugepage: never
        machine:
          memory_model: SPARSEMEM
          nodes:
            - {memory: 16GiB, cpus: 8}
            - {memory: 16GiB, cpus: 8, movable: 4GiB}
          distances: [[10, 21], [21, 10]]
          latencies_ns: [[95, 150], [150, 95]]
        """, file: "c.yaml")
    #expect(c.name == "two-socket")
    #expect(c.kernel == KernelVersion(6, 1))
    #expect(c.sysctl.minFreeKbytes == 90112 && c.sysctl.watermarkScaleFactor == 150)
    #expect(c.sysctl.transparentHugepage == .never)
    let m = try c.machine.build(file: "c.yaml")
    #expect(m.nodes.count == 2 && m.onlineCPUs == 16)
    #expect(m.latencies[from: NodeID(1), to: NodeID(0)] == 150)
    #expect(m.nodes[1].zones[3].present.count == 4 * 262_144)
  }

  @Test func nodeCountShorthand() throws {
    let c = try SimulationConfig.parse(
      yaml: "machine: {nodes: 4, memory_per_node: 2GiB, cpus_per_node: 2}", file: "c.yaml")
    let m = try c.machine.build(file: "c.yaml")
    #expect(m.nodes.count == 4 && m.onlineCPUs == 8)
  }

  @Test func explicitZones() throws {
    let c = try SimulationConfig.parse(
      yaml: """
        machine:
          nodes:
            - cpus: 2
              zones:
                DMA: {spanned: 4095, present: 3998, managed: 3840, start_pfn: 1}
                DMA32: {spanned: 1044480, present: 782336, managed: 772808, start_pfn: 4096}
                Normal: {spanned: 5505024, present: 5505024, managed: 294912, start_pfn: 1048576}
        """, file: "c.yaml")
    let setup = KernelSetup.setUp(try c.machine.build(file: "c.yaml"))
    #expect(setup.minFreeKbytes == 67584)
    #expect(setup.zones[0][2].watermarks.min == 4650)
  }

  @Test func emptyFileIsTheDefault() throws {
    let c = try SimulationConfig.parse(yaml: "", file: "c.yaml")
    #expect(c.machine.distances == MachineConfig.default.distances)
  }

  @Test(arguments: [
    ("machine:\n  nodes: [", "c.yaml:3:1: invalid YAML"),
    (
      "sysctl:\n  vm.min_free_kbyte: 5\n",
      "c.yaml:2:3: sysctl.vm.min_free_kbyte: unknown sysctl 'vm.min_free_kbyte'; did you mean vm.min_free_kbytes?"
    ),
    ("kernel:\n  version: 9.9\n", "c.yaml:2:12: kernel.version: 9.9 is outside the modelled range"),
    ("machin:\n  nodes: 2\n", "c.yaml:1:1: machin: unknown key; did you mean machine?"),
    ("machine:\n  nodes: 2\n  memory_per_node: lots\n", "c.yaml:3:20: machine.memory_per_node: expected a size"),
    ("machine:\n  nodes:\n    - {memory: 1GiB, cpus: -1}\n", "machine.nodes[0].cpus: -1 is out of range"),
    ("machine:\n  nodes: 2\n  memory_per_node: 1GiB\n  distances: [[10, 20]]\n", "machine.distances: expected 2 rows"),
    (
      "machine:\n  nodes: 2\n  memory_per_node: 1GiB\n  distances: [[10, 20], [20]]\n",
      "machine.distances[1]: expected 2 entries"
    ),
    ("sysctl:\n  vm.swappiness: 300\n", "c.yaml:2:18: sysctl.vm.swappiness: vm.swappiness: 300 is out of range"),
    ("machine:\n  from_zoneinfo: a\n  from_numactl: b\n", "give only one of"),
    ("- 1\n- 2\n", "expected a mapping"),
    ("sysctl:\n  vm.swappiness: 1\n  vm.swappiness: 2\n", "c.yaml:2:3: vm.swappiness: duplicate key"),
  ])
  func reportsProblemsWithTheirPlace(yaml: String, expected: String) {
    let e = errors(yaml)
    #expect(e.contains { $0.contains(expected) }, "\(e)")
  }

  @Test func reportsEveryProblemInOnePass() {
    let e = errors("sysctl:\n  vm.swappiness: 300\n  vm.watermark_scale_factor: 0\nmachin: 1\n")
    #expect(e.count == 3)
  }

  @Test func sysctlIncludeReadsASysctlDump() throws {
    let c = try SimulationConfig.parse(
      yaml: "sysctl:\n  include: local-6.18.sysctl-vm.txt\n", file: "c.yaml",
      baseDirectory: Fixtures.path("local-6.18.sysctl-vm.txt").replacingOccurrences(
        of: "/local-6.18.sysctl-vm.txt", with: ""))
    #expect(c.sysctl.minFreeKbytes == 67584)
    #expect(c.sysctl.lowmemReserveRatio == [256, 256, 32, 0, 0])
    #expect(c.sysctl.swappiness == 60)
  }

  @Test func missingConfigFile() {
    #expect(throws: InputErrors.self) { try SimulationConfig.load(path: "/nonexistent.yaml") }
  }

  @Test func aSampleIntervalLongerThanTheRunIsRefusedAtItsKey() {
    #expect {
      try SimulationConfig.parse(yaml: "duration: 1s\nsample_interval: 2s\n", file: "c.yaml")
    } throws: { error in
      "\(error)"
        == "c.yaml:2:18: sample_interval: the sample interval (2.0 s) is longer than the measured duration (1.0 s): the run would take no samples"
    }
  }

  @Test func aRunLongerThanTheLimitIsRefused() {
    #expect {
      try SimulationConfig.parse(yaml: "duration: 2000000000s\n", file: "c.yaml")
    } throws: { error in
      "\(error)" == "c.yaml:1:11: duration: warmup + duration is longer than 1000000000 s"
    }
  }

  @Test func aNameWithAControlCharacterIsRefused() {
    #expect {
      try SimulationConfig.parse(yaml: "name: \"a\\0b\"\n", file: "c.yaml")
    } throws: { error in
      "\(error)".hasPrefix("c.yaml:1:7: name: 'a\\0b' cannot name a results folder")
    }
  }

  @Test func aWholeMachineProblemIsPlacedAtTheMachineKey() {
    #expect {
      try SimulationConfig.parse(yaml: "seed: 3\nmachine:\n  nodes: [{memory: 0, cpus: 1}]\n", file: "c.yaml")
    } throws: { error in
      "\(error)" == "c.yaml:3:3: machine: no node has memory"
    }
  }
}
