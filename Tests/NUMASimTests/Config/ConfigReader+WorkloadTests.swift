// SPDX-License-Identifier: MIT
import Numerics
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

  @Test(arguments: [
    ("2.5ns", 3), ("0.4ns", 0), ("1_000ms", 1_000_000_000), ("0s", 0), ("100000s", 100_000_000_000_000),
  ])
  func roundsToWholeNanoseconds(text: String, nanoseconds: UInt64) {
    #expect(ConfigReader.parseDuration(text) == SimTime(nanoseconds: nanoseconds))
  }

  @Test(arguments: ["9200000000s", "1.5.5s", "5S", "5 m", "s5"])
  func rejectsMoreDurations(text: String) {
    #expect(ConfigReader.parseDuration(text) == nil)
  }

  @Test(arguments: [
    ("0", ConfigRate.requestsPerSecond(0)), ("1e3/s", .requestsPerSecond(1000)),
    ("1.5K/s", .bytesPerSecond(1536)), ("2 000 / us", .requestsPerSecond(2e9)), ("1B/ns", .bytesPerSecond(1e9)),
    ("1E3", .requestsPerSecond(1000)), ("2.5e+4/s", .requestsPerSecond(25_000)),
  ])
  func parsesMoreRates(text: String, rate: ConfigRate) {
    #expect(ConfigReader.parseRate(text) == rate)
  }

  @Test func ratesPerMinuteAndHourAreScaled() throws {
    guard case .requestsPerSecond(let perMinute) = ConfigReader.parseRate("120/min"),
      case .bytesPerSecond(let perHour) = ConfigReader.parseRate("3600MiB/h")
    else {
      Issue.record("not parsed")
      return
    }
    #expect(perMinute.isApproximatelyEqual(to: 2, relativeTolerance: 1e-12))
    #expect(perHour.isApproximatelyEqual(to: 1_048_576, relativeTolerance: 1e-12))
  }

  @Test(arguments: ["NaN", "1e3KB/s", "", "5/"])
  func rejectsMoreRates(text: String) {
    #expect(ConfigReader.parseRate(text) == nil)
  }

  /// Reads `key: value` with `read` and returns what it gave and the errors.
  func reading<T>(_ value: String, _ read: (inout ConfigReader, ConfigValue) -> T?) throws -> (T?, [String]) {
    let root = try ConfigValue.parse(yaml: "key: \(value)\n", file: "w.yaml")
    guard case .mapping(let entries, _) = root, let v = entries.first?.value else {
      Issue.record("not a mapping")
      return (nil, [])
    }
    var r = ConfigReader(file: "w.yaml")
    let result = read(&r, v)
    return (result, r.errors.map(\.description))
  }

  @Test func durationAndRateErrorsNameTheValue() throws {
    let (d, dErrors) = try reading("5") { r, v in r.duration(v, "w.key") }
    #expect(d == nil)
    #expect(dErrors == ["w.yaml:1:6: w.key: expected a duration such as 100ms, 2s or 500us, found '5'"])
    let (ok, okErrors) = try reading("20ms") { r, v in r.duration(v, "w.key") }
    #expect(ok == SimTime(nanoseconds: 20_000_000))
    #expect(okErrors.isEmpty)
    let (rate, rErrors) = try reading("fast") { r, v in r.rate(v, "w.key") }
    #expect(rate == nil)
    #expect(
      rErrors == [
        "w.yaml:1:6: w.key: expected a rate such as 20000 (requests per second), 20000/s or 400MB/s, found 'fast'"
      ])
    let (list, listErrors) = try reading("[1]") { r, v in r.rate(v, "w.key") }
    #expect(list == nil)
    #expect(listErrors == ["w.yaml:1:6: w.key: expected a value, found a list"])
  }

  @Test func probabilitiesAreBetweenZeroAndOne() throws {
    #expect(try reading("0") { r, v in r.probability(v, "p") }.0 == 0)
    #expect(try reading("1") { r, v in r.probability(v, "p") }.0 == 1)
    let (high, errors) = try reading("1.5") { r, v in r.probability(v, "p") }
    #expect(high == nil)
    #expect(errors == ["w.yaml:1:6: p: 1.5 is not a probability; expected 0...1"])
    #expect(
      try reading("-0.1") { r, v in r.probability(v, "p") }.1 == [
        "w.yaml:1:6: p: -0.1 is not a probability; expected 0...1"
      ])
    #expect(
      try reading("half") { r, v in r.probability(v, "p") }.1 == ["w.yaml:1:6: p: expected a number, found 'half'"])
  }

  @Test func aPlainNumberIsAConstantDistribution() throws {
    #expect(try reading("2.5") { r, v in r.distribution(v, "d") }.0 == .constant(2.5))
    #expect(try reading("-3") { r, v in r.distribution(v, "d") }.0 == .constant(-3))
    #expect(try reading("\"exponential(mean=0.05)\"") { r, v in r.distribution(v, "d") }.0 == .exponential(mean: 0.05))
  }

  @Test func anInvalidDistributionCarriesTheParsersMessage() throws {
    let text = "bogus(x=1)"
    var parserMessage = ""
    do { _ = try Distribution(parsing: text) } catch { parserMessage = error.message }
    #expect(!parserMessage.isEmpty)
    let (d, errors) = try reading("\"\(text)\"") { r, v in r.distribution(v, "d") }
    #expect(d == nil)
    #expect(errors == ["w.yaml:1:6: d: invalid distribution 'bogus(x=1)': \(parserMessage)"])
  }

  @Test func timeDistributionsTakeDurationsOrDistributionsInSeconds() throws {
    guard case .constant(let seconds) = try reading("100ms") { r, v in r.timeDistribution(v, "t") }.0 else {
      Issue.record("not a constant")
      return
    }
    #expect(seconds.isApproximatelyEqual(to: 0.1, relativeTolerance: 1e-12))
    #expect(try reading("0") { r, v in r.timeDistribution(v, "t") }.0 == .constant(0))
    #expect(
      try reading("\"gamma(shape=2, scale=0.5)\"") { r, v in r.timeDistribution(v, "t") }.0
        == .gamma(shape: 2, scale: 0.5))
  }

  @Test func timeDistributionsRejectBareNumbersAndNegativeDraws() throws {
    let (bare, errors) = try reading("5") { r, v in r.timeDistribution(v, "t") }
    #expect(bare == nil)
    #expect(
      errors == [
        "w.yaml:1:6: t: expected a duration such as 100ms or a distribution in seconds such as "
          + "exponential(mean=0.05), found '5'"
      ])
    let uniform = Distribution.uniform(low: -1, high: 1)
    let (negative, negativeErrors) = try reading("\"uniform(low=-1, high=1)\"") { r, v in r.timeDistribution(v, "t") }
    #expect(negative == nil)
    #expect(negativeErrors == ["w.yaml:1:6: t: \(uniform) can draw negative times"])
  }
}
