// SPDX-License-Identifier: MIT

/// A machine as the kernel finds it at boot: nodes, CPUs, zones and NUMA tables.
public struct Machine: Hashable, Sendable {
  public var architecture: Architecture
  public var memoryModel: MemoryModel
  public var nodes: [NodeLayout]
  public var distances: DistanceMatrix
  public var latencies: LatencyMatrix

  /// Builds a machine, checking that tables and nodes agree.
  public init(
    architecture: Architecture = .x86_64, memoryModel: MemoryModel = .sparsemem,
    nodes: [NodeLayout], distances: DistanceMatrix? = nil, latencies: LatencyMatrix? = nil
  ) throws(TopologyError) {
    guard !nodes.isEmpty else { throw .invalid("a machine needs at least one node") }
    guard nodes.count <= MachineLimits.nodes else {
      throw .invalid("\(nodes.count) nodes is more than MAX_NUMNODES (\(MachineLimits.nodes))")
    }
    for (i, node) in nodes.enumerated() {
      guard node.id.index == i else {
        throw .invalid("nodes must be numbered 0...\(nodes.count - 1) in order; found node \(node.id) at position \(i)")
      }
      guard node.zones.count == architecture.zoneCount else {
        throw .invalid(
          "node \(i) has \(node.zones.count) zones; \(architecture.rawValue) has \(architecture.zoneCount)")
      }
      for (z, span) in node.zones.enumerated() {
        guard span.type == architecture.zoneTypes[z] else {
          throw .invalid(
            "node \(i) zone \(z) is \(span.type.kernelName), expected \(architecture.zoneTypes[z].kernelName)")
        }
        guard span.managed.count >= 0, span.managed <= span.present, span.present <= span.spanned else {
          throw .invalid(
            "node \(i) zone \(span.type.kernelName): need 0 <= managed (\(span.managed)) <= present (\(span.present)) <= spanned (\(span.spanned))"
          )
        }
      }
    }
    guard nodes.contains(where: \.hasMemory) else { throw .invalid("no node has memory") }
    let cpus = nodes.flatMap(\.cpus)
    guard cpus.count <= MachineLimits.cpus else {
      throw .invalid("\(cpus.count) CPUs is more than NR_CPUS (\(MachineLimits.cpus))")
    }
    guard Set(cpus).count == cpus.count else { throw .invalid("a CPU is listed on more than one node") }
    let frames = nodes.reduce(0) { sum, node in node.zones.reduce(sum) { $0 + $1.spanned.count } }
    guard frames <= MachineLimits.frames else {
      throw .invalid(
        "the machine spans \(frames) page frames; the simulator indexes at most \(MachineLimits.frames) (16 TiB)")
    }
    let d = distances ?? .uniform(nodes: nodes.count)
    guard d.nodeCount == nodes.count else {
      throw .invalid("distance matrix is \(d.nodeCount)x\(d.nodeCount) but the machine has \(nodes.count) nodes")
    }
    let l = latencies ?? .derived(from: d)
    guard l.nodeCount == nodes.count else {
      throw .invalid("latency matrix is \(l.nodeCount)x\(l.nodeCount) but the machine has \(nodes.count) nodes")
    }
    self.architecture = architecture
    self.memoryModel = memoryModel
    self.nodes = nodes
    self.distances = d
    self.latencies = l
  }

  /// `num_online_cpus()`.
  public var onlineCPUs: Int { nodes.reduce(0) { $0 + $1.cpus.count } }
  /// Every zone of every node, node-major, in `zone_idx()` order.
  public var allZones: [ZoneID] {
    nodes.flatMap { n in n.zones.indices.map { ZoneID(node: n.id, index: $0) } }
  }
  public subscript(zone id: ZoneID) -> ZoneSpan { nodes[id.node.index].zones[id.index] }
  /// The node a CPU belongs to (`cpu_to_node()`).
  public func node(of cpu: CPUID) -> NodeID? { nodes.first { $0.cpus.contains(cpu) }?.id }
}
