// SPDX-License-Identifier: MIT
import Testing

@testable import NUMASim

@Suite struct PageKindTests {
  @Test func rawValuesAreTheConfigSpellings() {
    #expect(PageKind.allCases.map(\.rawValue) == ["anon", "file_clean", "file_dirty", "slab", "kernel"])
    #expect(PageKind(rawValue: "file_dirty") == .fileDirty)
    #expect(PageKind(rawValue: "fileDirty") == nil)
  }

  @Test func fileAndLRUMembership() {
    #expect(PageKind.allCases.filter(\.isFile) == [.fileClean, .fileDirty])
    #expect(PageKind.allCases.filter(\.isOnLRU) == [.anon, .fileClean, .fileDirty])
  }

  @Test func defaultGFPClasses() {
    #expect(PageKind.anon.defaultGFP == .highUserMovable)
    #expect(PageKind.fileClean.defaultGFP == .highUserMovable)
    #expect(PageKind.fileDirty.defaultGFP == .highUserMovable)
    #expect(PageKind.slab.defaultGFP == GFPFlags.kernel.union(.reclaimable))
    #expect(PageKind.kernel.defaultGFP == .kernel)
    #expect(PageKind.slab.defaultGFP.contains(.reclaimable))
    #expect(!PageKind.kernel.defaultGFP.contains(.reclaimable))
  }
}
