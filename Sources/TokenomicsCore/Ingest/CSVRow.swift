import Foundation

/// Splitting one CSV line into fields (RFC 4180 quoting: `"a,b"` and `""` inside quotes).
///
/// Quoted fields that span lines are not supported: usage exports keep one record a line.
public enum CSVRow {
    /// The fields of one line, unquoted.
    ///
    /// - Complexity: O(n) in the length of the line.
    public static func split(_ line: ArraySlice<UInt8>) -> [Substring] {
        let text = String(decoding: line, as: UTF8.self)
        guard text.utf8.contains(UInt8(ascii: "\"")) else {
            return text.split(separator: ",", omittingEmptySubsequences: false)
        }
        var fields: [Substring] = []
        var current = ""
        var inQuotes = false
        var index = text.startIndex
        while index < text.endIndex {
            let character = text[index]
            if inQuotes {
                if character == "\"" {
                    let next = text.index(after: index)
                    if next < text.endIndex, text[next] == "\"" {
                        current.append("\"")
                        index = next
                    } else {
                        inQuotes = false
                    }
                } else {
                    current.append(character)
                }
            } else if character == "\"" {
                inQuotes = true
            } else if character == "," {
                fields.append(Substring(current))
                current = ""
            } else {
                current.append(character)
            }
            index = text.index(after: index)
        }
        fields.append(Substring(current))
        return fields
    }

    /// Quotes a field for writing when it holds a comma, quote or line break.
    public static func escape(_ field: String) -> String {
        guard field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
