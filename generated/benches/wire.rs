//! Encode a RespondToAuthChallenge request and decode its response (the AuthenticationResult
//! case) with the generated wire layer, against `serde_json::Value` doing the same work
//! (building the request as a `Value` and serializing it; parsing the response into a `Value`),
//! in one Criterion run. `cargo bench -p cognito-idp --bench wire`.

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use std::hint::black_box;

use cognito_idp::operations::RespondToAuthChallenge;
use cognito_idp::types::{ChallengeNameType, RespondToAuthChallengeRequest};
use cognito_idp::wire::{decode_response, encode_request};

const RESPONSE: &[u8] = br#"{"ChallengeParameters":{},"AuthenticationResult":{"AccessToken":"eyJraWQiOiJrZXkiLCJhbGciOiJSUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwidG9rZW5fdXNlIjoiYWNjZXNzIiwic2NvcGUiOiJhd3MuY29nbml0by5zaWduaW4udXNlci5hZG1pbiIsImF1dGhfdGltZSI6MTcwMDAwMDAwMCwiZXhwIjoxNzAwMDAzNjAwfQ.c2lnbmF0dXJl","ExpiresIn":3600,"TokenType":"Bearer","RefreshToken":"eyJjdHkiOiJKV1QiLCJlbmMiOiJBMjU2R0NNIiwiYWxnIjoiUlNBLU9BRVAifQ.cmVmcmVzaA.aXY.Y2lwaGVydGV4dA.dGFn","IdToken":"eyJraWQiOiJrZXkiLCJhbGciOiJSUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwiZW1haWwiOiJqYW5lQGV4YW1wbGUuY29tIn0.c2lnbmF0dXJl","NewDeviceMetadata":{"DeviceKey":"us-west-2_fec070d2-fa88-424a-8ec8-b26d7198eb23","DeviceGroupKey":"-wt2ha1Zd"}}}"#;

fn request() -> RespondToAuthChallengeRequest {
    RespondToAuthChallengeRequest::new("3n4b5urk1ft4fl3mg5e62d9ado", ChallengeNameType::SmsMfa)
        .with_session("AYABeEXAMPLEsessionTokenOfAReasonableLengthForCognito")
        .with_challenge_responses([
            ("USERNAME".to_string(), "jane@example.com".to_string()),
            ("SMS_MFA_CODE".to_string(), "123456".to_string()),
        ])
}

fn round_trip(c: &mut Criterion) {
    let headers = http::HeaderMap::new();
    let mut group = c.benchmark_group("respond_to_auth_challenge");
    group.throughput(Throughput::Elements(1));
    group.bench_function("generated wire layer (validate, encode, decode)", |b| {
        b.iter(|| {
            let http_request = encode_request::<RespondToAuthChallenge>(black_box(&request())).unwrap();
            let output =
                decode_response::<RespondToAuthChallenge>(200, &headers, black_box(RESPONSE)).unwrap();
            black_box((http_request, output))
        })
    });
    group.bench_function("baseline serde_json::Value (build, serialize, parse)", |b| {
        b.iter(|| {
            let body = serde_json::to_vec(&serde_json::json!({
                "ClientId": "3n4b5urk1ft4fl3mg5e62d9ado",
                "ChallengeName": "SMS_MFA",
                "Session": "AYABeEXAMPLEsessionTokenOfAReasonableLengthForCognito",
                "ChallengeResponses": {"USERNAME": "jane@example.com", "SMS_MFA_CODE": "123456"},
            }))
            .unwrap();
            let output: serde_json::Value = serde_json::from_slice(black_box(RESPONSE)).unwrap();
            black_box((body, output))
        })
    });
    group.bench_function("decode only: generated output type", |b| {
        b.iter(|| {
            black_box(decode_response::<RespondToAuthChallenge>(200, &headers, black_box(RESPONSE)).unwrap())
        })
    });
    group.bench_function("decode only: baseline serde_json::Value", |b| {
        b.iter(|| black_box(serde_json::from_slice::<serde_json::Value>(black_box(RESPONSE)).unwrap()))
    });
    let built = request();
    group.bench_function("encode only: generated (validate, serialize, http::Request)", |b| {
        b.iter(|| black_box(encode_request::<RespondToAuthChallenge>(black_box(&built)).unwrap()))
    });
    group.finish();
}

criterion_group!(benches, round_trip);
criterion_main!(benches);
