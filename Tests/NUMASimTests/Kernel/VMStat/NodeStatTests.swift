// SPDX-License-Identifier: MIT
import Testing

@testable import NUMASim

@Suite struct NodeStatTests {
  /// The names of the `per-node stats` block of the reference 6.18 dump, in order.
  static func dumpedNames() -> [String] {
    let lines = Fixtures.text("local-6.18.zoneinfo").split(separator: "\n").map {
      $0.trimmingCharacters(in: .whitespaces)
    }
    guard let start = lines.firstIndex(of: "per-node stats") else { return [] }
    return lines[(start + 1)...].prefix { !$0.hasPrefix("pages free") }.compactMap {
      $0.split(separator: " ").first.map(String.init)
    }
  }

  @Test func namesAndOrderAreThoseOfLinux618() {
    let dumped = Self.dumpedNames()
    #expect(dumped.count == 51)
    #expect(NodeStat.allCases.map(\.kernelName) == dumped)
  }

  @Test func indexIsThePrintPosition() {
    #expect(NodeStat.allCases.map(\.index) == Array(0..<NodeStat.allCases.count))
    #expect(NodeStat.nrInactiveAnon.index == 0)
    #expect(NodeStat.nrFilePages.index == 19)
    #expect(NodeStat.nrKernelFilePages.index == 50)
  }

  @Test func kernelNameIsTheRawValue() {
    #expect(NodeStat.nrAnonTransparentHugepages.kernelName == "nr_anon_transparent_hugepages")
    #expect(NodeStat(rawValue: "nr_iommu_pages") == .nrIOMMUPages)
    #expect(NodeStat(rawValue: "nr_free_pages") == nil)
  }
}
