//! What the client costs per call, against a keep-alive stub on 127.0.0.1 that answers every
//! request with the same response: an unsigned call (`InitiateAuth`), a SigV4-signed one
//! (`AdminInitiateAuth`), and as the baseline, in the same run, a bare `reqwest` POST of the same
//! body to the same stub (the transport alone: no validation, encoding, signing, retry
//! bookkeeping or decoding). `cargo bench -p cognito-idp --features client --bench client_calls`.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpListener;

use criterion::{criterion_group, criterion_main, Criterion};
use std::hint::black_box;

use cognito_idp::client::{Client, Credentials};
use cognito_idp::types::{AdminInitiateAuthRequest, AuthFlowType, InitiateAuthRequest};

const RESPONSE_BODY: &str = r#"{"ChallengeParameters":{},"AuthenticationResult":{"AccessToken":"access-token","ExpiresIn":3600,"TokenType":"Bearer","IdToken":"id-token"}}"#;

/// A server that keeps connections open and answers each request on them.
fn keep_alive_stub() -> String {
    let listener = TcpListener::bind("127.0.0.1:0").expect("bind 127.0.0.1");
    let url = format!("http://{}/", listener.local_addr().expect("address"));
    let response = format!(
        "HTTP/1.1 200 OK\r\nContent-Type: application/x-amz-json-1.1\r\nx-amzn-RequestId: bench\r\nContent-Length: {}\r\n\r\n{RESPONSE_BODY}",
        RESPONSE_BODY.len()
    );
    std::thread::spawn(move || {
        for stream in listener.incoming().flatten() {
            let response = response.clone();
            std::thread::spawn(move || {
                let mut writer = stream.try_clone().expect("clone stream");
                let mut reader = BufReader::new(stream);
                loop {
                    let mut length = 0usize;
                    let mut line = String::new();
                    loop {
                        line.clear();
                        if reader.read_line(&mut line).unwrap_or(0) == 0 {
                            return;
                        }
                        if line == "\r\n" {
                            break;
                        }
                        if let Some((name, value)) = line.split_once(':') {
                            if name.eq_ignore_ascii_case("content-length") {
                                length = value.trim().parse().unwrap_or(0);
                            }
                        }
                    }
                    let mut body = vec![0u8; length];
                    if reader.read_exact(&mut body).is_err() || writer.write_all(response.as_bytes()).is_err()
                    {
                        return;
                    }
                }
            });
        }
    });
    url
}

fn calls(c: &mut Criterion) {
    let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build().expect("runtime");
    let url = keep_alive_stub();
    let client = Client::builder("us-east-1")
        .endpoint_url(&url)
        .credentials(Credentials::new(
            "AKIDEXAMPLE",
            "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
            None,
            None,
            "bench",
        ))
        .build()
        .expect("client");
    let unsigned = InitiateAuthRequest::new(AuthFlowType::UserPasswordAuth, "3n4b5urk1ft4fl3mg5e62d9ado")
        .with_auth_parameters([
            ("USERNAME".to_owned(), "jane@example.com".to_owned()),
            ("PASSWORD".to_owned(), "Passw0rd-Secret!".to_owned()),
        ]);
    let signed = AdminInitiateAuthRequest::new(
        "us-east-1_AbCdEfGhI",
        "3n4b5urk1ft4fl3mg5e62d9ado",
        AuthFlowType::AdminUserPasswordAuth,
    )
    .with_auth_parameters([
        ("USERNAME".to_owned(), "jane@example.com".to_owned()),
        ("PASSWORD".to_owned(), "Passw0rd-Secret!".to_owned()),
    ]);
    let body = serde_json::to_vec(&unsigned).expect("body");
    let bare = reqwest::Client::new();

    let mut group = c.benchmark_group("client call on a keep-alive loopback stub");
    group.bench_function("baseline: bare reqwest POST of the same body", |b| {
        b.iter(|| {
            runtime.block_on(async {
                let response = bare
                    .post(&url)
                    .header("content-type", "application/x-amz-json-1.1")
                    .header("x-amz-target", "AWSCognitoIdentityProviderService.InitiateAuth")
                    .body(body.clone())
                    .send()
                    .await
                    .expect("sent");
                black_box(response.bytes().await.expect("body"))
            })
        })
    });
    group.bench_function("unsigned InitiateAuth", |b| {
        b.iter(|| black_box(runtime.block_on(client.initiate_auth(&unsigned)).expect("answered")))
    });
    group.bench_function("SigV4-signed AdminInitiateAuth", |b| {
        b.iter(|| black_box(runtime.block_on(client.admin_initiate_auth(&signed)).expect("answered")))
    });
    group.finish();
}

criterion_group!(benches, calls);
criterion_main!(benches);
