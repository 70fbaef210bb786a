import Foundation
import TokenomicsCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reads a file or standard input line by line in large blocks, handing out each line as a slice
/// of its buffer: no copy and no allocation per line.
///
/// Memory stays flat whatever the input size: one block buffer, grown only to hold a line longer
/// than a block. The file is closed when the source goes away.
struct LineSource: ~Copyable {
    /// The name used in messages (`-` for standard input).
    let name: String
    private let descriptor: Int32
    private let ownsDescriptor: Bool
    /// Bytes read: `buffer[start..<end]` is what has not been handed out yet.
    private var buffer: [UInt8]
    private var start = 0
    private var end = 0
    private var atEndOfFile = false
    /// The one-based number of the last line handed out.
    private(set) var lineNumber = 0

    /// Bytes read at a time.
    static let blockSize = 1 << 20

    /// Opens `path` (`-` for standard input).
    ///
    /// - Throws: ``CLIError`` when the file cannot be opened.
    init(path: String) throws {
        name = path
        // Not zero-filled (a megabyte written for nothing): a byte is read only after `read` wrote it.
        buffer = [UInt8](unsafeUninitializedCapacity: Self.blockSize) { _, count in count = Self.blockSize }
        if path == "-" {
            descriptor = 0
            ownsDescriptor = false
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
    }

    deinit {
        if ownsDescriptor { close(descriptor) }
    }

    /// The next line without its `\n` (a last line may lack one), or `nil` after the last.
    ///
    /// The slice shares the source's buffer: drop it before asking for the next line, or reading
    /// on copies the buffer.
    ///
    /// - Throws: ``CLIError`` on a read error.
    mutating func nextLine() throws -> ArraySlice<UInt8>? {
        while true {
            if let newline = findNewline() {
                lineNumber += 1
                defer { start = newline + 1 }
                return buffer[start..<newline]
            }
            if atEndOfFile {
                guard start < end else { return nil }
                lineNumber += 1
                defer { start = end }
                return buffer[start..<end]
            }
            try refill()
        }
    }

    /// The position of the next `\n` among the bytes not handed out, if any.
    private func findNewline() -> Int? {
        guard start < end else { return nil }
        return buffer.withUnsafeBufferPointer { bytes in
            // `start < end <= count`: both pointers are inside the buffer.
            guard let base = bytes.baseAddress, let found = memchr(base + start, 0x0A, end - start) else {
                return nil
            }
            return base.distance(to: found.assumingMemoryBound(to: UInt8.self))
        }
    }

    /// Reads the next block after the unfinished line, which first moves to the front of the
    /// buffer; the buffer doubles when that line fills it.
    private mutating func refill() throws {
        let pending = end - start
        if pending == buffer.count { buffer.append(contentsOf: repeatElement(0, count: buffer.count)) }
        let count = buffer.withUnsafeMutableBufferPointer { bytes -> Int in
            guard let base = bytes.baseAddress else { return 0 }
            if start > 0 { memmove(base, base + start, pending) }
            return read(descriptor, base + pending, bytes.count - pending)
        }
        start = 0
        end = pending
        if count < 0 {
            if errno == EINTR { return }
            throw CLIError("\(name): read failed: \(String(cString: strerror(errno)))", exitCode: 74)
        }
        if count == 0 { atEndOfFile = true } else { end += count }
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

    /// Writes one record that `body` ends itself (as ``PricedEventLineWriter`` does).
    mutating func writeRecord(_ body: (inout JSONWriter) -> Void) {
        body(&json)
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
