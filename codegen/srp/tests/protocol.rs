//! The client against a server written here from the SRP-6a equations
//! (v = g^x, B = k·v + g^b, S = (A·v^u)^b), plus the refusals and the
//! redaction of secrets.

use base64::Engine;
use cognito_srp::{DeviceSrp, DeviceVerifier, SrpError, Timestamp, UserSrp};
use hmac::{Hmac, Mac};
use num_bigint::BigUint;
use proptest::prelude::*;
use sha2::{Digest, Sha256};
use std::collections::HashMap;

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

fn n() -> BigUint {
    BigUint::parse_bytes(N_HEX.as_bytes(), 16).expect("N")
}

/// Java `BigInteger.toByteArray` of a non-negative integer.
fn padded(value: &BigUint) -> Vec<u8> {
    let bytes = value.to_bytes_be();
    if bytes[0] & 0x80 != 0 {
        [&[0u8][..], &bytes].concat()
    } else {
        bytes
    }
}

fn sha256(parts: &[&[u8]]) -> Vec<u8> {
    let mut h = Sha256::new();
    for p in parts {
        h.update(p);
    }
    h.finalize().to_vec()
}

fn hmac(key: &[u8], parts: &[&[u8]]) -> Vec<u8> {
    let mut mac = <Hmac<Sha256> as Mac>::new_from_slice(key).expect("any key length");
    for p in parts {
        mac.update(p);
    }
    mac.finalize().into_bytes().to_vec()
}

/// The server side of one sign-in, from the SRP-6a equations.
struct Server {
    identity_prefix: String,
    identity: String,
    salt: BigUint,
    verifier: BigUint,
    b: BigUint,
    public_b: BigUint,
}

impl Server {
    fn register(identity_prefix: &str, identity: &str, password: &str, salt: &[u8], b: &[u8]) -> Self {
        let n = n();
        let g = BigUint::from(2u32);
        let salt = BigUint::from_bytes_be(salt);
        let x = BigUint::from_bytes_be(&sha256(&[
            &padded(&salt),
            &sha256(&[identity_prefix.as_bytes(), identity.as_bytes(), b":", password.as_bytes()]),
        ]));
        let verifier = g.modpow(&x, &n);
        Self::with_verifier(identity_prefix, identity, salt, verifier, b)
    }

    fn with_verifier(
        identity_prefix: &str,
        identity: &str,
        salt: BigUint,
        verifier: BigUint,
        b: &[u8],
    ) -> Self {
        let n = n();
        let g = BigUint::from(2u32);
        let k = BigUint::from_bytes_be(&sha256(&[&padded(&n), &padded(&g)]));
        let b = BigUint::from_bytes_be(b) + 1u32;
        let public_b = (&k * &verifier + g.modpow(&b, &n)) % &n;
        Self {
            identity_prefix: identity_prefix.into(),
            identity: identity.into(),
            salt,
            verifier,
            b,
            public_b,
        }
    }

    fn challenge(&self, username: &str, secret_block: &[u8]) -> HashMap<String, String> {
        self.challenge_written(username, secret_block, &Spelling::default())
    }

    /// The challenge with SALT and SRP_B written as `spelling` says; B may be sent
    /// as `B + j·N`, in which case u is computed over the value sent, as the
    /// client does.
    fn challenge_written(
        &self,
        username: &str,
        secret_block: &[u8],
        spelling: &Spelling,
    ) -> HashMap<String, String> {
        let write = |value: &BigUint, zeros: usize| {
            let hex = format!("{}{}", "0".repeat(zeros), value.to_str_radix(16));
            if spelling.uppercase {
                hex.to_uppercase()
            } else {
                hex
            }
        };
        HashMap::from([
            ("SALT".to_owned(), write(&self.salt, spelling.salt_zeros)),
            ("SRP_B".to_owned(), write(&self.sent_b(spelling), spelling.b_zeros)),
            ("SECRET_BLOCK".to_owned(), base64::engine::general_purpose::STANDARD.encode(secret_block)),
            ("USER_ID_FOR_SRP".to_owned(), self.identity.clone()),
            ("USERNAME".to_owned(), username.to_owned()),
        ])
    }

    fn sent_b(&self, spelling: &Spelling) -> BigUint {
        &self.public_b + n() * spelling.b_plus_multiple_of_n
    }

    /// The signature the server expects from a client that sent `srp_a`.
    fn expected_signature(&self, srp_a: &str, secret_block: &[u8], timestamp: &str) -> String {
        self.expected_signature_written(srp_a, secret_block, timestamp, &Spelling::default())
    }

    fn expected_signature_written(
        &self,
        srp_a: &str,
        secret_block: &[u8],
        timestamp: &str,
        spelling: &Spelling,
    ) -> String {
        let n = n();
        let public_a = BigUint::parse_bytes(srp_a.as_bytes(), 16).expect("SRP_A is hex");
        assert!(&public_a % &n != BigUint::from(0u32));
        let u = BigUint::from_bytes_be(&sha256(&[&padded(&public_a), &padded(&self.sent_b(spelling))]));
        let premaster = (public_a * self.verifier.modpow(&u, &n)).modpow(&self.b, &n);
        let mut key = [0u8; 16];
        hkdf::Hkdf::<Sha256>::new(Some(&padded(&u)), &padded(&premaster))
            .expand(b"Caldera Derived Key", &mut key)
            .expect("16 bytes");
        let mac = hmac(
            &key,
            &[self.identity_prefix.as_bytes(), self.identity.as_bytes(), secret_block, timestamp.as_bytes()],
        );
        base64::engine::general_purpose::STANDARD.encode(mac)
    }
}

/// How the server writes SALT and SRP_B: extra leading zeros, upper case, and
/// B sent as B + j·N. None of it may change the result.
#[derive(Default, Debug, Clone)]
struct Spelling {
    salt_zeros: usize,
    b_zeros: usize,
    uppercase: bool,
    b_plus_multiple_of_n: u32,
}

const POOL_ID: &str = "us-east-1_AbCdEfGhI";
const POOL_NAME: &str = "AbCdEfGhI";

proptest! {
    // The library is unoptimised in test builds; a few dozen full sign-ins are enough.
    #![proptest_config(ProptestConfig::with_cases(24))]

    #[test]
    fn user_sign_in_verifies_and_wrong_password_does_not(
        user_id in "\\PC{1,24}",
        password in "\\PC{0,32}",
        salt in proptest::collection::vec(any::<u8>(), 1..=32),
        b in proptest::array::uniform32(any::<u8>()),
        secret_block in proptest::collection::vec(any::<u8>(), 1..=200),
        unix_time in 0i64..253_402_300_799,
        salt_zeros in 0usize..5,
        b_zeros in 0usize..5,
        uppercase in any::<bool>(),
        b_plus_multiple_of_n in 0u32..3,
    ) {
        let spelling = Spelling { salt_zeros, b_zeros, uppercase, b_plus_multiple_of_n };
        let server = Server::register(POOL_NAME, &user_id, &password, &salt, &b);
        let srp = UserSrp::new(POOL_ID).expect("pool id");
        let params = server.challenge_written("canonical-name", &secret_block, &spelling);
        let timestamp = Timestamp::from_unix(unix_time);
        let answer = srp.password_verifier(&password, &params, timestamp).expect("answer");
        let responses = answer.responses();
        prop_assert_eq!(&responses["TIMESTAMP"], &timestamp.to_string());
        prop_assert_eq!(&responses["USERNAME"], "canonical-name");
        prop_assert_eq!(
            &responses["PASSWORD_CLAIM_SIGNATURE"],
            &server.expected_signature_written(&srp.srp_a(), &secret_block, &responses["TIMESTAMP"], &spelling)
        );

        let wrong = format!("{password}x");
        let answer = srp.password_verifier(&wrong, &params, timestamp).expect("answer");
        prop_assert_ne!(
            &answer.responses()["PASSWORD_CLAIM_SIGNATURE"],
            &server.expected_signature_written(&srp.srp_a(), &secret_block, &timestamp.to_string(), &spelling)
        );
    }

    #[test]
    fn confirmed_device_signs_in_and_wrong_device_password_does_not(
        device_key in "[a-z0-9-]{1,12}_[0-9a-f-]{36}",
        device_group_key in "-[A-Za-z0-9_-]{8}",
        b in proptest::array::uniform32(any::<u8>()),
        secret_block in proptest::collection::vec(any::<u8>(), 1..=200),
    ) {
        let (device_password, config) = DeviceVerifier::generate(&device_group_key, &device_key).expect("verifier");
        let engine = base64::engine::general_purpose::STANDARD;
        prop_assert_eq!(engine.decode(device_password.expose_secret()).expect("base64").len(), 40);
        let verifier = BigUint::from_bytes_be(&engine.decode(&config.password_verifier).expect("base64"));
        let salt = BigUint::from_bytes_be(&engine.decode(&config.salt).expect("base64"));
        let server = Server::with_verifier(&device_group_key, &device_key, salt, verifier, &b);
        let mut params = server.challenge("user", &secret_block);
        params.remove("USER_ID_FOR_SRP");
        let srp = DeviceSrp::new(&device_group_key, &device_key).expect("device");
        let timestamp = Timestamp::now();
        let answer = srp.device_password_verifier(device_password.expose_secret(), &params, timestamp).expect("answer");
        let responses = answer.responses();
        prop_assert_eq!(&responses["DEVICE_KEY"], &device_key);
        prop_assert_eq!(
            &responses["PASSWORD_CLAIM_SIGNATURE"],
            &server.expected_signature(&srp.srp_a(), &secret_block, &responses["TIMESTAMP"])
        );
        let answer = srp.device_password_verifier("not-the-password", &params, timestamp).expect("answer");
        prop_assert_ne!(
            &answer.responses()["PASSWORD_CLAIM_SIGNATURE"],
            &server.expected_signature(&srp.srp_a(), &secret_block, &timestamp.to_string())
        );
    }
}

fn valid_challenge() -> HashMap<String, String> {
    Server::register(POOL_NAME, "user", "pw", &[0x42; 16], &[7; 32]).challenge("user", b"block")
}

#[test]
fn server_value_zero_modulo_n_is_refused() {
    let srp = UserSrp::new(POOL_ID).expect("pool id");
    let n = n();
    for b in [BigUint::from(0u32), n.clone(), &n * 2u32, &n * 5u32] {
        let mut params = valid_challenge();
        params.insert("SRP_B".into(), format!("000{}", b.to_str_radix(16)));
        let error = srp.password_verifier("pw", &params, Timestamp::now()).expect_err("must refuse");
        assert_eq!(error, SrpError::ServerValueIsZero);
    }
    let device = DeviceSrp::new("-group", "device").expect("device");
    let mut params = valid_challenge();
    params.insert("SRP_B".into(), n.to_str_radix(16));
    assert_eq!(
        device.device_password_verifier("pw", &params, Timestamp::now()).expect_err("must refuse"),
        SrpError::ServerValueIsZero
    );
}

// u = SHA-256(A ‖ B) = 0 would need a SHA-256 preimage, so it cannot be reached
// from here; the check itself is unit-tested inside the crate
// (`zero_scrambling_parameter_is_refused`).

#[test]
fn missing_empty_and_malformed_parameters_are_named() {
    let srp = UserSrp::new(POOL_ID).expect("pool id");
    for name in ["SALT", "SRP_B", "SECRET_BLOCK", "USER_ID_FOR_SRP", "USERNAME"] {
        let mut params = valid_challenge();
        params.remove(name);
        let error = srp.password_verifier("pw", &params, Timestamp::now()).expect_err("missing");
        assert_eq!(error, SrpError::MissingParameter { name });
        assert!(error.to_string().contains(name), "{error}");

        params.insert(name.to_owned(), String::new());
        let error = srp.password_verifier("pw", &params, Timestamp::now()).expect_err("empty");
        assert_eq!(error, SrpError::EmptyParameter { name });
        assert!(error.to_string().contains(name), "{error}");
    }
    for (name, bad) in [
        ("SALT", "xyz"),
        ("SALT", "0x1234"),
        ("SALT", " 1234"),
        ("SRP_B", "12g4"),
        ("SRP_B", "-1234"),
        ("SECRET_BLOCK", "not base64!"),
        ("SECRET_BLOCK", "ab+_cd"),
        ("SECRET_BLOCK", "A"),
    ] {
        let mut params = valid_challenge();
        params.insert(name.to_owned(), bad.to_owned());
        match srp.password_verifier("pw", &params, Timestamp::now()) {
            Err(error @ SrpError::MalformedParameter { name: named, .. }) => {
                assert_eq!(named, name, "{bad}");
                assert!(error.to_string().contains(name), "{error}");
            }
            other => panic!("{name}={bad:?}: {other:?}"),
        }
    }
    let mut params = valid_challenge();
    params.insert("SRP_B".into(), "1".repeat(5000));
    assert!(matches!(
        srp.password_verifier("pw", &params, Timestamp::now()),
        Err(SrpError::MalformedParameter { name: "SRP_B", .. })
    ));
}

#[test]
fn device_answer_needs_its_parameters() {
    let srp = DeviceSrp::new("-group", "us-east-1_device").expect("device");
    for name in ["SALT", "SRP_B", "SECRET_BLOCK", "USERNAME"] {
        let mut params = valid_challenge();
        params.remove(name);
        assert_eq!(
            srp.device_password_verifier("pw", &params, Timestamp::now()).expect_err("missing"),
            SrpError::MissingParameter { name }
        );
    }
    // USER_ID_FOR_SRP is not used by devices.
    let mut params = valid_challenge();
    params.remove("USER_ID_FOR_SRP");
    assert!(srp.device_password_verifier("pw", &params, Timestamp::now()).is_ok());
    assert!(matches!(
        DeviceSrp::new("", "k"),
        Err(SrpError::InvalidArgument { name: "device_group_key", .. })
    ));
    assert!(matches!(DeviceSrp::new("g", ""), Err(SrpError::InvalidArgument { name: "device_key", .. })));
    assert!(matches!(
        DeviceVerifier::from_random("g", "k", &[0; 39], &[0; 16]),
        Err(SrpError::InvalidArgument { name: "password_bytes", .. })
    ));
    assert!(matches!(
        DeviceVerifier::from_random("g", "k", &[0; 40], &[0; 15]),
        Err(SrpError::InvalidArgument { name: "salt_bytes", .. })
    ));
}

#[test]
fn malformed_pool_ids_are_refused() {
    for pool_id in [
        "",
        "us-east-1",
        "us-east-1_",
        "_AbCdEfGhI",
        "us-east-1_Ab_Cd",
        "us-east-1_Ab-Cd",
        "us east-1_Ab",
        "us-east-1_Ab\n",
    ] {
        assert!(matches!(UserSrp::new(pool_id), Err(SrpError::InvalidPoolId { .. })), "{pool_id:?}");
        assert!(matches!(UserSrp::with_private_key(pool_id, &[1; 128]), Err(SrpError::InvalidPoolId { .. })));
    }
}

#[test]
fn private_keys_out_of_range_are_refused() {
    for key in [&[][..], &[0u8; 128][..], &[1u8; 129][..]] {
        assert!(matches!(
            UserSrp::with_private_key(POOL_ID, key),
            Err(SrpError::InvalidArgument { name: "private_key", .. })
        ));
    }
    // a = 1 gives A = g.
    assert_eq!(UserSrp::with_private_key(POOL_ID, &[1]).expect("a = 1").srp_a(), "2");
}

#[test]
fn secret_hash_and_device_key_options() {
    let plain = UserSrp::with_private_key(POOL_ID, &[9; 128]).expect("srp");
    let params = valid_challenge();
    let time = Timestamp::from_unix(1_700_000_000);
    let answer = plain.password_verifier("pw", &params, time).expect("answer");
    let mut keys: Vec<_> = answer.responses().keys().cloned().collect();
    keys.sort();
    assert_eq!(keys, ["PASSWORD_CLAIM_SECRET_BLOCK", "PASSWORD_CLAIM_SIGNATURE", "TIMESTAMP", "USERNAME"]);
    assert_eq!(answer.responses()["TIMESTAMP"], "Tue Nov 14 22:13:20 UTC 2023");

    let full = UserSrp::with_private_key(POOL_ID, &[9; 128])
        .expect("srp")
        .with_client_secret("client-id", "client-secret")
        .with_device_key("us-east-1_device");
    let answer = full.password_verifier("pw", &params, time).expect("answer");
    let responses = answer.responses();
    assert_eq!(responses["SECRET_HASH"], cognito_srp::secret_hash("client-secret", "user", "client-id"));
    assert_eq!(responses["DEVICE_KEY"], "us-east-1_device");
    // The options do not change the signature.
    let plain_answer = plain.password_verifier("pw", &params, time).expect("answer");
    assert_eq!(responses["PASSWORD_CLAIM_SIGNATURE"], plain_answer.responses()["PASSWORD_CLAIM_SIGNATURE"]);
}

#[test]
fn debug_never_shows_secrets() {
    let private_key = [0xabu8; 128];
    let srp = UserSrp::with_private_key(POOL_ID, &private_key)
        .expect("srp")
        .with_client_secret("client-id", "TOP-SECRET-CLIENT-SECRET");
    let shown = format!("{srp:?} {srp:#?}");
    assert!(!shown.contains("TOP-SECRET-CLIENT-SECRET"), "{shown}");
    assert!(!shown.to_lowercase().contains("abababab"), "{shown}");
    assert!(!shown.contains(&format!("{:?}", &private_key[..8])), "{shown}");
    assert!(shown.contains(cognito_srp::REDACTED), "{shown}");
    assert!(shown.contains(POOL_NAME));

    let device = DeviceSrp::with_private_key("-group", "us-east-1_dev", &private_key)
        .expect("device")
        .with_client_secret("client-id", "TOP-SECRET-CLIENT-SECRET");
    let shown = format!("{device:?} {device:#?}");
    assert!(!shown.contains("TOP-SECRET-CLIENT-SECRET"), "{shown}");
    assert!(!shown.to_lowercase().contains("abababab"), "{shown}");
    assert!(shown.contains(cognito_srp::REDACTED), "{shown}");

    // Errors carry names and reasons, never values from the secret side.
    let mut params = valid_challenge();
    params.insert("SALT".into(), "zz-password-zz".into());
    let error = srp.password_verifier("hunter2", &params, Timestamp::now()).expect_err("malformed");
    let text = format!("{error} {error:?}");
    assert!(!text.contains("hunter2") && !text.contains("zz-password-zz"), "{text}");
}

#[test]
fn random_values_differ() {
    let one = UserSrp::new(POOL_ID).expect("srp");
    let two = UserSrp::new(POOL_ID).expect("srp");
    assert_ne!(one.srp_a(), two.srp_a());
    let (p1, c1) = DeviceVerifier::generate("-g", "k").expect("verifier");
    let (p2, c2) = DeviceVerifier::generate("-g", "k").expect("verifier");
    assert_ne!(p1.expose_secret(), p2.expose_secret());
    assert_eq!(format!("{p1:?}"), cognito_srp::REDACTED, "a device password never prints");
    assert_ne!(c1.salt, c2.salt);
}

#[test]
fn now_is_the_system_clock() {
    let system =
        std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).expect("after 1970").as_secs()
            as i64;
    let now = Timestamp::now().unix_seconds();
    assert!((now - system).abs() <= 2, "{now} vs {system}");
}

#[test]
fn error_is_a_std_error() {
    fn takes(_: &dyn std::error::Error) {}
    takes(&SrpError::ServerValueIsZero);
    assert_eq!(
        SrpError::MissingParameter { name: "SALT" }.to_string(),
        "challenge parameter SALT is missing"
    );
}
