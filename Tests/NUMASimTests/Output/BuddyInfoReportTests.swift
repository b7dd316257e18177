// SPDX-License-Identifier: MIT
import Testing

@testable import NUMASim

@Suite struct BuddyInfoReportTests {
  @Test func oneLinePerPopulatedZoneWithElevenPaddedOrders() throws {
    let a = try makeAllocator()
    let lines = BuddyInfoReport.render(a).split(separator: "\n", omittingEmptySubsequences: false)
    let populated = a.zones.elements.filter(\.isPopulated)
    #expect(lines.count == populated.count + 1)
    #expect(lines.last == "")
    for (line, zone) in zip(lines, populated) {
      let prefix =
        "Node 0, zone " + String(repeating: " ", count: 8 - zone.type.kernelName.count) + zone.type.kernelName + " "
      #expect(line.hasPrefix(prefix))
      let counts = line.dropFirst(prefix.count)
      #expect(counts.count == 11 * 7)
      let fields = counts.split(separator: " ").compactMap { Int($0) }
      #expect(fields == (0..<11).map { a.nrFree[zone.flatIndex * 11 + $0] })
    }
  }

  @Test func freeBlocksAddUpToTheFreePages() throws {
    var a = try makeAllocator()
    _ = a.allocate(AllocationRequest(order: 3, gfp: .kernel, cpu: 0))
    for zone in a.zones.elements where zone.isPopulated {
      let pages = (0..<11).reduce(0) { $0 + a.nrFree[zone.flatIndex * 11 + $1] << $1 }
      #expect(pages == zone.freePages, "\(zone.type)")
    }
    let text = BuddyInfoReport.render(a)
    #expect(text.hasPrefix("Node 0, zone      DMA "))
    #expect(text.contains("\nNode 0, zone    DMA32 "))
    #expect(!text.contains("Normal"))
  }

  @Test func pagetypeinfoStartsWithThePageblockSize() throws {
    let text = PageTypeInfoReport.render(try makeAllocator())
    #expect(
      text.hasPrefix(
        "Page block order: 9\nPages per block:  512\n\nFree pages count per migrate type at order       0      1      2 "
      ))
    #expect(
      text.contains(
        "\nNumber of blocks type     Unmovable      Movable  Reclaimable   HighAtomic          CMA      Isolate \n"))
  }

  @Test func atBootEveryPageblockIsMovable() throws {
    let a = try makeAllocator()
    let text = PageTypeInfoReport.render(a)
    let blockLines = text.split(separator: "\n").drop { !$0.hasPrefix("Number of blocks type") }.dropFirst()
    #expect(blockLines.count == a.zones.elements.filter(\.isPopulated).count)
    for line in blockLines {
      let counts = line.split(separator: " ").suffix(6).compactMap { Int($0) }
      #expect(counts.count == 6)
      #expect(counts[0] == 0 && counts[2...].allSatisfy { $0 == 0 }, "\(line)")
      #expect(counts[1] > 0)
    }
  }
}
