// SPDX-License-Identifier: MIT

import Foundation

/// A one-line display of a long run on stderr: simulated time, events per second and an ETA,
/// redrawn at most four times a second.
public final class RunProgress {
  private let enabled: Bool
  private let start = ContinuousClock.now
  private var lastDrawn: ContinuousClock.Instant?
  private var drawn = false

  /// Draws nothing unless `enabled`.
  public init(enabled: Bool) { self.enabled = enabled }

  /// Redraws for `position`, unless the last redraw was under 250 ms ago.
  public func update(_ position: RunPosition) {
    guard enabled else { return }
    let now = ContinuousClock.now
    if let last = lastDrawn, last.duration(to: now) < .milliseconds(250) { return }
    lastDrawn = now
    FileHandle.standardError.write(
      Data(("\r" + Self.line(position, wallSeconds: seconds(start.duration(to: now))) + "  ").utf8))
    drawn = true
  }

  /// "run: 12.3 s of 25.0 s simulated (49%), 1.2 M events/s, ETA 0:08".
  static func line(_ p: RunPosition, wallSeconds: Double) -> String {
    let fraction = p.end.nanoseconds > 0 ? Double(p.now.nanoseconds) / Double(p.end.nanoseconds) : 1
    let rate = wallSeconds > 0 ? Double(p.events) / wallSeconds : 0
    let eta = fraction > 0 ? wallSeconds * (1 - fraction) / fraction : 0
    return
      "run: \(ByteSize.formatted(p.now.seconds, decimals: 1)) s of \(ByteSize.formatted(p.end.seconds, decimals: 1)) s simulated "
      + "(\(Int(fraction * 100))%), \(Admission.describe(events: rate)) events/s, ETA \(SweepProgress.clock(eta))"
  }

  /// Ends the line, if one was drawn.
  public func finish() {
    guard drawn else { return }
    FileHandle.standardError.write(Data("\n".utf8))
    drawn = false
  }

  private func seconds(_ d: Duration) -> Double {
    Double(d.components.seconds) + Double(d.components.attoseconds) * 1e-18
  }
}
