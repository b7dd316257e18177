// SPDX-License-Identifier: MIT

extension MachineConfig {
  static let keys = [
    "architecture", "memory_model", "nodes", "memory_per_node", "cpus_per_node", "distances", "latencies_ns",
    "local_latency_ns", "latency_per_distance_ns", "from_zoneinfo", "from_numactl", "firmware_holes", "pci_hole",
    "kernel_reserved",
  ]
  static let nodeKeys = ["memory", "cpus", "movable", "reserved", "zones"]
  static let zoneKeys = ["spanned", "present", "managed", "start_pfn"]

  /// Reads the `machine:` section.
  static func read(_ value: ConfigValue, _ r: inout ConfigReader, baseDirectory: String) -> MachineConfig? {
    guard let map = r.mapping(value, "machine", allowed: keys) else { return nil }
    var builder = TopologyBuilder()
    if let v = map["architecture"], let s = r.string(v, "machine.architecture") {
      if let a = Architecture(rawValue: s) {
        builder.architecture = a
      } else {
        r.fail(
          v, "machine.architecture",
          "'\(s)' is not one of \(Architecture.allCases.map(\.rawValue).joined(separator: ", "))")
      }
    }
    if let v = map["memory_model"], let s = r.string(v, "machine.memory_model") {
      if let m = MemoryModel(name: s) {
        builder.memoryModel = m
      } else {
        r.fail(v, "machine.memory_model", "'\(s)' is not one of FLATMEM, DISCONTIGMEM, SPARSEMEM")
      }
    }
    if let v = map["firmware_holes"], let b = r.bool(v, "machine.firmware_holes") { builder.firmwareHoles = b }
    if let v = map["pci_hole"], let b = r.size(v, "machine.pci_hole") {
      if b > 4 * ByteSize.gib {
        r.fail(v, "machine.pci_hole", "the PCI hole lies below 4 GiB; at most 4GiB")
      } else {
        builder.pciHoleBytes = b
      }
    }
    if let v = map["kernel_reserved"], let b = r.size(v, "machine.kernel_reserved") { builder.kernelReservedBytes = b }

    let sources = ["nodes", "from_zoneinfo", "from_numactl"].filter { map[$0] != nil }
    if sources.count > 1 {
      r.fail(
        value, "machine",
        "give only one of nodes, from_zoneinfo, from_numactl (found \(sources.joined(separator: ", ")))")
      return nil
    }
    var source: Source?
    var nodeCount = 0
    func resolve(_ p: String) -> String { p.hasPrefix("/") ? p : "\(baseDirectory)/\(p)" }
    if let v = map["from_zoneinfo"], let p = r.string(v, "machine.from_zoneinfo") {
      var cpus: [Int]?
      if let c = map["cpus_per_node"] { cpus = readIntOrList(c, "machine.cpus_per_node", &r) }
      source = .zoneinfo(path: resolve(p), cpusPerNode: cpus)
      nodeCount = (try? ZoneInfoImport(path: resolve(p)).zones.map(\.node).max() ?? 0).map { $0 + 1 } ?? 0
    } else if let v = map["from_numactl"], let p = r.string(v, "machine.from_numactl") {
      source = .numactl(path: resolve(p))
      nodeCount = (try? NumactlImport(path: resolve(p)).nodes.count) ?? 0
    } else if let v = map["nodes"] {
      guard let (s, n) = readNodes(v, map, &r, builder.architecture) else { return nil }
      source = s
      nodeCount = n
    }
    guard let source else {
      r.fail(value, "machine", "describe the nodes: give nodes, from_zoneinfo or from_numactl")
      return nil
    }
    var config = MachineConfig(source: source)
    config.builder = builder
    if let v = map["distances"] { config.distances = r.intMatrix(v, "machine.distances", size: nodeCount) }
    if let v = map["latencies_ns"] {
      config.latenciesNanoseconds = r.intMatrix(v, "machine.latencies_ns", size: nodeCount)
    }
    if let v = map["local_latency_ns"], let n = r.int(v, "machine.local_latency_ns", in: 1...100_000) {
      config.localLatencyNanoseconds = n
    }
    if let v = map["latency_per_distance_ns"], let d = r.double(v, "machine.latency_per_distance_ns") {
      if d < 0 || d > 1000 {
        r.fail(v, "machine.latency_per_distance_ns", "\(d) is out of range 0...1000")
      } else {
        config.latencyTenthsPerDistanceUnit = Int((d * 10).rounded())
      }
    }
    return config
  }

  static func readIntOrList(_ v: ConfigValue, _ path: String, _ r: inout ConfigReader) -> [Int]? {
    if case .sequence(let items, _) = v {
      var out: [Int] = []
      for (i, item) in items.enumerated() {
        guard let n = r.int(item, "\(path)[\(i)]", in: 0...4096) else { return nil }
        out.append(n)
      }
      return out
    }
    return r.int(v, path, in: 0...4096).map { [$0] }
  }

  /// `nodes: 2` with `memory_per_node`/`cpus_per_node`, or a list of node mappings.
  static func readNodes(
    _ v: ConfigValue, _ map: [String: ConfigValue], _ r: inout ConfigReader, _ arch: Architecture
  ) -> (Source, Int)? {
    if case .scalar = v {
      guard let count = r.int(v, "machine.nodes", in: 1...MachineLimits.nodes) else { return nil }
      guard let mv = map["memory_per_node"] else {
        r.fail(v, "machine.nodes", "with a node count, give memory_per_node (and cpus_per_node)")
        return nil
      }
      guard let memory = r.size(mv, "machine.memory_per_node") else { return nil }
      if memory > MachineLimits.bytes / count {
        r.fail(mv, "machine.memory_per_node", tooMuchMemory(memory, nodes: count))
        return nil
      }
      var cpus = 1
      if let cv = map["cpus_per_node"], let c = r.int(cv, "machine.cpus_per_node", in: 0...4096) {
        guard c * count <= MachineLimits.cpus else {
          r.fail(cv, "machine.cpus_per_node", tooManyCPUs(c * count))
          return nil
        }
        cpus = c
      }
      return (.nodes(Array(repeating: NodeSpec(memoryBytes: memory, cpuCount: cpus), count: count)), count)
    }
    guard let items = r.sequence(v, "machine.nodes") else { return nil }
    guard !items.isEmpty else {
      r.fail(v, "machine.nodes", "at least one node is needed")
      return nil
    }
    guard items.count <= MachineLimits.nodes else {
      r.fail(v, "machine.nodes", "\(items.count) nodes is more than MAX_NUMNODES (\(MachineLimits.nodes))")
      return nil
    }
    var totalCPUs = 0
    var totalBytes = 0
    var specs: [NodeSpec] = []
    var zoned: [(cpus: Int, zones: [ZoneType: ZoneSpan])] = []
    for (i, item) in items.enumerated() {
      let path = "machine.nodes[\(i)]"
      guard let node = r.mapping(item, path, allowed: nodeKeys) else { continue }
      let cpus = node["cpus"].flatMap { r.int($0, "\(path).cpus", in: 0...4096) } ?? 0
      totalCPUs += cpus
      if totalCPUs > MachineLimits.cpus, let c = node["cpus"] {
        r.fail(c, "\(path).cpus", tooManyCPUs(totalCPUs))
        return nil
      }
      if let zv = node["zones"] {
        guard let zmap = r.entries(zv, "\(path).zones") else { continue }
        var zones: [ZoneType: ZoneSpan] = [:]
        for e in zmap {
          let zpath = "\(path).zones.\(e.key)"
          guard let type = ZoneType(kernelName: e.key), arch.zoneIndex(of: type) != nil else {
            r.fail(
              at: e.keyPosition, zpath,
              "not a zone of \(arch.rawValue) (\(arch.zoneTypes.map(\.kernelName).joined(separator: ", ")))")
            continue
          }
          guard let f = r.mapping(e.value, zpath, allowed: zoneKeys) else { continue }
          let present = f["present"].flatMap { r.int($0, "\(zpath).present", in: 0...(1 << 40)) } ?? 0
          let spanned = f["spanned"].flatMap { r.int($0, "\(zpath).spanned", in: 0...(1 << 40)) } ?? present
          let managed = f["managed"].flatMap { r.int($0, "\(zpath).managed", in: 0...(1 << 40)) } ?? present
          let start = f["start_pfn"].flatMap { r.int($0, "\(zpath).start_pfn", in: 0...(1 << 40)) } ?? 0
          if !(managed <= present && present <= spanned) {
            r.fail(e.value, zpath, "need managed (\(managed)) <= present (\(present)) <= spanned (\(spanned))")
          }
          zones[type] = ZoneSpan(
            type: type, startPFN: start, spanned: Pages(spanned), present: Pages(present), managed: Pages(managed))
        }
        zoned.append((cpus, zones))
        if node["memory"] != nil { r.fail(item, path, "give either memory or zones, not both") }
      } else {
        let memory = node["memory"].flatMap { r.size($0, "\(path).memory") } ?? 0
        totalBytes += memory
        if totalBytes > MachineLimits.bytes, let m = node["memory"] {
          r.fail(m, "\(path).memory", tooMuchMemory(totalBytes, nodes: i + 1))
          return nil
        }
        let movable = node["movable"].flatMap { r.size($0, "\(path).movable") } ?? 0
        let reserved = node["reserved"].flatMap { r.size($0, "\(path).reserved") } ?? 0
        if movable > memory { r.fail(item, "\(path).movable", "movable memory exceeds the node's memory") }
        specs.append(NodeSpec(memoryBytes: memory, cpuCount: cpus, movableBytes: movable, reservedBytes: reserved))
      }
    }
    if !specs.isEmpty, !zoned.isEmpty {
      r.fail(v, "machine.nodes", "every node must use memory, or every node zones; they cannot be mixed")
      return nil
    }
    return zoned.isEmpty ? (.nodes(specs), items.count) : (.zones(zoned), items.count)
  }

  static func tooManyCPUs(_ count: Int) -> String {
    "\(count) CPUs in all is more than NR_CPUS (\(MachineLimits.cpus))"
  }

  static func tooMuchMemory(_ bytes: Int, nodes: Int) -> String {
    "\(ByteSize.describe(bytes)) on \(nodes) node\(nodes == 1 ? "" : "s") is more than the simulator's memmap indexes (\(ByteSize.describe(MachineLimits.bytes)))"
  }
}
