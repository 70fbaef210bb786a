import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A one-line progress bar on standard error for a long read of a regular file: bytes read of
/// the total, events per second and the time left, redrawn in place with `\r`.
///
/// It draws only when standard error is a terminal, at most ``interval`` apart, and is cleared
/// before the command prints its summary, so piped or captured output never holds it.
struct ProgressBar {
    /// The least time between two redraws, in seconds (about 10 redraws a second at most).
    static let interval = 0.1

    /// The file's size in bytes, or the number of events to go through.
    let total: Int64
    /// Whether ``total`` counts events rather than bytes.
    private var countsEvents = false
    private let width: Int
    private let start: Double
    private var lastDraw: Double
    private var drawn = false

    /// A bar for reading `path`, or `nil` when standard error is not a terminal or `path` is not
    /// a regular file (standard input, a pipe) whose size is known.
    init?(path: String) {
        guard isatty(2) == 1, path != "-" else { return nil }
        var info = stat()
        guard stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG, info.st_size > 0 else { return nil }
        total = Int64(info.st_size)
        width = Self.terminalWidth()
        start = Self.now()
        lastDraw = start
    }

    /// A bar for going through `events` events, or `nil` when standard error is not a terminal
    /// or there is nothing to do.
    init?(events: Int) {
        guard isatty(2) == 1, events > 0 else { return nil }
        total = Int64(events)
        countsEvents = true
        width = Self.terminalWidth()
        start = Self.now()
        lastDraw = start
    }

    /// Redraws the bar (and erases what a longer earlier line left) if ``interval`` has passed
    /// since the last draw.
    ///
    /// - Parameters:
    ///   - done: bytes read so far.
    ///   - events: events read so far.
    mutating func update(done: Int64, events: Int) {
        let now = Self.now()
        guard now - lastDraw >= Self.interval else { return }
        lastDraw = now
        let line = Self.render(
            done: done, total: total, events: events, elapsed: now - start, width: width, countsEvents: countsEvents)
        write("\r" + line + "\u{1B}[K")
        drawn = true
    }

    /// Erases the bar, leaving the cursor at the start of an empty line.
    mutating func clear() {
        guard drawn else { return }
        write("\r\u{1B}[K")
        drawn = false
    }

    /// The bar's text for `done` of `total` bytes and `events` events after `elapsed` seconds,
    /// at most `width` characters: `[####------]  42%  12.5/30.0 MB  81,234 ev/s  ETA 0:07`.
    ///
    /// The bar is left out when fewer than 10 columns remain for it; the text is cut to `width`.
    static func render(
        done: Int64, total: Int64, events: Int, elapsed: Double, width: Int, countsEvents: Bool = false
    ) -> String {
        let fraction = total > 0 ? min(max(Double(done) / Double(total), 0), 1) : 0
        let percent = Int((fraction * 100).rounded(.down))
        let rate = elapsed > 0 ? Int((Double(events) / elapsed).rounded()) : 0
        let eta: String
        if done > 0, elapsed > 0, done < total {
            eta = duration(elapsed * Double(total - done) / Double(done))
        } else {
            eta = done >= total ? "0:00" : "--:--"
        }
        let amount =
            countsEvents
            ? "\(grouped(Int(done)))/\(grouped(Int(total))) events" : "\(megabytes(done))/\(megabytes(total)) MB"
        let text =
            "\(percent < 10 ? "  " : percent < 100 ? " " : "")\(percent)%  \(amount)  "
            + "\(grouped(rate)) ev/s  ETA \(eta)"
        let room = width - text.count - 3
        guard room >= 10 else { return String(text.prefix(max(width, 0))) }
        let filled = Int((fraction * Double(room)).rounded(.down))
        return "[" + String(repeating: "#", count: filled) + String(repeating: "-", count: room - filled) + "] " + text
    }

    /// Bytes as megabytes with one decimal.
    static func megabytes(_ bytes: Int64) -> String {
        let tenths = (bytes * 10 + 524_288) / 1_048_576
        return "\(tenths / 10).\(tenths % 10)"
    }

    /// `m:ss`, or `h:mm:ss` from an hour on.
    static func duration(_ seconds: Double) -> String {
        let whole = Int(seconds.rounded(.up))
        let (hours, minutes, secs) = (whole / 3600, whole / 60 % 60, whole % 60)
        let mmss = "\(minutes < 10 && hours > 0 ? "0" : "")\(minutes):\(secs < 10 ? "0" : "")\(secs)"
        return hours > 0 ? "\(hours):\(mmss)" : mmss
    }

    /// An integer with thousands separators: `81,234`.
    static func grouped(_ value: Int) -> String {
        let digits = String(value)
        var result = ""
        for (index, digit) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { result.append(",") }
            result.append(digit)
        }
        return result
    }

    private func write(_ text: String) {
        var bytes = Array(text.utf8)
        bytes.withUnsafeMutableBytes { raw in
            guard let base = raw.baseAddress else { return }
            _ = Glibc.write(2, base, raw.count)
        }
    }

    private static func terminalWidth() -> Int {
        var size = winsize()
        if ioctl(2, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 { return Int(size.ws_col) }
        return 80
    }

    private static func now() -> Double {
        var spec = timespec()
        clock_gettime(CLOCK_MONOTONIC, &spec)
        return Double(spec.tv_sec) + Double(spec.tv_nsec) / 1e9
    }
}
