/// What a ZIP archive holds, told from its entry names: a Word document, or one of the
/// other formats packaged as ZIP, which undoc refuses with advice.
enum ZIPPackageKind {
    /// `.docx` when the archive holds word/document.xml; throws for any other archive.
    static func classify(_ raw: [UInt8]) throws(InputError) -> InputFormat {
        let names = ZIPEntryNames.names(in: raw)
        let lowered = Set(names.map { $0.lowercased() })
        if lowered.contains(DOCXReader.mainPart) { return .docx }
        if names.isEmpty { throw .damagedArchive("its directory and entry headers are damaged or missing") }
        if lowered.contains("xl/workbook.xml") {
            throw .unsupportedFormat("an Excel workbook (.xlsx)", advice: "save the text as a Word document or plain text first")
        }
        if lowered.contains("ppt/presentation.xml") {
            throw .unsupportedFormat("a PowerPoint presentation (.pptx)", advice: "save the text as a Word document or plain text first")
        }
        if lowered.contains("mimetype") {
            let head = String(decoding: raw.prefix(200), as: UTF8.self)
            if head.contains("application/vnd.oasis.opendocument.text") {
                throw .unsupportedFormat("an OpenDocument text (.odt)", advice: "save it as a Word document (.docx) or plain text first")
            }
            if head.contains("application/epub+zip") {
                throw .unsupportedFormat("an EPUB book", advice: "save it as plain text first")
            }
            throw .unsupportedFormat("an OpenDocument file", advice: "save it as a Word document (.docx) or plain text first")
        }
        throw .unsupportedFormat("a ZIP archive without word/document.xml (not a Word document)",
                                 advice: "unpack it and give undoc the documents inside")
    }
}
