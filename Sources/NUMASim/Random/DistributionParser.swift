// SPDX-License-Identifier: MIT

/// A recursive-descent parser for the grammar in `Distribution`'s text-form notes.
struct DistributionParser {
  private enum Value {
    case number(Double)
    case list([Double])
  }

  private struct Argument {
    var name: String?
    var value: Value
    var offset: Int
  }

  /// Each kind's parameters in positional order; `true` marks a list parameter.
  private static let parameters: [String: [(name: String, isList: Bool)]] = [
    "constant": [("value", false)],
    "uniform": [("low", false), ("high", false)],
    "exponential": [("mean", false)],
    "normal": [("mean", false), ("sd", false)],
    "lognormal": [("mu", false), ("sigma", false)],
    "gamma": [("shape", false), ("scale", false)],
    "weibull": [("scale", false), ("shape", false)],
    "pareto": [("shape", false), ("scale", false)],
    "empirical": [("values", true)],
    "histogram": [("edges", true), ("weights", true)],
  ]
  private static let kinds = [
    "constant", "uniform", "exponential", "normal", "lognormal", "gamma", "weibull", "pareto",
    "empirical", "histogram",
  ]

  private let text: [Character]
  private var position = 0

  init(_ text: String) { self.text = Array(text) }

  mutating func parse() throws(DistributionParseError) -> Distribution {
    skipSpaces()
    let kindOffset = position
    let kind = identifier()
    guard !kind.isEmpty else { throw error("expected a distribution name such as exponential") }
    guard Self.kinds.contains(kind) else {
      throw DistributionParseError(
        message: "unknown distribution '\(kind)'; expected one of "
          + Self.kinds.joined(separator: ", "),
        offset: kindOffset)
    }
    skipSpaces()
    try expect("(", after: kind)
    var arguments: [Argument] = []
    skipSpaces()
    if peek() != ")" {
      while true {
        arguments.append(try argument())
        skipSpaces()
        if peek() == "," {
          position += 1
          continue
        }
        break
      }
    }
    try expect(")", after: "the arguments of \(kind)")
    skipSpaces()
    if position < text.count { throw error("unexpected '\(text[position])' after ')'") }
    return try build(kind, kindOffset: kindOffset, arguments)
  }

  // MARK: Binding arguments to parameters

  private func build(_ kind: String, kindOffset: Int, _ arguments: [Argument])
    throws(DistributionParseError) -> Distribution
  {
    var expected = Self.parameters[kind]!
    if kind == "lognormal", arguments.contains(where: { $0.name == "median" || $0.name == "p99" }) {
      expected = [("median", false), ("p99", false)]
    }
    let expectedNames = expected.map(\.name).joined(separator: ", ")
    var bound: [String: Argument] = [:]
    var sawNamed = false
    for (index, argument) in arguments.enumerated() {
      let name: String
      if let given = argument.name {
        sawNamed = true
        guard expected.contains(where: { $0.name == given }) else {
          throw DistributionParseError(
            message: "unknown parameter '\(given)' for \(kind); expected \(expectedNames)",
            parameter: given, offset: argument.offset)
        }
        name = given
      } else {
        guard !sawNamed else {
          throw DistributionParseError(
            message: "positional argument after a named one in \(kind)", offset: argument.offset)
        }
        guard index < expected.count else {
          throw DistributionParseError(
            message: "too many arguments for \(kind); expected \(expectedNames)",
            offset: argument.offset)
        }
        name = expected[index].name
      }
      guard bound[name] == nil else {
        throw DistributionParseError(
          message: "parameter '\(name)' given twice for \(kind)", parameter: name,
          offset: argument.offset)
      }
      bound[name] = argument
    }

    var numbers: [String: Double] = [:]
    var lists: [String: [Double]] = [:]
    for (name, isList) in expected {
      guard let argument = bound[name] else {
        throw DistributionParseError(
          message: "missing parameter '\(name)' for \(kind); expected \(expectedNames)",
          parameter: name, offset: text.count)
      }
      switch (argument.value, isList) {
      case (.number(let value), false): numbers[name] = value
      case (.list(let values), true): lists[name] = values
      case (.list, false):
        throw DistributionParseError(
          message: "parameter '\(name)' for \(kind) takes a number, not a list", parameter: name,
          offset: argument.offset)
      case (.number, true):
        throw DistributionParseError(
          message: "parameter '\(name)' for \(kind) takes a list such as [1, 2, 3]",
          parameter: name, offset: argument.offset)
      }
    }

    func offset(of parameter: String) -> Int { bound[parameter]?.offset ?? kindOffset }
    let distribution: Distribution
    do {
      switch kind {
      case "constant": distribution = .constant(numbers["value"]!)
      case "uniform": distribution = .uniform(low: numbers["low"]!, high: numbers["high"]!)
      case "exponential": distribution = .exponential(mean: numbers["mean"]!)
      case "normal": distribution = .normal(mean: numbers["mean"]!, sd: numbers["sd"]!)
      case "lognormal":
        if let median = numbers["median"], let p99 = numbers["p99"] {
          distribution = try .lognormal(median: median, p99: p99)
        } else {
          distribution = .lognormal(mu: numbers["mu"]!, sigma: numbers["sigma"]!)
        }
      case "gamma": distribution = .gamma(shape: numbers["shape"]!, scale: numbers["scale"]!)
      case "weibull": distribution = .weibull(scale: numbers["scale"]!, shape: numbers["shape"]!)
      case "pareto": distribution = .pareto(shape: numbers["shape"]!, scale: numbers["scale"]!)
      case "empirical": distribution = .empirical(values: lists["values"]!)
      default: distribution = .histogram(edges: lists["edges"]!, weights: lists["weights"]!)
      }
      try distribution.validate()
    } catch {
      throw DistributionParseError(
        message: error.description, parameter: error.parameter, offset: offset(of: error.parameter))
    }
    return distribution
  }

  // MARK: Tokens

  private mutating func argument() throws(DistributionParseError) -> Argument {
    skipSpaces()
    let start = position
    let name = identifier()
    var argumentName: String?
    if !name.isEmpty {
      skipSpaces()
      if peek() == "=" {
        position += 1
        skipSpaces()
        argumentName = name
      } else {
        position = start  // a bare word: read it again as a value, e.g. `inf`
      }
    }
    return Argument(name: argumentName, value: try value(for: argumentName), offset: start)
  }

  private mutating func value(for parameter: String?) throws(DistributionParseError) -> Value {
    guard peek() == "[" else { return .number(try number(for: parameter)) }
    position += 1
    var values: [Double] = []
    skipSpaces()
    if peek() != "]" {
      while true {
        skipSpaces()
        values.append(try number(for: parameter))
        skipSpaces()
        if peek() == "," {
          position += 1
          continue
        }
        break
      }
    }
    try expect("]", after: "the list" + (parameter.map { " for '\($0)'" } ?? ""))
    return .list(values)
  }

  private mutating func number(for parameter: String?) throws(DistributionParseError) -> Double {
    let start = position
    while let character = peek(), !character.isWhitespace, !"(),=[]".contains(character) {
      position += 1
    }
    let token = String(text[start..<position])
    let subject = parameter.map { " for '\($0)'" } ?? ""
    guard !token.isEmpty else {
      let found = peek().map { "'\($0)'" } ?? "end of text"
      throw DistributionParseError(
        message: "expected a number\(subject), found \(found)", parameter: parameter, offset: start)
    }
    guard let value = Double(token) else {
      throw DistributionParseError(
        message: "'\(token)' is not a number\(subject)", parameter: parameter, offset: start)
    }
    return value
  }

  private mutating func identifier() -> String {
    let start = position
    while let character = peek(), character.isLetter || character.isNumber || character == "_" {
      if position == start, character.isNumber { break }
      position += 1
    }
    return String(text[start..<position])
  }

  private mutating func expect(_ character: Character, after context: String)
    throws(DistributionParseError)
  {
    skipSpaces()
    guard peek() == character else {
      let found = peek().map { "'\($0)'" } ?? "end of text"
      throw error("expected '\(character)' after \(context), found \(found)")
    }
    position += 1
  }

  private mutating func skipSpaces() {
    while let character = peek(), character.isWhitespace { position += 1 }
  }

  private func peek() -> Character? { position < text.count ? text[position] : nil }

  private func error(_ message: String) -> DistributionParseError {
    DistributionParseError(message: message, offset: position)
  }
}
