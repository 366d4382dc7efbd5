import Foundation
import ZIPFoundation

/// A Word document's ZIP package, opened in memory, from which parts are extracted up to
/// a size budget: a small archive may unpack to gigabytes (a zip bomb), so extraction
/// stops as soon as a part, or all parts together, would pass `budget` bytes.
struct DOCXArchive {
    private let archive: Archive
    /// Entries by lower-cased path: package part names are case-insensitive.
    private let entries: [String: Entry]
    /// Bytes that may still be extracted.
    private var budget: Int

    init(_ raw: [UInt8], budget: Int) throws(InputError) {
        do {
            archive = try Archive(data: Data(raw), accessMode: .read)
        } catch {
            throw .damagedWord(Self.describe(error, part: nil))
        }
        var entries: [String: Entry] = [:]
        for entry in archive where entry.type == .file {
            entries[entry.path.lowercased()] = entry
        }
        self.entries = entries
        self.budget = budget
    }

    func contains(_ path: String) -> Bool {
        entries[path.lowercased()] != nil
    }

    /// The bytes of part `path`, or nil when the package has no such part.
    mutating func part(_ path: String) throws(InputError) -> [UInt8]? {
        guard let entry = entries[path.lowercased()] else { return nil }
        let limit = budget
        if entry.uncompressedSize > UInt64(limit) { throw Self.tooLarge(path, limit: limit) }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(Int(entry.uncompressedSize))
        do {
            let checksum = try archive.extract(entry, bufferSize: 64 * 1024) { chunk in
                // The size in the directory may lie; count what really comes out.
                if bytes.count + chunk.count > limit { throw PartTooLarge() }
                bytes.append(contentsOf: chunk)
            }
            if checksum != entry.checksum { throw Archive.ArchiveError.invalidCRC32 }
        } catch is PartTooLarge {
            throw Self.tooLarge(path, limit: limit)
        } catch {
            throw .damagedWord(Self.describe(error, part: path))
        }
        budget -= bytes.count
        return bytes
    }

    private struct PartTooLarge: Error {}

    private static func tooLarge(_ path: String, limit: Int) -> InputError {
        .wordPartTooLarge(part: path, limit: limit)
    }

    private static func describe(_ error: Error, part: String?) -> String {
        let what = part ?? "the ZIP archive"
        switch error {
        case Archive.ArchiveError.missingEndOfCentralDirectoryRecord:
            return "its ZIP directory is missing: the file is truncated or not a complete ZIP archive"
        case Archive.ArchiveError.unreadableArchive:
            return "\(what) cannot be read as a ZIP archive"
        case Archive.ArchiveError.invalidCRC32:
            return "\(what) fails its CRC-32 checksum: the file is damaged"
        case Archive.ArchiveError.invalidCompressionMethod:
            return "\(what) is compressed with a method other than deflate"
        case let archiveError as Archive.ArchiveError:
            return "\(what): ZIP error \(archiveError)"
        default:
            if String(describing: type(of: error)).contains("CompressionError") {
                return "\(what) holds corrupt compressed data: the file is damaged or truncated"
            }
            return "\(what): \(error)"
        }
    }
}
