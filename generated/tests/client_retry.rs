//! Retries as AWS's SDKs' standard mode makes them, against servers on 127.0.0.1 that fail a
//! given number of times and then answer: throttling, transient statuses and lost connections
//! are retried up to the maximum number of attempts, modeled client errors never are.
//! Run with `cargo test -p cognito-idp --features client --test client_retry`.

mod support {
    pub mod loopback;
}

use std::time::Duration;

use cognito_idp::client::{BuildError, CallError, Client, Credentials};
use cognito_idp::errors::InitiateAuthError;
use cognito_idp::types::{AuthFlowType, InitiateAuthRequest};

use support::loopback::{response, Loopback, Reply};

const TOKENS: &str = r#"{"AuthenticationResult":{"AccessToken":"access","ExpiresIn":3600}}"#;

fn runtime() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_current_thread().enable_all().build().expect("tokio runtime")
}

/// A client whose retries wait at most a few milliseconds.
fn client(endpoint: &str, max_attempts: u32) -> Client {
    Client::builder("us-east-1")
        .endpoint_url(endpoint)
        .credentials(Credentials::new("AKIDEXAMPLE", "secret", None, None, "test"))
        .max_attempts(max_attempts)
        .retry_backoff(Duration::from_millis(1), Duration::from_millis(5))
        .timeout(Duration::from_millis(500))
        .build()
        .expect("client")
}

fn sign_in(
    client: &Client,
) -> Result<cognito_idp::types::InitiateAuthResponse, CallError<InitiateAuthError>> {
    let request = InitiateAuthRequest::new(AuthFlowType::UserPasswordAuth, "clientid1")
        .with_auth_parameters([("USERNAME".to_owned(), "jane".to_owned())]);
    runtime().block_on(client.initiate_auth(&request))
}

fn ok() -> Reply {
    Reply::Send(response(200, &[("Content-Type", "application/x-amz-json-1.1")], TOKENS.as_bytes()))
}

/// An error response with its code in the header, as Cognito sends it.
fn error(status: u16, code: &str) -> Reply {
    let body = format!(r#"{{"__type":"{code}","message":"no"}}"#);
    let request_id = format!("{code}-{status}-id");
    Reply::Send(response(
        status,
        &[("X-Amzn-ErrorType", code), ("x-amzn-RequestId", &request_id)],
        body.as_bytes(),
    ))
}

#[test]
fn transient_statuses_are_retried_until_an_answer() {
    for status in [500, 502, 503, 504] {
        let server =
            Loopback::sequence(vec![error(status, "InternalErrorException"), error(status, "X"), ok()]);
        let output = sign_in(&client(&server.url, 3)).unwrap_or_else(|e| panic!("HTTP {status}: {e}"));
        assert_eq!(output.authentication_result.and_then(|r| r.access_token).as_deref(), Some("access"));
        assert_eq!(server.requests(), 3, "HTTP {status}");
    }
}

#[test]
fn throttling_is_retried_by_its_code_whatever_the_status_and_by_429() {
    for reply in
        [error(400, "TooManyRequestsException"), error(400, "ThrottlingException"), error(429, "Whatever")]
    {
        let server = Loopback::sequence(vec![reply, ok()]);
        sign_in(&client(&server.url, 3)).expect("answered on the second attempt");
        assert_eq!(server.requests(), 2);
    }
}

#[test]
fn a_modeled_client_error_is_sent_exactly_once() {
    for code in ["NotAuthorizedException", "InvalidParameterException", "UserNotFoundException"] {
        let server = Loopback::sequence(vec![error(400, code), ok()]);
        let failure = sign_in(&client(&server.url, 3)).expect_err("a client error is final");
        assert!(matches!(failure, CallError::Service { .. }), "{failure:?}");
        assert_eq!(
            failure.request_id(),
            Some(format!("{code}-400-id").as_str()),
            "the id AWS support asks for"
        );
        assert_eq!(server.requests(), 1, "{code}");
    }
}

#[test]
fn the_last_error_is_returned_when_every_attempt_fails() {
    let server = Loopback::sequence(vec![error(500, "InternalErrorException")]);
    let failure = sign_in(&client(&server.url, 3)).expect_err("every attempt fails");
    assert!(
        matches!(failure, CallError::Service { error: InitiateAuthError::InternalErrorException(_), .. }),
        "{failure:?}"
    );
    assert_eq!(server.requests(), 3);
}

#[test]
fn one_attempt_turns_retries_off_and_zero_is_refused() {
    let server = Loopback::sequence(vec![error(503, "ServiceUnavailable"), ok()]);
    sign_in(&client(&server.url, 1)).expect_err("no retry");
    assert_eq!(server.requests(), 1);
    let error = Client::builder("us-east-1").max_attempts(0).build().expect_err("zero attempts");
    assert!(matches!(error, BuildError::InvalidMaxAttempts), "{error:?}");
    assert!(error.to_string().contains("max_attempts"), "{error}");
}

#[test]
fn a_connection_lost_or_timed_out_is_retried() {
    let closed = Loopback::sequence(vec![Reply::Close, ok()]);
    sign_in(&client(&closed.url, 3)).expect("answered after a lost connection");
    assert_eq!(closed.requests(), 2);
    let stalled = Loopback::sequence(vec![Reply::Stall(Duration::from_millis(900)), ok()]);
    sign_in(&client(&stalled.url, 3)).expect("answered after a timeout");
    assert_eq!(stalled.requests(), 2);
}

#[test]
fn no_connection_at_all_fails_after_every_attempt_as_a_transport_error() {
    let port = {
        let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("bind");
        listener.local_addr().expect("address").port()
    };
    let failure = sign_in(&client(&format!("http://127.0.0.1:{port}/"), 3)).expect_err("nothing listens");
    assert!(matches!(failure, CallError::Transport { .. }), "{failure:?}");
}

#[test]
fn every_attempt_is_signed_anew_and_names_this_crate() {
    let server = Loopback::sequence(vec![error(500, "X"), ok()]);
    sign_in(&client(&server.url, 3)).expect("second attempt answers");
    let received = String::from_utf8_lossy(&server.received()).to_ascii_lowercase();
    assert_eq!(received.matches("user-agent: cognito-idp-runtime/").count(), 2, "{received}");
    // InitiateAuth is unsigned; a signed operation carries a signature on each attempt.
    let server = Loopback::sequence(vec![error(500, "X"), ok()]);
    let request = cognito_idp::types::AdminInitiateAuthRequest::new(
        "us-east-1_x",
        "clientid1",
        AuthFlowType::AdminUserPasswordAuth,
    );
    let _ = runtime().block_on(client(&server.url, 3).admin_initiate_auth(&request));
    let received = String::from_utf8_lossy(&server.received()).to_ascii_lowercase();
    assert_eq!(received.matches("authorization: aws4-hmac-sha256").count(), 2, "{received}");
    assert_eq!(received.matches("x-amz-date: ").count(), 2);
}

#[test]
fn the_attempts_of_a_call_share_an_invocation_id_and_are_numbered() {
    let server = Loopback::sequence(vec![error(503, "X"), error(503, "X"), ok()]);
    sign_in(&client(&server.url, 3)).expect("answered on the third attempt");
    let received = String::from_utf8_lossy(&server.received()).to_ascii_lowercase();
    let values = |name: &str| -> Vec<String> {
        received
            .lines()
            .filter_map(|line| line.strip_prefix(name).and_then(|rest| rest.strip_prefix(':')))
            .map(|value| value.trim().to_owned())
            .collect()
    };
    assert_eq!(values("amz-sdk-request"), ["attempt=1; max=3", "attempt=2; max=3", "attempt=3; max=3"]);
    let ids = values("amz-sdk-invocation-id");
    assert_eq!(ids.len(), 3);
    assert!(ids.iter().all(|id| *id == ids[0] && id.len() == 36), "{ids:?}");

    // A new call is a new invocation.
    let again = Loopback::sequence(vec![ok()]);
    sign_in(&client(&again.url, 3)).expect("answered");
    let received = String::from_utf8_lossy(&again.received()).to_ascii_lowercase();
    assert!(!received.contains(&ids[0]));
    assert!(received.contains("amz-sdk-request: attempt=1; max=3"));
}
