#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| cognito_idp_fuzz::srp_challenge(data));
