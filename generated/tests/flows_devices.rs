//! Remembered devices without plumbing, against servers on 127.0.0.1 (moto has no
//! `ConfirmDevice`): `flows::confirm_device` confirms and remembers the device a sign-in names,
//! and `flows::sign_in_srp` with a device the service has forgotten signs in without it.
//! Run with `cargo test -p cognito-idp --features flows --test flows_devices`.

mod support {
    pub mod loopback;
}

use std::time::Duration;

use cognito_idp::client::{Client, Credentials};
use cognito_idp::flows::{self, DeviceError, RememberChoice, RememberedDevice, SignInOptions, SignInStep};
use cognito_idp::types::NewDeviceMetadataType;

use support::loopback::{response, Loopback, Reply};

const ACCESS_TOKEN: &str = "ACCESS-TOKEN-8675309";
const PASSWORD: &str = "Passw0rd-Secret!";

fn runtime() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_current_thread().enable_all().build().expect("tokio runtime")
}

fn client(endpoint: &str) -> Client {
    Client::builder("us-east-1")
        .endpoint_url(endpoint)
        .credentials(Credentials::new("AKIDEXAMPLE", "secret", None, None, "test"))
        .max_attempts(1)
        .timeout(Duration::from_secs(5))
        .build()
        .expect("client")
}

fn json(body: &str) -> Reply {
    Reply::Send(response(200, &[("Content-Type", "application/x-amz-json-1.1")], body.as_bytes()))
}

/// The requests a server received, one string each (head and body).
fn requests(server: &Loopback) -> Vec<String> {
    let received = String::from_utf8_lossy(&server.received()).into_owned();
    received.split("POST / HTTP/1.1").filter(|r| !r.is_empty()).map(str::to_owned).collect()
}

/// `flows::confirm_device` against `server`, with the test's access token.
fn confirm(
    server: &Loopback,
    metadata: &NewDeviceMetadataType,
    name: Option<&str>,
    remember: RememberChoice,
) -> Result<RememberedDevice, DeviceError> {
    runtime().block_on(flows::confirm_device(&client(&server.url), ACCESS_TOKEN, metadata, name, remember))
}

fn metadata() -> NewDeviceMetadataType {
    NewDeviceMetadataType::new()
        .with_device_key("us-east-1_0a1b2c3d-4e5f-6789-abcd-ef0123456789")
        .with_device_group_key("group-1")
}

#[test]
fn confirm_device_confirms_remembers_and_gives_the_device_to_keep() {
    let server = Loopback::sequence(vec![json(r#"{"UserConfirmationNecessary":true}"#), json("{}")]);
    let device =
        confirm(&server, &metadata(), Some("kitchen laptop"), RememberChoice::Remember).expect("confirmed");
    assert_eq!(
        (device.device_key.as_str(), device.device_group_key.as_str()),
        ("us-east-1_0a1b2c3d-4e5f-6789-abcd-ef0123456789", "group-1")
    );
    assert!(device.device_password.expose_secret().len() > 40, "base64 of 40 random bytes");
    assert!(!format!("{device:?}").contains(device.device_password.expose_secret()));
    let sent = requests(&server);
    assert_eq!(sent.len(), 2, "{sent:?}");
    assert!(sent[0].contains("AWSCognitoIdentityProviderService.ConfirmDevice"));
    for part in [
        ACCESS_TOKEN,
        "\"DeviceKey\":\"us-east-1_0a1b2c3d-4e5f-6789-abcd-ef0123456789\"",
        "\"PasswordVerifier\":",
        "\"Salt\":",
        "kitchen laptop",
    ] {
        assert!(sent[0].contains(part), "{part} in {}", sent[0]);
    }
    assert!(!sent[0].contains(device.device_password.expose_secret()), "the password never leaves");
    assert!(sent[1].contains("AWSCognitoIdentityProviderService.UpdateDeviceStatus"));
    assert!(sent[1].contains("\"DeviceRememberedStatus\":\"remembered\""), "{}", sent[1]);
}

#[test]
fn confirm_device_updates_the_status_only_when_the_pool_asks() {
    let server = Loopback::sequence(vec![json(r#"{"UserConfirmationNecessary":false}"#)]);
    confirm(&server, &metadata(), None, RememberChoice::Remember).expect("confirmed");
    assert_eq!(server.requests(), 1);
    let server = Loopback::sequence(vec![json(r#"{"UserConfirmationNecessary":true}"#)]);
    confirm(&server, &metadata(), None, RememberChoice::Leave).expect("confirmed");
    assert_eq!(server.requests(), 1);
    let server = Loopback::sequence(vec![json(r#"{"UserConfirmationNecessary":true}"#), json("{}")]);
    confirm(&server, &metadata(), None, RememberChoice::DoNotRemember).expect("confirmed");
    assert!(requests(&server)[1].contains("\"DeviceRememberedStatus\":\"not_remembered\""));
}

#[test]
fn a_failed_status_update_still_gives_the_confirmed_device() {
    let refused = Reply::Send(response(
        400,
        &[("X-Amzn-ErrorType", "InvalidParameterException")],
        br#"{"__type":"InvalidParameterException","message":"no"}"#,
    ));
    let server = Loopback::sequence(vec![json(r#"{"UserConfirmationNecessary":true}"#), refused]);
    let error =
        confirm(&server, &metadata(), None, RememberChoice::Remember).expect_err("the status update fails");
    let DeviceError::UpdateDeviceStatus { device, .. } = &error else { panic!("{error:?}") };
    assert_eq!(device.device_key, "us-east-1_0a1b2c3d-4e5f-6789-abcd-ef0123456789");
    assert!(!device.device_password.expose_secret().is_empty());
    assert!(!format!("{error:?} {error}").contains(device.device_password.expose_secret()), "{error}");
}

#[test]
fn confirm_device_needs_both_keys_and_sends_nothing_without_them() {
    let server = Loopback::json("{}");
    let incomplete =
        NewDeviceMetadataType::new().with_device_key("us-east-1_0a1b2c3d-4e5f-6789-abcd-ef0123456789");
    let error = confirm(&server, &incomplete, None, RememberChoice::Remember).expect_err("no group key");
    assert!(matches!(error, DeviceError::IncompleteMetadata), "{error:?}");
    assert_eq!(server.requests(), 0);
}

const PASSWORD_VERIFIER: &str = r#"{"ChallengeName":"PASSWORD_VERIFIER","Session":"session-from-initiate-auth-0123456789","ChallengeParameters":{
    "SALT":"abcdef01","SRP_B":"1234abcd5678ef","SECRET_BLOCK":"c2VjcmV0LWJsb2Nr",
    "USER_ID_FOR_SRP":"jane","USERNAME":"jane"}}"#;

fn remembered() -> RememberedDevice {
    RememberedDevice {
        device_key: "us-east-1_f0f0f0f0-0000-1111-2222-333344445555".into(),
        device_group_key: "group-1".into(),
        device_password: "device-password".into(),
    }
}

fn not_found(message: &str) -> Reply {
    let body = format!(r#"{{"__type":"ResourceNotFoundException","message":"{message}"}}"#);
    Reply::Send(response(400, &[("X-Amzn-ErrorType", "ResourceNotFoundException")], body.as_bytes()))
}

#[test]
fn a_forgotten_device_is_dropped_and_the_sign_in_goes_on_without_it() {
    let tokens = r#"{"AuthenticationResult":{"AccessToken":"a","NewDeviceMetadata":{"DeviceKey":"us-east-1_aaaabbbb-cccc-dddd-eeee-ffff00001111","DeviceGroupKey":"group-1"}}}"#;
    let server =
        Loopback::sequence(vec![json(PASSWORD_VERIFIER), not_found("Device does not exist."), json(tokens)]);
    let options = SignInOptions::default().with_device(remembered());
    let step = runtime()
        .block_on(flows::sign_in_srp(
            &client(&server.url),
            "us-east-1_pool",
            "client1",
            "jane",
            PASSWORD,
            &options,
        ))
        .expect("signed in without the device");
    let SignInStep::Tokens(result) = step else { panic!("tokens: {step:?}") };
    assert_eq!(
        result.new_device_metadata.and_then(|m| m.device_key).as_deref(),
        Some("us-east-1_aaaabbbb-cccc-dddd-eeee-ffff00001111"),
        "the caller learns of the new device from the tokens"
    );
    let sent = requests(&server);
    assert_eq!(sent.len(), 3, "{sent:?}");
    assert!(
        sent[1].contains("\"DEVICE_KEY\":\"us-east-1_f0f0f0f0-0000-1111-2222-333344445555\""),
        "{}",
        sent[1]
    );
    assert!(!sent[2].contains("DEVICE_KEY"), "{}", sent[2]);
    assert!(sent[2].contains("PASSWORD_CLAIM_SIGNATURE"), "the same proof, again");
}

#[test]
fn other_not_found_errors_are_errors() {
    let server =
        Loopback::sequence(vec![json(PASSWORD_VERIFIER), not_found("User pool client does not exist.")]);
    let options = SignInOptions::default().with_device(remembered());
    let error = runtime()
        .block_on(flows::sign_in_srp(
            &client(&server.url),
            "us-east-1_pool",
            "client1",
            "jane",
            PASSWORD,
            &options,
        ))
        .expect_err("not about the device");
    assert!(!error.is_not_authorized(), "{error:?}");
    assert_eq!(server.requests(), 2);
}
