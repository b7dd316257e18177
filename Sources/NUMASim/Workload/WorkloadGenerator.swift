// SPDX-License-Identifier: MIT

/// The running state of a whole workload: one ``TaskGroupState`` per group, in config order.
///
/// The simulator keeps one pending arrival event per group, addressed by the group's index,
/// and mutates the group in place: `generator.groups[i].nextArrival(after: now)`.
public struct WorkloadGenerator {
  /// The groups, in the order of ``WorkloadConfig/groups``.
  public var groups: [TaskGroupState]
  /// Per group: a closed-loop group's barrier and cost streams; nil for an open-loop group.
  public var programs: [ProgramGroupState?]
  /// Every closed-loop thread, group by group; thread k of a group starts on its group's
  /// CPU k mod the CPU count.
  public var threads: [ProgramThread]

  /// The workload at the start of a run seeded by `seeds` (the run's root sequence).
  ///
  /// - Precondition: group names are unique (``WorkloadConfig/read(_:_:nodeCount:cpuCount:cpusOfNode:)``
  ///   checks it), since they name the groups' streams.
  public init(_ config: WorkloadConfig, seeds: SeedSequence) {
    precondition(
      Set(config.groups.map(\.name)).count == config.groups.count, "task group names must be unique")
    groups = config.groups.map { TaskGroupState($0, seeds: seeds) }
    programs = config.groups.map { g in g.program.map { ProgramGroupState($0, name: g.name, seeds: seeds) } }
    threads = config.groups.enumerated().flatMap { g, group in
      (0..<(group.program?.threads ?? 0)).map {
        ProgramThread(group: g, number: $0, cpu: group.cpus[$0 % group.cpus.count].index)
      }
    }
  }

  /// Each group's first arrival (nil for a group that never issues one), in group order.
  public mutating func firstArrivals() -> [WorkloadArrival?] {
    groups.indices.map { groups[$0].nextArrival(after: .zero) }
  }

  /// The index of the group called `name`.
  public func index(of name: String) -> Int? {
    groups.firstIndex { $0.group.name == name }
  }

  /// Stalled time summed over every group and CPU, in nanoseconds.
  public var lostNanoseconds: UInt64 {
    groups.reduce(0) { $0 + $1.lostNanoseconds }
  }
}
