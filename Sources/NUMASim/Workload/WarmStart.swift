// SPDX-License-Identifier: MIT

/// What a warm machine holds at time 0: `initial_state:`, a list of task groups' pages
/// allocated before the first event, so that a run measures a machine whose memory long use
/// has already filled instead of one filling up.
///
/// Each entry puts pages of one task group (anonymous, page cache, slab), or of several mixed
/// in proportion to their mean page inflow (page cache from several streams, some of it
/// dirty, as long running leaves it), on nodes: `full` takes
/// every zone down to its high mark (plus the `lowmem_reserve` the group's allocations
/// respect) (a node whose page cache has grown into all free memory,
/// just after kswapd balanced it), a size or a share of the nodes' memory takes that much.
/// The pages of a node are spread over its zones in proportion to what each zone has above
/// its high mark, and taken from the zones in turn, so the LRU interleaves the zones as long
/// streaming leaves it (reclaim from the tail meets every zone), not one zone after another.
/// Folios have the group's orders, mappings, dirtiness, hot share and lifetimes (a group whose
/// pages live `exponential(mean=T)` holds `rate × T` of them in steady state, Little's law);
/// hot folios start on the active list, as they are once reclaim has scanned them. Entries
/// are taken in order.
public struct WarmStart: Sendable, Equatable {
  /// How much of the nodes an entry fills.
  public enum Amount: Sendable, Equatable {
    /// Every zone down to its high mark.
    case full
    /// This many base pages over the entry's nodes.
    case pages(Int)
    /// This share (0…1) of the nodes' managed pages.
    case fraction(Double)
  }

  /// One entry's warm pages.
  public struct Entry: Sendable, Equatable {
    /// The task groups (indices into the workload) that own the pages: several streams of
    /// page cache mixed as long running mixes them.
    public var groups: [Int]
    /// Each group's share (its mean page inflow; any positive scale).
    public var weights: [Double]
    /// The nodes each group's own allocations go to: on a node, a group's share is its
    /// inflow split over its nodes (none where it does not allocate).
    public var groupNodes: [[Int]]
    public var amount: Amount
    /// The nodes that hold them, in order.
    public var nodes: [Int]
    /// The config path of the entry (`initial_state[0]`), for errors found at set-up.
    public var path: String

    public init(
      groups: [Int], weights: [Double]? = nil, groupNodes: [[Int]]? = nil, amount: Amount, nodes: [Int], path: String
    ) {
      self.groups = groups
      self.weights = weights ?? groups.map { _ in 1 }
      self.groupNodes = groupNodes ?? groups.map { _ in nodes }
      self.amount = amount
      self.nodes = nodes
      self.path = path
    }
  }

  public var entries: [Entry] = []

  /// The groups' shares of an entry's pages on `node`: each group's inflow over its nodes, or
  /// equal shares when none of the groups allocates there.
  public static func weights(_ entry: Entry, on node: Int) -> [Double] {
    let w = entry.groups.indices.map { i in
      entry.groupNodes[i].contains(node) ? entry.weights[i] / Double(entry.groupNodes[i].count) : 0
    }
    return w.contains { $0 > 0 } ? w : entry.groups.map { _ in 1 }
  }

  public init(entries: [Entry] = []) { self.entries = entries }

  public var isEmpty: Bool { entries.isEmpty }

  /// One zone as the plan sees it: how many pages it can give before its high mark.
  public struct ZoneRoom: Sendable, Equatable {
    /// The zone's flat index.
    public var zone: Int
    /// Its free pages above its high mark (0 if none).
    public var room: Int
  }

  /// Base pages to take from each zone for `pages` spread over `zones` in proportion to their
  /// room (the remainder to the zones with the largest rooms first, then in order); `nil`
  /// when they hold fewer than `pages`.
  public static func split(_ pages: Int, over zones: [ZoneRoom]) -> [Int]? {
    let total = zones.reduce(0) { $0 + $1.room }
    guard pages <= total else { return nil }
    guard total > 0 else { return zones.map { _ in 0 } }
    var share = zones.map { Int((Double(pages) * Double($0.room) / Double(total)).rounded(.down)) }
    for i in share.indices { share[i] = Swift.min(share[i], zones[i].room) }
    var left = pages - share.reduce(0, +)
    let byRoom = zones.indices.sorted { zones[$0].room != zones[$1].room ? zones[$0].room > zones[$1].room : $0 < $1 }
    while left > 0 {
      var moved = false
      for i in byRoom where left > 0 && share[i] < zones[i].room {
        share[i] += 1
        left -= 1
        moved = true
      }
      if !moved { return nil }
    }
    return share
  }

  /// The order in which to take folios from zones (or groups) given what each is to give:
  /// each step takes from the one furthest behind its share (taken / target smallest; ties to the
  /// lower index), so that any stretch of the sequence holds every zone in proportion.
  public struct Interleave: Sendable {
    var targets: [Int]
    var taken: [Int]

    public init(targets: [Int]) {
      self.targets = targets
      taken = targets.map { _ in 0 }
    }

    /// The index to take from next, or `nil` when every target is met.
    public func next() -> Int? {
      var best: Int?
      for i in targets.indices where taken[i] < targets[i] {
        guard let b = best else {
          best = i
          continue
        }
        // taken[i] / targets[i] < taken[b] / targets[b], in integers.
        if taken[i] * targets[b] < taken[b] * targets[i] { best = i }
      }
      return best
    }

    /// Records `pages` taken from `i`.
    public mutating func took(_ pages: Int, from i: Int) { taken[i] += pages }

    /// `i` cannot give more: its target becomes what it gave.
    public mutating func exhausted(_ i: Int) { targets[i] = taken[i] }
  }
}
