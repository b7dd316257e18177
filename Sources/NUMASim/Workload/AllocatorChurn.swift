// SPDX-License-Identifier: MIT

/// A seeded mix of allocations and frees that ages the free lists, for looking at
/// fragmentation (`numasim buddyinfo --churn N`).
///
/// Requests are drawn from a fixed mix: 70 % movable order-0 (anonymous and page cache),
/// 10 % movable order-9 (transparent huge pages), 10 % unmovable orders 0–3 (kernel), 5 %
/// reclaimable orders 0–1 (slab) and 5 % atomic orders 0–2. Each request comes from a random
/// CPU with the local policy. Memory is held up to `fill` of the managed pages; past that a
/// random held block is freed first. No reclaim runs: a request that fails is counted.
public struct AllocatorChurn: Sendable {
  public var operations: Int
  public var fill: Double
  public var seed: UInt64

  public init(operations: Int, fill: Double = 0.7, seed: UInt64 = 1) {
    self.operations = operations
    self.fill = fill
    self.seed = seed
  }

  /// What a churn run did.
  public struct Result: Sendable, Hashable {
    public var allocations = 0
    public var failures = 0
    public var frees = 0
    public var heldPages = 0
  }

  static let mix: [(weight: Int, gfp: GFPFlags, orders: ClosedRange<Int>)] = [
    (70, .highUserMovable, 0...0), (10, [.transhuge, .comp], 9...9), (10, .kernel, 0...3),
    (5, [.kernel, .reclaimable], 0...1), (5, .atomic, 0...2),
  ]

  /// Runs the churn, leaving the held blocks allocated.
  public func run(on a: inout PageAllocator) -> Result {
    let stream = SeedSequence(masterSeed: seed).makeStream("allocator-churn")
    let managed = a.zones.elements.reduce(0) { $0 + $1.managed }
    let limit = Int(Double(managed) * fill)
    var held: [AllocatedPage] = []
    var result = Result()
    for _ in 0..<operations {
      if result.heldPages >= limit, !held.isEmpty {
        held.swapAt(stream.uniformInt(below: held.count), held.count - 1)
        let victim = held.removeLast()
        a.free(victim.page, order: victim.order, cpu: stream.uniformInt(below: a.cpuCount), zone: victim.zone)
        result.frees += 1
        result.heldPages -= 1 << victim.order
        continue
      }
      var roll = stream.uniformInt(below: 100)
      var pick = Self.mix[0]
      for m in Self.mix {
        if roll < m.weight {
          pick = m
          break
        }
        roll -= m.weight
      }
      let order = pick.orders.lowerBound + stream.uniformInt(below: pick.orders.count)
      let request = AllocationRequest(order: order, gfp: pick.gfp, cpu: stream.uniformInt(below: a.cpuCount))
      if let p = a.allocate(request) {
        held.append(p)
        result.allocations += 1
        result.heldPages += 1 << order
      } else {
        result.failures += 1
      }
    }
    return result
  }
}
