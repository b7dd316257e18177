// SPDX-License-Identifier: MIT

import Foundation

/// Allocate+free throughput of the page allocator, printed like the shared anchors.
///
/// Paths:
/// - `pcp`: order-0 pairs on one CPU of a one-node machine (served by the per-CPU list).
/// - `buddy`: mixed orders 4–8 on one zone (not kept on pcp lists: split and merge each time).
/// - `fallback`: a four-node machine whose first node is full, so every order-0 request walks
///   the zonelist to a remote node.
public struct AllocatorBenchmark: Sendable {
  public enum Path: String, CaseIterable, Sendable {
    case pcp, buddy, fallback
  }

  public var path: Path
  public var pairs: Int

  public init(path: Path, pairs: Int) {
    self.path = path
    self.pairs = pairs
  }

  /// Runs the benchmark and returns its `RESULT` line.
  public func run() throws -> String {
    var builder = TopologyBuilder()
    builder.kernelReservedBytes = 16 * ByteSize.mib
    let nodes = path == .fallback ? 4 : 1
    let machine = try builder.buildMachine(
      Array(repeating: NodeSpec(memoryBytes: 2 * ByteSize.gib, cpuCount: 1), count: nodes))
    var a = PageAllocator(KernelSetup.setUp(machine))
    if path == .fallback {
      while a.allocate(AllocationRequest(order: 0, gfp: [.highUserMovable, .thisNode], cpu: 0)) != nil {}
    }
    var hooks = NoReclaim(nodes: nodes)
    var task = TaskContext(cpu: 0, now: .zero)
    let orders = path == .buddy ? [4, 5, 6, 7, 8] : [0]
    var checksum = 0
    let start = Self.cpuSeconds()
    let wallStart = Date()
    for i in 0..<pairs {
      let order = orders[i % orders.count]
      guard
        let p = a.allocate(AllocationRequest(order: order, gfp: .highUserMovable, cpu: 0), task: &task, hooks: &hooks)
      else {
        continue
      }
      checksum &+= Int(p.page)
      a.free(p.page, order: order, cpu: 0, zone: p.zone)
    }
    let cpu = Self.cpuSeconds() - start
    let wall = Date().timeIntervalSince(wallStart)
    let rate = Double(pairs) / max(cpu, 1e-9)
    return String(
      format:
        "RESULT bench=allocator path=%@ nodes=%d pairs=%d cpu_seconds=%.4f wall_seconds=%.4f pairs_per_sec=%.0f ns_per_pair=%.2f checksum=%d",
      path.rawValue, nodes, pairs, cpu, wall, rate, 1e9 / rate, checksum)
  }

  static func cpuSeconds() -> Double {
    var ts = timespec()
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts)
    return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
  }
}
