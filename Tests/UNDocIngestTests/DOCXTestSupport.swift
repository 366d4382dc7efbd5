import Foundation
import ZIPFoundation

/// Small Word documents built in memory for the DOCX tests: WordprocessingML parts as
/// strings, packed with ZIPFoundation.
enum DOCXFixture {
    static let namespaces = """
        xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" \
        xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"
        """

    /// A ZIP archive holding `parts` (path → content), deflated.
    static func archive(_ parts: [(String, [UInt8])]) throws -> [UInt8] {
        let archive = try Archive(data: Data(), accessMode: .create)
        for (path, bytes) in parts {
            let data = Data(bytes)
            // An OpenDocument package stores its mimetype first and uncompressed.
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count),
                                 compressionMethod: path == "mimetype" ? .none : .deflate) { position, size in
                data.subdata(in: Int(position)..<(Int(position) + size))
            }
        }
        return [UInt8](archive.data ?? Data())
    }

    /// A Word document whose body is `body` (the children of `w:body`), with the optional
    /// parts given as the inner XML of their root elements.
    static func docx(body: String, numbering: String? = nil, styles: String? = nil, footnotes: String? = nil,
                     endnotes: String? = nil, extraParts: [(String, [UInt8])] = []) throws -> [UInt8] {
        var parts: [(String, [UInt8])] = [
            ("[Content_Types].xml", Array("""
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
                <Default Extension="xml" ContentType="application/xml"/></Types>
                """.utf8)),
            ("word/document.xml", Array(document(body).utf8)),
        ]
        if let numbering { parts.append(("word/numbering.xml", Array(part("numbering", numbering).utf8))) }
        if let styles { parts.append(("word/styles.xml", Array(part("styles", styles).utf8))) }
        if let footnotes { parts.append(("word/footnotes.xml", Array(part("footnotes", footnotes).utf8))) }
        if let endnotes { parts.append(("word/endnotes.xml", Array(part("endnotes", endnotes).utf8))) }
        return try archive(parts + extraParts)
    }

    static func document(_ body: String) -> String {
        """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <w:document \(namespaces)><w:body>\(body)</w:body></w:document>
        """
    }

    static func part(_ root: String, _ inner: String) -> String {
        """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <w:\(root) \(namespaces)>\(inner)</w:\(root)>
        """
    }

    /// A paragraph of plain runs, with optional paragraph properties.
    static func p(_ text: String, properties: String = "") -> String {
        "<w:p>\(properties.isEmpty ? "" : "<w:pPr>\(properties)</w:pPr>")<w:r><w:t xml:space=\"preserve\">\(text)</w:t></w:r></w:p>"
    }

    /// A paragraph numbered by list `numID` at level `level`.
    static func numbered(_ text: String, numID: Int, level: Int = 0) -> String {
        p(text, properties: "<w:numPr><w:ilvl w:val=\"\(level)\"/><w:numId w:val=\"\(numID)\"/></w:numPr>")
    }

    /// An abstract list definition with levels (format, text).
    static func abstractNum(_ id: Int, _ levels: [(String, String)], extra: [Int: String] = [:]) -> String {
        var xml = "<w:abstractNum w:abstractNumId=\"\(id)\">"
        for (index, level) in levels.enumerated() {
            xml += "<w:lvl w:ilvl=\"\(index)\"><w:start w:val=\"1\"/><w:numFmt w:val=\"\(level.0)\"/>"
                + "<w:lvlText w:val=\"\(level.1)\"/>\(extra[index] ?? "")</w:lvl>"
        }
        return xml + "</w:abstractNum>"
    }

    static func num(_ id: Int, abstract: Int, overrides: String = "") -> String {
        "<w:num w:numId=\"\(id)\"><w:abstractNumId w:val=\"\(abstract)\"/>\(overrides)</w:num>"
    }
}
