//! The client against hostile endpoints and settings, on 127.0.0.1 only: a redirect is not
//! followed (the second host gets nothing), regions and endpoints are checked before any
//! connection, bodies are read up to a limit, and no error repeats a value from the response.
//! Run with `cargo test -p cognito-idp --features client --test client_hostile`.

mod support {
    pub mod loopback;
}

use std::collections::HashMap;
use std::error::Error as _;

use cognito_idp::client::{BuildError, CallError, Client, Credentials};
use cognito_idp::types::{AuthFlowType, InitiateAuthRequest};

use support::loopback::{response, Loopback};

const PASSWORD: &str = "hunter2-Passw0rd!";
const TOKEN: &str = "SECURITY-TOKEN-8675309";

fn runtime() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_current_thread().enable_all().build().expect("tokio runtime")
}

fn client(endpoint: &str) -> Client {
    Client::builder("us-east-1")
        .endpoint_url(endpoint)
        .credentials(Credentials::new("AKIDEXAMPLE", "secret", Some(TOKEN.to_owned()), None, "test"))
        .build()
        .expect("client")
}

fn sign_in_request() -> InitiateAuthRequest {
    InitiateAuthRequest::new(AuthFlowType::UserPasswordAuth, "clientid1").with_auth_parameters(HashMap::from(
        [("USERNAME".to_owned(), "jane".to_owned()), ("PASSWORD".to_owned(), PASSWORD.to_owned())],
    ))
}

#[test]
fn a_redirect_is_an_error_and_nothing_reaches_its_location() {
    let elsewhere = Loopback::json("{}");
    for status in [301, 302, 303, 307, 308] {
        let redirecting = Loopback::start(response(status, &[("Location", &elsewhere.url)], b""));
        // AdminInitiateAuth is signed: the security token would travel with the body.
        let error = runtime()
            .block_on(
                client(&redirecting.url).admin_initiate_auth(
                    &cognito_idp::types::AdminInitiateAuthRequest::new(
                        "us-east-1_x",
                        "clientid1",
                        AuthFlowType::AdminUserPasswordAuth,
                    )
                    .with_auth_parameters(HashMap::from([("PASSWORD".to_owned(), PASSWORD.to_owned())])),
                ),
            )
            .expect_err("a redirect must fail");
        assert!(
            matches!(error, CallError::Redirect { operation: "AdminInitiateAuth", status: s } if s == status),
            "{error:?}"
        );
        let message = error.to_string();
        assert!(
            message.contains(&format!("HTTP {status}")) && message.contains("AdminInitiateAuth"),
            "{message}"
        );
        let sent = String::from_utf8_lossy(&redirecting.received()).into_owned();
        assert!(
            sent.contains(PASSWORD) && sent.to_ascii_lowercase().contains("x-amz-security-token"),
            "the first host got the request"
        );
    }
    assert!(elsewhere.received().is_empty(), "the redirect's location received a request");
}

#[test]
fn regions_and_endpoints_are_checked_before_any_connection() {
    let listener = Loopback::json("{}");
    let injected = format!("x@127.0.0.1:{}/#", listener.port());
    let error = Client::builder(injected.as_str()).build().expect_err("an injected region must fail");
    assert!(matches!(error, BuildError::InvalidRegion), "{error:?}");
    assert!(!error.to_string().contains(&injected), "{error}");
    for bad in [
        "not a url",
        "ftp://example.com/",
        "http://",
        "/relative/path",
        "file:///etc/passwd",
        "127.0.0.1:5000",
    ] {
        let error = Client::builder("us-east-1").endpoint_url(bad).build().expect_err(bad);
        assert!(matches!(error, BuildError::InvalidEndpoint), "{bad}: {error:?}");
        assert!(!error.to_string().contains(bad), "{error}");
    }
    for good in ["http://127.0.0.1:5000", "https://cognito-idp.us-east-1.amazonaws.com/", "http://[::1]:80/"]
    {
        assert!(Client::builder("us-east-1").endpoint_url(good).build().is_ok(), "{good}");
    }
    assert!(listener.received().is_empty());
}

#[test]
fn bodies_over_the_limit_are_an_error() {
    let body = format!(r#"{{"Session":"{}"}}"#, "a".repeat(4096));
    let with_length = Loopback::start(response(200, &[], body.as_bytes()));
    let mut chunked = b"HTTP/1.1 200 OK\r\nConnection: close\r\nTransfer-Encoding: chunked\r\n\r\n".to_vec();
    for piece in body.as_bytes().chunks(1000) {
        chunked.extend_from_slice(format!("{:x}\r\n", piece.len()).as_bytes());
        chunked.extend_from_slice(piece);
        chunked.extend_from_slice(b"\r\n");
    }
    chunked.extend_from_slice(b"0\r\n\r\n");
    let without_length = Loopback::start(chunked);
    for server in [&with_length, &without_length] {
        let small = Client::builder("us-east-1")
            .endpoint_url(&server.url)
            .max_response_bytes(1024)
            .build()
            .expect("client");
        let error = runtime().block_on(small.initiate_auth(&sign_in_request())).expect_err("too large");
        assert!(matches!(error, CallError::ResponseTooLarge { limit: 1024, .. }), "{error:?}");
        let large = Client::builder("us-east-1").endpoint_url(&server.url).build().expect("client");
        assert!(runtime().block_on(large.initiate_auth(&sign_in_request())).is_ok());
    }
    let huge = Loopback::start(response(200, &[], &vec![b' '; (16 << 20) + 1]));
    let error =
        runtime().block_on(client(&huge.url).initiate_auth(&sign_in_request())).expect_err("over 16 MiB");
    assert!(matches!(error, CallError::ResponseTooLarge { limit, .. } if limit == 16 << 20), "{error:?}");
}

#[test]
fn decode_errors_name_the_field_and_kinds_never_the_value() {
    for (body, field, expected) in [
        (r#"{"Session": 86753091}"#, "Session", "expected a string, found an integer"),
        (r#"{"Session": 8675309.1}"#, "Session", "expected a string, found a floating-point number"),
        (
            r#"{"AuthenticationResult": {"ExpiresIn": "8675309\"x"}}"#,
            "AuthenticationResult.ExpiresIn",
            "found a string",
        ),
        (r#"{"ChallengeParameters": {"SRP_B": 8675309}}"#, "ChallengeParameters.SRP_B", "found an integer"),
        (r#"{"Session": "8675309"#, "", "the JSON ends early"),
    ] {
        let server = Loopback::json(body);
        let error =
            runtime().block_on(client(&server.url).initiate_auth(&sign_in_request())).expect_err(body);
        let CallError::Decode { error: decode, .. } = &error else { panic!("{body}: {error:?}") };
        assert_eq!(decode.operation, "InitiateAuth");
        assert_eq!(decode.field.as_deref().unwrap_or(""), field, "{body}");
        let message = error.to_string();
        assert!(message.contains(expected), "{body}: {message}");
        assert!(!message.contains("8675309"), "{body}: {message}");
        assert!(!format!("{error:?}").contains("8675309"), "{body}: {error:?}");
    }
}

#[test]
fn transport_errors_show_their_causes() {
    let port = {
        let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("bind");
        listener.local_addr().expect("address").port()
    };
    let error = runtime()
        .block_on(client(&format!("http://127.0.0.1:{port}/")).initiate_auth(&sign_in_request()))
        .expect_err("nothing listens");
    assert!(matches!(error, CallError::Transport { operation: "InitiateAuth", .. }), "{error:?}");
    let message = error.to_string();
    assert!(message.to_ascii_lowercase().contains("connection refused"), "{message}");
    assert!(!message.contains(PASSWORD) && error.source().is_some(), "{message}");
}

/// An endpoint with a path of its own gets the operation's `/` joined to it, as AWS's SDKs do
/// (`POST /custom/`, not `POST /custom`).
#[test]
fn an_endpoint_with_a_path_gets_the_operation_path_joined() {
    for (path, expected) in
        [("custom", "POST /custom/ HTTP/1.1"), ("custom/", "POST /custom/ HTTP/1.1"), ("", "POST / HTTP/1.1")]
    {
        let server = Loopback::json(r#"{"AuthenticationResult":{}}"#);
        let client = client(&format!("http://127.0.0.1:{}/{path}", server.port()));
        runtime().block_on(client.initiate_auth(&sign_in_request())).expect("answered");
        let received = String::from_utf8_lossy(&server.received()).into_owned();
        assert!(received.starts_with(expected), "{path}: {received}");
    }
}
