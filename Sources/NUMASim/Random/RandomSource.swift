// SPDX-License-Identifier: MIT
#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Decides a run's generator and seed: an explicit seed, else GSL's environment variables.
///
/// Follows `gsl_rng_env_setup` without calling it (it prints to stderr and
/// reports an unknown type through GSL's error handler): `GSL_RNG_TYPE` names
/// the generator and `GSL_RNG_SEED` the seed, read as `strtoul(s, 0, 0)` reads
/// it (decimal, `0x` hexadecimal or leading-`0` octal). Unlike GSL, a seed
/// that is not a whole unsigned number is an error rather than a silent 0,
/// and an empty variable counts as unset.
public enum RandomSource {
  /// The variable naming the generator.
  public static let typeVariable = "GSL_RNG_TYPE"
  /// The variable holding the seed.
  public static let seedVariable = "GSL_RNG_SEED"
  /// GSL's default seed (`gsl_rng_default_seed` before any `gsl_rng_env_setup`).
  public static let defaultSeed: UInt64 = 0

  /// The generator and seed a run uses.
  ///
  /// - An explicit `seed` wins: the record is `generator` (default mt19937)
  ///   with that seed, and the environment is not consulted.
  /// - Otherwise `generator`, if given, else `GSL_RNG_TYPE`, else mt19937;
  ///   the seed is `GSL_RNG_SEED`, else GSL's default 0.
  ///
  /// - Parameter environment: the variables to consult; tests pass their own.
  public static func resolve(
    seed: UInt64?,
    generator: RandomGenerator? = nil,
    environment: [String: String] = processEnvironment()
  ) throws(RandomSourceError) -> GeneratorRecord {
    if let seed {
      return GeneratorRecord(
        generatorName: (generator ?? .mt19937).name, seed: seed, source: .explicit)
    }
    var fromEnvironment = false
    var chosen = generator ?? .mt19937
    if generator == nil, let name = environment[typeVariable], !name.isEmpty {
      do {
        chosen = try RandomGenerator(gslName: name)
      } catch {
        throw RandomSourceError.unknownGeneratorType(name)
      }
      fromEnvironment = true
    }
    var resolvedSeed = defaultSeed
    if let text = environment[seedVariable], !text.isEmpty {
      guard let parsed = parseSeed(text) else { throw RandomSourceError.invalidSeed(text) }
      resolvedSeed = parsed
      fromEnvironment = true
    }
    return GeneratorRecord(
      generatorName: chosen.name, seed: resolvedSeed,
      source: fromEnvironment ? .environment : .default)
  }

  /// The record for a run given no seed: `GSL_RNG_TYPE` / `GSL_RNG_SEED`, else the defaults.
  public static func fromEnvironment(
    _ environment: [String: String] = processEnvironment()
  ) throws(RandomSourceError) -> GeneratorRecord {
    try resolve(seed: nil, environment: environment)
  }

  /// The process's `GSL_RNG_TYPE` and `GSL_RNG_SEED`, where set.
  public static func processEnvironment() -> [String: String] {
    var values: [String: String] = [:]
    for name in [typeVariable, seedVariable] {
      if let value = getenv(name) { values[name] = String(cString: value) }
    }
    return values
  }

  /// `text` as `strtoul(text, 0, 0)` reads it, or nil unless all of it is a number that fits.
  static func parseSeed(_ text: String) -> UInt64? {
    var digits = Substring(text.trimmingWhitespace())
    if digits.hasPrefix("+") { digits = digits.dropFirst() }
    guard !digits.isEmpty, digits.allSatisfy({ $0.isHexDigit || $0 == "x" || $0 == "X" }) else {
      return nil
    }
    let lowered = digits.lowercased()
    if lowered.hasPrefix("0x") {
      return UInt64(lowered.dropFirst(2), radix: 16)
    }
    if digits.count > 1, digits.hasPrefix("0") {
      return UInt64(digits.dropFirst(), radix: 8)
    }
    return UInt64(digits, radix: 10)
  }
}

/// Why the environment's generator settings were rejected.
public enum RandomSourceError: Error, Hashable, Sendable, CustomStringConvertible {
  /// `GSL_RNG_TYPE` names no generator GSL has.
  case unknownGeneratorType(String)
  /// `GSL_RNG_SEED` is not an unsigned 64-bit number.
  case invalidSeed(String)

  public var description: String {
    switch self {
    case .unknownGeneratorType(let name):
      return "\(RandomSource.typeVariable)='\(name)' is not a GSL generator; valid types are "
        + RandomGenerator.availableNames.joined(separator: ", ")
    case .invalidSeed(let text):
      return "\(RandomSource.seedVariable)='\(text)' is not an unsigned 64-bit integer"
        + " (decimal, 0x-prefixed hexadecimal or 0-prefixed octal)"
    }
  }
}

extension String {
  /// The string without leading and trailing spaces, tabs and newlines.
  fileprivate func trimmingWhitespace() -> Substring {
    let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }
    guard let first = firstIndex(where: { !isSpace($0) }) else { return "" }
    let last = lastIndex(where: { !isSpace($0) })!
    return self[first...last]
  }
}
