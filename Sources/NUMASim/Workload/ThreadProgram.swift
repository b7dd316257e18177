// SPDX-License-Identifier: MIT

/// What each thread of a closed-loop task group does, step after step: a program run by
/// threads that touch memory as fast as the fault path lets them.
///
/// Read from a group's `program:` (see ``WorkloadConfig``). Where an open-loop group's
/// requests arrive at a rate nothing slows down, a program thread issues its next fault only
/// when the last one is done: a direct-reclaim stall, or a CPU shared with kswapd, slows it.
public struct ThreadProgram: Hashable, Sendable {
  /// How many threads run the program, placed on the group's CPUs (see ``CPUShare``).
  public var threads: Int
  /// The steps, in order; the program restarts after the last one.
  public var steps: [ProgramStep]
  /// How many times each thread runs the steps; nil: until the group's `stop` or the run's end.
  public var iterations: Int?
  /// CPU time of one fault (a `touch`ed folio, whatever its order) in µs, the allocation's
  /// fast path included.
  public var faultMicroseconds: Distribution
  /// CPU time to read one base page into the page cache with `read(2)` in µs (a `read`
  /// step; a folio of order k costs 2^k of them).
  public var readMicroseconds: Distribution
  /// CPU time to unmap and free one base page (`unmap`, `free`) in µs.
  public var munmapMicroseconds: Distribution

  /// A program; the costs default to this development machine's measurements.
  public init(
    threads: Int = 1, steps: [ProgramStep], iterations: Int? = nil,
    faultMicroseconds: Distribution = Self.measuredFaultMicroseconds,
    readMicroseconds: Distribution = Self.measuredReadMicroseconds,
    munmapMicroseconds: Distribution = Self.measuredMunmapMicroseconds
  ) {
    self.threads = threads
    self.steps = steps
    self.iterations = iterations
    self.faultMicroseconds = faultMicroseconds
    self.readMicroseconds = readMicroseconds
    self.munmapMicroseconds = munmapMicroseconds
  }

  /// Whether some step gives pages back (so that a thread keeps the list of what it holds).
  /// Whether its page cache comes from `read` steps (unmapped) rather than `touch` steps.
  public var readsPageCache: Bool {
    steps.contains {
      if case .read = $0 { return true }
      return false
    }
  }

  public var releasesPages: Bool {
    steps.contains {
      switch $0 {
      case .unmap, .free: true
      default: false
      }
    }
  }

  /// Whether any step makes a thread run (touch, read, unmap or free), so that a program of
  /// waits and barriers alone, which would loop forever at one instant, is refused.
  public var doesWork: Bool {
    steps.contains {
      switch $0 {
      case .touch(let n), .read(let n): n > 0
      case .hold, .sleep, .barrier, .unmap, .free: false
      }
    }
  }
}

/// One step of a ``ThreadProgram``.
public enum ProgramStep: Hashable, Sendable {
  /// Fault in this many base pages of mapped memory of the group's kind, one folio per fault
  /// (its order drawn from the group's `order`).
  case touch(pages: Int)
  /// Read this many base pages of a file into the page cache with `read(2)`: page-cache
  /// folios that no process maps. Only for file kinds.
  case read(pages: Int)
  /// Keep what the thread holds and wait, off CPU, for a time drawn in seconds.
  case hold(Distribution)
  /// Wait, off CPU, for a time drawn in seconds (the same wait as `hold`, named for a
  /// program that holds nothing).
  case sleep(Distribution)
  /// Unmap everything the thread touched or read since its last `unmap`: anonymous, slab and
  /// kernel pages are freed (`munmap()`); file pages lose their mapping and stay in the
  /// page cache.
  case unmap
  /// Free this fraction (0...1) of what the thread holds, oldest first, whatever the kind
  /// (`MADV_DONTNEED`, or truncating a file's page cache).
  case free(fraction: Double)
  /// Wait until every thread of the group has reached this step.
  case barrier
}

extension ThreadProgram {
  /// Per-fault CPU time of a 4 KiB anonymous fault on the development VM (Linux 6.18.44
  /// under Firecracker, 2 CPUs, no memory pressure): the 1/8-octave histogram of
  /// `Validation/faulter.c` for 4.7 M faults, `Validation/fixtures/fault-latency-vm-6.18.csv`,
  /// in µs, cut at 1 ms (longer faults there are the host's, not the guest kernel's). Median
  /// 1.4 µs, mean 2.0 µs, p99 13 µs.
  public static let measuredFaultMicroseconds = Distribution.histogram(MeasuredFaultCost.histogram)

  /// `read(2)` of a file not in the page cache, 1 MiB at a time, on the development VM's
  /// virtio disk with the file in the host's cache (a file read again and again): 3.6–3.8 µs
  /// of CPU time per 4 KiB page over three 6 GiB reads, 760–790 MB/s
  /// (`Documentation/Calibration.md`). A first read, from the host's disk, costs 13 µs.
  public static let measuredReadMicroseconds = Distribution.constant(3.7)

  /// `munmap()` of 1 GiB of touched anonymous memory on the development VM: 113–165 ns per
  /// page over five runs of `Validation/faulter.c` (`unmap_ns_per_page`).
  public static let measuredMunmapMicroseconds = Distribution.constant(0.14)
}
