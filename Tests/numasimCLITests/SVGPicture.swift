// SPDX-License-Identifier: MIT
import Foundation

#if canImport(FoundationXML)
  import FoundationXML
#endif

/// What gnuplot drew into an SVG file, series by series: it wraps every plotted series in a
/// `<g id="gnuplot_plot_N…">` group titled with its key, in plotting order.
struct SVGPicture {
  struct Series {
    var title = ""
    /// Coordinate pairs in the group's paths: a polyline of n points gives n, plus 2 for its
    /// key sample.
    var coordinates = 0
    /// `<use>` elements: one per marker, plus 1 for the key sample.
    var markers = 0
    /// `<text>` elements: one per label, plus 1 for the key title.
    var texts = 0
    /// `<image>` elements (a heatmap's cells are one image).
    var images = 0
  }

  var series: [Series] = []

  /// Parses `path`; throws when it is not well-formed XML.
  init(path: String) throws {
    let reader = Reader()
    let parser = XMLParser(data: try Data(contentsOf: URL(fileURLWithPath: path)))
    parser.delegate = reader
    guard parser.parse() else {
      throw CocoaError(.fileReadCorruptFile, userInfo: [NSFilePathErrorKey: path])
    }
    series = reader.series
  }

  private final class Reader: NSObject, XMLParserDelegate {
    var series: [Series] = []
    /// Depth of the open elements; `seriesDepth` is the depth of the open series group.
    var depth = 0
    var seriesDepth: Int?
    var inTitle = false

    func parser(
      _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
      attributes: [String: String] = [:]
    ) {
      depth += 1
      if name == "g", seriesDepth == nil, attributes["id"]?.hasPrefix("gnuplot_plot_") == true {
        seriesDepth = depth
        series.append(Series())
        return
      }
      guard seriesDepth != nil else { return }
      switch name {
      case "title" where depth == seriesDepth! + 1: inTitle = true
      case "path":
        let d = attributes["d"] ?? ""
        series[series.count - 1].coordinates +=
          d.split(whereSeparator: { $0 == " " || $0 == "M" || $0 == "L" }).filter { $0.contains(",") }.count
      case "use": series[series.count - 1].markers += 1
      case "text": series[series.count - 1].texts += 1
      case "image": series[series.count - 1].images += 1
      default: break
      }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
      if inTitle { series[series.count - 1].title += string }
    }

    func parser(
      _ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?
    ) {
      if depth == seriesDepth { seriesDepth = nil }
      inTitle = false
      depth -= 1
    }
  }
}
