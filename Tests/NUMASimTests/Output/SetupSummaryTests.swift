// SPDX-License-Identifier: MIT
import Testing

@testable import NUMASim

@Suite struct SetupSummaryTests {
  @Test func listsEveryPopulatedZoneAndZonelist() throws {
    let text = SetupSummary.render(try referenceSetup())
    #expect(text.contains("vm.min_free_kbytes = 67584"))
    #expect(text.contains("0     DMA32   772808"))
    #expect(text.contains("node 0 zonelist: 0:Normal 0:DMA32 0:DMA"))
    #expect(!text.contains("Movable  "))
  }
}
