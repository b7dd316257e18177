// SPDX-License-Identifier: MIT
import Testing

@testable import NUMASim

@Suite struct AdmissionTests {
  static let yaml = """
    machine:
      nodes:
        - {memory: 1GiB, cpus: 2}
    warmup: 1s
    duration: 9s
    sample_interval: 10ms
    workload:
      - name: heap
        arrival: {poisson: 1000}
        kind: anon
      - name: ticks
        arrival: {constant: 1ms}
        kind: anon
        start: 2s
        stop: 4s
      - name: bursts
        arrival: {on_off: {rate: 10000, on: 1s, off: 3s}}
        kind: file_clean
    """

  @Test func eventsAreArrivalsAndFreesPlusSamples() throws {
    let config = try SimulationConfig.parse(yaml: Self.yaml, file: "a.yaml")
    let a = try Admission(config)
    // heap: 1000/s over 10 s; ticks: one per ms over 2 s; bursts: 10000/s a quarter of the time.
    #expect(a.groupEvents == [20_000.0, 4_000.0, 50_000.0])
    #expect(a.events == 75_000.0)
    #expect(a.summary == "needs about \(ByteSize.describe(a.memoryBytes)) and 75.0 k events")
  }

  @Test func memoryIsPerFrameStateOverTheSpannedFrames() throws {
    let config = try SimulationConfig.parse(yaml: Self.yaml, file: "a.yaml")
    let a = try Admission(config)
    let machine = try #require(config.builtMachine)
    let spanned = machine.nodes.flatMap(\.zones).reduce(0) { $0 + $1.spanned.count }
    #expect(a.frames == spanned)
    #expect(Admission.bytesPerFrame == 16 + 4 + 4 + 32)
    #expect(a.memoryBytes > Admission.baseBytes + spanned * Admission.bytesPerFrame)
    #expect(a.memoryBytes < Admission.baseBytes + spanned * Admission.bytesPerFrame + 16 * ByteSize.mib)
  }

  @Test func aBusyGroupIsRefusedAtItsArrivalKey() throws {
    let yaml = Self.yaml.replacingOccurrences(of: "poisson: 1000}", with: "poisson: 1e9}")
    let config = try SimulationConfig.parse(yaml: yaml, file: "a.yaml")
    #expect {
      try Admission(config).check(config, limits: .init(maxMemoryBytes: 1 << 40, maxEvents: 500_000_000))
    } throws: { error in
      "\(error)"
        == "a.yaml:9:24: workload[0].arrival: the run implies about 20.0 G events, more than the budget of 500 M "
        + "(lower the rate or the duration, or raise the budget with --max-events)"
    }
  }

  @Test func manySmallGroupsAreRefusedAtTheDuration() throws {
    var yaml = "machine: {nodes: [{memory: 1GiB, cpus: 1}]}\nduration: 100s\nworkload:\n"
    for g in 0..<10 { yaml += "  - {name: g\(g), arrival: {poisson: 1e5}, kind: anon}\n" }
    let config = try SimulationConfig.parse(yaml: yaml, file: "m.yaml")
    #expect {
      try Admission(config).check(config, limits: .init(maxMemoryBytes: 1 << 40, maxEvents: 1_000_000))
    } throws: { error in
      "\(error)".hasPrefix("m.yaml:2:11: duration: the run implies about 210 M events")
    }
  }

  @Test func memoryBeyondTheLimitIsRefusedAtTheNodesForEachJob() throws {
    let config = try SimulationConfig.parse(yaml: Self.yaml, file: "a.yaml")
    let a = try Admission(config)
    let limits = Admission.Limits(maxMemoryBytes: a.memoryBytes + 1, maxEvents: 1 << 40)
    try a.check(config, limits: limits)
    #expect {
      try a.check(config, limits: limits, jobs: 2)
    } throws: { error in
      "\(error)".hasPrefix("a.yaml:3:5: machine: the run needs about ")
        && "\(error)".contains("for each of 2 jobs")
        && "\(error)".contains("raise it with --max-memory")
    }
  }

  @Test func availableMemoryIsReadFromMeminfo() {
    #expect(Admission.Limits.availableMemoryBytes(meminfo: "/nonexistent") == 8 * ByteSize.gib)
    #expect(Admission.Limits.availableMemoryBytes() > 0)
    #expect(Admission.describe(events: 950) == "950")
    #expect(Admission.describe(events: 3_628_364) == "3.6 M")
    #expect(Admission.describe(events: 2.5e300) == "2.5e+300")
    #expect(Admission.describe(events: .infinity) == "infinitely many")
  }
}
