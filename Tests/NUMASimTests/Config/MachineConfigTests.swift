// SPDX-License-Identifier: MIT
import Testing

@testable import NUMASim

@Suite struct MachineConfigTests {
  @Test func theDefaultIsTwoNodesOfFourGiBAndFourCPUs() throws {
    let config = MachineConfig.default
    guard case .nodes(let specs) = config.source else {
      Issue.record("the default is not a list of nodes")
      return
    }
    #expect(specs == Array(repeating: NodeSpec(memoryBytes: 4 << 30, cpuCount: 4), count: 2))
    #expect(config.distances == [[10, 21], [21, 10]])
    #expect(config.latenciesNanoseconds == nil)
    #expect(config.localLatencyNanoseconds == 107)
    #expect(config.latencyTenthsPerDistanceUnit == 42)
  }

  @Test func buildsTheDefaultMachine() throws {
    let machine = try MachineConfig.default.build(file: "c.yaml")
    #expect(machine.nodes.count == 2)
    #expect(machine.nodes.map { $0.cpus.map(\.index) } == [[0, 1, 2, 3], [4, 5, 6, 7]])
    #expect(machine.distances.rows == [[10, 21], [21, 10]])
    // 107 + ((21 - 10) × 4.2 ns, rounded) = 107 + 46.
    #expect(machine.latencies.rows == [[107, 153], [153, 107]])
    #expect(machine.architecture == .x86_64)
  }

  @Test func givenLatenciesReplaceTheDerivedOnes() throws {
    var config = MachineConfig.default
    config.latenciesNanoseconds = [[90, 200], [210, 95]]
    #expect(try config.build(file: "c.yaml").latencies.rows == [[90, 200], [210, 95]])
  }

  @Test func theSlopeAndLocalLatencyShapeDerivedLatencies() throws {
    var config = MachineConfig.default
    config.localLatencyNanoseconds = 80
    config.latencyTenthsPerDistanceUnit = 100
    #expect(try config.build(file: "c.yaml").latencies.rows == [[80, 190], [190, 80]])
  }

  @Test func withoutDistancesNodesAreUniformlyRemote() throws {
    let config = MachineConfig(
      source: .nodes([NodeSpec(memoryBytes: 1 << 30, cpuCount: 1), NodeSpec(memoryBytes: 1 << 30, cpuCount: 2)]))
    let machine = try config.build(file: "c.yaml")
    #expect(machine.distances.rows == [[10, 20], [20, 10]])
    #expect(machine.latencies.rows == [[107, 149], [149, 107]])
    #expect(machine.nodes.map { $0.cpus.map(\.index) } == [[0], [1, 2]])
  }

  @Test func zonesAreTakenAsGivenAndCPUsNumberedAcrossNodes() throws {
    let normal = ZoneSpan(
      type: .normal, startPFN: 0x10_0000, spanned: Pages(4096), present: Pages(4000), managed: Pages(3900))
    let dma32 = ZoneSpan(type: .dma32, startPFN: 4096, spanned: Pages(8192), present: Pages(8192), managed: Pages(8000))
    let config = MachineConfig(
      source: .zones([(cpus: 2, zones: [.dma32: dma32]), (cpus: 3, zones: [.normal: normal])]))
    let machine = try config.build(file: "c.yaml")
    #expect(machine.nodes.map { $0.cpus.map(\.index) } == [[0, 1], [2, 3, 4]])
    #expect(machine.nodes[0].zones.map(\.type) == [.dma, .dma32, .normal, .movable, .device])
    #expect(machine.nodes[0].zones[1] == dma32)
    #expect(machine.nodes[0].zones[2] == .empty(.normal))
    #expect(machine.nodes[1].zones[2] == normal)
    #expect(machine.nodes[1].zones[1] == .empty(.dma32))
  }

  @Test func topologyProblemsBecomeInputErrorsAboutTheMachine() {
    var config = MachineConfig.default
    config.distances = [[10, 5], [5, 10]]
    #expect(
      throws: InputError(
        file: "c.yaml", keyPath: "machine", message: "distance[0][1] is 5; off-diagonal distances must be 11...255")
    ) {
      try config.build(file: "c.yaml")
    }
    var latencies = MachineConfig.default
    latencies.latenciesNanoseconds = [[100, 0], [150, 100]]
    let error = #expect(throws: InputError.self) { try latencies.build(file: "c.yaml") }
    #expect(error?.description == "c.yaml: machine: latency[0][1] is 0 ns; latencies must be positive")
  }

  @Test func aMissingZoneinfoIsAnError() {
    let config = MachineConfig(source: .zoneinfo(path: "/nonexistent/zoneinfo", cpusPerNode: nil))
    #expect(throws: InputError.self) { try config.build(file: "c.yaml") }
  }

  @Test func buildsFromARealZoneinfo() throws {
    let config = MachineConfig(source: .zoneinfo(path: Fixtures.path("local-6.18.zoneinfo"), cpusPerNode: [2]))
    let machine = try config.build(file: "c.yaml")
    #expect(machine.nodes.count == 1)
    #expect(machine.nodes[0].cpus.count == 2)
    #expect(machine.nodes[0].zones[1].managed == Pages(772_808))
    #expect(machine.latencies.rows == [[107]])
  }
}
