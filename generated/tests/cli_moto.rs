//! The `cognito-idp` binary against moto: the seed's example (`respond-to-auth-challenge` with
//! the shorthand `--challenge-responses USERNAME=…,NEW_PASSWORD="…"`) with a real session from
//! InitiateAuth, the JSON syntax, `--cli-input-json`, `--generate-cli-skeleton`, challenge keys
//! checked before sending, and service errors. Needs python3 with venv and pip (see
//! `support/moto.rs`). Run with `cargo test -p cognito-idp --features cli --test cli_moto`.

mod support {
    pub mod moto;
}

use std::collections::HashMap;
use std::process::{Command, Output};

use cognito_idp::client::{Client, Credentials};
use cognito_idp::types::*;
use serde_json::Value;

use support::moto::Moto;

const TEMPORARY: &str = "Temporary-Passw0rd!";
const NEW_PASSWORD: &str = "Changed-Passw0rd!";

struct Env {
    endpoint: String,
    pool_id: String,
    client_id: String,
}

fn runtime() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_current_thread().enable_all().build().expect("tokio runtime")
}

fn rust_client(endpoint: &str) -> Client {
    Client::builder("us-east-1")
        .endpoint_url(endpoint)
        .credentials(Credentials::new("test", "test", None, None, "test"))
        .build()
        .expect("client")
}

async fn setup(endpoint: &str) -> Env {
    let client = rust_client(endpoint);
    let pool =
        client.create_user_pool(&CreateUserPoolRequest::new("cli-pool")).await.expect("CreateUserPool");
    let pool_id = pool.user_pool.and_then(|p| p.id).expect("user pool id");
    let app = client
        .create_user_pool_client(
            &CreateUserPoolClientRequest::new(&pool_id, "cli")
                .with_generate_secret(false)
                .with_explicit_auth_flows(vec![
                    ExplicitAuthFlowsType::AllowUserPasswordAuth,
                    ExplicitAuthFlowsType::AllowAdminUserPasswordAuth,
                ]),
        )
        .await
        .expect("CreateUserPoolClient")
        .user_pool_client
        .expect("UserPoolClient");
    Env { endpoint: endpoint.to_owned(), pool_id, client_id: app.client_id.expect("client id") }
}

/// A user with a temporary password (FORCE_CHANGE_PASSWORD).
async fn create_user(env: &Env, username: &str) {
    rust_client(&env.endpoint)
        .admin_create_user(
            &AdminCreateUserRequest::new(&env.pool_id, username)
                .with_temporary_password(TEMPORARY)
                .with_message_action(MessageActionType::Suppress),
        )
        .await
        .expect("AdminCreateUser");
}

/// InitiateAuth USER_PASSWORD_AUTH with the temporary password: the NEW_PASSWORD_REQUIRED session.
async fn new_password_session(env: &Env, username: &str) -> String {
    let started = rust_client(&env.endpoint)
        .initiate_auth(
            &InitiateAuthRequest::new(AuthFlowType::UserPasswordAuth, &env.client_id).with_auth_parameters(
                HashMap::from([
                    ("USERNAME".to_owned(), username.to_owned()),
                    ("PASSWORD".to_owned(), TEMPORARY.to_owned()),
                ]),
            ),
        )
        .await
        .expect("InitiateAuth");
    assert_eq!(started.challenge_name, Some(ChallengeNameType::NewPasswordRequired));
    started.session.expect("Session")
}

/// Runs the binary with `args`, the endpoint, region and credentials given.
fn cli(env: &Env, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_cognito-idp"))
        .args(args)
        .args(["--endpoint-url", &env.endpoint])
        .env_remove("AWS_DEFAULT_REGION")
        .env_remove("AWS_PROFILE")
        .env("AWS_CONFIG_FILE", "/nonexistent/aws/config")
        .env("AWS_SHARED_CREDENTIALS_FILE", "/nonexistent/aws/credentials")
        .env("AWS_REGION", "us-east-1")
        .env("AWS_ACCESS_KEY_ID", "test")
        .env("AWS_SECRET_ACCESS_KEY", "test")
        .env_remove("AWS_SESSION_TOKEN")
        .output()
        .expect("run cognito-idp")
}

fn stdout_json(output: &Output) -> Value {
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "exit {:?}, stderr: {stderr}", output.status);
    serde_json::from_slice(&output.stdout)
        .unwrap_or_else(|e| panic!("stdout is not JSON ({e}): {}", String::from_utf8_lossy(&output.stdout)))
}

fn failure(output: &Output) -> String {
    assert!(
        !output.status.success(),
        "expected a failure, stdout: {}",
        String::from_utf8_lossy(&output.stdout)
    );
    String::from_utf8_lossy(&output.stderr).into_owned()
}

fn assert_tokens(response: &Value) {
    let result = &response["AuthenticationResult"];
    assert!(result["AccessToken"].as_str().is_some_and(|t| !t.is_empty()), "{response}");
    assert!(result["IdToken"].as_str().is_some(), "{response}");
    assert_eq!(result["TokenType"], "Bearer", "{response}");
}

#[test]
fn cli_against_moto() {
    let moto = Moto::start();
    let rt = runtime();
    let env = rt.block_on(setup(moto.endpoint()));

    // The seed's example, with the shorthand syntax and the quoted value as written there.
    rt.block_on(create_user(&env, "jane@example.com"));
    let session = rt.block_on(new_password_session(&env, "jane@example.com"));
    let base = [
        "respond-to-auth-challenge",
        "--client-id",
        &env.client_id,
        "--challenge-name",
        "NEW_PASSWORD_REQUIRED",
    ];
    // A missing or unknown key is named, nothing is sent, and the password is not echoed.
    let missing = failure(&cli(
        &env,
        &[&base[..], &["--challenge-responses", "USERNAME=jane@example.com", "--session", &session]].concat(),
    ));
    assert!(missing.contains("missing required key `NEW_PASSWORD`"), "{missing}");
    let unknown = failure(&cli(
        &env,
        &[
            &base[..],
            &[
                "--challenge-responses",
                &format!("USERNAME=jane@example.com,NEW_PASSWORD={NEW_PASSWORD},PASSWORD=x"),
            ],
            &["--session", &session],
        ]
        .concat(),
    ));
    assert!(
        unknown.contains("key `PASSWORD` is not a key of challenge `NEW_PASSWORD_REQUIRED`"),
        "{unknown}"
    );
    assert!(!unknown.contains(NEW_PASSWORD), "the password is echoed: {unknown}");
    let seed_responses = format!("USERNAME=jane@example.com,NEW_PASSWORD=\"{NEW_PASSWORD}\"");
    let output =
        cli(&env, &[&base[..], &["--challenge-responses", &seed_responses, "--session", &session]].concat());
    let response = stdout_json(&output);
    assert_tokens(&response);
    let printed = String::from_utf8_lossy(&output.stdout);
    assert!(printed.starts_with("{\n    \""), "pretty-printed like the AWS CLI: {printed}");

    // --cli-input-json, with an option of the command line winning over the JSON.
    let input = serde_json::json!({
        "AuthFlow": "USER_PASSWORD_AUTH",
        "ClientId": "overridden-below",
        "AuthParameters": {"USERNAME": "jane@example.com", "PASSWORD": NEW_PASSWORD},
    })
    .to_string();
    let response = stdout_json(&cli(
        &env,
        &["initiate-auth", "--cli-input-json", &input, "--client-id", &env.client_id],
    ));
    assert_tokens(&response);

    // The JSON syntax, through the admin operations (signed with the credentials of the env).
    rt.block_on(create_user(&env, "bob"));
    let auth_parameters = serde_json::json!({"USERNAME": "bob", "PASSWORD": TEMPORARY}).to_string();
    let started = stdout_json(&cli(
        &env,
        &[
            "admin-initiate-auth",
            "--user-pool-id",
            &env.pool_id,
            "--client-id",
            &env.client_id,
            "--auth-flow",
            "ADMIN_USER_PASSWORD_AUTH",
            "--auth-parameters",
            &auth_parameters,
        ],
    ));
    assert_eq!(started["ChallengeName"], "NEW_PASSWORD_REQUIRED", "{started}");
    let session = started["Session"].as_str().expect("Session").to_owned();
    let responses = serde_json::json!({"USERNAME": "bob", "NEW_PASSWORD": NEW_PASSWORD}).to_string();
    let response = stdout_json(&cli(
        &env,
        &[
            "admin-respond-to-auth-challenge",
            "--user-pool-id",
            &env.pool_id,
            "--client-id",
            &env.client_id,
            "--challenge-name",
            "NEW_PASSWORD_REQUIRED",
            "--challenge-responses",
            &responses,
            "--session",
            &session,
        ],
    ));
    assert_tokens(&response);

    // A service error: message on stderr, non-zero exit, the password not echoed.
    let wrong = "Wrong-Passw0rd!";
    let error = failure(&cli(
        &env,
        &[
            "initiate-auth",
            "--client-id",
            &env.client_id,
            "--auth-flow",
            "USER_PASSWORD_AUTH",
            "--auth-parameters",
            &format!("USERNAME=bob,PASSWORD={wrong}"),
        ],
    ));
    assert!(error.contains("InitiateAuth"), "{error}");
    assert!(!error.contains(wrong), "{error}");

    // A listing command: booleans and numbers from the command line.
    let pools = stdout_json(&cli(&env, &["list-user-pools", "--max-results", "10"]));
    assert!(pools["UserPools"].as_array().is_some_and(|p| !p.is_empty()), "{pools}");
    drop(moto);
}

#[test]
fn skeletons_need_no_service() {
    let run = |args: &[&str]| {
        Command::new(env!("CARGO_BIN_EXE_cognito-idp"))
            .args(args)
            .env_remove("AWS_REGION")
            .env_remove("AWS_DEFAULT_REGION")
            .env_remove("AWS_PROFILE")
            .env("AWS_CONFIG_FILE", "/nonexistent/aws/config")
            .env("AWS_SHARED_CREDENTIALS_FILE", "/nonexistent/aws/credentials")
            .output()
            .expect("run cognito-idp")
    };
    let output = run(&["respond-to-auth-challenge", "--generate-cli-skeleton"]);
    assert!(output.status.success());
    let skeleton: Value = serde_json::from_slice(&output.stdout).expect("JSON skeleton");
    for member in [
        "ClientId",
        "ChallengeName",
        "Session",
        "ChallengeResponses",
        "AnalyticsMetadata",
        "UserContextData",
        "ClientMetadata",
    ] {
        assert!(skeleton.get(member).is_some(), "{member} missing from {skeleton}");
    }
    let output = run(&["admin-respond-to-auth-challenge", "--generate-cli-skeleton", "output"]);
    let skeleton: Value = serde_json::from_slice(&output.stdout).expect("JSON skeleton");
    assert!(skeleton["AuthenticationResult"]["NewDeviceMetadata"].get("DeviceKey").is_some(), "{skeleton}");
    let output = run(&["admin-respond-to-auth-challenge", "--generate-cli-skeleton", "yaml-input"]);
    let yaml = String::from_utf8_lossy(&output.stdout);
    assert!(yaml.contains("HttpHeaders:\n    - headerName: \"\""), "{yaml}");
    // Every subcommand's definition is consistent (clap's own checks).
    let help = run(&["--help"]);
    let text = String::from_utf8_lossy(&help.stdout);
    for command in [
        "respond-to-auth-challenge",
        "admin-respond-to-auth-challenge",
        "initiate-auth",
        "set-user-mfa-preference",
    ] {
        assert!(text.contains(command), "{command} missing from --help");
    }
    cognito_idp::cli::clap_command().debug_assert();
    assert_eq!(cognito_idp::cli_commands::COMMANDS.len(), 141);
    let missing_region = run(&["list-user-pools", "--max-results", "1"]);
    assert!(String::from_utf8_lossy(&missing_region.stderr).contains("no region"));
}
