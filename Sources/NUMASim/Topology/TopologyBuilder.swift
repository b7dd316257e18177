// SPDX-License-Identifier: MIT

/// What a user says about one node: its RAM, its CPUs, and what boot takes from it.
public struct NodeSpec: Hashable, Sendable {
  /// Installed RAM on the node, in bytes; 0 for a memoryless node.
  public var memoryBytes: Int
  /// Number of CPUs on the node; 0 for a CPU-less node (CXL memory, for instance).
  public var cpuCount: Int
  /// RAM placed in ZONE_MOVABLE (as `movablecore=` or `movable_node` would), in bytes,
  /// rounded down to whole 128 MiB sections and taken from the top of the node.
  public var movableBytes: Int
  /// Further memblock reservations on this node (crashkernel, firmware tables), in bytes.
  public var reservedBytes: Int

  public init(memoryBytes: Int, cpuCount: Int, movableBytes: Int = 0, reservedBytes: Int = 0) {
    self.memoryBytes = memoryBytes
    self.cpuCount = cpuCount
    self.movableBytes = movableBytes
    self.reservedBytes = reservedBytes
  }
}

/// Lays out physical memory the way firmware and early boot do, and derives every zone's
/// spanned, present and managed pages.
///
/// Mirrors: `zone_spanned_pages_in_node()`, `calculate_node_totalpages()` and
/// `free_area_init_core()` in mm/mm_init.c (Linux 6.18), with memmap and memblock
/// reservations subtracted as `memblock_free_all()` leaves them.
/// - Deviation: reservations are whole-page counts placed by rule (first 1 MiB, kernel image
///   at 16 MiB, memmap top-down on its node), not a replay of the boot memblock log.
public struct TopologyBuilder: Sendable {
  public var architecture: Architecture = .x86_64
  public var memoryModel: MemoryModel = .sparsemem
  /// The x86 firmware holes: PFN 0 and 640 KiB–1 MiB (97 page frames) are not RAM.
  public var firmwareHoles = true
  /// The MMIO hole below 4 GiB; RAM that would fall in it is remapped above 4 GiB.
  /// Default 1 GiB (RAM below 4 GiB ends at 3 GiB, as on the reference 6.18 VM).
  public var pciHoleBytes = ByteSize.gib
  /// The kernel image, initrd and early allocations, reserved in the zone that holds 16 MiB.
  /// Default 9528 pages (37.2 MiB): DMA32 present − managed on the reference 6.18 VM.
  public var kernelReservedBytes = 9528 * Pages.size
  /// x86 reserves the whole first 1 MiB (`reserve_real_mode()`, 5.13+).
  public var reservesFirstMegabyte = true

  public init() {}

  /// Builds nodes from per-node specs; CPUs are numbered node by node.
  public func buildNodes(_ specs: [NodeSpec]) throws(TopologyError) -> [NodeLayout] {
    if memoryModel == .flatmem, specs.filter({ $0.memoryBytes > 0 }).count > 1 {
      throw .invalid("FLATMEM has a single memmap and cannot describe more than one memory node; use SPARSEMEM")
    }
    var ranges: [[Range<Int>]] = []
    var cursor = 0
    for (i, spec) in specs.enumerated() {
      guard spec.memoryBytes >= 0, spec.cpuCount >= 0, spec.movableBytes >= 0, spec.reservedBytes >= 0 else {
        throw .invalid("node \(i): sizes and CPU counts must not be negative")
      }
      guard spec.movableBytes <= spec.memoryBytes else {
        throw .invalid("node \(i): movable memory (\(spec.movableBytes) bytes) exceeds the node's memory")
      }
      let r = placeRAM(pages: spec.memoryBytes / Pages.size, from: cursor, isFirst: cursor == 0)
      ranges.append(r)
      if let end = r.last?.upperBound {
        let section = MemoryModel.sectionPages
        cursor = (end + section - 1) / section * section
      }
    }
    var cpu = 0
    var nodes: [NodeLayout] = []
    for (i, spec) in specs.enumerated() {
      let cpus = (cpu..<(cpu + spec.cpuCount)).map(CPUID.init)
      cpu += spec.cpuCount
      var zones = zoneSpans(ram: ranges[i], movablePages: spec.movableBytes / Pages.size)
      try reserve(&zones, ram: ranges[i], spec: spec, node: i, maxPFN: cursor)
      nodes.append(NodeLayout(id: NodeID(i), cpus: cpus, zones: zones))
    }
    return nodes
  }

  /// Builds a whole machine.
  public func buildMachine(
    _ specs: [NodeSpec], distances: DistanceMatrix? = nil, latencies: LatencyMatrix? = nil
  ) throws(TopologyError) -> Machine {
    try Machine(
      architecture: architecture, memoryModel: memoryModel, nodes: buildNodes(specs),
      distances: distances, latencies: latencies)
  }

  /// The PFN ranges of `pages` of RAM starting at `start`, around the firmware and PCI holes.
  func placeRAM(pages: Int, from start: Int, isFirst: Bool) -> [Range<Int>] {
    guard pages > 0 else { return [] }
    var holes: [Range<Int>] = []
    if firmwareHoles, isFirst { holes += [0..<1, 159..<256] }
    let fourGiB = 4 * ByteSize.gib / Pages.size
    holes.append((fourGiB - pciHoleBytes / Pages.size)..<fourGiB)
    var result: [Range<Int>] = []
    var pfn = start
    var left = pages
    for hole in holes.sorted(by: { $0.lowerBound < $1.lowerBound }) where hole.upperBound > pfn {
      if firmwareHoles, isFirst, hole.lowerBound < 256 { left -= Swift.min(hole.count, left) }
      let take = Swift.min(left, Swift.max(0, hole.lowerBound - pfn))
      if take > 0 { result.append(pfn..<(pfn + take)) }
      left -= take
      pfn = Swift.max(pfn + take, hole.upperBound)
      if left == 0 { break }
    }
    if left > 0 { result.append(pfn..<(pfn + left)) }
    return result
  }

  /// Splits a node's RAM into the architecture's zones.
  ///
  /// Mirrors: `zone_spanned_pages_in_node()` and `adjust_zone_range_for_zone_movable()` in
  /// mm/mm_init.c (Linux 6.18): a zone spans the node's range clipped to the zone's limits.
  func zoneSpans(ram: [Range<Int>], movablePages: Int) -> [ZoneSpan] {
    let types = architecture.zoneTypes
    guard let nodeStart = ram.first?.lowerBound, let nodeEnd = ram.last?.upperBound else {
      return types.map(ZoneSpan.empty)
    }
    // ZONE_MOVABLE takes whole sections from the top of the node.
    let section = MemoryModel.sectionPages
    var movableStart = nodeEnd
    var movableLeft = movablePages / section * section
    for r in ram.reversed() where movableLeft > 0 {
      let take = Swift.min(movableLeft, r.count)
      movableStart = r.upperBound - take
      movableLeft -= take
    }
    var lower = 0
    var bounds: [ZoneType: Range<Int>] = [:]
    for (type, limit) in architecture.zoneLimits {
      bounds[type] = lower..<limit.count
      lower = limit.count
    }
    let topType: ZoneType = architecture.zoneTypes.contains(.highMem) ? .highMem : .normal
    bounds[topType] = lower..<Int.max
    func present(in range: Range<Int>) -> Int {
      ram.reduce(0) { $0 + $1.clamped(to: range).count }
    }
    return types.map { type in
      let zoneRange: Range<Int>
      switch type {
      case .movable: zoneRange = movableStart..<nodeEnd
      case .device: return ZoneSpan.empty(type)
      default:
        guard let b = bounds[type] else { return ZoneSpan.empty(type) }
        zoneRange = b.clamped(to: nodeStart..<movableStart)
      }
      let p = present(in: zoneRange)
      guard p > 0 else { return ZoneSpan.empty(type) }
      // The span runs from the first to one past the last present frame inside the clip.
      let first = ram.first { $0.clamped(to: zoneRange).count > 0 }!.clamped(to: zoneRange).lowerBound
      let last = ram.last { $0.clamped(to: zoneRange).count > 0 }!.clamped(to: zoneRange).upperBound
      let spanEnd = type == topType || type == .movable ? last : Swift.min(zoneRange.upperBound, nodeEnd)
      return ZoneSpan(
        type: type, startPFN: first, spanned: Pages(spanEnd - first), present: Pages(p), managed: Pages(p))
    }
  }

  /// Subtracts memblock reservations and the memmap from managed pages.
  func reserve(
    _ zones: inout [ZoneSpan], ram: [Range<Int>], spec: NodeSpec, node: Int, maxPFN: Int
  ) throws(TopologyError) {
    guard !ram.isEmpty else { return }
    let types = architecture.zoneTypes
    if node == 0, reservesFirstMegabyte {
      let low = ram.reduce(0) { $0 + $1.clamped(to: 0..<256).count }
      if let dma = types.firstIndex(of: .dma) { zones[dma].managed -= Pages(Swift.min(low, zones[dma].managed.count)) }
    }
    // Memmap and early allocations come from lowmem that is not movable, highest zone first.
    let kernelZones = types.indices.reversed().filter {
      types[$0] != .movable && types[$0] != .highMem && types[$0] != .device && zones[$0].isPopulated
    }
    func take(_ pages: Int, from order: [Int], what: String) throws(TopologyError) {
      var left = pages
      for z in order where left > 0 {
        let t = Swift.min(left, zones[z].managed.count)
        zones[z].managed -= Pages(t)
        left -= t
      }
      if left > 0 {
        throw .invalid("node \(node): \(what) (\(pages) pages) does not fit in the node's lowmem")
      }
    }
    if node == 0, kernelReservedBytes > 0 {
      // The kernel is loaded at 16 MiB (CONFIG_PHYSICAL_START): the zone above DMA first.
      let above = kernelZones.reversed().filter { types[$0] != .dma }
      try take(
        kernelReservedBytes / Pages.size, from: above + kernelZones.filter { types[$0] == .dma },
        what: "kernel reservation")
    }
    try take(spec.reservedBytes / Pages.size, from: kernelZones, what: "reserved memory")
    try take(memmapPages(ram: ram, maxPFN: maxPFN), from: kernelZones, what: "memmap")
  }

  /// Pages of `struct page` the node's memory model puts on this node.
  func memmapPages(ram: [Range<Int>], maxPFN: Int) -> Int {
    switch memoryModel {
    case .flatmem:
      return MemoryModel.memmapPages(forFrames: maxPFN)
    case .discontigmem:
      guard let s = ram.first?.lowerBound, let e = ram.last?.upperBound else { return 0 }
      return MemoryModel.memmapPages(forFrames: e - s)
    case .sparsemem:
      // Present sections, counted over the ranges in ascending order: a section two ranges
      // share is counted once.
      let section = MemoryModel.sectionPages
      var sections = 0
      var last = -1
      for r in ram.sorted(by: { $0.lowerBound < $1.lowerBound }) where !r.isEmpty {
        let first = Swift.max(r.lowerBound / section, last + 1)
        let end = (r.upperBound - 1) / section
        if end >= first { sections += end - first + 1 }
        last = Swift.max(last, end)
      }
      return sections * MemoryModel.memmapPages(forFrames: section)
    }
  }
}
