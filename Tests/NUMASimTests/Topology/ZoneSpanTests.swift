// SPDX-License-Identifier: MIT
import Testing

@testable import NUMASim

@Suite struct ZoneSpanTests {
  @Test func anEmptyZoneHasNothing() {
    let z = ZoneSpan.empty(.movable)
    #expect(z.type == .movable)
    #expect(z.startPFN == 0)
    #expect([z.spanned, z.present, z.managed] == [.zero, .zero, .zero])
    #expect(!z.isPopulated)
    #expect(!z.isManaged)
    #expect(z.endPFN == 0)
  }

  @Test func endIsStartPlusSpanned() {
    let z = ZoneSpan(
      type: .dma32, startPFN: 4096, spanned: Pages(1_044_480), present: Pages(782_336), managed: Pages(772_808))
    #expect(z.endPFN == 1_048_576)
    #expect(z.isPopulated)
    #expect(z.isManaged)
  }

  @Test func presentButUnmanagedIsPopulatedOnly() {
    let z = ZoneSpan(type: .dma, spanned: Pages(4095), present: Pages(3998), managed: .zero)
    #expect(z.startPFN == 0)
    #expect(z.isPopulated)
    #expect(!z.isManaged)
    #expect(z.endPFN == 4095)
  }
}
