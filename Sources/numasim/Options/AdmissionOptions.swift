// SPDX-License-Identifier: MIT
import ArgumentParser
import NUMASim

/// The limits a run is admitted under: `--max-memory` and `--max-events`.
struct AdmissionOptions: ParsableArguments {
  @Option(
    name: .customLong("max-memory"), parsing: .unconditional,
    help: "The most memory one run may need, e.g. 16GiB (default: this machine's MemAvailable).")
  var maxMemory: String?

  @Option(
    name: .customLong("max-events"), parsing: .unconditional,
    help: "The most events one run may process, e.g. 2e9 (default: 5e8, about seven minutes of the default scenario).")
  var maxEvents: String?

  /// The limits, with the defaults where an option is not given.
  func limits() throws -> Admission.Limits {
    var limits = Admission.Limits()
    if let text = maxMemory {
      guard let bytes = ConfigReader.parseSize(text), bytes > 0 else {
        throw CLIError.input([
          InputError(
            file: "<command line>", keyPath: "--max-memory", message: "'\(text)' is not a size such as 16GiB")
        ])
      }
      limits.maxMemoryBytes = bytes
    }
    if let text = maxEvents {
      guard let value = Double(text), value.isFinite, value >= 1, value < 1.8e19 else {
        throw CLIError.input([
          InputError(
            file: "<command line>", keyPath: "--max-events", message: "'\(text)' is not an event count such as 2e9")
        ])
      }
      limits.maxEvents = UInt64(value)
    }
    return limits
  }
}
