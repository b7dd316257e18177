// SPDX-License-Identifier: MIT

import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A one-line progress display with an ETA on stderr, redrawn in place after each run.
///
/// Shown only when enabled (by default when stderr is a terminal), so logs and pipes never get
/// carriage returns; the result files never carry timing. The ETA is the mean time per finished
/// run times the runs left (runs skipped on resume do not count).
public final class SweepProgress: @unchecked Sendable {
  /// Whether stderr is a terminal (`isatty(2)`).
  public static var stderrIsTerminal: Bool { isatty(2) != 0 }

  private let total: Int
  private let enabled: Bool
  private let start = ContinuousClock.now
  private var drawn = false

  /// A display for `total` runs; draws nothing unless `enabled`.
  public init(total: Int, enabled: Bool) {
    self.total = total
    self.enabled = enabled
  }

  /// Redraws after `done` runs have finished (callers serialise calls).
  public func update(done: Int) {
    guard enabled, total > 0 else { return }
    let elapsed = start.duration(to: .now)
    let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
    let eta = done > 0 ? seconds / Double(done) * Double(total - done) : 0
    let line =
      "\rsweep: \(done)/\(total) runs (\(done * 100 / total)%), elapsed \(Self.clock(seconds)), ETA \(Self.clock(eta))  "
    FileHandle.standardError.write(Data(line.utf8))
    drawn = true
  }

  /// Ends the line, if one was drawn.
  public func finish() {
    guard drawn else { return }
    FileHandle.standardError.write(Data("\n".utf8))
    drawn = false
  }

  /// `seconds` as `m:ss` or `h:mm:ss`.
  static func clock(_ seconds: Double) -> String {
    let s = Int(seconds.rounded())
    func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
    return s >= 3600 ? "\(s / 3600):\(two(s / 60 % 60)):\(two(s % 60))" : "\(s / 60):\(two(s % 60))"
  }
}
