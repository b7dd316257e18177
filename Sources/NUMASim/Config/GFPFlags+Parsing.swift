// SPDX-License-Identifier: MIT

import Foundation

extension GFPFlags {
  /// Parses `GFP_KERNEL`, `GFP_KERNEL | __GFP_THISNODE`, `GFP_USER|__GFP_NORETRY`.
  public init(parsing text: String) throws(GFPParseError) {
    guard !text.trimmingCharacters(in: .whitespaces).isEmpty else {
      throw GFPParseError(message: "no GFP flags given (e.g. GFP_KERNEL)")
    }
    var flags: GFPFlags = []
    for part in text.split(separator: "|", omittingEmptySubsequences: false) {
      let name = part.trimmingCharacters(in: .whitespaces).uppercased()
      guard !name.isEmpty else { throw GFPParseError(message: "'\(text)' has an empty flag between '|'s") }
      guard let f = GFPFlags.named.first(where: { $0.0 == name })?.1 else {
        let best = GFPFlags.named.map(\.0).min { EditDistance.between($0, name) < EditDistance.between($1, name) }
        throw GFPParseError(message: "unknown GFP flag '\(name)'" + (best.map { "; did you mean \($0)?" } ?? ""))
      }
      flags.formUnion(f)
    }
    guard [GFPFlags.dma, .dma32, .highmem].filter({ flags.contains($0) }).count <= 1 else {
      throw GFPParseError(message: "at most one of __GFP_DMA, __GFP_DMA32, __GFP_HIGHMEM may be set (GFP_ZONE_BAD)")
    }
    guard !flags.isSuperset(of: [.movable, .reclaimable]) else {
      throw GFPParseError(message: "__GFP_MOVABLE and __GFP_RECLAIMABLE together are not a migratetype")
    }
    self = flags
  }
}

/// A malformed GFP expression.
public struct GFPParseError: Error, Equatable, CustomStringConvertible {
  public var message: String
  public var description: String { message }
}
