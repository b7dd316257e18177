// SPDX-License-Identifier: MIT

import Foundation

/// What a run will need, worked out from its config and machine before the memmap or the
/// event queue exists, and the check that it fits.
///
/// Memory: per page frame the simulator keeps the memmap (``Memmap/bytesPerPage``), the
/// free-event generation, the reverse map's owner and, at worst, one queued free event;
/// per CPU and zone a pageset and its lists; per node pair the zonelists and the distance
/// and latency tables; and the process itself (``baseBytes``). Time series and stall logs
/// are streamed to disk, so they add nothing that grows with the run.
///
/// Events: every request is one arrival and at most one free; one sample per
/// `sample_interval`. kswapd steps and writeback completions depend on the run and are
/// bounded by the run-time budget instead (``Limits/maxEvents``).
public struct Admission: Sendable, Equatable {
  /// Page frames the memmap spans (holes included).
  public var frames: Int
  /// Estimated peak resident memory of one run, in bytes.
  public var memoryBytes: Int
  /// Expected events of one run.
  public var events: Double
  /// Per task group (config order), its share of ``events``.
  public var groupEvents: [Double]

  /// The process's own resident memory before a run builds anything: the Swift runtime,
  /// Foundation and the parsed config (measured: `numasim validate` on the default config
  /// peaks at about 20 MiB on x86-64).
  public static let baseBytes = 24 * ByteSize.mib
  /// Simulator state per page frame beyond the memmap: the free-event generation
  /// (`UInt32`), the reverse map's owner (`Int32`) and one queued free event.
  public static let bytesPerFrame =
    Memmap.bytesPerPage + MemoryLayout<UInt32>.stride + MemoryLayout<Int32>.stride + bytesPerQueuedEvent
  /// One queued event: time, sequence and a payload of two words (checked against
  /// `ScheduledEvent<Event>` by the tests; `Event` lives above this layer).
  public static let bytesPerQueuedEvent = 32

  /// The limits a run must fit in.
  public struct Limits: Sendable, Equatable {
    /// The most memory one run may need (default: this machine's `MemAvailable`).
    public var maxMemoryBytes: Int
    /// The most events one run may process (admission and at run time).
    public var maxEvents: UInt64

    /// The default event budget: 500 M events, about seven minutes at the default
    /// scenario's 1.2 M events per second on one core.
    public static let defaultMaxEvents: UInt64 = 500_000_000

    public init(maxMemoryBytes: Int = Limits.availableMemoryBytes(), maxEvents: UInt64 = Limits.defaultMaxEvents) {
      self.maxMemoryBytes = maxMemoryBytes
      self.maxEvents = maxEvents
    }

    /// `MemAvailable` from `/proc/meminfo`, or 8 GiB where it cannot be read.
    public static func availableMemoryBytes(meminfo path: String = "/proc/meminfo") -> Int {
      guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return 8 * ByteSize.gib }
      for line in text.split(separator: "\n") where line.hasPrefix("MemAvailable:") {
        let words = line.split(separator: " ")
        if words.count >= 2, let kb = Int(words[1]) { return kb * ByteSize.kib }
      }
      return 8 * ByteSize.gib
    }
  }

  /// The estimate for `config` on its built machine.
  public init(_ config: SimulationConfig, machine: Machine) {
    var frames = 0
    for node in machine.nodes { for z in node.zones { frames += z.spanned.count } }
    self.frames = frames
    let zones = machine.nodes.count * machine.architecture.zoneCount
    let perCPUZone = MemoryLayout<PerCPUPages>.stride + PerCPU.listCount * MemoryLayout<PageList>.stride
    let nodePairs = machine.nodes.count * machine.nodes.count
    var bytes = Self.baseBytes
    bytes += frames * Self.bytesPerFrame
    bytes += machine.onlineCPUs * zones * perCPUZone
    bytes += nodePairs * (machine.architecture.zoneCount + 2) * MemoryLayout<Int>.stride
    memoryBytes = bytes

    let end = config.warmup + config.duration
    let groups = config.workload?.groups ?? []
    groupEvents = groups.map { g in
      let stop = g.stop.map { Swift.min($0, end) } ?? end
      if let program = g.program { return program.expectedEvents(from: g.start, to: stop) }
      return 2 * (g.arrival?.expectedRequests(from: g.start, to: stop, origin: g.start) ?? 0)
    }
    let samples = Double(end.nanoseconds / Swift.max(config.sampleInterval.nanoseconds, 1))
    events = groupEvents.reduce(samples, +)
  }

  /// The estimate for `config`, building its machine if it has not been built.
  public init(_ config: SimulationConfig) throws(InputErrors) {
    let machine: Machine
    if let built = config.builtMachine { machine = built } else { machine = try config.buildingMachine() }
    self.init(config, machine: machine)
  }

  /// "needs about 120 MiB and 3.6 M events".
  public var summary: String {
    "needs about \(ByteSize.describe(memoryBytes)) and \(Self.describe(events: events)) events"
  }

  /// `3.6 M`, `1.2 G`, `950 k`, `12`.
  public static func describe(events: Double) -> String {
    guard events.isFinite else { return "infinitely many" }
    if events >= 1e15 { return String(format: "%.1e", events) }
    let units: [(Double, String)] = [(1e12, "T"), (1e9, "G"), (1e6, "M"), (1e3, "k")]
    guard let (size, name) = units.first(where: { events >= $0.0 }) else { return "\(Int(events))" }
    let v = events / size
    return "\(ByteSize.formatted(v, decimals: v >= 100 ? 0 : 1)) \(name)"
  }

  /// Refuses a config that does not fit `limits`, at the key that makes it large.
  /// - Parameters:
  ///   - jobs: runs at once (a sweep's `--jobs`); memory is needed for each.
  ///   - memoryOption, eventsOption: the options that raise the limits, for the message.
  public func check(
    _ config: SimulationConfig, limits: Limits, jobs: Int = 1, memoryOption: String = "--max-memory",
    eventsOption: String = "--max-events"
  ) throws(InputErrors) {
    var errors: [InputError] = []
    let needed = memoryBytes.multipliedReportingOverflow(by: Swift.max(jobs, 1))
    if needed.overflow || needed.partialValue > limits.maxMemoryBytes {
      let place = config.place(of: ["machine", "nodes"]) ?? config.place(of: ["machine"])
      let per = jobs > 1 ? " (\(ByteSize.describe(memoryBytes)) for each of \(jobs) jobs)" : ""
      errors.append(
        InputError(
          file: config.file, line: place?.line, column: place?.column, keyPath: "machine",
          message:
            "the run needs about \(needed.overflow ? "more than 8 EiB" : ByteSize.describe(needed.partialValue))\(per) for \(frames) page frames; "
            + "the limit is \(ByteSize.describe(limits.maxMemoryBytes)) (raise it with \(memoryOption), or model less memory)"
        ))
    }
    if events > Double(limits.maxEvents) {
      let heaviest = groupEvents.indices.max { groupEvents[$0] < groupEvents[$1] }
      let key: String
      let place: ConfigValue.Position?
      if let g = heaviest, groupEvents[g] * 2 >= events {
        key = "workload[\(g)].arrival"
        // The process's own value (`poisson: 1e9`) when it is the only one, so that a rate
        // set with --set is reported as the command line's.
        let arrival = config.document?.value(at: ["workload", .index(g), "arrival"])
        if case .mapping(let entries, _)? = arrival, entries.count == 1 {
          place = entries[0].value.position
        } else {
          place = arrival?.position
        }
      } else {
        key = "duration"
        place = config.place(of: ["duration"])
      }
      errors.append(
        InputError(
          file: config.file, line: place?.line, column: place?.column, keyPath: key,
          message:
            "the run implies about \(Self.describe(events: events)) events, more than the budget of \(Self.describe(events: Double(limits.maxEvents))) "
            + "(lower the rate or the duration, or raise the budget with \(eventsOption))"))
    }
    guard errors.isEmpty else { throw InputErrors(errors) }
  }
}

extension SimulationConfig {
  /// Where the value at `path` is in the config file, if it is there.
  public func place(of path: [ConfigValue.Step]) -> ConfigValue.Position? {
    document?.value(at: path)?.position
  }
}
