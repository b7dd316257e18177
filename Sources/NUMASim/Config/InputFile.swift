// SPDX-License-Identifier: MIT

import Foundation

/// Reads a file a user named, with an error that says plainly why it cannot be read.
public enum InputFile {
  /// The file's text.
  /// - Parameter what: what the file is, for the message (`the config`, `the sysctl file`).
  /// - Throws: ``InputError`` naming the file: no such file, a folder, unreadable, not UTF-8.
  public static func read(_ path: String, what: String) throws(InputError) -> String {
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
      throw InputError(file: path, message: "cannot read \(what): no such file")
    }
    guard !isDirectory.boolValue else {
      throw InputError(file: path, message: "cannot read \(what): it is a folder")
    }
    guard let data = FileManager.default.contents(atPath: path) else {
      throw InputError(file: path, message: "cannot read \(what): permission denied")
    }
    guard let text = String(data: data, encoding: .utf8) else {
      throw InputError(file: path, message: "cannot read \(what): it is not UTF-8 text")
    }
    return text
  }
}
