import Foundation
import Synchronization

/// The records of a ``PriceCatalog`` and their compiled forms (``CompiledPrice``), each made the
/// first time it is asked for.
///
/// A catalog built from records holds them all from the start. One read with
/// ``PriceCatalog/loadTrusted(_:)`` holds its JSON text and where each record's object lies in
/// it, and reads a record only when a lookup reaches it: a usage stream names a handful of the
/// thousands of models of the built-in catalog, so starting up reads none of them.
///
/// Safe to share between tasks: what is made lazily is made under a lock.
final class CatalogRecords: Sendable {
    /// How many records the catalog has.
    let count: Int
    /// The catalog text, for records read lazily (empty when built from records).
    private let text: Data
    /// Where each record's JSON object lies in ``text``, in catalog order (empty when built from records).
    private let ranges: [Range<Int>]
    private let state: Mutex<State>

    private struct State {
        /// Every record, once all have been read (from the start when built from records).
        var all: [ModelPrice]?
        /// The records read so far, when not all have been, in the order read.
        var read: [ModelPrice]
        /// For each position, where its record is in ``read`` (−1: not read yet).
        var readIndex: [Int32]
        /// The records compiled so far.
        var compiled: [CompiledPrice?]
        /// The parser of one record's text, made at the first read.
        var document: JSONDocument?
    }

    /// Holds `models`, already in catalog order.
    init(models: [ModelPrice]) {
        count = models.count
        text = Data()
        ranges = []
        state = Mutex(
            State(
                all: models, read: [], readIndex: [], compiled: Array(repeating: nil, count: models.count),
                document: nil))
    }

    /// Holds a catalog text whose records, valid ones, are the JSON objects at `ranges`.
    init(text: Data, ranges: [Range<Int>]) {
        count = ranges.count
        self.text = text
        self.ranges = ranges
        state = Mutex(
            State(
                all: nil, read: [], readIndex: Array(repeating: -1, count: ranges.count),
                compiled: Array(repeating: nil, count: ranges.count), document: nil))
    }

    /// How many records have been read so far (all of them when built from records).
    var readCount: Int { state.withLock { $0.all?.count ?? $0.read.count } }

    /// Every record, in catalog order.
    var all: [ModelPrice] {
        state.withLock { state in
            if let all = state.all { return all }
            let all = (0..<count).map { model(at: $0, in: &state) }
            state.all = all
            state.read = []
            state.readIndex = []
            return all
        }
    }

    /// The record at `position` in catalog order.
    func model(at position: Int) -> ModelPrice {
        state.withLock { model(at: position, in: &$0) }
    }

    /// The compiled records at `positions`, in that order.
    func compiled(at positions: [Int32]) -> [CompiledPrice] {
        state.withLock { state in
            positions.map { position in
                if let compiled = state.compiled[Int(position)] { return compiled }
                let compiled = CompiledPrice(model(at: Int(position), in: &state))
                state.compiled[Int(position)] = compiled
                return compiled
            }
        }
    }

    private func model(at position: Int, in state: inout State) -> ModelPrice {
        if let all = state.all { return all[position] }
        let index = state.readIndex[position]
        if index >= 0 { return state.read[Int(index)] }
        let document = state.document ?? JSONDocument()
        state.document = document
        let model = read(position, with: document)
        state.readIndex[position] = Int32(state.read.count)
        state.read.append(model)
        return model
    }

    /// Reads the record at `position` from the text.
    ///
    /// Only ``PriceCatalog/loadTrusted(_:)`` makes lazy records, from text that is valid record
    /// by record (the built-in catalog, which the tests read in full both ways): a record that
    /// fails to read is a defect of the build, not a user's mistake, and stops the program.
    private func read(_ position: Int, with document: JSONDocument) -> ModelPrice {
        let range = ranges[position]
        do {
            let record = try text.withUnsafeBytes { try document.parse(UnsafeRawBufferPointer(rebasing: $0[range])) }
            return try CatalogReader.model(record)
        } catch {
            preconditionFailure("price catalog record \(position) is invalid: \(error)")
        }
    }
}
