// SPDX-License-Identifier: MIT
import CGSL

/// A GSL random-number generator algorithm, named as GSL names it (`gsl_rng_name`).
///
/// The common ones are static members (``mt19937``, ``taus2``, ...), resolved
/// through CGSL's accessor functions. Any other generator GSL provides can be
/// named with ``init(gslName:)``, so that every `GSL_RNG_TYPE` GSL accepts is
/// honoured. A value of this type always names a generator GSL has: an invalid
/// one cannot be constructed.
public struct RandomGenerator: Hashable, Sendable, CustomStringConvertible {
  /// GSL's name for the generator, as `GSL_RNG_TYPE` spells it.
  public let name: String

  private init(known name: String) { self.name = name }

  /// The Mersenne Twister (MT19937, 2002 seeding): GSL's and NUMASim's default.
  public static let mt19937 = RandomGenerator(known: "mt19937")
  /// RANLUX double precision, luxury level 1.
  public static let ranlxd1 = RandomGenerator(known: "ranlxd1")
  /// RANLUX double precision, luxury level 2 (strongest decorrelation).
  public static let ranlxd2 = RandomGenerator(known: "ranlxd2")
  /// The original RANLUX at the default luxury level.
  public static let ranlux = RandomGenerator(known: "ranlux")
  /// The original RANLUX at the highest luxury level (389).
  public static let ranlux389 = RandomGenerator(known: "ranlux389")
  /// L'Ecuyer's maximally equidistributed combined Tausworthe (improved seeding).
  public static let taus2 = RandomGenerator(known: "taus2")
  /// L'Ecuyer's four-component Tausworthe generator (period 2^113).
  public static let taus113 = RandomGenerator(known: "taus113")
  /// Ziff's four-tap lagged-fibonacci generator.
  public static let gfsr4 = RandomGenerator(known: "gfsr4")
  /// L'Ecuyer, Blouin and Coutre's fifth-order multiple recursive generator.
  public static let mrg = RandomGenerator(known: "mrg")
  /// L'Ecuyer's combined multiple recursive generator (MRG32k3a family).
  public static let cmrg = RandomGenerator(known: "cmrg")

  /// The generators with static members, in declaration order.
  public static let named: [RandomGenerator] = [
    .mt19937, .ranlxd1, .ranlxd2, .ranlux, .ranlux389, .taus2, .taus113, .gfsr4, .mrg, .cmrg,
  ]

  /// Every generator name the linked GSL provides (`gsl_rng_types_setup`), in GSL's order.
  public static var availableNames: [String] { gslGeneratorTable.names }

  /// The generator GSL calls `gslName`.
  ///
  /// Throws ``RandomGeneratorError/unknown(_:)`` if GSL has no such generator.
  public init(gslName: String) throws(RandomGeneratorError) {
    guard gslGeneratorTable.types[gslName] != nil else {
      throw RandomGeneratorError.unknown(gslName)
    }
    self.name = gslName
  }

  public var description: String { name }

  /// GSL's type descriptor for this generator.
  var gslType: UnsafePointer<gsl_rng_type> {
    let resolved: UnsafePointer<gsl_rng_type>?
    switch name {
    case "mt19937": resolved = cgsl_rng_mt19937()
    case "ranlxd1": resolved = cgsl_rng_ranlxd1()
    case "ranlxd2": resolved = cgsl_rng_ranlxd2()
    case "ranlux": resolved = cgsl_rng_ranlux()
    case "ranlux389": resolved = cgsl_rng_ranlux389()
    case "taus2": resolved = cgsl_rng_taus2()
    case "taus113": resolved = cgsl_rng_taus113()
    case "gfsr4": resolved = cgsl_rng_gfsr4()
    case "mrg": resolved = cgsl_rng_mrg()
    case "cmrg": resolved = cgsl_rng_cmrg()
    default: resolved = gslGeneratorTable.types[name]?.pointer
    }
    guard let resolved else { preconditionFailure("GSL has no generator named \(name)") }
    return resolved
  }
}

/// Why a generator name was rejected.
public enum RandomGeneratorError: Error, Hashable, Sendable, CustomStringConvertible {
  /// GSL has no generator of this name.
  case unknown(String)

  public var description: String {
    switch self {
    case .unknown(let name):
      let known = RandomGenerator.named.map(\.name).joined(separator: ", ")
      return "unknown GSL generator '\(name)'; common ones are \(known)"
        + " (\(RandomGenerator.availableNames.count) in all: see RandomGenerator.availableNames)"
    }
  }
}

/// A pointer to one of GSL's static, immutable generator descriptors.
private struct GeneratorTypePointer: @unchecked Sendable {
  // GSL's gsl_rng_type descriptors are constant static data: sharing is safe.
  let pointer: UnsafePointer<gsl_rng_type>
}

/// GSL's generator list, read once.
///
/// `gsl_rng_types_setup` refills a static array on every call, so it is
/// called once here (under Swift's global-initialisation lock) and never again.
private struct GeneratorTable: Sendable {
  let names: [String]
  let types: [String: GeneratorTypePointer]

  init() {
    var names: [String] = []
    var types: [String: GeneratorTypePointer] = [:]
    if var cursor = cgsl_rng_types() {
      while let type = cursor.pointee {
        let name = String(cString: type.pointee.name)
        names.append(name)
        types[name] = GeneratorTypePointer(pointer: type)
        cursor += 1
      }
    }
    self.names = names
    self.types = types
  }
}

private let gslGeneratorTable = GeneratorTable()
