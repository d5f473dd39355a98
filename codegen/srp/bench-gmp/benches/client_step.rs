//! One full SRP client step — random `a`, `SRP_A`, then the PASSWORD_VERIFIER
//! answer — with the `cognito-srp` crate, and the same math with GMP (rug) and num-bigint,
//! interleaved in one Criterion run.
//!
//! The GMP and num-bigint versions do what the straightforward clients do: three
//! modular exponentiations (g^a, g^x, S) with the library's generic `pow_mod`.
//! `gmp_secure` uses GMP's constant-time `mpz_powm_sec` for the two
//! exponentiations by secret exponents, the like-for-like comparison with
//! cognito-srp, which is constant-time throughout.

use base64::Engine;
use criterion::{black_box, criterion_group, criterion_main, Criterion};
use hmac::{Hmac, Mac};
use rug::integer::Order;
use rug::ops::RemRounding;
use rug::Integer;
use sha2::{Digest, Sha256};
use cognito_srp::{Timestamp, UserSrp};
use std::collections::HashMap;

const POOL_ID: &str = "us-east-1_AbCdEfGhI";
const POOL_NAME: &str = "AbCdEfGhI";
const USER_ID: &str = "8d3e6a84-7f1b-4c2e-9a0b-1f2e3d4c5b6a";
const USERNAME: &str = "alice";
const PASSWORD: &str = "correct horse battery staple";
const UNIX_TIME: i64 = 1_793_616_658;
const N_HEX: &str = concat!(
    "FFFFFFFFFFFFFFFFC90FDAA22168C234C4C6628B80DC1CD129024E088A67CC74020BBEA63B139B22514A08798E3404DD",
    "EF9519B3CD3A431B302B0A6DF25F14374FE1356D6D51C245E485B576625E7EC6F44C42E9A637ED6B0BFF5CB6F406B7ED",
    "EE386BFB5A899FA5AE9F24117C4B1FE649286651ECE45B3DC2007CB8A163BF0598DA48361C55D39A69163FA8FD24CF5F",
    "83655D23DCA3AD961C62F356208552BB9ED529077096966D670C354E4ABC9804F1746C08CA18217C32905E462E36CE3B",
    "E39E772C180E86039B2783A2EC07A28FB5C55DF06F4C52C9DE2BCBF6955817183995497CEA956AE515D2261898FA0510",
    "15728E5A8AAAC42DAD33170D04507A33A85521ABDF1CBA64ECFB850458DBEF0A8AEA71575D060C7DB3970F85A6E1E4C7",
    "ABF5AE8CDB0933D71E8C94E04A25619DCEE3D2261AD2EE6BF12FFA06D98A0864D87602733EC86A64521F2B18177B200C",
    "BBE117577A615D6C770988C0BAD946E208E24FA074E5AB3143DB5BFCE0FD108E4B82D120A93AD2CAFFFFFFFFFFFFFFFF",
);

fn sha256(parts: &[&[u8]]) -> Vec<u8> {
    let mut h = Sha256::new();
    for p in parts {
        h.update(p);
    }
    h.finalize().to_vec()
}

fn derive_and_sign(u_padded: &[u8], s_padded: &[u8], secret_block: &[u8], timestamp: &str) -> String {
    let mut key = [0u8; 16];
    hkdf::Hkdf::<Sha256>::new(Some(u_padded), s_padded)
        .expand(b"Caldera Derived Key", &mut key)
        .expect("16 bytes");
    let mut mac = <Hmac<Sha256> as Mac>::new_from_slice(&key).expect("any key length");
    for part in [POOL_NAME.as_bytes(), USER_ID.as_bytes(), secret_block, timestamp.as_bytes()] {
        mac.update(part);
    }
    base64::engine::general_purpose::STANDARD.encode(mac.finalize().into_bytes())
}

fn random_a() -> [u8; 128] {
    let mut a = [0u8; 128];
    getrandom::fill(&mut a).expect("OS random");
    a
}

// ---- GMP ---------------------------------------------------------------------

fn gmp_padded(value: &Integer) -> Vec<u8> {
    let mut bytes = value.to_digits::<u8>(Order::Msf);
    if bytes.is_empty() || bytes[0] & 0x80 != 0 {
        bytes.insert(0, 0);
    }
    bytes
}

struct Gmp {
    n: Integer,
    k: Integer,
}

impl Gmp {
    fn new() -> Self {
        let n = Integer::from_str_radix(N_HEX, 16).expect("N");
        let k = Integer::from_digits(&sha256(&[&gmp_padded(&n), &[2]]), Order::Msf);
        Self { n, k }
    }

    /// Returns (SRP_A, PASSWORD_CLAIM_SIGNATURE).
    fn client_step(&self, a_bytes: &[u8], params: &HashMap<String, String>, secure: bool) -> (String, String) {
        let g = Integer::from(2);
        let pow = |base: &Integer, exp: &Integer| -> Integer {
            if secure {
                base.clone().secure_pow_mod(exp, &self.n)
            } else {
                base.clone().pow_mod(exp, &self.n).expect("modulus")
            }
        };
        let a = Integer::from_digits(a_bytes, Order::Msf);
        let big_a = pow(&g, &a);
        let srp_a = big_a.to_string_radix(16);

        let salt = Integer::from_str_radix(&params["SALT"], 16).expect("SALT");
        let big_b = Integer::from_str_radix(&params["SRP_B"], 16).expect("SRP_B");
        assert!(Integer::from(&big_b % &self.n) != 0);
        let u_bytes = sha256(&[&gmp_padded(&big_a), &gmp_padded(&big_b)]);
        let u = Integer::from_digits(&u_bytes, Order::Msf);
        assert!(u != 0);
        let inner = sha256(&[POOL_NAME.as_bytes(), params["USER_ID_FOR_SRP"].as_bytes(), b":", PASSWORD.as_bytes()]);
        let x = Integer::from_digits(&sha256(&[&gmp_padded(&salt), &inner]), Order::Msf);
        let v = pow(&g, &x);
        let base = (&big_b - Integer::from(&self.k * &v)).rem_euc(&self.n);
        let exponent = a + Integer::from(&u * &x);
        let s = if base == 0 { Integer::new() } else { pow(&base, &exponent) };
        let secret_block = base64::engine::general_purpose::STANDARD.decode(&params["SECRET_BLOCK"]).expect("base64");
        let timestamp = Timestamp::from_unix(UNIX_TIME).to_string();
        let signature = derive_and_sign(&gmp_padded(&u), &gmp_padded(&s), &secret_block, &timestamp);
        (srp_a, signature)
    }

    /// A realistic PASSWORD_VERIFIER challenge (the server's side).
    fn challenge(&self) -> HashMap<String, String> {
        let salt_hex = "c2b901f7a0d3e5f6a7b8c9d0e1f2a3b4";
        let salt = Integer::from_str_radix(salt_hex, 16).expect("salt");
        let inner = sha256(&[POOL_NAME.as_bytes(), USER_ID.as_bytes(), b":", PASSWORD.as_bytes()]);
        let x = Integer::from_digits(&sha256(&[&gmp_padded(&salt), &inner]), Order::Msf);
        let g = Integer::from(2);
        let v = g.clone().pow_mod(&x, &self.n).expect("pow");
        let b = Integer::from_digits(&[0x5au8; 32], Order::Msf);
        let big_b = (Integer::from(&self.k * &v) + g.pow_mod(&b, &self.n).expect("pow")).rem_euc(&self.n);
        let secret_block: Vec<u8> = (0..1024u32).map(|i| (i * 131 % 251) as u8).collect();
        HashMap::from([
            ("SALT".to_owned(), salt_hex.to_owned()),
            ("SRP_B".to_owned(), big_b.to_string_radix(16)),
            ("SECRET_BLOCK".to_owned(), base64::engine::general_purpose::STANDARD.encode(secret_block)),
            ("USER_ID_FOR_SRP".to_owned(), USER_ID.to_owned()),
            ("USERNAME".to_owned(), USERNAME.to_owned()),
        ])
    }
}

// ---- num-bigint -------------------------------------------------------------------

fn num_padded(value: &num_bigint::BigUint) -> Vec<u8> {
    let mut bytes = value.to_bytes_be();
    if bytes[0] & 0x80 != 0 {
        bytes.insert(0, 0);
    }
    bytes
}

fn num_client_step(a_bytes: &[u8], params: &HashMap<String, String>) -> (String, String) {
    use num_bigint::{BigInt, BigUint, Sign};
    let n = BigUint::parse_bytes(N_HEX.as_bytes(), 16).expect("N");
    let k = BigUint::from_bytes_be(&sha256(&[&num_padded(&n), &[2]]));
    let g = BigUint::from(2u32);
    let a = BigUint::from_bytes_be(a_bytes);
    let big_a = g.modpow(&a, &n);
    let srp_a = big_a.to_str_radix(16);
    let salt = BigUint::parse_bytes(params["SALT"].as_bytes(), 16).expect("SALT");
    let big_b = BigUint::parse_bytes(params["SRP_B"].as_bytes(), 16).expect("SRP_B");
    assert!(&big_b % &n != BigUint::from(0u32));
    let u_bytes = sha256(&[&num_padded(&big_a), &num_padded(&big_b)]);
    let u = BigUint::from_bytes_be(&u_bytes);
    let inner = sha256(&[POOL_NAME.as_bytes(), params["USER_ID_FOR_SRP"].as_bytes(), b":", PASSWORD.as_bytes()]);
    let x = BigUint::from_bytes_be(&sha256(&[&num_padded(&salt), &inner]));
    let v = g.modpow(&x, &n);
    let n_signed = BigInt::from_biguint(Sign::Plus, n.clone());
    let base = (BigInt::from_biguint(Sign::Plus, big_b) - BigInt::from_biguint(Sign::Plus, &k * &v)) % &n_signed;
    let base = ((base + &n_signed) % &n_signed).to_biguint().expect("non-negative");
    let s = base.modpow(&(a + &u * &x), &n);
    let secret_block = base64::engine::general_purpose::STANDARD.decode(&params["SECRET_BLOCK"]).expect("base64");
    let timestamp = Timestamp::from_unix(UNIX_TIME).to_string();
    let signature = derive_and_sign(&num_padded(&u), &num_padded(&s), &secret_block, &timestamp);
    (srp_a, signature)
}

// ---- cognito-srp ---------------------------------------------------------------------

fn cognito_srp_client_step(srp: UserSrp, params: &HashMap<String, String>) -> (String, String) {
    let srp_a = srp.srp_a();
    let answer = srp
        .password_verifier(PASSWORD, params, Timestamp::from_unix(UNIX_TIME))
        .expect("answer");
    (srp_a, answer.responses()["PASSWORD_CLAIM_SIGNATURE"].clone())
}

fn client_step(c: &mut Criterion) {
    let gmp = Gmp::new();
    let params = gmp.challenge();

    // All implementations agree before anything is timed.
    let a = random_a();
    let ours = cognito_srp_client_step(UserSrp::with_private_key(POOL_ID, &a).expect("srp"), &params);
    assert_eq!(ours, gmp.client_step(&a, &params, false));
    assert_eq!(ours, gmp.client_step(&a, &params, true));
    assert_eq!(ours, num_client_step(&a, &params));
    // Build cognito-srp's fixed-base table outside the timed loop (it is built once per process).
    drop(UserSrp::new(POOL_ID));

    let mut group = c.benchmark_group("client_step");
    group.sample_size(60);
    group.bench_function("cognito_srp", |bench| {
        bench.iter(|| cognito_srp_client_step(UserSrp::new(POOL_ID).expect("srp"), black_box(&params)))
    });
    group.bench_function("gmp_pow_mod", |bench| {
        bench.iter(|| gmp.client_step(&random_a(), black_box(&params), false))
    });
    group.bench_function("gmp_secure_pow_mod", |bench| {
        bench.iter(|| gmp.client_step(&random_a(), black_box(&params), true))
    });
    group.bench_function("num_bigint", |bench| {
        bench.iter(|| num_client_step(&random_a(), black_box(&params)))
    });
    group.finish();
}

criterion_group!(benches, client_step);
criterion_main!(benches);
