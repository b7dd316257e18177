// SPDX-License-Identifier: MIT

/// The run summary taken from a finished model: the one place that reads the model's
/// internals for output.
extension RunSummary {
  init(model m: borrowing SimulationModel, config: SimulationConfig, setup: MachineSetup, events: UInt64) {
    let s = m.stats
    name = config.name
    seed = config.seed
    self.setup = setup
    warmup = config.warmup
    duration = config.duration
    self.events = events
    counters = m.allocator.counters
    countersMeasured = m.allocator.counters.since(s.baseline ?? VMCounters(zoneCount: m.allocator.zonesPerNode))
    numaMeasured = NUMAStat.allCases.map { stat in
      (0..<m.allocator.zoneCount).reduce(0) {
        let i = $1 * NUMAStat.count + stat.rawIndex
        return $0 &+ (m.allocator.numaStats[i] &- (s.baselineNUMA.isEmpty ? 0 : s.baselineNUMA[i]))
      }
    }
    let samples = Double(Swift.max(s.samples, 1))
    zones = m.allocator.zones.elements.enumerated().filter { $0.element.isManaged }.map { z, zone in
      ZoneSummary(
        flatIndex: z, node: zone.id.node.index, type: zone.type,
        belowMinPercent: Double(s.belowMin[z]) / samples * 100, belowLowPercent: Double(s.belowLow[z]) / samples * 100,
        belowHighPercent: Double(s.belowHigh[z]) / samples * 100)
    }
    kswapdCPUPercent = s.kswapdNanoseconds.map { Double($0) / 1e9 / config.duration.seconds * 100 }
    stats = s
    // Open-loop groups' idle CPU time in the window, and closed-loop threads' stalls.
    lostNanoseconds =
      m.workload.lostNanoseconds &- s.baselineLostNanoseconds &+ s.programs.stallNanoseconds.reduce(0, &+)
    groupNames = m.workload.groups.map(\.group.name)
    programGroups = m.workload.programs.enumerated().compactMap { g, program in
      program.map { p in
        ProgramGroupSummary(
          group: g, threads: p.program.threads,
          passes: m.workload.threads.reduce(0) { $0 + ($1.group == g ? $1.iteration : 0) })
      }
    }
    zoneinfo = Self.snapshot(m, setup)
  }

  /// The end-of-run `/proc/zoneinfo` state.
  ///
  /// The LRU counters come from the lists (per zone and per node), `nr_free_pages_blocks` from
  /// the free lists of pageblock order and above (6.15+'s `account_freepages()`), and the
  /// node's `nr_anon_pages`, `nr_file_pages`, `nr_mapped`, `nr_dirty` and `nr_writeback` from
  /// its LRU and writeback state (every anonymous folio is mapped; all page cache is on the LRU).
  static func snapshot(_ m: borrowing SimulationModel, _ setup: MachineSetup) -> ZoneInfoSnapshot {
    var snapshot = ZoneInfoSnapshot.boot(setup)
    let writePending = (0..<m.reclaim.nodes.count).map { m.reclaim.writePending(m.allocator, node: $0) }
    let zoneLists: [(ZoneStat, LRUList)] = [
      (.nrZoneInactiveAnon, .inactiveAnon), (.nrZoneActiveAnon, .activeAnon), (.nrZoneInactiveFile, .inactiveFile),
      (.nrZoneActiveFile, .activeFile), (.nrZoneUnevictable, .unevictable),
    ]
    for (z, zone) in m.allocator.zones.elements.enumerated() {
      let n = zone.id.node.index
      let i = zone.id.index
      snapshot.zones[n][i].freePages = zone.freePages
      snapshot.zones[n][i].boost = zone.watermarks.boost
      snapshot.zones[n][i].zoneStats[ZoneStat.nrFreePages.index] = zone.freePages
      var blocks = 0
      for order in Buddy.pageblockOrder..<Buddy.orderCount {
        blocks += m.allocator.nrFree[z * Buddy.orderCount + order] << order
      }
      snapshot.zones[n][i].zoneStats[ZoneStat.nrFreePagesBlocks.index] = blocks
      for (stat, list) in zoneLists {
        snapshot.zones[n][i].zoneStats[stat.index] = m.reclaim.nodes[n].lruvec.size(list, zone: i)
      }
      snapshot.zones[n][i].zoneStats[ZoneStat.nrZoneWritePending.index] = writePending[n][i]
      for stat in NUMAStat.allCases {
        snapshot.zones[n][i].numaStats[stat.index] = Int(m.allocator.numaStats[z * NUMAStat.count + stat.rawIndex])
      }
      for cpu in 0..<m.allocator.cpuCount {
        snapshot.zones[n][i].pcpCount[cpu] = Int(m.allocator.pcp[m.allocator.pcpIndex(cpu: cpu, zone: z)].count)
        snapshot.zones[n][i].pcpHigh[cpu] = Int(m.allocator.pcp[m.allocator.pcpIndex(cpu: cpu, zone: z)].high)
      }
    }
    for (n, node) in m.reclaim.nodes.enumerated() {
      for l in LRUList.allCases {
        if let stat = NodeStat(rawValue: l.kernelName) { snapshot.nodeStats[n][stat.index] = node.lruvec.size(l) }
      }
      let lru = node.lruvec
      snapshot.nodeStats[n][NodeStat.nrAnonPages.index] = lru.size(.inactiveAnon) + lru.size(.activeAnon)
      snapshot.nodeStats[n][NodeStat.nrFilePages.index] = lru.size(.inactiveFile) + lru.size(.activeFile)
      snapshot.nodeStats[n][NodeStat.nrMapped.index] = node.fileMapped
      snapshot.nodeStats[n][NodeStat.nrDirty.index] = node.fileDirty
      snapshot.nodeStats[n][NodeStat.nrWriteback.index] = node.writeback.pages
      snapshot.nodeUnreclaimable[n] = node.isHopeless
    }
    return snapshot
  }
}
