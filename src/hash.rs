//! The crate's one hash, FNV-1a (64-bit), for its small hash tables (the text-width cache,
//! e-Stat's code index). Keys are label texts and codes, not attacker-chosen keys flooding a
//! server, and std's SipHash and HashMap would cost several KB of wasm.

/// FNV-1a of `bytes`, started from the offset basis mixed with `seed`.
pub fn fnv1a(seed: u64, bytes: &[u8]) -> u64 {
    let mut h = 0xcbf2_9ce4_8422_2325u64 ^ seed;
    for b in bytes {
        h = (h ^ *b as u64).wrapping_mul(0x0100_0000_01b3);
    }
    h
}

#[cfg(test)]
mod tests {
    #[test]
    fn fnv1a_matches_the_published_test_vectors() {
        assert_eq!(super::fnv1a(0, b""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(super::fnv1a(0, b"a"), 0xaf63_dc4c_8601_ec8c);
        assert_eq!(super::fnv1a(0, b"foobar"), 0x8594_4171_f739_67e8);
    }
}
