// SPDX-License-Identifier: MIT
import Testing

@testable import NUMASim

@Suite struct ThreadProgramReadingTests {
  /// Reads a one-group `workload:` with `body` under `- name: a` (its first line is line 3),
  /// on a machine of 8 CPUs.
  func read(_ body: String) -> (TaskGroup?, [String]) {
    let yaml = "workload:\n  - name: a\n" + body.split(separator: "\n").map { "    " + $0 }.joined(separator: "\n")
    let root: ConfigValue
    do { root = try ConfigValue.parse(yaml: yaml, file: "w.yaml") } catch { return (nil, [error.description]) }
    var r = ConfigReader(file: "w.yaml")
    guard let top = r.mapping(root, "", allowed: ["workload"]), let section = top["workload"] else {
      return (nil, r.errors.map(\.description))
    }
    let config = WorkloadConfig.read(section, &r, nodeCount: 1, cpuCount: 8) { _ in Array(0..<8) }
    return (config?.groups.first, r.errors.map(\.description))
  }

  @Test func theFaulterProgramReadsAsWritten() throws {
    let (g, errors) = read(
      """
      cpus: [0, 1]
      kind: anon
      program: [barrier, {touch: 1GiB}, {hold: 200ms}, unmap, {free: 0.5}, {sleep: "exponential(mean=0.1)"}]
      repeat: 3
      fault_us: "lognormal(mu=0.4, sigma=0.7)"
      munmap_us: 0.2
      """)
    #expect(errors == [])
    let group = try #require(g)
    let p = try #require(group.program)
    #expect(group.arrival == nil)
    #expect(
      p.steps == [
        .barrier, .touch(pages: 262_144), .hold(.constant(0.2)), .unmap, .free(fraction: 0.5),
        .sleep(.exponential(mean: 0.1)),
      ])
    #expect(p.threads == 2 && p.iterations == 3)
    #expect(p.faultMicroseconds == .lognormal(mu: 0.4, sigma: 0.7) && p.munmapMicroseconds == .constant(0.2))
    #expect(p.readMicroseconds == ThreadProgram.measuredReadMicroseconds)
  }

  @Test func threadsRepeatAndPageCountsHaveTheirDefaults() throws {
    let (g, errors) = read("kind: file_clean\nthreads: 3\nprogram: [{read: 100 pages}]\nrepeat: forever")
    #expect(errors == [])
    let p = try #require(g?.program)
    #expect(p.steps == [.read(pages: 100)] && p.threads == 3 && p.iterations == nil)
    #expect(p.faultMicroseconds == ThreadProgram.measuredFaultMicroseconds)
    // Without threads, one thread per CPU of the group.
    let (all, _) = read("program: [{touch: 4KiB}]")
    #expect(all?.program?.threads == 8)
  }

  @Test(arguments: [
    (
      "program: [{tuoch: 1GiB}]",
      "w.yaml:3:15: workload[0].program[0]: unknown step 'tuoch'; did you mean touch?; expected touch, read, hold, sleep, unmap, free, barrier"
    ),
    (
      "program: [{read: 1GiB}]",
      "w.yaml:3:15: workload[0].program[0]: read fills the page cache: it needs kind file_clean or file_dirty, not anon"
    ),
    ("program: [touch]", "w.yaml:3:15: workload[0].program[0]: touch needs a value (touch: ...)"),
    ("program: [{unmap: 1}, {touch: 1MiB}]", "w.yaml:3:15: workload[0].program[0]: unmap takes no value"),
    (
      "program: [{touch: 0 pages}]",
      "w.yaml:3:23: workload[0].program[0].touch: expected a size such as 512MiB or a page count such as 131072 pages, found '0 pages'"
    ),
    (
      "program: [barrier, {hold: 1s}]",
      "w.yaml:3:14: workload[0].program: the program needs a touch or read step of at least one page: without one it never advances time"
    ),
    ("program: [{touch: 1MiB}]\nthreads: 0", "w.yaml:4:14: workload[0].threads: 0 is out of range 1...4096"),
    (
      "program: [{touch: 1MiB}]\nfault_us: \"uniform(low=-1, high=1)\"",
      "w.yaml:4:15: workload[0].fault_us: a CPU time cannot be negative; uniform(low=-1, high=1) can draw below 0"
    ),
    ("program: [{touch: 1MiB}]\nrepeat: never", "w.yaml:4:13: workload[0].repeat: expected an integer, found 'never'"),
    (
      "program: [{touch: 1MiB}]\narrival: {poisson: 10}",
      "w.yaml:4:14: workload[0].arrival: a closed-loop group (program:) has no arrival: its threads' steps say when pages come and go"
    ),
    (
      "program: [{touch: 1MiB}]\nlifetime: 1s",
      "w.yaml:4:15: workload[0].lifetime: a closed-loop group (program:) has no lifetime: its threads' steps say when pages come and go"
    ),
    (
      "arrival: {poisson: 10}\nthreads: 2",
      "w.yaml:4:14: workload[0].threads: threads belongs to a closed-loop group, which needs a program:"
    ),
    (
      "program: [{touch: 1MiB}, {sleep: \"uniform(low=-1, high=0)\"}]",
      "w.yaml:3:38: workload[0].program[1].sleep: uniform(low=-1, high=0) can draw negative times"
    ),
    (
      "program: [{free: 2}, {touch: 1MiB}]",
      "w.yaml:3:22: workload[0].program[0].free: 2.0 is not a probability; expected 0...1"
    ),
  ])
  func badProgramsAreRefusedAtTheirKey(body: String, message: String) {
    let (g, errors) = read(body)
    #expect(g == nil)
    #expect(errors == [message])
  }
}
