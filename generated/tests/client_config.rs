//! Where a client finds what it is not given, as the AWS SDKs do: the environment, then the
//! profile `AWS_PROFILE` names in the shared config and credentials files; what is set explicitly
//! always wins. One test, since it changes the process's environment.
//! Run with `cargo test -p cognito-idp --features client --test client_config`.

mod support {
    pub mod loopback;
}

use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering};

use aws_credential_types::provider::{future, ProvideCredentials};
use cognito_idp::client::{BuildError, CallError, Client, Credentials};
use cognito_idp::types::{AdminInitiateAuthRequest, AuthFlowType};

use support::loopback::Loopback;

fn runtime() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_current_thread().enable_all().build().expect("tokio runtime")
}

/// A signed call; the server's answer does not matter, what it received does.
fn signed_call(client: &Client) {
    let request =
        AdminInitiateAuthRequest::new("us-east-1_x", "clientid1", AuthFlowType::AdminUserPasswordAuth);
    let _ = runtime().block_on(client.admin_initiate_auth(&request));
}

/// The `Credential=<key>/<date>/<region>/` part of the last request's Authorization header.
fn credential_scope(server: &Loopback) -> String {
    let received = String::from_utf8_lossy(&server.received()).into_owned();
    let at = received.rfind("Credential=").expect("a signed request");
    let scope = &received[at + "Credential=".len()..];
    let parts: Vec<&str> = scope.split('/').take(3).collect();
    format!("{}/{}", parts[0], parts[2])
}

fn home(config: &str, credentials: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("client-config-{}", std::process::id()));
    std::fs::create_dir_all(dir.join(".aws")).expect("temporary home");
    std::fs::write(dir.join(".aws/config"), config).expect("config file");
    std::fs::write(dir.join(".aws/credentials"), credentials).expect("credentials file");
    dir
}

/// Gives `AKID<n>` on the n-th call: temporary credentials that change.
#[derive(Debug, Default)]
struct Rotating(AtomicUsize);

impl ProvideCredentials for Rotating {
    fn provide_credentials<'a>(&'a self) -> future::ProvideCredentials<'a>
    where
        Self: 'a,
    {
        let n = self.0.fetch_add(1, Ordering::SeqCst);
        future::ProvideCredentials::ready(Ok(Credentials::new(
            format!("AKIDROTATING{n}"),
            "s",
            None,
            None,
            "rotating",
        )))
    }
}

#[test]
fn settings_come_from_the_environment_then_the_profile_and_explicit_ones_win() {
    let profile_server = Loopback::json("{}");
    let env_server = Loopback::json("{}");
    let explicit_server = Loopback::json("{}");
    let config = format!(
        "[default]\nregion = eu-west-1\n\n[profile dev]\nregion = us-east-2\nservices = local\n\n\
         [services local]\ncognito_identity_provider =\n  endpoint_url = {}\n",
        profile_server.url
    );
    let home = home(&config, "[dev]\naws_access_key_id = AKIDPROFILE\naws_secret_access_key = secret\n");
    for name in [
        "AWS_REGION",
        "AWS_DEFAULT_REGION",
        "AWS_ACCESS_KEY_ID",
        "AWS_SECRET_ACCESS_KEY",
        "AWS_SESSION_TOKEN",
        "AWS_ENDPOINT_URL",
        "AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER",
        "AWS_CONFIG_FILE",
        "AWS_SHARED_CREDENTIALS_FILE",
        "AWS_IGNORE_CONFIGURED_ENDPOINT_URLS",
    ] {
        std::env::remove_var(name);
    }
    std::env::set_var("HOME", &home);
    std::env::set_var("AWS_PROFILE", "dev");

    // Everything from the profile: region, endpoint (its services section), keys.
    let client = Client::from_env().expect("client from the profile");
    assert_eq!(client.endpoint(), profile_server.url);
    signed_call(&client);
    assert_eq!(credential_scope(&profile_server), "AKIDPROFILE/us-east-2");

    // The environment wins over the profile.
    std::env::set_var("AWS_REGION", "ap-south-1");
    std::env::set_var("AWS_ACCESS_KEY_ID", "AKIDENV");
    std::env::set_var("AWS_SECRET_ACCESS_KEY", "envsecret");
    std::env::set_var("AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER", &env_server.url);
    let client = Client::from_env().expect("client from the environment");
    signed_call(&client);
    assert_eq!(credential_scope(&env_server), "AKIDENV/ap-south-1");

    // A profile named on the builder replaces AWS_PROFILE, and its keys win over the
    // environment's, as with the AWS CLI's --profile (the region and endpoint still come from
    // the environment first).
    std::env::set_var("AWS_PROFILE", "missing");
    let client = cognito_idp::client::Client::builder_from_env().profile_name("dev").build().expect("client");
    signed_call(&client);
    assert_eq!(credential_scope(&env_server), "AKIDPROFILE/ap-south-1");
    std::env::set_var("AWS_PROFILE", "dev");

    // What the builder is given wins over both.
    let client = Client::builder("sa-east-1")
        .endpoint_url(&explicit_server.url)
        .credentials(Credentials::new("AKIDEXPLICIT", "s", None, None, "test"))
        .build()
        .expect("explicit client");
    signed_call(&client);
    assert_eq!(credential_scope(&explicit_server), "AKIDEXPLICIT/sa-east-1");

    // A provider is asked on every signed call, so credentials that change are used.
    let client = Client::builder("sa-east-1")
        .endpoint_url(&explicit_server.url)
        .credentials_provider(Rotating::default())
        .build()
        .expect("client with a provider");
    signed_call(&client);
    assert_eq!(credential_scope(&explicit_server), "AKIDROTATING0/sa-east-1");
    signed_call(&client);
    assert_eq!(credential_scope(&explicit_server), "AKIDROTATING1/sa-east-1");

    // A profile that is named but missing, and no region anywhere.
    std::env::set_var("AWS_PROFILE", "missing");
    let error = Client::from_env().expect_err("a missing profile");
    assert!(matches!(error, BuildError::Profile(_)), "{error:?}");
    assert!(!error.to_string().contains("missing"), "{error}");
    std::env::remove_var("AWS_PROFILE");
    std::env::remove_var("AWS_REGION");
    std::fs::write(home.join(".aws/config"), "").expect("empty config");
    let error = Client::from_env().expect_err("no region");
    assert!(matches!(error, BuildError::NoRegion), "{error:?}");
    assert!(error.to_string().contains("AWS_REGION"), "{error}");

    // No credentials anywhere: a signed operation says where it looked, and sends nothing.
    std::env::remove_var("AWS_ACCESS_KEY_ID");
    std::env::remove_var("AWS_SECRET_ACCESS_KEY");
    std::fs::write(home.join(".aws/credentials"), "").expect("empty credentials");
    let silent = Loopback::json("{}");
    let client = Client::builder("us-east-1").endpoint_url(&silent.url).build().expect("anonymous client");
    let request =
        AdminInitiateAuthRequest::new("us-east-1_x", "clientid1", AuthFlowType::AdminUserPasswordAuth);
    let error = runtime().block_on(client.admin_initiate_auth(&request)).expect_err("unsigned");
    assert!(matches!(error, CallError::NoCredentials { .. }), "{error:?}");
    assert!(error.to_string().contains("~/.aws/credentials"), "{error}");
    assert_eq!(silent.requests(), 0);
    let _ = std::fs::remove_dir_all(&home);
}

/// What `inspect` shows of a call, secrets redacted, and `sign_requests(false)`.
#[test]
fn an_inspector_sees_each_request_and_response_without_secrets() {
    use std::sync::{Arc, Mutex};
    let server = Loopback::json("{}");
    let seen = Arc::new(Mutex::new(Vec::<String>::new()));
    let log = seen.clone();
    let client = Client::builder("us-east-1")
        .endpoint_url(&server.url)
        .credentials(Credentials::new(
            "AKIDINSPECT",
            "inspect-secret",
            Some("session-token-value".into()),
            None,
            "t",
        ))
        .inspect(move |exchange| log.lock().unwrap().push(format!("{exchange:?}")))
        .build()
        .expect("client");
    signed_call(&client);
    let seen = seen.lock().unwrap().join("\n");
    assert!(
        seen.contains("Request") && seen.contains("Response") && seen.contains("AdminInitiateAuth"),
        "{seen}"
    );
    assert!(seen.contains("*** Sensitive Data Redacted ***"), "{seen}");
    for secret in ["Signature=", "session-token-value", "inspect-secret"] {
        assert!(!seen.contains(secret), "{secret} in {seen}");
    }

    // Unsigned: no Authorization header, and no credentials needed.
    let unsigned =
        Client::builder("us-east-1").endpoint_url(&server.url).sign_requests(false).build().expect("client");
    let before = server.received().len();
    signed_call(&unsigned);
    let received = String::from_utf8_lossy(&server.received()[before..]).to_ascii_lowercase();
    assert!(received.contains("x-amz-target") && !received.contains("authorization:"), "{received}");
}
