// SPDX-License-Identifier: MIT
import Testing

@testable import NUMASim

@Suite struct ZoneTypeTests {
  @Test func namesAreTheKernels() {
    #expect(ZoneType.allCases.map(\.kernelName) == ["DMA", "DMA32", "Normal", "HighMem", "Movable", "Device"])
    #expect(ZoneType.allCases.map(\.counterSuffix) == ["dma", "dma32", "normal", "highmem", "movable", "device"])
  }

  @Test(arguments: [
    ("DMA32", ZoneType.dma32), ("dma32", .dma32), ("NORMAL", .normal), ("highmem", .highMem), ("Device", .device),
  ])
  func looksNamesUpCaseInsensitively(name: String, type: ZoneType) {
    #expect(ZoneType(kernelName: name) == type)
  }

  @Test(arguments: ["", "DMA 32", "High", "Normal ", "ZONE_NORMAL"])
  func rejectsOtherNames(name: String) {
    #expect(ZoneType(kernelName: name) == nil)
  }

  @Test func onlyHighMemIsHighMem() {
    #expect(ZoneType.allCases.filter(\.isHighMem) == [.highMem])
  }

  @Test func architecturesConfigureTheirZonesInZoneIndexOrder() {
    #expect(Architecture.x86_64.zoneTypes == [.dma, .dma32, .normal, .movable, .device])
    #expect(Architecture.i386.zoneTypes == [.dma, .normal, .highMem, .movable])
    #expect(Architecture.arm.zoneTypes == [.normal, .highMem, .movable])
    #expect(Architecture.allCases.map(\.zoneCount) == [5, 4, 3])
    #expect(Architecture.allCases.map(\.rawValue) == ["x86_64", "i386", "arm"])
  }

  @Test func zoneIndexIsThePositionInTheLayout() {
    #expect(Architecture.x86_64.zoneIndex(of: .normal) == 2)
    #expect(Architecture.x86_64.zoneIndex(of: .highMem) == nil)
    #expect(Architecture.i386.zoneIndex(of: .highMem) == 2)
    #expect(Architecture.arm.zoneIndex(of: .dma) == nil)
    #expect(Architecture.arm.zoneIndex(of: .movable) == 2)
  }

  @Test func normalZoneIndex() {
    #expect(Architecture.allCases.map(\.normalZoneIndex) == [2, 1, 0])
  }

  @Test func zoneLimitsAreInPages() {
    let x86 = Architecture.x86_64.zoneLimits
    #expect(x86.map(\.0) == [.dma, .dma32])
    #expect(x86.map(\.1) == [Pages(4096), Pages(1_048_576)])
    let i386 = Architecture.i386.zoneLimits
    #expect(i386.map(\.0) == [.dma, .normal])
    #expect(i386.map(\.1) == [Pages(4096), Pages(229_376)])
    let arm = Architecture.arm.zoneLimits
    #expect(arm.map(\.0) == [.normal])
    #expect(arm.map(\.1) == [Pages(194_560)])
  }
}
