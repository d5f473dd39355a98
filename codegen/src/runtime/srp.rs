//! Client side of Amazon Cognito's variant of SRP-6a.
//!
//! Cognito signs users in with `USER_SRP_AUTH` (answered with a
//! `PASSWORD_VERIFIER` challenge response) and remembered devices with
//! `DEVICE_SRP_AUTH` (answered with `DEVICE_PASSWORD_VERIFIER`). This module
//! computes everything the client needs for both flows, and the verifier that
//! `ConfirmDevice` stores:
//!
//! * [`UserSrp`]: the private value `a`, `SRP_A` and the `PASSWORD_VERIFIER` answer.
//! * [`DeviceSrp`]: the same for a remembered device (`DEVICE_PASSWORD_VERIFIER`).
//! * [`DeviceVerifier`]: a fresh device password and its
//!   `DeviceSecretVerifierConfigType` for `ConfirmDevice`.
//! * [`secret_hash`]: the `SECRET_HASH` of app clients that have a client secret.
//! * [`Timestamp`]: the `TIMESTAMP` format Cognito signs (`Mon Nov 2 10:50:58 UTC 2026`).
//!
//! ```no_run
//! # fn demo(challenge_parameters: &::std::collections::HashMap<String, String>) -> Result<(), Box<dyn ::std::error::Error>> {
//! use cognito_idp::srp::{Timestamp, UserSrp};
//!
//! let srp = UserSrp::new("us-east-1_AbCdEfGhI")?
//!     .with_client_secret("my-app-client-id", "my-app-client-secret");
//! // InitiateAuth(AuthFlow = USER_SRP_AUTH, AuthParameters = { USERNAME, SRP_A: srp.srp_a(), .. })
//! let srp_a = srp.srp_a();
//! # let _ = srp_a;
//! // ..then answer the PASSWORD_VERIFIER challenge from the response's ChallengeParameters:
//! let answer = srp.password_verifier("correct horse", challenge_parameters, Timestamp::now())?;
//! # let _ = answer;
//! # Ok(()) }
//! ```
//!
//! # The group and the encoding rules
//!
//! The group is the 3072-bit prime of RFC 5054 with `g = 2`. Every integer that
//! enters a hash is encoded the way Java's `BigInteger.toByteArray` encodes a
//! positive number (and the way AWS's JavaScript SDK's `padHex` does): its
//! minimal big-endian bytes, with one `0x00` byte in front when the top bit of
//! the first byte is set. `SALT` and `SRP_B` are read as hexadecimal *integers*:
//! leading zeros are dropped before that encoding, as AWS's JavaScript SDK does
//! (see the `SALT` note below).
//!
//! * `k = SHA-256(N ‖ g)`, `u = SHA-256(A ‖ B)`, both with the padding above.
//! * `x = SHA-256(SALT ‖ SHA-256(pool name ‖ USER_ID_FOR_SRP ‖ ":" ‖ password))`, where the
//!   pool name is the part of the pool id after `_`. Devices use the device group key and
//!   the device key in place of the pool name and the user id.
//! * `S = (B − k·g^x)^(a + u·x) mod N`.
//! * key = HKDF-SHA256(salt = u, input = S, info = `"Caldera Derived Key"`), 16 bytes.
//! * `PASSWORD_CLAIM_SIGNATURE` = base64(HMAC-SHA256(key, pool name ‖ user id ‖
//!   `SECRET_BLOCK` bytes ‖ `TIMESTAMP`)).
//!
//! Note on `SALT`: a salt written with a leading zero byte (`"00…"` followed by a
//! digit below 8) is hashed *without* that byte, because AWS's JavaScript SDK parses the
//! salt as an integer first. pycognito hashes the string as given and so disagrees
//! with the JavaScript SDK on such salts; this module follows the JavaScript SDK.
//!
//! Note on `USERNAME`: the answer carries the `USERNAME` challenge parameter (the
//! user's canonical user name, which is also what `SECRET_HASH` is computed over),
//! while the signature is over `USER_ID_FOR_SRP`. They differ when a user signs in
//! with an alias.
//!
//! # Safety checks
//!
//! The answer is refused with an [`SrpError`] (never a panic, never a signature)
//! when `SRP_B ≡ 0 (mod N)`, when `u = 0`, when a challenge parameter is missing,
//! empty or malformed, or when the pool id is malformed.
//!
//! # Secrets and constant time
//!
//! `a`, the password-derived `x`, `g^x`, `S`, the exponent `a + u·x`, the derived
//! key and the client secret are zeroized when dropped and never appear in
//! `Debug` output or in errors. The password itself is borrowed from the caller
//! and never copied.
//!
//! Constant-time (no branch and no memory index depends on a secret):
//! * the fixed-base exponentiations `g^a` and `g^x` (a precomputed table of
//!   powers of `g` read with a full masked scan, a fixed number of windows);
//! * the variable-base exponentiation `S = base^(a + u·x)` (fixed 5-bit
//!   windows over a fixed exponent length of 1025 bits, masked table reads);
//! * all Montgomery multiplications, modular additions and subtractions, the
//!   product `u·x` and the sum `a + u·x`;
//! * SHA-256 and HMAC-SHA256.
//!
//! Not constant-time:
//! * the byte encoding of `S` for HKDF: the protocol strips leading zero bytes, so
//!   the length of the hashed input (and so the timing of HKDF) depends on how many
//!   leading zero bytes `S` has, as in every Cognito client;
//! * parsing and encoding of public values (`SRP_B`, `SALT`, `SECRET_BLOCK`, `A`);
//!   the reduction of `SRP_B` modulo `N` and the checks on `B` and `u`;
//! * base64 encoding of the signature (its input is public once sent), and of
//!   the new device password in [`DeviceVerifier`] (table lookups indexed by the
//!   secret bytes, once per confirmed device).
//!
//! Temporaries inside the arithmetic routines live on the stack and are not
//! wiped individually; every secret value that is kept in a variable is.
//!
//! # Performance
//!
//! `g^a` and `g^x` use a table of powers of `g` (1.5 MiB) that the first
//! [`UserSrp`], [`DeviceSrp`] or [`DeviceVerifier`] call of the process builds
//! (about 15–25 ms in an optimised build; unoptimised builds are many times
//! slower, so consider `opt-level = 3` for this crate in the `dev` profile).
//! After that, one client step (`new`, `srp_a`, the answer) is about 1 600
//! multiplications modulo N, a few milliseconds.

/// The 3072-bit group of RFC 5054 and fixed-size Montgomery arithmetic over it.
mod group {
    use ::zeroize::Zeroize;

    /// Number of 64-bit limbs of a residue modulo N.
    pub(super) const LIMBS: usize = 48;
    /// Number of bytes of a residue modulo N.
    pub(super) const BYTES: usize = LIMBS * 8;

    /// A residue modulo N, little-endian 64-bit limbs.
    pub(super) type Residue = [u64; LIMBS];

    const N_HEX: &str = concat!(
        "FFFFFFFFFFFFFFFFC90FDAA22168C234C4C6628B80DC1CD1",
        "29024E088A67CC74020BBEA63B139B22514A08798E3404DD",
        "EF9519B3CD3A431B302B0A6DF25F14374FE1356D6D51C245",
        "E485B576625E7EC6F44C42E9A637ED6B0BFF5CB6F406B7ED",
        "EE386BFB5A899FA5AE9F24117C4B1FE649286651ECE45B3D",
        "C2007CB8A163BF0598DA48361C55D39A69163FA8FD24CF5F",
        "83655D23DCA3AD961C62F356208552BB9ED529077096966D",
        "670C354E4ABC9804F1746C08CA18217C32905E462E36CE3B",
        "E39E772C180E86039B2783A2EC07A28FB5C55DF06F4C52C9",
        "DE2BCBF6955817183995497CEA956AE515D2261898FA0510",
        "15728E5A8AAAC42DAD33170D04507A33A85521ABDF1CBA64",
        "ECFB850458DBEF0A8AEA71575D060C7DB3970F85A6E1E4C7",
        "ABF5AE8CDB0933D71E8C94E04A25619DCEE3D2261AD2EE6B",
        "F12FFA06D98A0864D87602733EC86A64521F2B18177B200C",
        "BBE117577A615D6C770988C0BAD946E208E24FA074E5AB31",
        "43DB5BFCE0FD108E4B82D120A93AD2CAFFFFFFFFFFFFFFFF",
    );

    /// The generator.
    pub(super) const G: u64 = 2;

    /// The prime modulus N.
    pub(super) const N: Residue = parse_modulus(N_HEX);

    /// `-N⁻¹ mod 2⁶⁴`, the Montgomery reduction constant.
    const N0_INV: u64 = neg_inverse_mod_word(N[0]);

    const fn hex_digit(c: u8) -> u64 {
        match c {
            b'0'..=b'9' => (c - b'0') as u64,
            b'a'..=b'f' => (c - b'a' + 10) as u64,
            b'A'..=b'F' => (c - b'A' + 10) as u64,
            // A compile-time error: the constant above is not valid hex.
            _ => panic!("N_HEX is not hexadecimal"),
        }
    }

    const fn parse_modulus(hex: &str) -> Residue {
        let digits = hex.as_bytes();
        assert!(digits.len() == LIMBS * 16, "N_HEX has the wrong length");
        let mut out = [0u64; LIMBS];
        let mut i = 0;
        while i < digits.len() {
            // Digit i counts from the most significant end.
            let from_low = digits.len() - 1 - i;
            out[from_low / 16] |= hex_digit(digits[i]) << ((from_low % 16) * 4);
            i += 1;
        }
        out
    }

    const fn neg_inverse_mod_word(n0: u64) -> u64 {
        // Newton's iteration doubles the number of correct low bits each step.
        let mut inv: u64 = 1;
        let mut i = 0;
        while i < 6 {
            inv = inv.wrapping_mul(2u64.wrapping_sub(n0.wrapping_mul(inv)));
            i += 1;
        }
        inv.wrapping_neg()
    }

    #[inline(always)]
    fn mac(acc: u64, a: u64, b: u64, carry: u64) -> (u64, u64) {
        let t = (acc as u128) + (a as u128) * (b as u128) + (carry as u128);
        (t as u64, (t >> 64) as u64)
    }

    #[inline(always)]
    fn adc(a: u64, b: u64, carry: u64) -> (u64, u64) {
        let t = (a as u128) + (b as u128) + (carry as u128);
        (t as u64, (t >> 64) as u64)
    }

    #[inline(always)]
    fn sbb(a: u64, b: u64, borrow: u64) -> (u64, u64) {
        let t = (a as u128).wrapping_sub((b as u128) + (borrow as u128));
        (t as u64, ((t >> 64) as u64) & 1)
    }

    /// All ones when `bit == 1`, zero when `bit == 0`, through an optimisation
    /// barrier so that the compiler does not turn the masked select into a branch.
    #[inline(always)]
    fn mask_from_bit(bit: u64) -> u64 {
        ::core::hint::black_box(0u64.wrapping_sub(bit))
    }

    /// All ones when `a == b`, else zero, without a branch.
    #[inline(always)]
    fn mask_eq(a: u64, b: u64) -> u64 {
        let diff = a ^ b;
        let nonzero = (diff | diff.wrapping_neg()) >> 63;
        mask_from_bit(nonzero ^ 1)
    }

    /// `(hi:t) − N` if that is not negative, else `t`; `hi` is 0 or 1.
    #[inline(always)]
    fn subtract_n_if_not_below(t: &[u64; LIMBS], hi: u64) -> Residue {
        let mut diff = [0u64; LIMBS];
        let mut borrow = 0;
        for j in 0..LIMBS {
            (diff[j], borrow) = sbb(t[j], N[j], borrow);
        }
        let (_, below) = sbb(hi, 0, borrow);
        let keep_t = mask_from_bit(below);
        let mut out = [0u64; LIMBS];
        for j in 0..LIMBS {
            out[j] = (t[j] & keep_t) | (diff[j] & !keep_t);
        }
        out
    }

    /// A three-word column accumulator for product scanning: a column sums at
    /// most 2·48 products below 2¹²⁸, so 192 bits never overflow.
    #[derive(Clone, Copy, Default)]
    struct Column {
        low: u128,
        high: u64,
    }

    impl Column {
        #[inline(always)]
        fn add_product(&mut self, a: u64, b: u64) {
            let (sum, overflow) = self.low.overflowing_add((a as u128) * (b as u128));
            self.low = sum;
            self.high = self.high.wrapping_add(overflow as u64);
        }

        #[inline(always)]
        fn add_twice(&mut self, other: &Column) {
            let doubled_low = other.low << 1;
            let doubled_high = (other.high << 1) | (other.low >> 127) as u64;
            let (sum, overflow) = self.low.overflowing_add(doubled_low);
            self.low = sum;
            self.high = self.high.wrapping_add(doubled_high).wrapping_add(overflow as u64);
        }

        /// Returns the lowest word and shifts the accumulator down by one word.
        #[inline(always)]
        fn shift(&mut self) -> u64 {
            let word = self.low as u64;
            self.low = (self.low >> 64) | ((self.high as u128) << 64);
            self.high = 0;
            word
        }
    }

    /// Montgomery product `a·b·R⁻¹ mod N` (`R = 2³⁰⁷²`) for `a, b < N`.
    ///
    /// Product scanning with interleaved reduction (FIPS, Koç, Acar and Kaliski
    /// 1996): output word k is the sum of column k of `a·b` and of `m·N`, so the
    /// running sum stays in three registers instead of a row in memory. Measured
    /// about 20% faster than the row-by-row (CIOS) form with the code LLVM
    /// generates for `u128` arithmetic.
    pub(super) fn mont_mul(a: &Residue, b: &Residue) -> Residue {
        let mut m = [0u64; LIMBS];
        let mut t = [0u64; LIMBS];
        let mut acc = Column::default();
        for k in 0..LIMBS {
            for j in 0..k {
                acc.add_product(a[j], b[k - j]);
                acc.add_product(m[j], N[k - j]);
            }
            acc.add_product(a[k], b[0]);
            // m[k] makes the low word of the column zero.
            m[k] = (acc.low as u64).wrapping_mul(N0_INV);
            acc.add_product(m[k], N[0]);
            acc.shift();
        }
        for k in LIMBS..(2 * LIMBS - 1) {
            for j in (k + 1 - LIMBS)..LIMBS {
                acc.add_product(a[j], b[k - j]);
                acc.add_product(m[j], N[k - j]);
            }
            t[k - LIMBS] = acc.shift();
        }
        t[LIMBS - 1] = acc.shift();
        let top = acc.shift();
        subtract_n_if_not_below(&t, top)
    }

    /// Montgomery square `a²·R⁻¹ mod N`: as `mont_mul`, but each cross product
    /// `a[j]·a[k−j]` is computed once and added twice. The cross products and the
    /// first reduction products of a column go through two separate accumulators
    /// in one loop, which lets the processor overlap the two carry chains
    /// (measured 6% faster than two loops).
    pub(super) fn mont_sqr(a: &Residue) -> Residue {
        let mut m = [0u64; LIMBS];
        let mut t = [0u64; LIMBS];
        let mut acc = Column::default();
        for k in 0..(2 * LIMBS - 1) {
            let first = k.saturating_sub(LIMBS - 1);
            // Cross products a[j]·a[k−j] with j < k − j.
            let half = k.div_ceil(2);
            // Reduction products m[j]·N[k−j] with m[j] already known.
            let last = if k < LIMBS { k } else { LIMBS };
            let mut cross = Column::default();
            for j in first..half {
                cross.add_product(a[j], a[k - j]);
                acc.add_product(m[j], N[k - j]);
            }
            for j in half..last {
                acc.add_product(m[j], N[k - j]);
            }
            acc.add_twice(&cross);
            if k % 2 == 0 {
                acc.add_product(a[k / 2], a[k / 2]);
            }
            if k < LIMBS {
                m[k] = (acc.low as u64).wrapping_mul(N0_INV);
                acc.add_product(m[k], N[0]);
                acc.shift();
            } else {
                t[k - LIMBS] = acc.shift();
            }
        }
        t[LIMBS - 1] = acc.shift();
        let top = acc.shift();
        subtract_n_if_not_below(&t, top)
    }

    /// `a + b mod N` for `a, b < N`.
    pub(super) fn mod_add(a: &Residue, b: &Residue) -> Residue {
        let mut sum = [0u64; LIMBS];
        let mut carry = 0;
        for j in 0..LIMBS {
            (sum[j], carry) = adc(a[j], b[j], carry);
        }
        subtract_n_if_not_below(&sum, carry)
    }

    /// `a − b mod N` for `a, b < N`.
    pub(super) fn mod_sub(a: &Residue, b: &Residue) -> Residue {
        let mut diff = [0u64; LIMBS];
        let mut borrow = 0;
        for j in 0..LIMBS {
            (diff[j], borrow) = sbb(a[j], b[j], borrow);
        }
        let add_back = mask_from_bit(borrow);
        let mut carry = 0;
        for j in 0..LIMBS {
            (diff[j], carry) = adc(diff[j], N[j] & add_back, carry);
        }
        diff
    }

    /// Whether `a` is zero (for public values only: it branches).
    pub(super) fn is_zero(a: &[u64]) -> bool {
        a.iter().all(|&w| w == 0)
    }

    /// Little-endian limbs of a big-endian byte string of at most `8 * OUT` bytes.
    pub(super) fn limbs_from_be_bytes<const OUT: usize>(bytes: &[u8]) -> [u64; OUT] {
        let mut out = [0u64; OUT];
        for (k, &byte) in bytes.iter().rev().take(8 * OUT).enumerate() {
            out[k / 8] |= (byte as u64) << (8 * (k % 8));
        }
        out
    }

    /// Big-endian bytes of a residue, always `BYTES` long.
    pub(super) fn residue_to_be_bytes(a: &Residue) -> [u8; BYTES] {
        let mut out = [0u8; BYTES];
        for (k, limb) in a.iter().enumerate() {
            let at = BYTES - 8 * (k + 1);
            out[at..at + 8].copy_from_slice(&limb.to_be_bytes());
        }
        out
    }

    /// Constants derived from N, computed once.
    pub(super) struct Constants {
        /// `R² mod N`, to move values into Montgomery form.
        pub(super) r_squared: Residue,
        /// `R mod N`: the number one in Montgomery form.
        pub(super) one: Residue,
        /// Fixed-base table: `powers_of_g[w][d] = g^(d·16^w)` in Montgomery form.
        pub(super) powers_of_g: ::std::vec::Vec<[Residue; FIXED_TABLE_SIZE]>,
    }

    /// Bits per window of the fixed-base exponentiation.
    const FIXED_WINDOW_BITS: usize = 4;
    const FIXED_TABLE_SIZE: usize = 1 << FIXED_WINDOW_BITS;
    /// The fixed-base table covers exponents of up to this many bits
    /// (`a` is 1024 bits, `x` is 256 bits).
    pub(super) const FIXED_BASE_MAX_BITS: usize = 1024;

    pub(super) fn constants() -> &'static Constants {
        static CONSTANTS: ::std::sync::OnceLock<Constants> = ::std::sync::OnceLock::new();
        CONSTANTS.get_or_init(build_constants)
    }

    fn build_constants() -> Constants {
        // R mod N = R − N, because N > R/2.
        let mut one = [0u64; LIMBS];
        let mut borrow = 0;
        for j in 0..LIMBS {
            (one[j], borrow) = sbb(0, N[j], borrow);
        }
        // R² mod N by doubling R mod N another 3072 times.
        let mut r_squared = one;
        for _ in 0..(64 * LIMBS) {
            r_squared = mod_add(&r_squared, &r_squared);
        }
        let mut g = [0u64; LIMBS];
        g[0] = G;
        let mut base = mont_mul(&g, &r_squared);
        let windows = FIXED_BASE_MAX_BITS / FIXED_WINDOW_BITS;
        let mut powers_of_g = ::std::vec::Vec::with_capacity(windows);
        for _ in 0..windows {
            let mut row = [one; FIXED_TABLE_SIZE];
            for d in 1..FIXED_TABLE_SIZE {
                row[d] = mont_mul(&row[d - 1], &base);
            }
            for _ in 0..FIXED_WINDOW_BITS {
                base = mont_sqr(&base);
            }
            powers_of_g.push(row);
        }
        Constants { r_squared, one, powers_of_g }
    }

    /// Reads the table entry at a secret index by touching every entry.
    #[inline(always)]
    fn select<const SIZE: usize>(table: &[Residue; SIZE], index: u64) -> Residue {
        let mut out = [0u64; LIMBS];
        for (d, entry) in table.iter().enumerate() {
            let mask = mask_eq(d as u64, index);
            for j in 0..LIMBS {
                out[j] |= entry[j] & mask;
            }
        }
        out
    }

    /// The `width` bits of `exponent` starting at bit `at` (public positions).
    #[inline(always)]
    fn window(exponent: &[u64], at: usize, width: usize) -> u64 {
        let limb = at / 64;
        let shift = at % 64;
        let mut bits = exponent.get(limb).copied().unwrap_or(0) >> shift;
        if shift + width > 64 {
            bits |= exponent.get(limb + 1).copied().unwrap_or(0) << (64 - shift);
        }
        bits & ((1u64 << width) - 1)
    }

    /// `g^exponent` in Montgomery form, for exponents of at most
    /// `FIXED_BASE_MAX_BITS` bits given as little-endian limbs. The number of
    /// multiplications depends only on `exponent.len()`.
    pub(super) fn pow_g(exponent: &[u64]) -> Residue {
        let constants = constants();
        let bits = (64 * exponent.len()).min(FIXED_BASE_MAX_BITS);
        let mut acc = constants.one;
        for (w, row) in constants.powers_of_g.iter().enumerate().take(bits / FIXED_WINDOW_BITS) {
            let digit = window(exponent, w * FIXED_WINDOW_BITS, FIXED_WINDOW_BITS);
            let mut entry = select(row, digit);
            acc = mont_mul(&acc, &entry);
            entry.zeroize();
        }
        acc
    }

    /// Bits per window of the variable-base exponentiation.
    const VAR_WINDOW_BITS: usize = 5;
    const VAR_TABLE_SIZE: usize = 1 << VAR_WINDOW_BITS;

    /// `base^exponent` in Montgomery form (`base` in Montgomery form), scanning
    /// exactly `bits` exponent bits (rounded up to whole windows) whatever their value.
    pub(super) fn pow(base: &Residue, exponent: &[u64], bits: usize) -> Residue {
        let constants = constants();
        let mut table = [constants.one; VAR_TABLE_SIZE];
        table[1] = *base;
        for d in 2..VAR_TABLE_SIZE {
            table[d] = if d % 2 == 0 { mont_sqr(&table[d / 2]) } else { mont_mul(&table[d - 1], base) };
        }
        let windows = bits.div_ceil(VAR_WINDOW_BITS);
        let mut acc = constants.one;
        for w in (0..windows).rev() {
            for _ in 0..VAR_WINDOW_BITS {
                acc = mont_sqr(&acc);
            }
            let digit = window(exponent, w * VAR_WINDOW_BITS, VAR_WINDOW_BITS);
            let mut entry = select(&table, digit);
            acc = mont_mul(&acc, &entry);
            entry.zeroize();
        }
        table.zeroize();
        acc
    }

    /// Into Montgomery form; `a < N`.
    pub(super) fn to_montgomery(a: &Residue) -> Residue {
        mont_mul(a, &constants().r_squared)
    }

    /// Out of Montgomery form.
    pub(super) fn from_montgomery(a: &Residue) -> Residue {
        let mut one = [0u64; LIMBS];
        one[0] = 1;
        mont_mul(a, &one)
    }

    /// `value mod N` for a public big-endian integer of any length.
    pub(super) fn reduce_public(be_bytes: &[u8]) -> Residue {
        let constants = constants();
        let mut acc = [0u64; LIMBS];
        // Horner's rule over BYTES-sized chunks, most significant chunk first.
        let first = be_bytes.len() % BYTES;
        let (head, tail) = be_bytes.split_at(first);
        let chunks = ::core::iter::once(head).filter(|h| !h.is_empty()).chain(tail.chunks(BYTES));
        for chunk in chunks {
            // acc·R mod N = mont_mul(acc, R²).
            acc = mont_mul(&acc, &constants.r_squared);
            let digit: Residue = limbs_from_be_bytes(chunk);
            // Any chunk is below R < 2N, so one conditional subtraction reduces it.
            let digit = subtract_n_if_not_below(&digit, 0);
            acc = mod_add(&acc, &digit);
        }
        acc
    }

    /// Schoolbook product of two 256-bit values (constant time).
    pub(super) fn mul_256(a: &[u64; 4], b: &[u64; 4]) -> [u64; 8] {
        let mut out = [0u64; 8];
        for i in 0..4 {
            let mut carry = 0;
            for j in 0..4 {
                (out[i + j], carry) = mac(out[i + j], a[i], b[j], carry);
            }
            out[i + 4] = carry;
        }
        out
    }

    /// `a + b` for `a` of 16 limbs and `b` of 8 limbs, into 17 limbs (constant time).
    pub(super) fn add_exponents(a: &[u64; 16], b: &[u64; 8]) -> [u64; 17] {
        let mut out = [0u64; 17];
        let mut carry = 0;
        for j in 0..16 {
            let b_j = if j < 8 { b[j] } else { 0 };
            (out[j], carry) = adc(a[j], b_j, carry);
        }
        out[16] = carry;
        out
    }
}

/// Encodings of integers and of `SECRET_BLOCK`.
mod encoding {
    use super::SrpError;

    /// The longest `SRP_B` accepted, in significant hex digits (three times the size
    /// of N; B is normally below N, but a larger B is reduced like the JavaScript SDK does).
    const MAX_SRP_B_DIGITS: usize = 3 * 2 * super::group::BYTES;
    /// The longest `SALT` accepted, in significant hex digits.
    const MAX_SALT_DIGITS: usize = 2 * super::group::BYTES;

    /// The challenge parameter `name`, or an error naming it when it is absent or empty.
    pub(super) fn required<'p>(
        parameters: &'p ::std::collections::HashMap<::std::string::String, ::std::string::String>,
        name: &'static str,
    ) -> ::std::result::Result<&'p str, SrpError> {
        match parameters.get(name) {
            None => Err(SrpError::MissingParameter { name }),
            Some(value) if value.is_empty() => Err(SrpError::EmptyParameter { name }),
            Some(value) => Ok(value.as_str()),
        }
    }

    /// Parses a hexadecimal integer into its minimal big-endian bytes (no leading
    /// zero byte; zero is the empty vector).
    pub(super) fn parse_hex_integer(
        name: &'static str,
        hex: &str,
    ) -> ::std::result::Result<::std::vec::Vec<u8>, SrpError> {
        if !hex.bytes().all(|c| c.is_ascii_hexdigit()) {
            return Err(SrpError::MalformedParameter { name, reason: "not a hexadecimal number" });
        }
        let significant = hex.trim_start_matches('0').as_bytes();
        let limit = match name {
            "SRP_B" => MAX_SRP_B_DIGITS,
            _ => MAX_SALT_DIGITS,
        };
        if significant.len() > limit {
            return Err(SrpError::MalformedParameter { name, reason: "too many hexadecimal digits" });
        }
        let nibble = |c: u8| match c {
            b'0'..=b'9' => c - b'0',
            b'a'..=b'f' => c - b'a' + 10,
            _ => c - b'A' + 10,
        };
        let mut out = ::std::vec::Vec::with_capacity(significant.len().div_ceil(2));
        let (first, rest) = significant.split_at(significant.len() % 2);
        if let Some(&c) = first.first() {
            out.push(nibble(c));
        }
        for pair in rest.chunks_exact(2) {
            out.push((nibble(pair[0]) << 4) | nibble(pair[1]));
        }
        Ok(out)
    }

    /// Cognito's (Java `BigInteger.toByteArray`) encoding of a non-negative integer
    /// given as big-endian bytes: leading zeros dropped, one `0x00` added when the
    /// top bit is set, and zero encoded as a single `0x00`.
    pub(super) fn padded(be_bytes: &[u8]) -> ::std::vec::Vec<u8> {
        let start = be_bytes.iter().position(|&b| b != 0).unwrap_or(be_bytes.len());
        let minimal = &be_bytes[start..];
        let mut out = ::std::vec::Vec::with_capacity(minimal.len() + 1);
        if minimal.first().is_none_or(|&b| b & 0x80 != 0) {
            out.push(0);
        }
        out.extend_from_slice(minimal);
        out
    }

    /// Lowercase hex without leading zeros (`"0"` for zero), as `SRP_A` is sent.
    pub(super) fn minimal_hex(be_bytes: &[u8]) -> ::std::string::String {
        use ::std::fmt::Write;
        let start = be_bytes.iter().position(|&b| b != 0).unwrap_or(be_bytes.len());
        let minimal = &be_bytes[start..];
        let mut out = ::std::string::String::with_capacity(2 * minimal.len());
        for (i, byte) in minimal.iter().enumerate() {
            // Writing to a String cannot fail.
            let _ = if i == 0 { write!(out, "{byte:x}") } else { write!(out, "{byte:02x}") };
        }
        if out.is_empty() {
            out.push('0');
        }
        out
    }

    const STANDARD_ANY_PADDING: ::base64::engine::GeneralPurpose = ::base64::engine::GeneralPurpose::new(
        &::base64::alphabet::STANDARD,
        ::base64::engine::GeneralPurposeConfig::new()
            .with_decode_padding_mode(::base64::engine::DecodePaddingMode::Indifferent),
    );
    const URL_SAFE_ANY_PADDING: ::base64::engine::GeneralPurpose = ::base64::engine::GeneralPurpose::new(
        &::base64::alphabet::URL_SAFE,
        ::base64::engine::GeneralPurposeConfig::new()
            .with_decode_padding_mode(::base64::engine::DecodePaddingMode::Indifferent),
    );

    /// Decodes `SECRET_BLOCK`: standard or URL-safe base64, padded or not.
    pub(super) fn decode_secret_block(value: &str) -> ::std::result::Result<::std::vec::Vec<u8>, SrpError> {
        use ::base64::Engine;
        STANDARD_ANY_PADDING
            .decode(value)
            .or_else(|_| URL_SAFE_ANY_PADDING.decode(value))
            .map_err(|_| SrpError::MalformedParameter { name: "SECRET_BLOCK", reason: "not base64" })
    }

    /// Standard padded base64.
    pub(super) fn base64(bytes: &[u8]) -> ::std::string::String {
        use ::base64::Engine;
        ::base64::engine::general_purpose::STANDARD.encode(bytes)
    }
}

/// HMAC-SHA256, HKDF-SHA256 and the SRP hashes.
mod hashing {
    use ::sha2::Digest;
    use ::zeroize::Zeroize;

    const BLOCK: usize = 64;

    /// HMAC-SHA256 (RFC 2104) over the concatenation of `parts`. Written out here
    /// because the key is never too long or short for HMAC, so an infallible
    /// function fits better than a `Result` that cannot fail.
    pub(super) fn hmac_sha256(key: &[u8], parts: &[&[u8]]) -> [u8; 32] {
        let mut block_key = [0u8; BLOCK];
        if key.len() > BLOCK {
            block_key[..32].copy_from_slice(&::sha2::Sha256::digest(key));
        } else {
            block_key[..key.len()].copy_from_slice(key);
        }
        let mut pad = [0u8; BLOCK];
        for (p, k) in pad.iter_mut().zip(block_key.iter()) {
            *p = k ^ 0x36;
        }
        let mut inner = ::sha2::Sha256::new();
        inner.update(pad);
        for part in parts {
            inner.update(part);
        }
        let inner_digest = inner.finalize();
        for (p, k) in pad.iter_mut().zip(block_key.iter()) {
            *p = k ^ 0x5c;
        }
        let mut outer = ::sha2::Sha256::new();
        outer.update(pad);
        outer.update(inner_digest);
        pad.zeroize();
        block_key.zeroize();
        outer.finalize().into()
    }

    /// HKDF-SHA256 (RFC 5869) with Cognito's info string, 16 bytes of output.
    pub(super) fn derive_key(salt: &[u8], input_key: &[u8]) -> ::zeroize::Zeroizing<[u8; 16]> {
        let mut pseudo_random_key = hmac_sha256(salt, &[input_key]);
        // One block of expansion is enough for 16 bytes: T(1) = HMAC(PRK, info ‖ 0x01).
        let mut block = hmac_sha256(&pseudo_random_key, &[b"Caldera Derived Key", &[1]]);
        let mut key = ::zeroize::Zeroizing::new([0u8; 16]);
        key.copy_from_slice(&block[..16]);
        pseudo_random_key.zeroize();
        block.zeroize();
        key
    }

    /// SHA-256 over the concatenation of `parts`.
    pub(super) fn sha256(parts: &[&[u8]]) -> [u8; 32] {
        let mut hasher = ::sha2::Sha256::new();
        for part in parts {
            hasher.update(part);
        }
        hasher.finalize().into()
    }
}

/// The `TIMESTAMP` Cognito signs.
mod timestamp {
    /// A point in time, formatted the way Cognito expects `TIMESTAMP`:
    /// `Mon Nov 2 10:50:58 UTC 2026` (English names, unpadded day of month,
    /// zero-padded time, always UTC).
    ///
    /// ```
    /// use cognito_idp::srp::Timestamp;
    /// assert_eq!(Timestamp::from_unix(0).to_string(), "Thu Jan 1 00:00:00 UTC 1970");
    /// ```
    #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
    pub struct Timestamp {
        unix_seconds: i64,
    }

    impl Timestamp {
        /// The current time from the system clock.
        #[must_use]
        pub fn now() -> Self {
            let unix_seconds = match ::std::time::SystemTime::now().duration_since(::std::time::UNIX_EPOCH) {
                Ok(after) => i64::try_from(after.as_secs()).unwrap_or(i64::MAX),
                // A clock before 1970: count backwards.
                Err(before) => i64::try_from(before.duration().as_secs()).map_or(i64::MIN, |s| -s),
            };
            Self { unix_seconds }
        }

        /// The time `unix_seconds` seconds after 1970-01-01 00:00:00 UTC.
        #[must_use]
        pub fn from_unix(unix_seconds: i64) -> Self {
            Self { unix_seconds }
        }

        /// Seconds since 1970-01-01 00:00:00 UTC.
        #[must_use]
        pub fn unix_seconds(&self) -> i64 {
            self.unix_seconds
        }
    }

    impl ::std::fmt::Display for Timestamp {
        fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
            // The calendar is the one the generated timestamps use.
            use super::super::support::civil;
            let (date, second_of_day) = civil::split(self.unix_seconds);
            write!(
                f,
                "{} {} {} {:02}:{:02}:{:02} UTC {}",
                civil::WEEKDAYS[civil::weekday(self.unix_seconds)],
                civil::MONTHS[usize::from(date.month) - 1],
                date.day,
                second_of_day / 3600,
                second_of_day / 60 % 60,
                second_of_day % 60,
                date.year,
            )
        }
    }
}

pub use timestamp::Timestamp;

/// Why an SRP step was refused. Never contains secret values.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum SrpError {
    /// A required challenge parameter is absent.
    MissingParameter {
        /// The parameter's name, e.g. `"SRP_B"`.
        name: &'static str,
    },
    /// A required challenge parameter is the empty string.
    EmptyParameter {
        /// The parameter's name.
        name: &'static str,
    },
    /// A challenge parameter cannot be parsed.
    MalformedParameter {
        /// The parameter's name.
        name: &'static str,
        /// What is wrong with it.
        reason: &'static str,
    },
    /// The server's `SRP_B` is a multiple of N, which would let anyone compute `S`.
    ServerValueIsZero,
    /// The scrambling parameter `u = SHA-256(A ‖ B)` is zero.
    ScramblingParameterIsZero,
    /// The user pool id is not of the form `<region>_<name>`.
    InvalidPoolId {
        /// The pool id as given (it is not secret).
        pool_id: ::std::string::String,
    },
    /// An argument given by the caller is unusable.
    InvalidArgument {
        /// The argument's name.
        name: &'static str,
        /// What is wrong with it.
        reason: &'static str,
    },
    /// The operating system's random number generator failed.
    RandomSource,
}

impl ::std::fmt::Display for SrpError {
    fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
        match self {
            Self::MissingParameter { name } => {
                write!(f, "challenge parameter {name} is missing")
            }
            Self::EmptyParameter { name } => write!(f, "challenge parameter {name} is empty"),
            Self::MalformedParameter { name, reason } => {
                write!(f, "challenge parameter {name} is malformed: {reason}")
            }
            Self::ServerValueIsZero => {
                f.write_str("challenge parameter SRP_B is zero modulo N; refusing to answer")
            }
            Self::ScramblingParameterIsZero => {
                f.write_str("SRP scrambling parameter u is zero; refusing to answer")
            }
            // Errors never repeat what they were given, secret or not.
            Self::InvalidPoolId { .. } => f.write_str("the user pool id is not of the form <region>_<name>"),
            Self::InvalidArgument { name, reason } => write!(f, "invalid {name}: {reason}"),
            Self::RandomSource => f.write_str("the operating system's random source failed"),
        }
    }
}

impl ::std::error::Error for SrpError {}

/// `SECRET_HASH` for an app client with a client secret:
/// base64(HMAC-SHA256(client secret, username ‖ client id)). Compute it over the
/// `USERNAME` sent in the same request.
#[must_use]
pub fn secret_hash(client_secret: &str, username: &str, client_id: &str) -> ::std::string::String {
    let mac = hashing::hmac_sha256(client_secret.as_bytes(), &[username.as_bytes(), client_id.as_bytes()]);
    encoding::base64(&mac)
}

/// The SRP arithmetic shared by users and devices.
mod client {
    use super::encoding::{padded, parse_hex_integer, required};
    use super::group::{self, Residue};
    use super::SrpError;
    use ::zeroize::Zeroize;

    /// Bytes of the private value `a`.
    pub(super) const PRIVATE_KEY_BYTES: usize = 128;

    /// The private value `a` and the public `A = g^a`.
    pub(super) struct Ephemeral {
        /// `a`, little-endian limbs; at most 1024 bits.
        private: [u64; 16],
        /// `A`, Cognito-padded big-endian bytes (for u).
        public_padded: ::std::vec::Vec<u8>,
        /// `A` as sent: lowercase hex without leading zeros.
        public_hex: ::std::string::String,
    }

    impl Drop for Ephemeral {
        fn drop(&mut self) {
            self.private.zeroize();
        }
    }

    impl Ephemeral {
        pub(super) fn random() -> ::std::result::Result<Self, SrpError> {
            let mut bytes = ::zeroize::Zeroizing::new([0u8; PRIVATE_KEY_BYTES]);
            ::getrandom::fill(bytes.as_mut()).map_err(|_| SrpError::RandomSource)?;
            Self::from_private_key(bytes.as_ref())
        }

        /// `a` from big-endian bytes; 1 to 128 bytes, not zero.
        pub(super) fn from_private_key(bytes: &[u8]) -> ::std::result::Result<Self, SrpError> {
            if bytes.is_empty() || bytes.len() > PRIVATE_KEY_BYTES {
                return Err(SrpError::InvalidArgument {
                    name: "private_key",
                    reason: "must be 1 to 128 bytes",
                });
            }
            let private: [u64; 16] = group::limbs_from_be_bytes(bytes);
            // Branching on "a is zero" reveals one bit about a only in the case
            // that is rejected anyway.
            if group::is_zero(&private) {
                return Err(SrpError::InvalidArgument { name: "private_key", reason: "must not be zero" });
            }
            let public = group::from_montgomery(&group::pow_g(&private));
            let public_bytes = group::residue_to_be_bytes(&public);
            Ok(Self {
                private,
                public_padded: padded(&public_bytes),
                public_hex: super::encoding::minimal_hex(&public_bytes),
            })
        }

        pub(super) fn public_hex(&self) -> &str {
            &self.public_hex
        }

        /// The 16-byte key both sides derive, for `identity_prefix ‖ identity`
        /// (pool name and user id, or device group key and device key).
        pub(super) fn session_key(
            &self,
            identity_prefix: &str,
            identity: &str,
            password: &str,
            salt_hex: &str,
            server_public_hex: &str,
        ) -> ::std::result::Result<::zeroize::Zeroizing<[u8; 16]>, SrpError> {
            let salt = padded(&parse_hex_integer("SALT", salt_hex)?);
            let server_public = parse_hex_integer("SRP_B", server_public_hex)?;
            let server_public_mod_n = group::reduce_public(&server_public);
            if group::is_zero(&server_public_mod_n) {
                return Err(SrpError::ServerValueIsZero);
            }
            // u hashes B as sent (not reduced), as the reference clients do.
            let u_hash = super::hashing::sha256(&[&self.public_padded, &padded(&server_public)]);
            check_scrambling_parameter(&u_hash)?;
            let u: [u64; 4] = group::limbs_from_be_bytes(&u_hash);

            let mut x_hash = password_hash(&salt, identity_prefix, identity, password);
            let mut x: [u64; 4] = group::limbs_from_be_bytes(&x_hash);
            x_hash.zeroize();

            let constants = group::constants();
            let k = multiplier();
            // base = B − k·g^x mod N, all in Montgomery form.
            let mut verifier = group::pow_g(&x);
            let mut k_times_verifier = group::mont_mul(&group::to_montgomery(&k), &verifier);
            let server_public_mont = group::mont_mul(&server_public_mod_n, &constants.r_squared);
            let mut base = group::mod_sub(&server_public_mont, &k_times_verifier);
            let mut u_times_x = group::mul_256(&u, &x);
            let mut exponent = group::add_exponents(&self.private, &u_times_x);
            let mut premaster_mont = group::pow(&base, &exponent, EXPONENT_BITS);
            let mut premaster = group::from_montgomery(&premaster_mont);
            let mut premaster_bytes = group::residue_to_be_bytes(&premaster);
            let premaster_padded = ::zeroize::Zeroizing::new(padded(&premaster_bytes));
            let key = super::hashing::derive_key(&padded(&u_hash), &premaster_padded);

            x.zeroize();
            verifier.zeroize();
            k_times_verifier.zeroize();
            base.zeroize();
            u_times_x.zeroize();
            exponent.zeroize();
            premaster_mont.zeroize();
            premaster.zeroize();
            premaster_bytes.zeroize();
            Ok(key)
        }
    }

    /// Bits scanned in the exponent `a + u·x`: a < 2¹⁰²⁴ and u·x < 2⁵¹², so the
    /// sum is below 2¹⁰²⁵ (205 windows of 5 bits). The same for every a, so the
    /// exponent's length leaks nothing.
    const EXPONENT_BITS: usize = 1025;

    /// Refuses `u = 0`, which would make S independent of the password.
    pub(super) fn check_scrambling_parameter(u_hash: &[u8; 32]) -> ::std::result::Result<(), SrpError> {
        if u_hash.iter().all(|&b| b == 0) {
            Err(SrpError::ScramblingParameterIsZero)
        } else {
            Ok(())
        }
    }

    /// `x = SHA-256(salt ‖ SHA-256(prefix ‖ identity ‖ ":" ‖ password))`.
    pub(super) fn password_hash(
        padded_salt: &[u8],
        identity_prefix: &str,
        identity: &str,
        password: &str,
    ) -> [u8; 32] {
        let mut inner = super::hashing::sha256(&[
            identity_prefix.as_bytes(),
            identity.as_bytes(),
            b":",
            password.as_bytes(),
        ]);
        let x = super::hashing::sha256(&[padded_salt, &inner]);
        inner.zeroize();
        x
    }

    /// `k = SHA-256(N ‖ g)`, both padded, as a residue.
    pub(super) fn multiplier() -> Residue {
        let modulus = group::residue_to_be_bytes(&group::N);
        let k_hash = super::hashing::sha256(&[&padded(&modulus), &padded(&[group::G as u8])]);
        group::limbs_from_be_bytes(&k_hash)
    }

    /// The answer's parameters common to users and devices.
    pub(super) struct SignedClaim {
        pub(super) username: ::std::string::String,
        pub(super) secret_block: ::std::string::String,
        pub(super) timestamp: ::std::string::String,
        pub(super) signature: ::std::string::String,
    }

    /// Reads the challenge parameters, derives the key and signs the claim.
    pub(super) fn sign_claim(
        ephemeral: &Ephemeral,
        identity_prefix: &str,
        identity: Option<&str>,
        password: &str,
        parameters: &::std::collections::HashMap<::std::string::String, ::std::string::String>,
        timestamp: super::Timestamp,
    ) -> ::std::result::Result<SignedClaim, SrpError> {
        // Every parameter is checked before any arithmetic is done.
        let salt_hex = required(parameters, "SALT")?;
        let server_public_hex = required(parameters, "SRP_B")?;
        let secret_block = required(parameters, "SECRET_BLOCK")?;
        let identity = match identity {
            Some(identity) => identity,
            None => required(parameters, "USER_ID_FOR_SRP")?,
        };
        let username = required(parameters, "USERNAME")?;
        let secret_block_bytes = super::encoding::decode_secret_block(secret_block)?;

        let key = ephemeral.session_key(identity_prefix, identity, password, salt_hex, server_public_hex)?;
        let timestamp = timestamp.to_string();
        let signature = super::hashing::hmac_sha256(
            key.as_ref(),
            &[identity_prefix.as_bytes(), identity.as_bytes(), &secret_block_bytes, timestamp.as_bytes()],
        );
        Ok(SignedClaim {
            username: username.to_owned(),
            secret_block: secret_block.to_owned(),
            timestamp,
            signature: super::encoding::base64(&signature),
        })
    }

    /// An app client's id and secret, for `SECRET_HASH`.
    #[derive(Clone)]
    pub(super) struct ClientSecret {
        pub(super) client_id: ::std::string::String,
        pub(super) secret: ::std::string::String,
    }

    impl Drop for ClientSecret {
        fn drop(&mut self) {
            self.secret.zeroize();
        }
    }

    /// Builds the challenge answer from a signed claim and the optional extras.
    pub(super) fn answer(
        challenge_name: super::super::types::ChallengeNameType,
        claim: SignedClaim,
        client_secret: Option<&ClientSecret>,
        device_key: Option<&str>,
    ) -> super::super::challenge::ChallengeAnswer {
        let mut responses = ::std::collections::HashMap::new();
        if let Some(client) = client_secret {
            responses.insert(
                "SECRET_HASH".to_owned(),
                super::secret_hash(&client.secret, &claim.username, &client.client_id),
            );
        }
        if let Some(device_key) = device_key {
            responses.insert("DEVICE_KEY".to_owned(), device_key.to_owned());
        }
        responses.insert("USERNAME".to_owned(), claim.username);
        responses.insert("PASSWORD_CLAIM_SECRET_BLOCK".to_owned(), claim.secret_block);
        responses.insert("TIMESTAMP".to_owned(), claim.timestamp);
        responses.insert("PASSWORD_CLAIM_SIGNATURE".to_owned(), claim.signature);
        super::super::challenge::ChallengeAnswer::new_unchecked(challenge_name, responses)
    }

    /// `Some("<redacted>")` or `None`, for `Debug`.
    pub(super) fn redacted<T>(value: Option<&T>) -> Option<&'static str> {
        value.map(|_| "<redacted>")
    }
}

/// The pool name of a user pool id: the part after `_` (`"us-east-1_AbCdEfGhI"` →
/// `"AbCdEfGhI"`).
fn pool_name(pool_id: &str) -> ::std::result::Result<&str, SrpError> {
    let invalid = || SrpError::InvalidPoolId { pool_id: pool_id.to_owned() };
    let (region, name) = pool_id.split_once('_').ok_or_else(invalid)?;
    let region_ok = !region.is_empty() && region.bytes().all(|c| c.is_ascii_alphanumeric() || c == b'-');
    let name_ok = !name.is_empty() && name.bytes().all(|c| c.is_ascii_alphanumeric());
    if region_ok && name_ok {
        Ok(name)
    } else {
        Err(invalid())
    }
}

/// Client side of `USER_SRP_AUTH`: holds the private value `a` between
/// `InitiateAuth` (which sends [`srp_a`](UserSrp::srp_a)) and the answer to the
/// `PASSWORD_VERIFIER` challenge ([`password_verifier`](UserSrp::password_verifier)).
///
/// Options for the answer:
/// * [`with_client_secret`](UserSrp::with_client_secret): add `SECRET_HASH`
///   (computed over the answer's `USERNAME`), for app clients that have a secret;
/// * [`with_device_key`](UserSrp::with_device_key): add `DEVICE_KEY`, when the user
///   signs in on a remembered device.
///
/// `Debug` shows neither `a` nor the client secret.
pub struct UserSrp {
    pool_name: ::std::string::String,
    ephemeral: client::Ephemeral,
    client_secret: Option<client::ClientSecret>,
    device_key: Option<::std::string::String>,
}

impl UserSrp {
    /// Starts a sign-in to the pool `pool_id` (`<region>_<name>`) with a random
    /// private value of 128 bytes from the operating system.
    ///
    /// # Errors
    ///
    /// [`SrpError::InvalidPoolId`] when `pool_id` is not `<region>_<name>`;
    /// [`SrpError::RandomSource`] when the operating system has no randomness.
    pub fn new(pool_id: &str) -> ::std::result::Result<Self, SrpError> {
        let pool_name = pool_name(pool_id)?.to_owned();
        Ok(Self { pool_name, ephemeral: client::Ephemeral::random()?, client_secret: None, device_key: None })
    }

    /// Like [`new`](UserSrp::new) with a given private value `a` (big-endian, 1 to
    /// 128 bytes, not zero). For tests and reproducible vectors only: reusing `a`
    /// across sign-ins breaks SRP's security.
    ///
    /// # Errors
    ///
    /// [`SrpError::InvalidPoolId`], or [`SrpError::InvalidArgument`] naming
    /// `private_key` when it is empty, longer than 128 bytes or zero.
    pub fn with_private_key(pool_id: &str, private_key: &[u8]) -> ::std::result::Result<Self, SrpError> {
        let pool_name = pool_name(pool_id)?.to_owned();
        Ok(Self {
            pool_name,
            ephemeral: client::Ephemeral::from_private_key(private_key)?,
            client_secret: None,
            device_key: None,
        })
    }

    /// Adds `SECRET_HASH` to the answer, computed from the app client's id and
    /// secret over the answer's `USERNAME`.
    #[must_use]
    pub fn with_client_secret(
        mut self,
        client_id: impl Into<::std::string::String>,
        client_secret: impl Into<::std::string::String>,
    ) -> Self {
        self.client_secret =
            Some(client::ClientSecret { client_id: client_id.into(), secret: client_secret.into() });
        self
    }

    /// Adds `DEVICE_KEY` to the answer (sign-in on a remembered device).
    #[must_use]
    pub fn with_device_key(mut self, device_key: impl Into<::std::string::String>) -> Self {
        self.device_key = Some(device_key.into());
        self
    }

    /// `SRP_A` for `InitiateAuth`: `g^a mod N` in lowercase hex without leading zeros.
    #[must_use]
    pub fn srp_a(&self) -> ::std::string::String {
        self.ephemeral.public_hex().to_owned()
    }

    /// The answer to the `PASSWORD_VERIFIER` challenge: `USERNAME`,
    /// `PASSWORD_CLAIM_SECRET_BLOCK`, `TIMESTAMP`, `PASSWORD_CLAIM_SIGNATURE`, plus
    /// `SECRET_HASH` and `DEVICE_KEY` when configured.
    ///
    /// Reads `SALT`, `SRP_B`, `SECRET_BLOCK`, `USER_ID_FOR_SRP` and `USERNAME` from
    /// `challenge_parameters`; the password is hashed with `USER_ID_FOR_SRP` (not
    /// the alias the user typed).
    ///
    /// # Errors
    ///
    /// [`SrpError::MissingParameter`], [`SrpError::EmptyParameter`] or
    /// [`SrpError::MalformedParameter`] naming the challenge parameter;
    /// [`SrpError::ServerValueIsZero`] when `SRP_B ≡ 0 (mod N)`;
    /// [`SrpError::ScramblingParameterIsZero`] when `u = 0`.
    pub fn password_verifier(
        &self,
        password: &str,
        challenge_parameters: &::std::collections::HashMap<::std::string::String, ::std::string::String>,
        timestamp: Timestamp,
    ) -> ::std::result::Result<super::challenge::ChallengeAnswer, SrpError> {
        let claim = client::sign_claim(
            &self.ephemeral,
            &self.pool_name,
            None,
            password,
            challenge_parameters,
            timestamp,
        )?;
        Ok(client::answer(
            super::types::ChallengeNameType::PasswordVerifier,
            claim,
            self.client_secret.as_ref(),
            self.device_key.as_deref(),
        ))
    }
}

impl ::std::fmt::Debug for UserSrp {
    fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
        f.debug_struct("UserSrp")
            .field("pool_name", &self.pool_name)
            .field("srp_a", &self.ephemeral.public_hex())
            .field("private_key", &"<redacted>")
            .field("client_secret", &client::redacted(self.client_secret.as_ref()))
            .field("device_key", &self.device_key)
            .finish()
    }
}

/// Client side of `DEVICE_SRP_AUTH` for a remembered device: holds the private
/// value `a` between the `DEVICE_SRP_AUTH` answer (which sends
/// [`srp_a`](DeviceSrp::srp_a)) and the answer to `DEVICE_PASSWORD_VERIFIER`
/// ([`device_password_verifier`](DeviceSrp::device_password_verifier)).
///
/// The answer always carries `DEVICE_KEY`; add `SECRET_HASH` with
/// [`with_client_secret`](DeviceSrp::with_client_secret). `Debug` shows neither `a`
/// nor the client secret.
pub struct DeviceSrp {
    device_group_key: ::std::string::String,
    device_key: ::std::string::String,
    ephemeral: client::Ephemeral,
    client_secret: Option<client::ClientSecret>,
}

fn non_empty(name: &'static str, value: &str) -> ::std::result::Result<::std::string::String, SrpError> {
    if value.is_empty() {
        Err(SrpError::InvalidArgument { name, reason: "must not be empty" })
    } else {
        Ok(value.to_owned())
    }
}

impl DeviceSrp {
    /// Starts a device sign-in with a random private value of 128 bytes.
    ///
    /// # Errors
    ///
    /// [`SrpError::InvalidArgument`] when a key is empty;
    /// [`SrpError::RandomSource`] when the operating system has no randomness.
    pub fn new(device_group_key: &str, device_key: &str) -> ::std::result::Result<Self, SrpError> {
        Ok(Self {
            device_group_key: non_empty("device_group_key", device_group_key)?,
            device_key: non_empty("device_key", device_key)?,
            ephemeral: client::Ephemeral::random()?,
            client_secret: None,
        })
    }

    /// Like [`new`](DeviceSrp::new) with a given private value `a` (big-endian, 1 to
    /// 128 bytes, not zero). For tests and reproducible vectors only.
    ///
    /// # Errors
    ///
    /// [`SrpError::InvalidArgument`] when a key is empty or the private key is
    /// empty, longer than 128 bytes or zero.
    pub fn with_private_key(
        device_group_key: &str,
        device_key: &str,
        private_key: &[u8],
    ) -> ::std::result::Result<Self, SrpError> {
        Ok(Self {
            device_group_key: non_empty("device_group_key", device_group_key)?,
            device_key: non_empty("device_key", device_key)?,
            ephemeral: client::Ephemeral::from_private_key(private_key)?,
            client_secret: None,
        })
    }

    /// Adds `SECRET_HASH` to the answer, computed from the app client's id and
    /// secret over the answer's `USERNAME`.
    #[must_use]
    pub fn with_client_secret(
        mut self,
        client_id: impl Into<::std::string::String>,
        client_secret: impl Into<::std::string::String>,
    ) -> Self {
        self.client_secret =
            Some(client::ClientSecret { client_id: client_id.into(), secret: client_secret.into() });
        self
    }

    /// `SRP_A` for the `DEVICE_SRP_AUTH` answer, in lowercase hex without leading zeros.
    #[must_use]
    pub fn srp_a(&self) -> ::std::string::String {
        self.ephemeral.public_hex().to_owned()
    }

    /// The answer to `DEVICE_PASSWORD_VERIFIER`: `USERNAME`,
    /// `PASSWORD_CLAIM_SECRET_BLOCK`, `TIMESTAMP`, `PASSWORD_CLAIM_SIGNATURE`,
    /// `DEVICE_KEY`, plus `SECRET_HASH` when configured.
    ///
    /// Reads `SALT`, `SRP_B`, `SECRET_BLOCK` and `USERNAME` from
    /// `challenge_parameters`. `device_password` is the one that
    /// [`DeviceVerifier`] generated when the device was confirmed.
    ///
    /// # Errors
    ///
    /// As [`UserSrp::password_verifier`] (without `USER_ID_FOR_SRP`, which devices
    /// do not use).
    pub fn device_password_verifier(
        &self,
        device_password: &str,
        challenge_parameters: &::std::collections::HashMap<::std::string::String, ::std::string::String>,
        timestamp: Timestamp,
    ) -> ::std::result::Result<super::challenge::ChallengeAnswer, SrpError> {
        let claim = client::sign_claim(
            &self.ephemeral,
            &self.device_group_key,
            Some(&self.device_key),
            device_password,
            challenge_parameters,
            timestamp,
        )?;
        Ok(client::answer(
            super::types::ChallengeNameType::DevicePasswordVerifier,
            claim,
            self.client_secret.as_ref(),
            Some(&self.device_key),
        ))
    }
}

impl ::std::fmt::Debug for DeviceSrp {
    fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
        f.debug_struct("DeviceSrp")
            .field("device_group_key", &self.device_group_key)
            .field("device_key", &self.device_key)
            .field("srp_a", &self.ephemeral.public_hex())
            .field("private_key", &"<redacted>")
            .field("client_secret", &client::redacted(self.client_secret.as_ref()))
            .finish()
    }
}

/// A secret text, such as a device password: zeroized when dropped, redacted in `Debug`, read
/// only through [`expose_secret`](SecretString::expose_secret).
///
/// Written here rather than taken from `secrecy`: it prints the same redaction marker as every
/// sensitive member of the generated types, and `zeroize` is already a dependency of this module.
#[derive(Clone, Default)]
pub struct SecretString(::zeroize::Zeroizing<::std::string::String>);

impl SecretString {
    /// Wraps `secret`.
    pub fn new(secret: impl Into<::std::string::String>) -> Self {
        SecretString(::zeroize::Zeroizing::new(secret.into()))
    }

    /// The secret text.
    pub fn expose_secret(&self) -> &str {
        &self.0
    }
}

impl From<::std::string::String> for SecretString {
    fn from(secret: ::std::string::String) -> Self {
        SecretString::new(secret)
    }
}

impl From<&str> for SecretString {
    fn from(secret: &str) -> Self {
        SecretString::new(secret)
    }
}

impl ::std::fmt::Debug for SecretString {
    fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
        f.write_str(super::support::REDACTED)
    }
}

/// Creates the device password and verifier that `ConfirmDevice` registers.
///
/// The device password is base64 of 40 random bytes; keep it with the device key
/// and device group key, it is needed for every later `DEVICE_SRP_AUTH`. The
/// config holds base64 of the padded verifier `g^x` and of the padded 16-byte salt.
#[derive(Debug)]
#[non_exhaustive]
pub struct DeviceVerifier;

impl DeviceVerifier {
    /// Bytes of randomness in a device password.
    pub const PASSWORD_BYTES: usize = 40;
    /// Bytes of a device salt.
    pub const SALT_BYTES: usize = 16;

    /// A new random device password and its verifier config.
    ///
    /// # Errors
    ///
    /// [`SrpError::InvalidArgument`] when a key is empty;
    /// [`SrpError::RandomSource`] when the operating system has no randomness.
    pub fn generate(
        device_group_key: &str,
        device_key: &str,
    ) -> ::std::result::Result<(SecretString, super::types::DeviceSecretVerifierConfigType), SrpError> {
        let mut password = ::zeroize::Zeroizing::new([0u8; Self::PASSWORD_BYTES]);
        let mut salt = [0u8; Self::SALT_BYTES];
        ::getrandom::fill(password.as_mut()).map_err(|_| SrpError::RandomSource)?;
        ::getrandom::fill(&mut salt).map_err(|_| SrpError::RandomSource)?;
        Self::from_random(device_group_key, device_key, password.as_ref(), &salt)
    }

    /// Like [`generate`](DeviceVerifier::generate) from given random bytes:
    /// exactly 40 password bytes and 16 salt bytes. For tests and reproducible
    /// vectors only.
    ///
    /// # Errors
    ///
    /// [`SrpError::InvalidArgument`] when a key is empty or a byte string has the
    /// wrong length.
    pub fn from_random(
        device_group_key: &str,
        device_key: &str,
        password_bytes: &[u8],
        salt_bytes: &[u8],
    ) -> ::std::result::Result<(SecretString, super::types::DeviceSecretVerifierConfigType), SrpError> {
        use ::zeroize::Zeroize;
        non_empty("device_group_key", device_group_key)?;
        non_empty("device_key", device_key)?;
        if password_bytes.len() != Self::PASSWORD_BYTES {
            return Err(SrpError::InvalidArgument { name: "password_bytes", reason: "must be 40 bytes" });
        }
        if salt_bytes.len() != Self::SALT_BYTES {
            return Err(SrpError::InvalidArgument { name: "salt_bytes", reason: "must be 16 bytes" });
        }
        let password = SecretString::new(encoding::base64(password_bytes));
        let salt = encoding::padded(salt_bytes);
        let mut x_hash = client::password_hash(&salt, device_group_key, device_key, password.expose_secret());
        let mut x: [u64; 4] = group::limbs_from_be_bytes(&x_hash);
        let verifier = group::from_montgomery(&group::pow_g(&x));
        x_hash.zeroize();
        x.zeroize();
        let config = super::types::DeviceSecretVerifierConfigType {
            password_verifier: Some(encoding::base64(&encoding::padded(&group::residue_to_be_bytes(
                &verifier,
            )))),
            salt: Some(encoding::base64(&salt)),
        };
        Ok((password, config))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn residue_from_hex(hex: &str) -> group::Residue {
        let bytes = encoding::parse_hex_integer("SALT", hex).unwrap_or_default();
        group::limbs_from_be_bytes(&bytes)
    }

    #[test]
    fn montgomery_constant_matches_modulus() {
        // N ≡ −1 mod 2⁶⁴, so −N⁻¹ ≡ 1.
        assert_eq!(group::N[0], u64::MAX);
        let one = group::constants().one;
        assert_eq!(group::from_montgomery(&one)[0], 1);
        assert!(
            one == group::to_montgomery(&{
                let mut r = [0u64; group::LIMBS];
                r[0] = 1;
                r
            })
        );
    }

    #[test]
    fn squaring_agrees_with_multiplication() {
        let a = group::to_montgomery(&residue_from_hex(
            "123456789abcdef0fedcba9876543210deadbeefcafebabe0123456789",
        ));
        let mut x = a;
        for _ in 0..50 {
            assert_eq!(group::mont_sqr(&x), group::mont_mul(&x, &x));
            x = group::mont_mul(&x, &a);
        }
        let mut n_minus_one = group::N;
        n_minus_one[0] -= 1;
        assert_eq!(group::mont_sqr(&n_minus_one), group::mont_mul(&n_minus_one, &n_minus_one));
    }

    #[test]
    fn fixed_and_variable_base_agree() {
        let mut g = [0u64; group::LIMBS];
        g[0] = 2;
        let g_mont = group::to_montgomery(&g);
        let exponent: [u64; 16] =
            core::array::from_fn(|i| 0x9e37_79b9_7f4a_7c15u64.wrapping_mul(i as u64 + 1));
        let fixed = group::pow_g(&exponent);
        let variable = group::pow(&g_mont, &exponent, 1024);
        assert_eq!(fixed, variable);
        // 2^10 = 1024.
        let small = group::from_montgomery(&group::pow_g(&[10, 0, 0, 0]));
        assert_eq!(small[0], 1024);
        assert!(small[1..].iter().all(|&w| w == 0));
    }

    #[test]
    fn reduce_public_handles_values_above_n() {
        let n_bytes = group::residue_to_be_bytes(&group::N);
        assert!(group::is_zero(&group::reduce_public(&n_bytes)));
        // N + 5, which is still below R.
        let mut limbs = group::N;
        let mut carry = 5u64;
        for limb in limbs.iter_mut() {
            let (s, c) = limb.overflowing_add(carry);
            *limb = s;
            carry = u64::from(c);
        }
        let reduced = group::reduce_public(&group::residue_to_be_bytes(&limbs));
        assert_eq!(reduced[0], 5);
        // N·2³⁰⁷² + 7 (two chunks) ≡ 7.
        let mut two_chunks = n_bytes.to_vec();
        two_chunks.extend_from_slice(&[0u8; group::BYTES]);
        let last = two_chunks.len() - 1;
        two_chunks[last] = 7;
        let reduced = group::reduce_public(&two_chunks);
        assert_eq!(reduced[0], 7);
        assert!(reduced[1..].iter().all(|&w| w == 0));
        // A chunk with a short head.
        assert_eq!(group::reduce_public(&[1, 0, 0])[0], 0x10000);
    }

    #[test]
    fn padding_follows_java_big_integer() {
        assert_eq!(encoding::padded(&[]), vec![0]);
        assert_eq!(encoding::padded(&[0, 0]), vec![0]);
        assert_eq!(encoding::padded(&[0x7f]), vec![0x7f]);
        assert_eq!(encoding::padded(&[0x80]), vec![0, 0x80]);
        assert_eq!(encoding::padded(&[0, 0, 0x12, 0x34]), vec![0x12, 0x34]);
        assert_eq!(encoding::padded(&[0, 0xff]), vec![0, 0xff]);
    }

    #[test]
    fn hex_integers_drop_leading_zeros() {
        assert_eq!(encoding::parse_hex_integer("SALT", "00012a"), Ok(vec![1, 0x2a]));
        assert_eq!(encoding::parse_hex_integer("SALT", "ABC"), Ok(vec![0xa, 0xbc]));
        assert_eq!(encoding::parse_hex_integer("SALT", "000"), Ok(vec![]));
        assert!(matches!(
            encoding::parse_hex_integer("SRP_B", "0x12"),
            Err(SrpError::MalformedParameter { name: "SRP_B", .. })
        ));
        assert!(matches!(
            encoding::parse_hex_integer("SALT", "12 34"),
            Err(SrpError::MalformedParameter { name: "SALT", .. })
        ));
        assert_eq!(encoding::minimal_hex(&[0, 0x0a, 0xbc]), "abc");
        assert_eq!(encoding::minimal_hex(&[0, 0]), "0");
    }

    #[test]
    fn secret_block_accepts_both_alphabets_with_or_without_padding() {
        let expected = vec![0xfb, 0xff, 0xbf, 0x01];
        for text in ["+/+/AQ==", "+/+/AQ", "-_-_AQ==", "-_-_AQ"] {
            assert_eq!(encoding::decode_secret_block(text), Ok(expected.clone()), "{text}");
        }
        for text in ["+_+_AQ", "not base64!", "A"] {
            assert!(matches!(
                encoding::decode_secret_block(text),
                Err(SrpError::MalformedParameter { name: "SECRET_BLOCK", .. })
            ));
        }
    }

    #[test]
    fn hmac_matches_rfc_4231() {
        // Test case 2.
        let mac = hashing::hmac_sha256(b"Jefe", &[b"what do ya want ", b"for nothing?"]);
        assert_eq!(
            encoding::minimal_hex(&mac),
            "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"
        );
        // Test case 6: a key longer than the block.
        let mac =
            hashing::hmac_sha256(&[0xaa; 131], &[b"Test Using Larger Than Block-Size Key - Hash Key First"]);
        assert_eq!(
            encoding::minimal_hex(&mac),
            "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54"
        );
    }

    #[test]
    fn hkdf_matches_rfc_5869_prefix() {
        // RFC 5869 test case 1 has a different info string, so check the
        // extract step (PRK) and the expand step separately.
        let ikm = [0x0bu8; 22];
        let salt: ::std::vec::Vec<u8> = (0u8..=0x0c).collect();
        let prk = hashing::hmac_sha256(&salt, &[&ikm]);
        assert_eq!(
            encoding::minimal_hex(&prk),
            "77709362c2e32df0ddc3f0dc47bba6390b6c73bb50f9c3122ec844ad7c2b3e5"
        );
    }

    #[test]
    fn zero_scrambling_parameter_is_refused() {
        assert_eq!(client::check_scrambling_parameter(&[0; 32]), Err(SrpError::ScramblingParameterIsZero));
        let mut one = [0u8; 32];
        one[31] = 1;
        assert_eq!(client::check_scrambling_parameter(&one), Ok(()));
    }

    #[test]
    fn multiplier_is_sha256_of_padded_n_and_g() {
        // Independent value: k of the Cognito group, as printed by pycognito.
        let k = client::multiplier();
        let k_bytes = group::residue_to_be_bytes(&k);
        assert_eq!(
            encoding::minimal_hex(&k_bytes),
            "538282c4354742d7cbbde2359fcf67f9f5b3a6b08791e5011b43b8a5b66d9ee6"
        );
    }

    #[test]
    fn pool_ids() {
        assert_eq!(pool_name("us-east-1_AbCdEfGhI"), Ok("AbCdEfGhI"));
        for bad in ["", "_", "us-east-1_", "_abc", "us-east-1", "us_east_1_abc", "us-east-1_a-b", "us east_1"]
        {
            assert!(matches!(pool_name(bad), Err(SrpError::InvalidPoolId { .. })), "{bad}");
        }
    }

    #[test]
    fn timestamps() {
        assert_eq!(Timestamp::from_unix(0).to_string(), "Thu Jan 1 00:00:00 UTC 1970");
        assert_eq!(Timestamp::from_unix(951_782_400).to_string(), "Tue Feb 29 00:00:00 UTC 2000");
        assert_eq!(Timestamp::from_unix(-1).to_string(), "Wed Dec 31 23:59:59 UTC 1969");
        assert_eq!(Timestamp::from_unix(253_402_300_799).to_string(), "Fri Dec 31 23:59:59 UTC 9999");
        // The extremes do not panic.
        let _ = Timestamp::from_unix(i64::MAX).to_string();
        let _ = Timestamp::from_unix(i64::MIN).to_string();
    }
}
