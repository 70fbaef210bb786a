import Foundation
import TokenomicsCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reads a file or standard input line by line in large blocks, without per-line allocation.
///
/// Memory stays flat whatever the input size: one block buffer plus the longest line.
struct LineSource {
    /// The name used in messages (`-` for standard input).
    let name: String
    private let descriptor: Int32
    private let ownsDescriptor: Bool
    /// Bytes of the file, when known (for progress).
    let size: Int64?

    /// Opens `path` (`-` for standard input).
    ///
    /// - Throws: ``CLIError`` when the file cannot be opened.
    init(path: String) throws {
        name = path
        if path == "-" {
            descriptor = 0
            ownsDescriptor = false
            size = nil
            return
        }
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else {
            throw CLIError("\(path): cannot open: \(String(cString: strerror(errno)))", exitCode: 66)
        }
        var info = stat()
        if fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR {
            close(fd)
            throw CLIError("\(path): is a directory, not a usage file", exitCode: 66)
        }
        descriptor = fd
        ownsDescriptor = true
        size = fstat(fd, &info) == 0 ? Int64(info.st_size) : nil
    }

    /// Calls `body` with each line (without its `\n`) and its one-based number, then closes the file.
    ///
    /// - Parameter body: receives the line, its number and the bytes read so far; returns `false` to stop.
    /// - Throws: ``CLIError`` on a read error.
    func forEachLine(_ body: (ArraySlice<UInt8>, Int, Int64) throws -> Bool) throws {
        defer { if ownsDescriptor { close(descriptor) } }
        let blockSize = 1 << 20
        var buffer = [UInt8](repeating: 0, count: blockSize)
        var carry: [UInt8] = []
        var lineNumber = 0
        var consumed: Int64 = 0
        while true {
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, blockSize) }
            if count < 0 {
                if errno == EINTR { continue }
                throw CLIError("\(name): read failed: \(String(cString: strerror(errno)))", exitCode: 74)
            }
            if count == 0 { break }
            consumed += Int64(count)
            var lineStart = 0
            var stop = false
            try buffer.withUnsafeBufferPointer { block in
                guard let base = block.baseAddress else { return }
                while lineStart < count {
                    guard let found = memchr(base + lineStart, 0x0A, count - lineStart) else { break }
                    let end = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
                    lineNumber += 1
                    if carry.isEmpty {
                        if try !body(buffer[lineStart..<end], lineNumber, consumed) { stop = true }
                    } else {
                        carry.append(contentsOf: block[lineStart..<end])
                        if try !body(carry[...], lineNumber, consumed) { stop = true }
                        carry.removeAll(keepingCapacity: true)
                    }
                    lineStart = end + 1
                    if stop { return }
                }
            }
            if stop { return }
            if lineStart < count { carry.append(contentsOf: buffer[lineStart..<count]) }
        }
        if !carry.isEmpty {
            lineNumber += 1
            _ = try body(carry[...], lineNumber, consumed)
        }
    }
}

/// A buffered writer to standard output (or a file) that flushes in large blocks.
///
/// Its buffer is a ``JSONWriter``, so JSON records are formatted straight into it with no second copy.
struct OutputSink {
    private let descriptor: Int32
    /// The buffered output; write JSON Lines records with ``writeLine(_:)``.
    private(set) var json: JSONWriter

    /// Bytes buffered before a flush.
    static let flushSize = 1 << 18

    /// Writes to standard output, or creates `path`.
    ///
    /// - Throws: ``CLIError`` when the file cannot be created.
    init(path: String?) throws {
        if let path, path != "-" {
            let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
            guard fd >= 0 else {
                throw CLIError("\(path): cannot create: \(String(cString: strerror(errno)))", exitCode: 73)
            }
            descriptor = fd
        } else {
            descriptor = 1
        }
        json = JSONWriter(capacity: Self.flushSize + (1 << 14))
    }

    /// Appends bytes, flushing when the buffer is large.
    mutating func write(_ bytes: some Collection<UInt8>) {
        json.append(contentsOf: bytes)
        flushIfFull()
    }

    /// Appends text.
    mutating func write(_ text: String) { write(text.utf8) }

    /// Writes one JSON Lines record: `body` writes a JSON value into the buffer, then a newline follows.
    mutating func writeLine(_ body: (inout JSONWriter) -> Void) {
        body(&json)
        json.endLine()
        flushIfFull()
    }

    private mutating func flushIfFull() {
        if json.count >= Self.flushSize { flush() }
    }

    /// Writes out everything buffered.
    mutating func flush() {
        json.withUnsafeBytes { raw in
            guard let base = raw.baseAddress else { return }
            var offset = 0
            while offset < raw.count {
                let written = Glibc.write(descriptor, base + offset, raw.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    return
                }
                offset += written
            }
        }
        json.reset()
    }

    /// Flushes and closes a file (standard output stays open).
    mutating func close() {
        flush()
        if descriptor > 2 { _ = Glibc.close(descriptor) }
    }
}

/// A command-line failure: one line for standard error and an exit status.
struct CLIError: Error, CustomStringConvertible {
    var description: String
    var exitCode: Int32

    init(_ message: String, exitCode: Int32 = 1) {
        description = message
        self.exitCode = exitCode
    }
}

/// Writes one line to standard error.
func printError(_ message: String) {
    FileHandle.standardError.write(Data((message + "\n").utf8))
}
