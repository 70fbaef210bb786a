import Foundation

/// Runs the built `tokenomics` executable as a user would, capturing its output and exit status.
struct CLIHarness {
    struct Output {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// The `tokenomics` binary beside the test bundle in the build folder.
    static var executable: URL {
        var url = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        while !FileManager.default.fileExists(atPath: url.appendingPathComponent("tokenomics").path),
            url.path != "/"
        {
            url = url.deletingLastPathComponent()
        }
        return url.appendingPathComponent("tokenomics")
    }

    /// Runs `tokenomics` with `arguments`, feeding `stdin` if given.
    static func run(_ arguments: [String], stdin: String? = nil, environment: [String: String] = [:]) throws -> Output {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        var env = ProcessInfo.processInfo.environment
        for (key, value) in environment { env[key] = value }
        process.environment = env
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        let input = Pipe()
        process.standardInput = input
        try process.run()
        if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
        try input.fileHandleForWriting.close()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Output(
            status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
            stderr: String(decoding: errData, as: UTF8.self))
    }
}
