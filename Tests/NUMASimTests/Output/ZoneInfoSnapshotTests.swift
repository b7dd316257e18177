// SPDX-License-Identifier: MIT
import Testing

@testable import NUMASim

@Suite struct ZoneInfoSnapshotTests {
  @Test func bootHasEveryManagedPageFreeAndCountersAtZero() throws {
    let setup = try referenceSetup()
    let s = ZoneInfoSnapshot.boot(setup)
    #expect(s.zones.count == 1)
    #expect(s.zones[0].count == 5)
    #expect(s.zones[0].map(\.freePages) == setup.zones[0].map(\.span.managed.count))
    let dma32 = s.zones[0][1]
    #expect(dma32.freePages == 772_808)
    #expect(dma32.zoneStats.count == ZoneStat.allCases.count)
    #expect(dma32.zoneStats[ZoneStat.nrFreePages.index] == 772_808)
    // 1509 whole blocks of 512 pages.
    #expect(dma32.zoneStats[ZoneStat.nrFreePagesBlocks.index] == 772_608)
    #expect(dma32.zoneStats.enumerated().allSatisfy { $0.offset < 2 || $0.element == 0 })
    #expect(dma32.numaStats == [0, 0, 0, 0, 0, 0])
    #expect(dma32.pcpCount == [0, 0])
    #expect(dma32.boost == setup.zones[0][1].watermarks.boost)
    #expect(s.nodeStats == [Array(repeating: 0, count: NodeStat.allCases.count)])
    #expect(s.nodeUnreclaimable == [false])
  }

  @Test func theFloatingHighStartsAtZeroOnNewKernels() throws {
    let s = ZoneInfoSnapshot.boot(try referenceSetup())
    #expect(s.zones[0].allSatisfy { $0.pcpHigh == [0, 0] })
  }

  @Test func olderKernelsStoreTheStaticHigh() throws {
    let setup = try referenceSetup(kernel: KernelVersion(6, 1))
    let s = ZoneInfoSnapshot.boot(setup)
    for (state, zone) in zip(s.zones[0], setup.zones[0]) {
      let expected = zone.span.isPopulated ? zone.pcp.highMin : 0
      #expect(state.pcpHigh == [expected, expected], "\(zone.span.type)")
    }
    #expect(s.zones[0][1].pcpHigh[0] > 0)
    #expect(s.zones[0][4].pcpHigh == [0, 0])
  }

  @Test func aSmallZoneHasNoWholeBlocks() throws {
    let s = ZoneInfoSnapshot.boot(try referenceSetup())
    let dma = s.zones[0][0]
    // 3840 managed pages: 7 blocks of 512.
    #expect(dma.zoneStats[ZoneStat.nrFreePagesBlocks.index] == 3584)
    let empty = s.zones[0][4]
    #expect(empty.freePages == 0)
    #expect(empty.zoneStats[ZoneStat.nrFreePagesBlocks.index] == 0)
  }
}
