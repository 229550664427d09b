import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// An SVG string parsed with Foundation's XMLParser: fails on markup that is not well-formed XML, and
/// lists every element with its attributes and text for the assertions.
final class SVGTestDocument: NSObject, XMLParserDelegate {
    /// One parsed element.
    struct Element {
        let name: String
        let attributes: [String: String]
        var text: String
    }

    private(set) var elements: [Element] = []
    private var stack: [Int] = []
    private(set) var parseError: String?

    /// Parses `svg`; `parseError` is set when it is not well-formed.
    init(_ svg: String) {
        super.init()
        let parser = XMLParser(data: Data(svg.utf8))
        parser.delegate = self
        if !parser.parse() {
            parseError = parser.parserError.map { String(describing: $0) } ?? "unknown XML error"
        }
    }

    var isWellFormed: Bool { parseError == nil }

    /// Elements named `name` whose `class` attribute is `className` (any class when nil).
    func elements(_ name: String, class className: String? = nil) -> [Element] {
        elements.filter { $0.name == name && (className == nil || $0.attributes["class"] == className) }
    }

    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                qualifiedName qName: String?, attributes attributeDict: [String: String] = [:]) {
        stack.append(elements.count)
        elements.append(Element(name: elementName, attributes: attributeDict, text: ""))
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?,
                qualifiedName qName: String?) {
        _ = stack.popLast()
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        guard let index = stack.last else { return }
        elements[index].text += string
    }
}
