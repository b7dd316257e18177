// SPDX-License-Identifier: MIT
import Testing

@testable import NUMASim

@Suite struct MemoryModelTests {
  @Test(arguments: [
    ("FLATMEM", MemoryModel.flatmem), ("flatmem", .flatmem), ("DISCONTIGMEM", .discontigmem),
    ("Discontigmem", .discontigmem), ("SPARSEMEM", .sparsemem), ("sparsemem_vmemmap", .sparsemem),
    ("SPARSEMEM_EXTREME", .sparsemem),
  ])
  func parsesConfigNames(name: String, model: MemoryModel) {
    #expect(MemoryModel(name: name) == model)
  }

  @Test(arguments: ["", "VMEMMAP", "sparse", "FLAT", "CONFIG_FLATMEM", " FLATMEM"])
  func rejectsOtherNames(name: String) {
    #expect(MemoryModel(name: name) == nil)
  }

  @Test func rawValuesAreTheKconfigNames() {
    #expect(MemoryModel.allCases.map(\.rawValue) == ["FLATMEM", "DISCONTIGMEM", "SPARSEMEM"])
  }

  @Test func sectionsAre128MiB() {
    #expect(MemoryModel.structPageBytes == 64)
    #expect(MemoryModel.sectionBytes == 134_217_728)
    #expect(MemoryModel.sectionPages == 32768)
  }

  @Test(arguments: [(0, 0), (1, 1), (64, 1), (65, 2), (128, 2), (262_144, 4096), (32768, 512)])
  func memmapIsSixtyFourBytesPerFrameRoundedUpToPages(frames: Int, pages: Int) {
    #expect(MemoryModel.memmapPages(forFrames: frames) == pages)
  }
}
