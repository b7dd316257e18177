// SPDX-License-Identifier: MIT

import Foundation

/// Reads a file a user named, with an error that says plainly why it cannot be read.
public enum InputFile {
  /// The largest input file read: 64 MiB (a `/proc/zoneinfo` of a 64-CPU, 8-node machine is
  /// about 1 MiB).
  public static let maxBytes = 64 * ByteSize.mib
  /// The file's text.
  /// - Parameter what: what the file is, for the message (`the config`, `the sysctl file`).
  /// - Throws: ``InputError`` naming the file: no such file, a folder, unreadable, not UTF-8.
  /// - Parameter maxBytes: the largest file accepted (``maxBytes`` unless given).
  public static func read(_ path: String, what: String, maxBytes: Int = maxBytes) throws(InputError) -> String {
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
      throw InputError(file: path, message: "cannot read \(what): no such file")
    }
    guard !isDirectory.boolValue else {
      throw InputError(file: path, message: "cannot read \(what): it is a folder")
    }
    // attributesOfItem does not follow links: ask about the file a link names.
    let target = URL(fileURLWithPath: path).resolvingSymlinksInPath().path
    let attributes = try? FileManager.default.attributesOfItem(atPath: target)
    if let type = attributes?[.type] as? FileAttributeType, type != .typeRegular {
      throw InputError(file: path, message: "cannot read \(what): it is not a regular file (a device, pipe or socket)")
    }
    if let size = (attributes?[.size] as? NSNumber)?.intValue, size > maxBytes {
      throw InputError(
        file: path,
        message:
          "cannot read \(what): it is \(ByteSize.describe(size)), more than the \(ByteSize.describe(maxBytes)) accepted"
      )
    }
    guard let data = FileManager.default.contents(atPath: path) else {
      throw InputError(file: path, message: "cannot read \(what): permission denied")
    }
    guard let text = String(data: data, encoding: .utf8) else {
      let (line, column) = firstInvalidUTF8(in: Array(data))
      throw InputError(file: path, line: line, column: column, message: "cannot read \(what): it is not UTF-8 text")
    }
    return text
  }

  /// The line and column (1-based, in bytes) of the first byte that is not valid UTF-8.
  static func firstInvalidUTF8(in bytes: [UInt8]) -> (line: Int, column: Int) {
    var line = 1
    var lineStart = 0
    var i = 0
    while i < bytes.count {
      let b = bytes[i]
      let length = b < 0x80 ? 1 : b >> 5 == 0b110 ? 2 : b >> 4 == 0b1110 ? 3 : b >> 3 == 0b11110 ? 4 : 0
      let valid =
        length > 0 && i + length <= bytes.count
        && (1..<length).allSatisfy { bytes[i + $0] >> 6 == 0b10 }
        && String(validating: bytes[i..<(i + length)], as: UTF8.self) != nil
      guard valid else { break }
      if b == 0x0A {
        line += 1
        lineStart = i + 1
      }
      i += length
    }
    return (line, i - lineStart + 1)
  }

  /// The lines of `text`, split at `\n`, `\r\n` or a bare `\r`, so a dump saved on Windows
  /// or an old Mac reads line by line. A final line ending gives no empty last line.
  public static func lines(_ text: String) -> [Substring] {
    var lines = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
    if lines.count > 1, lines.last?.isEmpty == true { lines.removeLast() }
    return lines
  }

  /// The 1-based column of `part` in `line` (a slice of it).
  public static func column(of part: Substring, in line: Substring) -> Int {
    line.distance(from: line.startIndex, to: part.startIndex) + 1
  }
}
