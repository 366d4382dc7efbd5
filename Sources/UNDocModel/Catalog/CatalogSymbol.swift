/// How catalogue symbols are cleaned and compared. UNDL writes symbols as printed, with the
/// occasional stray space ("A/RES/55/25 ", "E/CN.15/2005/ 8") and, in older records, in
/// capitals ("…/ADD.1"); documents cite them in their canonical spelling. Lookups therefore
/// compare a key that ignores case and white space, while the record keeps the cleaned form.
public enum CatalogSymbol {
    /// The symbol trimmed, with runs of white space made one space and no space beside a
    /// slash: "E/CN.15/2005/ 8" → "E/CN.15/2005/8". Nil when nothing is left.
    public static func clean(_ text: String) -> String? {
        var text = text
        return text.withUTF8 { bytes -> String? in
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count)
            var pendingSpace = false
            for byte in bytes {
                if isSpace(byte) {
                    pendingSpace = !out.isEmpty
                    continue
                }
                if pendingSpace, byte != slash, out.last != slash { out.append(0x20) }
                pendingSpace = false
                out.append(byte)
            }
            return out.isEmpty ? nil : String(decoding: out, as: UTF8.self)
        }
    }

    /// The lookup key: no white space, upper case. "CTOC/COP/WG.4/2010/L.1/Add.1" and
    /// "CTOC/COP/WG.4/2010/L.1/ADD.1 " have the same key.
    public static func key(_ symbol: String) -> String {
        var symbol = symbol
        return symbol.withUTF8 { bytes in
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count)
            for byte in bytes where !isSpace(byte) {
                out.append(byte >= 0x61 && byte <= 0x7A ? byte - 0x20 : byte)
            }
            return String(decoding: out, as: UTF8.self)
        }
    }

    private static let slash = UInt8(ascii: "/")

    /// ASCII white space: symbols are ASCII; a stray space is all there is to remove.
    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
    }
}
