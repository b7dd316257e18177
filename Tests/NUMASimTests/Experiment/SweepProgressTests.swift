// SPDX-License-Identifier: MIT
import Testing

@testable import NUMASim

@Suite struct SweepProgressTests {
  @Test(arguments: [(0.0, "0:00"), (59.4, "0:59"), (61.0, "1:01"), (3599.0, "59:59"), (3661.0, "1:01:01")])
  func clockShowsMinutesAndHours(seconds: Double, text: String) {
    #expect(SweepProgress.clock(seconds) == text)
  }
}
