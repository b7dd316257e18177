// SPDX-License-Identifier: MIT

extension ThreadProgram {
  /// About how many events the program's threads cause between `start` and `stop`, for the
  /// admission check: one per touched or read base page and one per other step, over as many
  /// passes as fit at the mean costs (the reclaim and CPU waits that slow them are left out,
  /// so the estimate is high).
  public func expectedEvents(from start: SimTime, to stop: SimTime) -> Double {
    guard stop > start else { return 0 }
    var events = 0.0
    var seconds = 0.0
    for step in steps {
      events += 1
      switch step {
      case .touch(let pages):
        events += Double(pages)
        seconds += Double(pages) * (faultMicroseconds.mean ?? 0) * 1e-6
      case .read(let pages):
        events += Double(pages)
        seconds += Double(pages) * (readMicroseconds.mean ?? 0) * 1e-6
      case .hold(let d), .sleep(let d): seconds += Swift.max(d.mean ?? 0, 0)
      case .unmap, .free, .barrier: break
      }
    }
    let window = (stop - start).seconds
    var passes = seconds > 0 ? window / seconds : .infinity
    if let iterations { passes = Swift.min(passes, Double(iterations)) }
    return Double(threads) * passes * events
  }
}
