// SPDX-License-Identifier: MIT

/// One entry's warm pages on one node: what each of the node's zones gives, and the groups
/// that share them with their weights.
public struct WarmStartFill: Sendable {
  var groups: [Int]
  var weights: [Double]
  /// Flat zone indices and the base pages each gives.
  var zones: [Int]
  var pages: [Int]
}

extension SimulationConfig {
  /// Works out where each `initial_state:` entry's pages go, from the machine at boot (every
  /// managed page free) and the entries before it (``WarmStart``): a zone gives what it has
  /// above its high mark plus its `lowmem_reserve` for the groups' `gfp_zone()`, as
  /// `zone_watermark_ok()` would let their own allocations take it.
  /// - Throws: ``InputErrors`` at an entry's `pages` when its nodes lack the room.
  public func planWarmStart(setup: MachineSetup) throws(InputErrors) -> [WarmStartFill] {
    guard let workload, !initialState.isEmpty else { return [] }
    let zonesPerNode = setup.zones.first?.count ?? 0
    let zones = setup.zones.flatMap { $0 }
    var taken = Array(repeating: 0, count: zones.count)
    var fills: [WarmStartFill] = []
    let arch = setup.machine.architecture
    for entry in initialState.entries {
      let highest = entry.groups.map { workload.groups[$0].gfp.highestZoneIndex(on: arch) }.min() ?? 0
      var rooms: [WarmStart.ZoneRoom] = []
      for node in entry.nodes {
        for i in 0..<zonesPerNode where i <= highest {
          let z = node * zonesPerNode + i
          let zone = zones[z]
          let managed = zone.span.managed.count
          guard managed > 0 else { continue }
          let keep = zone.watermarks.high + (highest < zone.lowmemReserve.count ? zone.lowmemReserve[highest] : 0)
          rooms.append(WarmStart.ZoneRoom(zone: z, room: Swift.max(managed - keep - taken[z], 0)))
        }
      }
      let wanted: Int
      switch entry.amount {
      case .full: wanted = rooms.reduce(0) { $0 + $1.room }
      case .pages(let n): wanted = n
      case .fraction(let f):
        let managed = entry.nodes.reduce(0) { sum, n in sum + setup.zones[n].reduce(0) { $0 + $1.span.managed.count } }
        wanted = Int((Double(managed) * f).rounded(.down))
      }
      guard let split = WarmStart.split(wanted, over: rooms) else {
        let room = rooms.reduce(0) { $0 + $1.room }
        let p = place(of: Self.steps(entry.path) + [.key("pages")])
        throw InputErrors([
          InputError(
            file: file, line: p?.line, column: p?.column, keyPath: "\(entry.path).pages",
            message:
              "\(ByteSize.describe(Swift.min(wanted, Int.max / Pages.size) * Pages.size)) does not fit: node\(entry.nodes.count == 1 ? "" : "s") "
              + "\(entry.nodes.map(String.init).joined(separator: ", ")) hold\(entry.nodes.count == 1 ? "s" : "") "
              + "\(ByteSize.describe(room * Pages.size)) above the high marks the group's zones keep free"
              + (fills.isEmpty ? "" : " once the entries before it are in place"))
        ])
      }
      for (i, r) in rooms.enumerated() { taken[r.zone] += split[i] }
      for node in entry.nodes {
        let mine = rooms.indices.filter { rooms[$0].zone / zonesPerNode == node }
        fills.append(
          WarmStartFill(
            groups: entry.groups, weights: WarmStart.weights(entry, on: node), zones: mine.map { rooms[$0].zone },
            pages: mine.map { split[$0] }))
      }
    }
    return fills
  }

  /// `initial_state[2]` as config steps.
  static func steps(_ path: String) -> [ConfigValue.Step] {
    let index = Int(path.drop { $0 != "[" }.dropFirst().prefix { $0 != "]" }) ?? 0
    return [.key("initial_state"), .index(index)]
  }
}

extension SimulationModel {

  /// Puts the warm pages in place before the first event: each node's zones give their
  /// folios in turn (``WarmStart/Interleave``), each folio going to the group furthest behind
  /// its weighted share and set up as that group's own; hot folios go to the active list.
  mutating func fillWarmStart(_ s: inout Scheduler<Event>) {
    for fill in warmStart {
      let total = fill.pages.reduce(0, +)
      let weight = fill.weights.reduce(0, +)
      var shares = fill.weights.map { Int((Double(total) * $0 / weight).rounded(.down)) }
      shares[0] += total - shares.reduce(0, +)
      var turn = WarmStart.Interleave(targets: fill.pages)
      var owners = WarmStart.Interleave(targets: shares)
      let unmapped = fill.groups.map { workload.programs[$0]?.program.readsPageCache == true }
      while let i = turn.next() {
        let k = owners.next() ?? 0
        let g = fill.groups[k]
        let z = fill.zones[i]
        let left = fill.pages[i] - turn.taken[i]
        var order = Swift.min(workload.groups[g].drawOrder(), Buddy.maxPageOrder)
        if 1 << order > left { order = 0 }
        var page = allocator.allocateFromZone(z, order: order, gfp: groupGFP[g])
        if page == nil && order > 0 {
          order = 0
          page = allocator.allocateFromZone(z, order: 0, gfp: groupGFP[g])
        }
        guard let page else {
          turn.exhausted(i)
          continue
        }
        turn.took(1 << order, from: i)
        owners.took(1 << order, from: k)
        setUp(AllocatedPage(page: page, zone: z, order: order), group: g, now: .zero, &s)
        if unmapped[k] { reclaim.unmapFileFolio(&allocator, page) }
        if allocator.memmap.has(page, .hot) { reclaim.activate(&allocator, page) }
      }
    }
    warmStart = []
  }
}
