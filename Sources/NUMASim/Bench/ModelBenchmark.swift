// SPDX-License-Identifier: MIT

import Foundation

/// A whole scenario as a benchmark: what the run does per CPU-second.
///
/// The timed region is the run itself (warm-up and measured time), not the set-up before it
/// (reading the config, building the memmap, freeing it at boot). Page operations are every
/// page the kernel's counters see allocated (`pgalloc_*`) or freed (`pgfree`, owner frees,
/// reclaim and pcp drains alike) in that region; the time series is dropped as it is sampled,
/// as a sweep drops it.
public struct ModelBenchmark: Sendable {
  public var config: SimulationConfig

  public init(config: SimulationConfig) { self.config = config }

  /// One measurement.
  public struct Result: Sendable, Equatable {
    public var name: String
    public var events: UInt64
    /// Pages allocated in the timed region (`pgalloc_*`, all zones).
    public var allocations: UInt64
    /// Pages freed in the timed region (`pgfree`).
    public var frees: UInt64
    public var cpuSeconds: Double
    public var wallSeconds: Double
    public var simulatedSeconds: Double

    public var pageOperations: UInt64 { allocations &+ frees }
    public var pageOperationsPerCPUSecond: Double { Double(pageOperations) / Swift.max(cpuSeconds, 1e-9) }
    public var eventsPerCPUSecond: Double { Double(events) / Swift.max(cpuSeconds, 1e-9) }
    /// Above 1: faster than real time per CPU-second.
    public var simulatedSecondsPerCPUSecond: Double { simulatedSeconds / Swift.max(cpuSeconds, 1e-9) }

    /// The `RESULT` line.
    public var line: String {
      String(
        format:
          "RESULT bench=model config=%@ events=%llu allocations=%llu frees=%llu page_ops=%llu cpu_seconds=%.4f "
          + "wall_seconds=%.4f page_ops_per_cpu_sec=%.0f events_per_cpu_sec=%.0f sim_seconds_per_cpu_second=%.3f",
        name, events, allocations, frees, pageOperations, cpuSeconds, wallSeconds, pageOperationsPerCPUSecond,
        eventsPerCPUSecond, simulatedSecondsPerCPUSecond)
    }

    /// One row of the README's speed table.
    public var markdownRow: String {
      String(
        format: "| `%@` | %.0f | %.1f | %.2f | %.2f | %.2f |", name, simulatedSeconds, cpuSeconds,
        simulatedSecondsPerCPUSecond, pageOperationsPerCPUSecond / 1e6, eventsPerCPUSecond / 1e6)
    }

    /// The header of the speed table.
    public static let markdownHeader = """
      | config | simulated s | CPU s | simulated s per CPU s | M page ops per CPU s | M events per CPU s |
      | --- | --- | --- | --- | --- | --- |
      """
  }

  /// Runs the scenario once and measures the run.
  public func measure() throws(InputErrors) -> Result {
    var sim = try Simulation(config)
    let before = sim.model.allocator.counters
    var control = RunControl()
    control.record = { _, _ in }
    let cpuStart = AllocatorBenchmark.cpuSeconds()
    let wallStart = ContinuousClock.now
    do { _ = try sim.run(control: control) } catch {
      preconditionFailure("a run without limits stopped early: \(error)")
    }
    let cpu = AllocatorBenchmark.cpuSeconds() - cpuStart
    let wall = wallStart.duration(to: .now)
    let after = sim.model.allocator.counters
    let allocated = zip(after.pgalloc, before.pgalloc).reduce(UInt64(0)) { $0 &+ ($1.0 &- $1.1) }
    return Result(
      name: config.name, events: sim.scheduler.processedEventCount, allocations: allocated,
      frees: after[.pgfree] &- before[.pgfree], cpuSeconds: cpu,
      wallSeconds: Double(wall.components.seconds) + Double(wall.components.attoseconds) * 1e-18,
      simulatedSeconds: (config.warmup + config.duration).seconds)
  }

  /// Runs the scenario and returns its `RESULT` line.
  public func run() throws(InputErrors) -> String { try measure().line }
}
