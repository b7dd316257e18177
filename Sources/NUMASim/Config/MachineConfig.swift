// SPDX-License-Identifier: MIT

/// The `machine:` section: how to build the simulated machine.
public struct MachineConfig: Sendable {
  /// Where the nodes and zones come from.
  public enum Source: Sendable {
    /// Per-node RAM and CPUs, laid out by ``TopologyBuilder``.
    case nodes([NodeSpec])
    /// Zones given directly, per node (spanned, present, managed, start PFN), with CPU counts.
    case zones([(cpus: Int, zones: [ZoneType: ZoneSpan])])
    /// A real `/proc/zoneinfo` (path resolved against the config's folder).
    case zoneinfo(path: String, cpusPerNode: [Int]?)
    /// Real `numactl -H` output.
    case numactl(path: String)
  }

  public var source: Source
  public var builder = TopologyBuilder()
  public var distances: [[Int]]?
  public var latenciesNanoseconds: [[Int]]?
  public var localLatencyNanoseconds = LatencyMatrix.defaultLocalNanoseconds
  public var latencyTenthsPerDistanceUnit = LatencyMatrix.defaultTenthsOfNanosecondsPerDistanceUnit

  public init(source: Source) { self.source = source }

  /// The built-in default: two nodes of 4 GiB with 4 CPUs each, SLIT 10/21.
  public static let `default`: MachineConfig = {
    var m = MachineConfig(
      source: .nodes([
        NodeSpec(memoryBytes: 4 * ByteSize.gib, cpuCount: 4), NodeSpec(memoryBytes: 4 * ByteSize.gib, cpuCount: 4),
      ]))
    m.distances = [[10, 21], [21, 10]]
    return m
  }()

  /// Builds the machine; `file` names the config in errors.
  public func build(file: String) throws(InputError) -> Machine {
    let machine: Machine
    do {
      switch source {
      case .nodes(let specs):
        let d = try distances.map { rows throws(TopologyError) in try DistanceMatrix(rows) }
        let l = try latencies(nodeCount: specs.count, distances: d ?? .uniform(nodes: specs.count))
        machine = try builder.buildMachine(specs, distances: d, latencies: l)
      case .zones(let nodes):
        var cpu = 0
        let layouts = nodes.enumerated().map { i, n in
          defer { cpu += n.cpus }
          return NodeLayout(
            id: NodeID(i), cpus: (cpu..<(cpu + n.cpus)).map(CPUID.init),
            zones: builder.architecture.zoneTypes.map { n.zones[$0] ?? .empty($0) })
        }
        let d = try distances.map { rows throws(TopologyError) in try DistanceMatrix(rows) }
        let l = try latencies(nodeCount: layouts.count, distances: d ?? .uniform(nodes: layouts.count))
        machine = try Machine(
          architecture: builder.architecture, memoryModel: builder.memoryModel, nodes: layouts, distances: d,
          latencies: l)
      case .zoneinfo(let path, let cpus):
        let dump = try ZoneInfoImport(path: path)
        let nodeCount = (dump.zones.map(\.node).max() ?? 0) + 1
        let d = try distances.map { rows throws(TopologyError) in try DistanceMatrix(rows) }
        var m = try dump.machine(cpusPerNode: cpus, distances: d)
        m.latencies = try latencies(nodeCount: nodeCount, distances: m.distances)
        machine = m
      case .numactl(let path):
        var m = try NumactlImport(path: path).machine(builder: builder)
        m.latencies = try latencies(nodeCount: m.nodes.count, distances: m.distances)
        machine = m
      }
    } catch let e as InputError {
      throw e
    } catch {
      throw InputError(file: file, keyPath: "machine", message: "\(error)")
    }
    return machine
  }

  func latencies(nodeCount: Int, distances: DistanceMatrix) throws(TopologyError) -> LatencyMatrix {
    if let rows = latenciesNanoseconds { return try LatencyMatrix(rows, nodeCount: nodeCount) }
    return .derived(
      from: distances, localNanoseconds: localLatencyNanoseconds,
      tenthsOfNanosecondsPerDistanceUnit: latencyTenthsPerDistanceUnit)
  }
}
