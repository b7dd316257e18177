// SPDX-License-Identifier: MIT

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Whether a folio was used since reclaim last looked: the simulator's stand-in for the
/// accessed bits that `folio_referenced()` tests.
///
/// A hot folio (``PageFlags/hot``, in its owner's working set) is referenced with
/// probability `1 − exp(−Δ/τ)`: Δ the time since its node's LRU was last scanned, τ its
/// owner's mean reference interval (`access.reference_interval` of the task group). A hot
/// folio whose owner has no interval is always referenced; a cold one never is. The draws
/// come from the run's `access/referenced` stream, which nothing else uses.
public struct AccessModel: AccessedBits {
  /// Mean time between references of a hot page, per mm (seconds); 0: always referenced.
  public let referenceInterval: [Double]
  /// When each node's LRU was last scanned.
  public private(set) var lastScan: [SimTime]
  let stream: RandomStream

  public init(referenceInterval: [Double], nodes: Int, stream: RandomStream) {
    self.referenceInterval = referenceInterval
    lastScan = Array(repeating: .zero, count: nodes)
    self.stream = stream
  }

  /// The model for a run: intervals from each task group, draws from the `access/referenced` stream.
  public init(workload: WorkloadConfig, nodes: Int, seeds: SeedSequence) {
    self.init(
      referenceInterval: workload.groups.map { $0.access.referenceInterval?.mean ?? 0 }, nodes: nodes,
      stream: seeds.makeStream("access/referenced"))
  }

  /// Whether the folio headed by `page` was referenced since its node was last scanned.
  public func isReferenced(_ page: PageIndex, owner: Int?, node: Int, now: SimTime, memmap m: borrowing Memmap) -> Bool
  {
    guard m.has(page, .hot) else { return false }
    guard let o = owner, o < referenceInterval.count, referenceInterval[o] > 0 else { return true }
    let delta = Double(now.nanoseconds &- lastScan[node].nanoseconds) / 1e9
    return stream.uniform() < 1 - exp(-Swift.max(delta, 1e-6) / referenceInterval[o])
  }

  /// Reclaim has just scanned the node's lists.
  public mutating func scanned(node: Int, at now: SimTime) { lastScan[node] = now }
}
