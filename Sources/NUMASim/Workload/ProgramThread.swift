// SPDX-License-Identifier: MIT

/// The running state of one thread of a closed-loop group: where it is in its program,
/// the CPU it is on, and what it holds.
public struct ProgramThread: Sendable {
  /// The group's index in the workload.
  public let group: Int
  /// The thread's number within its group (0-based).
  public let number: Int
  /// The CPU it runs on while runnable; it keeps the CPU between wake-ups.
  public internal(set) var cpu: Int
  /// Whether it is runnable (in a touch, read, unmap or free step) and so placed on ``cpu``.
  public internal(set) var isRunnable = false
  /// The step it runs next, an index into the program's steps.
  public internal(set) var step = 0
  /// Whole passes over the program done.
  public internal(set) var iteration = 0
  /// Base pages left in the current touch or read step (0: the step has not begun).
  public internal(set) var remaining = 0
  /// Whether the thread has finished its program (or the group has stopped).
  public internal(set) var isFinished = false
  /// The folios it holds since its last unmap, oldest first, from ``heldStart`` on (kept only
  /// for programs that give pages back).
  var held: [HeldFolio] = []
  var heldStart = 0
  /// CPU time it has run since its last preemption (see ``CPUShare/preemptionWait(onCPU:ran:)``).
  var ranSinceSlice: UInt64 = 0

  init(group: Int, number: Int, cpu: Int) {
    self.group = group
    self.number = number
    self.cpu = cpu
  }

  /// How many folios it holds.
  public var heldCount: Int { held.count - heldStart }
}

/// A folio a thread faulted in: valid while the page's free generation is still this one
/// (reclaim, or the OOM killer, may have taken it since).
struct HeldFolio: Sendable, BitwiseCopyable {
  var page: PageIndex
  var generation: UInt32
}

/// A closed-loop group's shared state: its barrier and its cost streams.
public struct ProgramGroupState {
  public let program: ThreadProgram
  /// `program.releasesPages`, read on every fault.
  let keepsHeldFolios: Bool
  /// Threads waiting at the barrier, in arrival order.
  var atBarrier: [Int] = []
  /// Threads that have finished the program; a barrier waits for the others only.
  var finished = 0
  let faultStream: RandomStream
  let readStream: RandomStream
  let munmapStream: RandomStream
  let waitStream: RandomStream

  /// Streams `<name>/fault`, `/read`, `/munmap` and `/wait` of the run's `workload` seeds.
  init(_ program: ThreadProgram, name: String, seeds: SeedSequence) {
    self.program = program
    keepsHeldFolios = program.releasesPages
    let workload = seeds.child("workload")
    faultStream = workload.makeStream(name + "/fault")
    readStream = workload.makeStream(name + "/read")
    munmapStream = workload.makeStream(name + "/munmap")
    waitStream = workload.makeStream(name + "/wait")
  }

  /// One fault's CPU time (ns), drawn from `fault_us`.
  func faultNanoseconds() -> UInt64 { Self.nanoseconds(program.faultMicroseconds.sample(faultStream)) }
  /// The CPU time to read `pages` base pages (one folio) into the page cache (ns): one
  /// `read_us` draw per call.
  func readNanoseconds(pages: Int) -> UInt64 {
    Self.nanoseconds(program.readMicroseconds.sample(readStream) * Double(pages))
  }
  /// The CPU time to unmap `pages` base pages (ns): one `munmap_us` draw per call.
  func munmapNanoseconds(pages: Int) -> UInt64 {
    Self.nanoseconds(program.munmapMicroseconds.sample(munmapStream) * Double(pages))
  }
  /// A hold's or sleep's length.
  func waitTime(_ d: Distribution) -> SimTime { SimTime(drawnSeconds: d.sample(waitStream)) }

  static func nanoseconds(_ microseconds: Double) -> UInt64 {
    CostModel.nanoseconds(microseconds * 1e3, rounding: .towardZero)
  }
}
