/// The 64-bit FNV-1a hash (Fowler–Noll–Vo): stable across runs and platforms, unlike `Hasher`,
/// and cheap on the short byte strings it is used for (record texts for content ids, model names
/// for lookup caches).
enum FNV1a {
    /// The standard 64-bit offset basis, the hash of no bytes.
    static let offsetBasis: UInt64 = 0xcbf2_9ce4_8422_2325

    /// The hash of `bytes`, continuing from `seed` (so that several byte strings can be chained).
    @inline(__always)
    static func hash(_ bytes: some Sequence<UInt8>, seed: UInt64 = offsetBasis) -> UInt64 {
        var hash = seed
        for byte in bytes {
            hash ^= UInt64(byte)
            hash &*= 0x0000_0100_0000_01b3
        }
        return hash
    }
}
