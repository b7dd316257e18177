// SPDX-License-Identifier: MIT

import Testing

@testable import NUMASim

@Suite("EngineBenchmark")
struct EngineBenchmarkTests {
  /// Checksums printed by `shared/bench/hold.c` (`./hold N EVENTS binary`).
  @Test(arguments: [
    (64, 100_000, "1562.839580", 149_267 as UInt64),
    (1024, 100_000, "97.658505", 150_376 as UInt64),
  ])
  func checksumsMatchTheCAnchor(pending: Int, events: Int, finalNow: String, kinds: UInt64) {
    for path in EngineBenchmark.Path.allCases {
      let result = EngineBenchmark(pending: pending, events: events, path: path).run()
      #expect(result.kinds == kinds)
      #expect(result.resultLine.contains(" final_now=\(finalNow) kinds=\(kinds)"))
    }
  }

  @Test func resultLineHasTheAnchorFields() {
    let line = EngineBenchmark(pending: 4, events: 1_000).run().resultLine
    #expect(line.hasPrefix("RESULT impl=numasim n=4 events=1000 cpu_seconds="))
    let scheduled = EngineBenchmark(pending: 4, events: 1_000, path: .scheduler).run().resultLine
    #expect(scheduled.hasPrefix("RESULT impl=numasim-scheduler n=4 events=1000 cpu_seconds="))
    for field in ["wall_seconds=", "events_per_sec=", "ns_per_event=", "final_now=", "kinds="] {
      #expect(line.contains(" " + field))
    }
  }

  @Test func tickScaleLeavesHeadroomForTheHorizon() {
    for (pending, events) in [(1, 100_000_000), (64, 20_000_000), (65_536, 20_000_000), (1, 0)] {
      let benchmark = EngineBenchmark(pending: pending, events: events)
      let horizonTicks = Double(2 * (events / pending) + 64) * benchmark.scale.ticksPerUnit
      #expect(horizonTicks < 0x1p63)
      #expect(horizonTicks >= 0x1p61)
    }
  }

  @Test func xorshiftMatchesTheAnchorGenerator() {
    var random = XorShift64Star(state: 0x9E37_79B9_7F4A_7C15)
    var state: UInt64 = 0x9E37_79B9_7F4A_7C15
    state ^= state >> 12
    state ^= state << 25
    state ^= state >> 27
    #expect(random.next() == state &* 2_685_821_657_736_338_717)
    let draw = random.nextExponential()
    #expect(draw > 0 && draw < 40)
  }
}
