// SPDX-License-Identifier: MIT

/// The tool's version, written into results and printed by `--version`.
public enum NUMASimVersion {
  public static let string = "0.1.0"
}
