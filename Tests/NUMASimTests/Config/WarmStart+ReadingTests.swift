// SPDX-License-Identifier: MIT
import Testing

@testable import NUMASim

@Suite struct WarmStartReadingTests {
  static let machine = """
    machine: {nodes: [{memory: 1GiB, cpus: 2}, {memory: 1GiB, cpus: 2}]}
    workload:
      - {name: heap, cpus: [2, 3], arrival: {poisson: 1000}, kind: anon, lifetime: "exponential(mean=4)", order: {0: 0.5, 2: 0.5}}
      - {name: cache, cpus: [0], arrival: {poisson: 1000}, kind: file_clean}
      - {name: faulter, kind: anon, program: [{touch: 1MiB}, unmap]}
      - {name: capped, arrival: {phases: [{at: 0s, poisson: 1000}, {at: 1s, poisson: 5}]}, kind: anon, lifetime: 100s, limit: 1000 pages}

    """

  func parse(_ initial: String) throws -> SimulationConfig {
    try SimulationConfig.parse(yaml: Self.machine + "initial_state:\n" + initial, file: "w.yaml")
  }

  func errors(_ initial: String) -> [String] {
    do {
      _ = try parse(initial)
      return []
    } catch let error as InputErrors {
      return error.errors.map(\.description)
    } catch { return ["\(error)"] }
  }

  @Test func entriesReadWithTheirGroupsAmountsAndNodes() throws {
    let c = try parse(
      """
        - {group: heap, pages: steady}
        - {group: cache, pages: full}
        - {group: cache, pages: 40%, nodes: [1, 0]}
        - {group: capped, pages: steady, nodes: all}
        - {group: heap, pages: 2MiB}
        - {group: [cache, heap], pages: full}
        - {group: [cache, heap], pages: 10%, nodes: last}
      """)
    let e = c.initialState.entries
    // Little's law: 1000/s × 4 s × (0.5 · 1 + 0.5 · 4) pages.
    #expect(
      e[0]
        == WarmStart.Entry(
          groups: [0], weights: [2500], groupNodes: [[1]], amount: .pages(10_000), nodes: [1], path: "initial_state[0]")
    )
    #expect(e[1].amount == .full && e[1].nodes == [0])
    #expect(e[2].amount == .fraction(0.4) && e[2].nodes == [1, 0])
    // The first phase's rate, capped at the group's limit.
    #expect(e[3].amount == .pages(1000) && e[3].nodes == [0, 1])
    #expect(e[4].amount == .pages(512))
    // A mixed entry: shares by inflow (1000 and 2500 pages/s), each group on its own nodes.
    #expect(e[5].groups == [1, 0] && e[5].weights == [1000, 2500] && e[5].nodes == [0, 1])
    #expect(WarmStart.weights(e[5], on: 0) == [1000, 0] && WarmStart.weights(e[5], on: 1) == [0, 2500])
    // Given nodes: both groups spread over them.
    #expect(e[6].nodes == [1] && WarmStart.weights(e[6], on: 1) == [1000, 2500])
  }

  @Test func badEntriesAreNamedByFileLineAndKey() {
    #expect(
      errors("  - {group: nobody, pages: full}") == [
        "w.yaml:8:13: initial_state[0].group: no task group is named nobody (the workload has heap, cache, faulter, capped)"
      ])
    #expect(
      errors("  - {group: faulter, pages: full}").first?.contains("initial_state[0].group: faulter's threads unmap")
        == true)
    #expect(errors("  - {group: cache, pages: steady}").first?.contains("steady needs a lifetime with a mean") == true)
    #expect(
      errors("  - {group: cache, pages: 0%}").first?.contains("initial_state[0].pages: expected a share above 0%")
        == true)
    #expect(
      errors("  - {group: cache, pages: lots}").first?.contains("initial_state[0].pages: expected a size") == true)
    #expect(
      errors("  - {group: cache, pages: full, nodes: [0, 2]}").first?.contains(
        "initial_state[0].nodes[1]: 2 is out of range 0...1") == true)
    #expect(errors("  - {group: cache, pages: full, nodes: [1, 1]}").first?.contains("node 1 is given twice") == true)
    #expect(errors("  - {pages: full}").first?.contains("initial_state[0]: a warm-start entry needs group:") == true)
    #expect(errors("  - {group: cache}").first?.contains("needs pages: full, steady") == true)
    #expect(errors("  - {group: cache, pages: full, size: 1}").first?.contains("size") == true)
    #expect(
      errors("  - {group: [cache, cache], pages: full}").first?.contains("group[1]: cache is given twice") == true)
    #expect(errors("  - {group: [cache, heap], pages: steady}").first?.contains("steady is one group's size") == true)
  }
}
