//! The bodies of the fuzz targets, one function each, taking the fuzzer's bytes. They must never
//! panic, whatever the bytes; each checks what must hold on any input besides.
//!
//! Also compiled by `generated/tests/fuzz_corpus.rs`, which replays the seed corpus.

use std::collections::HashMap;

use cognito_idp::cli::{self, Plan, Shape};
use cognito_idp::operations;
use cognito_idp::support::{Blob, DateTime};

/// A command line: arguments separated by NUL bytes (the shorthand, JSON and YAML readers, the
/// timestamp and scalar parsers, the challenge check).
pub fn cli_plan(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else { return };
    // `file://` reads local files (`/dev/stdin` would wait forever); reading is not the target.
    if text.contains("file:") {
        return;
    }
    let env = |name: &str| (name == "AWS_REGION").then(|| "us-east-1".to_owned());
    if let Ok(Plan::Call { input, .. }) = cli::plan(text.split('\0'), &env) {
        assert!(input.is_object());
    }
}

/// One value of a member shape, chosen by the first byte; the rest is the text.
pub fn cli_values(data: &[u8]) {
    static STRING: Shape = Shape::String;
    static STRINGS: Shape = Shape::List(&STRING);
    static DOCUMENT: Shape = Shape::Document;
    static MAP_OF_LISTS: Shape = Shape::Map(&STRINGS);
    static LIST_OF_MAPS: Shape = Shape::List(&MAP_OF_DOCUMENTS);
    static MAP_OF_DOCUMENTS: Shape = Shape::Map(&DOCUMENT);
    let Some((choice, rest)) = data.split_first() else { return };
    let Ok(text) = std::str::from_utf8(rest) else { return };
    let _ = match choice % 8 {
        0 => cli::parse_yaml(text).map(drop),
        1 => cli::value_of(&MAP_OF_LISTS, text).map(drop),
        2 => cli::value_of(&LIST_OF_MAPS, text).map(drop),
        3 => cli::value_of(&DOCUMENT, text).map(drop),
        4 => cli::value_of(&Shape::Timestamp, text).map(drop),
        5 => cli::member_value(&STRINGS, &text.split('\0').collect::<Vec<_>>()).map(drop),
        6 => cli::Shorthand::parse_list(text).map(drop),
        _ => cli::Shorthand::parse_top(text).map(drop),
    };
}

/// A response to one of several operations: the first byte picks the operation and the status,
/// the next line is an `X-Amzn-ErrorType` header, the rest the body.
pub fn decode_response(data: &[u8]) {
    let Some((choice, rest)) = data.split_first() else { return };
    let (header, body) = match rest.iter().position(|b| *b == b'\n') {
        Some(at) => (&rest[..at], &rest[at + 1..]),
        None => (&[][..], rest),
    };
    let mut headers = http::HeaderMap::new();
    if let Ok(value) = http::HeaderValue::from_bytes(header) {
        if !header.is_empty() {
            headers.insert("x-amzn-errortype", value);
        }
    }
    let status = [200, 400, 500, 302][usize::from(choice >> 4) % 4];
    let described = match choice % 4 {
        0 => cognito_idp::wire::decode_response::<operations::InitiateAuth>(status, &headers, body)
            .err()
            .map(|e| e.to_string()),
        1 => cognito_idp::wire::decode_response::<operations::AdminGetUser>(status, &headers, body)
            .err()
            .map(|e| e.to_string()),
        2 => cognito_idp::wire::decode_response::<operations::DescribeUserPool>(status, &headers, body)
            .err()
            .map(|e| e.to_string()),
        _ => cognito_idp::wire::decode_response::<operations::ListUsers>(status, &headers, body)
            .err()
            .map(|e| e.to_string()),
    };
    // A decode error never repeats a string of the body: check with a marker the corpus uses.
    if let Some(message) = described {
        if message.starts_with("cannot decode") {
            assert!(!message.contains("SECRET"), "{message}");
        }
    }
}

/// Timestamps in every text and number form, and blobs.
pub fn timestamps_blobs(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else { return };
    for parsed in [DateTime::parse_rfc3339(text), DateTime::parse_http_date(text)].into_iter().flatten() {
        // What parses formats and parses back to the same instant, within whole seconds for
        // HTTP dates.
        let again = DateTime::parse_rfc3339(&parsed.to_rfc3339()).expect("RFC 3339 round trip");
        assert_eq!(again, parsed);
        let _ = parsed.to_http_date();
    }
    let _ = serde_json::from_str::<DateTime>(text).map(|t| t.to_rfc3339());
    let _ = serde_json::from_str::<Blob>(text);
}

/// SRP challenge parameters from the service: JSON of string to string.
pub fn srp_challenge(data: &[u8]) {
    let Ok(parameters) = serde_json::from_slice::<HashMap<String, String>>(data) else { return };
    let timestamp = cognito_idp::srp::Timestamp::from_unix(1_700_000_000);
    let private_key = [7u8; 32];
    if let Ok(user) = cognito_idp::srp::UserSrp::with_private_key("us-east-1_AbCdEfGhI", &private_key) {
        let _ = user.password_verifier("Passw0rd!", &parameters, timestamp);
    }
    if let Ok(device) =
        cognito_idp::srp::DeviceSrp::with_private_key("group", "us-east-1_device", &private_key)
    {
        let _ = device.device_password_verifier("device-password", &parameters, timestamp);
    }
}

/// A botocore model: read, then its type space built.
pub fn model_reader(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else { return };
    if let Ok(model) = cognito_codegen::reader::read_model(text) {
        let _ = cognito_codegen::typespace::TypeSpace::build(&model, None);
    }
}
