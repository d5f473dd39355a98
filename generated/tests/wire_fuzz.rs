//! Property tests of the decoders over arbitrary bytes, statuses and error headers: they return
//! an output or an error, and never panic. Run longer with `PROPTEST_CASES=100000`.

use cognito_idp::operations::{AdminInitiateAuth, DescribeUserPool, InitiateAuth, RespondToAuthChallenge};
use cognito_idp::wire::{decode_body, decode_response, error_code};
use proptest::prelude::*;

fn statuses() -> impl Strategy<Value = u16> {
    prop_oneof![Just(200u16), Just(400), Just(500), 100u16..600]
}

/// Bytes that are often almost JSON, so the decoders get past the first byte.
fn bodies() -> impl Strategy<Value = Vec<u8>> {
    prop_oneof![
        proptest::collection::vec(any::<u8>(), 0..256),
        "\\{(\"[A-Za-z_]{1,20}\":(\"[^\"]{0,12}\"|[0-9.e+-]{1,8}|\\{\\}|\\[\\]|null|true),?){0,6}\\}?"
            .prop_map(String::into_bytes),
        Just(br#"{"__type":"#.to_vec()),
    ]
}

proptest! {
    #[test]
    fn decoders_never_panic(status in statuses(), body in bodies(), header in proptest::option::of("[ -~]{0,40}")) {
        let mut headers = http::HeaderMap::new();
        if let Some(value) = header.and_then(|h| http::HeaderValue::from_str(&h).ok()) {
            headers.insert("x-amzn-errortype", value);
        }
        let _ = decode_response::<RespondToAuthChallenge>(status, &headers, &body);
        let _ = decode_response::<InitiateAuth>(status, &headers, &body);
        let _ = decode_response::<AdminInitiateAuth>(status, &headers, &body);
        let _ = decode_response::<DescribeUserPool>(status, &headers, &body);
        let _ = decode_body::<serde_json::Value>("Any", status, &body);
        let _ = error_code(&headers, &body);
    }
}
