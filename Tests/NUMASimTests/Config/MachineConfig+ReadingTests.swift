// SPDX-License-Identifier: MIT
import Foundation
import Testing

@testable import NUMASim

@Suite struct MachineConfigReadingTests {
  /// Reads the `machine:` section of `yaml`; relative paths are resolved against `base`.
  static func read(_ yaml: String, base: String = "/configs") throws -> (MachineConfig?, [String]) {
    let root = try ConfigValue.parse(yaml: yaml, file: "m.yaml")
    var r = ConfigReader(file: "m.yaml")
    guard case .mapping(let entries, _) = root, let section = entries.first?.value else {
      Issue.record("no machine section")
      return (nil, [])
    }
    let config = MachineConfig.read(section, &r, baseDirectory: base)
    return (config, r.errors.map(\.description))
  }

  static func errors(_ yaml: String) throws -> [String] { try read(yaml).1 }

  @Test func aNodeCountWithPerNodeSizes() throws {
    let (config, errors) = try Self.read("machine:\n  nodes: 3\n  memory_per_node: 2GiB\n  cpus_per_node: 8\n")
    #expect(errors.isEmpty)
    guard case .nodes(let specs) = config?.source else {
      Issue.record("not a list of nodes")
      return
    }
    #expect(specs == Array(repeating: NodeSpec(memoryBytes: 2 << 30, cpuCount: 8), count: 3))
  }

  @Test func cpusPerNodeDefaultsToOne() throws {
    let (config, _) = try Self.read("machine:\n  nodes: 1\n  memory_per_node: 512MiB\n")
    guard case .nodes(let specs) = config?.source else {
      Issue.record("not a list of nodes")
      return
    }
    #expect(specs == [NodeSpec(memoryBytes: 512 << 20, cpuCount: 1)])
  }

  @Test func aListOfNodeMappings() throws {
    let yaml = """
      machine:
        architecture: i386
        memory_model: sparsemem_vmemmap
        firmware_holes: false
        pci_hole: 512MiB
        kernel_reserved: 16MiB
        nodes:
          - {memory: 2GiB, cpus: 2, movable: 1GiB, reserved: 64MiB}
          - {memory: 1GiB}
        distances: [[10, 30], [30, 10]]
        local_latency_ns: 90
        latency_per_distance_ns: 0.35
      """
    let (config, errors) = try Self.read(yaml)
    #expect(errors.isEmpty)
    let c = try #require(config)
    guard case .nodes(let specs) = c.source else {
      Issue.record("not a list of nodes")
      return
    }
    #expect(
      specs == [
        NodeSpec(memoryBytes: 2 << 30, cpuCount: 2, movableBytes: 1 << 30, reservedBytes: 64 << 20),
        NodeSpec(memoryBytes: 1 << 30, cpuCount: 0),
      ])
    #expect(c.builder.architecture == .i386)
    #expect(c.builder.memoryModel == .sparsemem)
    #expect(!c.builder.firmwareHoles)
    #expect(c.builder.pciHoleBytes == 512 << 20)
    #expect(c.builder.kernelReservedBytes == 16 << 20)
    #expect(c.distances == [[10, 30], [30, 10]])
    #expect(c.localLatencyNanoseconds == 90)
    // 0.35 ns is 3.5 tenths, rounded half away from zero.
    #expect(c.latencyTenthsPerDistanceUnit == 4)
  }

  @Test func zonesGivenPerNode() throws {
    let yaml = """
      machine:
        nodes:
          - cpus: 2
            zones:
              DMA32: {spanned: 1000, present: 900, managed: 800, start_pfn: 4096}
              normal: {present: 50}
      """
    let (config, errors) = try Self.read(yaml)
    #expect(errors.isEmpty)
    guard case .zones(let nodes) = config?.source else {
      Issue.record("not zones")
      return
    }
    #expect(nodes.count == 1)
    #expect(nodes[0].cpus == 2)
    #expect(
      nodes[0].zones == [
        .dma32: ZoneSpan(type: .dma32, startPFN: 4096, spanned: Pages(1000), present: Pages(900), managed: Pages(800)),
        .normal: ZoneSpan(type: .normal, startPFN: 0, spanned: Pages(50), present: Pages(50), managed: Pages(50)),
      ])
  }

  @Test func relativeImportPathsAreResolvedAgainstTheConfigFolder() throws {
    let folder = try Fixtures.temporaryFolder("machine")
    defer { try? FileManager.default.removeItem(atPath: folder) }
    try Fixtures.text("local-6.18.zoneinfo").write(toFile: folder + "/zi.txt", atomically: true, encoding: .utf8)
    let (config, errors) = try Self.read(
      "machine:\n  from_zoneinfo: zi.txt\n  cpus_per_node: [2]\n  distances: [[10]]\n", base: folder)
    #expect(errors.isEmpty)
    guard case .zoneinfo(let path, let cpus) = config?.source else {
      Issue.record("not a zoneinfo source")
      return
    }
    #expect(path == folder + "/zi.txt")
    #expect(cpus == [2])
    #expect(config?.distances == [[10]])
    let (absolute, _) = try Self.read("machine:\n  from_numactl: /tmp/numactl.txt\n")
    guard case .numactl(let p) = absolute?.source else {
      Issue.record("not a numactl source")
      return
    }
    #expect(p == "/tmp/numactl.txt")
  }

  @Test func aSingleCPUCountForAZoneinfoIsAOneEntryList() throws {
    let (config, _) = try Self.read("machine:\n  from_zoneinfo: /nonexistent\n  cpus_per_node: 4\n")
    guard case .zoneinfo(_, let cpus) = config?.source else {
      Issue.record("not a zoneinfo source")
      return
    }
    #expect(cpus == [4])
  }

  @Test(arguments: [
    (
      "machine:\n  architecture: sparc\n  nodes: 1\n  memory_per_node: 1G\n",
      "m.yaml:2:17: machine.architecture: 'sparc' is not one of x86_64, i386, arm"
    ),
    (
      "machine:\n  memory_model: paged\n  nodes: 1\n  memory_per_node: 1G\n",
      "m.yaml:2:17: machine.memory_model: 'paged' is not one of FLATMEM, DISCONTIGMEM, SPARSEMEM"
    ),
    (
      "machine:\n  pci_hole: 5GiB\n  nodes: 1\n  memory_per_node: 1G\n",
      "m.yaml:2:13: machine.pci_hole: the PCI hole lies below 4 GiB; at most 4GiB"
    ),
    (
      "machine:\n  nodes: 1\n  from_numactl: n.txt\n",
      "m.yaml:2:3: machine: give only one of nodes, from_zoneinfo, from_numactl (found nodes, from_numactl)"
    ),
    (
      "machine:\n  cpus_per_node: 2\n",
      "m.yaml:2:3: machine: describe the nodes: give nodes, from_zoneinfo or from_numactl"
    ),
    (
      "machine:\n  nodes: 2\n",
      "m.yaml:2:10: machine.nodes: with a node count, give memory_per_node (and cpus_per_node)"
    ),
    ("machine:\n  nodes: 0\n  memory_per_node: 1G\n", "m.yaml:2:10: machine.nodes: 0 is out of range 1...1024"),
    ("machine:\n  nodes: []\n", "m.yaml:2:10: machine.nodes: at least one node is needed"),
    ("machine:\n  nodes: {memory: 1G}\n", "m.yaml:2:10: machine.nodes: expected a list"),
    (
      "machine:\n  nodes:\n    - {memory: 1G, movable: 2G}\n",
      "m.yaml:3:7: machine.nodes[0].movable: movable memory exceeds the node's memory"
    ),
    (
      "machine:\n  nodes:\n    - {memory: 1G, zones: {Normal: {present: 5}}}\n",
      "m.yaml:3:7: machine.nodes[0]: give either memory or zones, not both"
    ),
    (
      "machine:\n  nodes:\n    - {zones: {HighMem: {present: 5}}}\n",
      "m.yaml:3:16: machine.nodes[0].zones.HighMem: not a zone of x86_64 (DMA, DMA32, Normal, Movable, Device)"
    ),
    (
      "machine:\n  nodes:\n    - {zones: {Normal: {present: 5, managed: 6}}}\n",
      "m.yaml:3:24: machine.nodes[0].zones.Normal: need managed (6) <= present (5) <= spanned (5)"
    ),
    (
      "machine:\n  nodes:\n    - {zones: {Normal: {present: 5, spanned: 4}}}\n",
      "m.yaml:3:24: machine.nodes[0].zones.Normal: need managed (5) <= present (5) <= spanned (4)"
    ),
    (
      "machine:\n  nodes:\n    - {zones: {Normal: {pages: 5}}}\n",
      "m.yaml:3:25: machine.nodes[0].zones.Normal.pages: unknown key; expected one of spanned, present, managed, start_pfn"
    ),
    (
      "machine:\n  nodes:\n    - {memory: 1G}\n    - {zones: {Normal: {present: 5}}}\n",
      "m.yaml:3:5: machine.nodes: every node must use memory, or every node zones; they cannot be mixed"
    ),
    (
      "machine:\n  nodes: 2\n  memory_per_node: 1G\n  distances: [[10, 20]]\n",
      "m.yaml:4:14: machine.distances: expected 2 rows (one per node), found 1"
    ),
    (
      "machine:\n  nodes: 1\n  memory_per_node: 1G\n  local_latency_ns: 0\n",
      "m.yaml:4:21: machine.local_latency_ns: 0 is out of range 1...100000"
    ),
    (
      "machine:\n  nodes: 1\n  memory_per_node: 1G\n  latency_per_distance_ns: 2000\n",
      "m.yaml:4:28: machine.latency_per_distance_ns: 2000.0 is out of range 0...1000"
    ),
    (
      "machine:\n  nodes: 1\n  memory_per_node: 1G\n  latency_per_distance_ns: -0.5\n",
      "m.yaml:4:28: machine.latency_per_distance_ns: -0.5 is out of range 0...1000"
    ),
    (
      "machine:\n  from_zoneinfo: z\n  cpus_per_node: [1, 5000]\n",
      "m.yaml:3:22: machine.cpus_per_node[1]: 5000 is out of range 0...4096"
    ),
  ])
  func badSectionsPointAtTheOffendingValue(yaml: String, message: String) throws {
    #expect(try Self.errors(yaml) == [message])
  }

  @Test func unknownKeysAreReportedWithASuggestion() throws {
    #expect(
      try Self.errors("machine:\n  node: 2\n") == [
        "m.yaml:2:3: machine.node: unknown key; did you mean nodes?",
        "m.yaml:2:3: machine: describe the nodes: give nodes, from_zoneinfo or from_numactl",
      ])
  }

  @Test func theSectionMustBeAMapping() throws {
    let (config, errors) = try Self.read("machine: 2\n")
    #expect(config == nil)
    #expect(
      errors == [
        "m.yaml:1:10: machine: expected a mapping of keys (architecture, memory_model, nodes, memory_per_node, "
          + "cpus_per_node, distances, ...)"
      ])
  }

  @Test func everyBadNodeIsReported() throws {
    let errors = try Self.errors("machine:\n  nodes:\n    - {memory: lots}\n    - {memory: 1G, cpus: -1}\n")
    #expect(
      errors == [
        "m.yaml:3:16: machine.nodes[0].memory: expected a size such as 16GiB, 512MiB or 4096 (bytes), found 'lots'",
        "m.yaml:4:26: machine.nodes[1].cpus: -1 is out of range 0...4096",
      ])
  }
}
