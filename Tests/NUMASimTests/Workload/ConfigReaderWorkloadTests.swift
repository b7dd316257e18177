// SPDX-License-Identifier: MIT
import Testing

@testable import NUMASim

@Suite struct ConfigReaderWorkloadTests {
  @Test(arguments: [
    ("100ms", 100_000_000), ("2s", 2_000_000_000), ("500us", 500_000), ("1.5s", 1_500_000_000), ("250ns", 250),
    ("2min", 120_000_000_000), ("1h", 3_600_000_000_000), ("0", 0), ("10 ms", 10_000_000), ("3µs", 3000),
  ])
  func parsesDurations(text: String, nanoseconds: UInt64) {
    #expect(ConfigReader.parseDuration(text) == SimTime(nanoseconds: nanoseconds))
  }

  @Test(arguments: ["5", "1.5", "-1s", "ms", "2 sec", "1e3s", "", "999999999h"])
  func rejectsDurations(text: String) {
    #expect(ConfigReader.parseDuration(text) == nil)
  }

  @Test(arguments: [
    ("20000", ConfigRate.requestsPerSecond(20_000)), ("20000/s", .requestsPerSecond(20_000)),
    ("20/ms", .requestsPerSecond(20_000)), ("1.5e6", .requestsPerSecond(1_500_000)),
    ("400MB/s", .bytesPerSecond(400 * 1_048_576)), ("1GiB/s", .bytesPerSecond(1_073_741_824)),
    ("4KiB/ms", .bytesPerSecond(4_096_000)),
  ])
  func parsesRates(text: String, rate: ConfigRate) {
    #expect(ConfigReader.parseRate(text) == rate)
  }

  @Test(arguments: ["400MB", "-5", "fast", "10/fortnight", "1/2/3", "/s", "inf"])
  func rejectsRates(text: String) {
    #expect(ConfigReader.parseRate(text) == nil)
  }

  @Test func byteRatesDivideByTheMeanRequest() {
    #expect(ConfigRate.bytesPerSecond(8192).requestsPerSecond(meanRequestBytes: 4096) == 2)
    #expect(ConfigRate.requestsPerSecond(7).requestsPerSecond(meanRequestBytes: 4096) == 7)
  }
}
