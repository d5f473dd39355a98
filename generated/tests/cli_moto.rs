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
    // Help from the model: the page of a command, with the model's words for its options.
    for asked in [
        &["initiate-auth", "help"][..],
        &["initiate-auth", "--help"],
        &["--output", "json", "initiate-auth", "help"],
    ] {
        let page = run(asked);
        assert!(page.status.success(), "{asked:?}");
        let page = String::from_utf8_lossy(&page.stdout);
        assert!(page.contains("--client-id (string) [required]"), "{page}");
        assert!(page.contains("The ID of the app client that your user wants to sign in to."), "{page}");
        assert!(page.contains("Possible values:") && page.contains("o USER_PASSWORD_AUTH"), "{page}");
        assert!(page.contains("OUTPUT") && page.contains("AuthenticationResult -> (structure)"), "{page}");
    }
    let paged = String::from_utf8_lossy(&run(&["list-users", "help"]).stdout).into_owned();
    assert!(paged.contains("[--max-items <value>]") && !paged.contains("--pagination-token"), "{paged}");
    let overview = String::from_utf8_lossy(&run(&["help"]).stdout).into_owned();
    assert!(overview.contains("AVAILABLE COMMANDS") && overview.contains("o respond-to-auth-challenge"));
    // A typo gets a suggestion, and the status of a bad parameter.
    let typo = run(&["respond-to-auth-challeng", "--client-id", "x"]);
    assert_eq!(typo.status.code(), Some(252));
    assert!(String::from_utf8_lossy(&typo.stderr).contains("'respond-to-auth-challenge'"));
    cognito_idp::cli::clap_command().debug_assert();
    assert_eq!(cognito_idp::cli_commands::COMMANDS.len(), 141);
    let missing_region = run(&["list-user-pools", "--max-results", "1"]);
    assert!(String::from_utf8_lossy(&missing_region.stderr).contains("no region"));
}

/// A home directory with `.aws/config` and `.aws/credentials`, removed on drop.
struct Home(std::path::PathBuf);

impl Home {
    fn new(config: &str, credentials: &str) -> Self {
        static NEXT: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
        let n = NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        let dir = std::env::temp_dir().join(format!("cognito-idp-home-{}-{n}", std::process::id()));
        std::fs::create_dir_all(dir.join(".aws")).expect("the home directory");
        std::fs::write(dir.join(".aws/config"), config).expect("config");
        std::fs::write(dir.join(".aws/credentials"), credentials).expect("credentials");
        Home(dir)
    }
}

impl Drop for Home {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// Runs the binary as a user with nothing but `home`: no AWS variable in the environment.
fn as_user(home: &Home, args: &[&str]) -> Output {
    // Timestamps print in the local time zone: UTC here, unless a test says otherwise.
    as_user_in(home, args, "UTC")
}

/// [`as_user`] in the time zone `tz` (a `TZ` value).
fn as_user_in(home: &Home, args: &[&str], tz: &str) -> Output {
    let mut command = Command::new(env!("CARGO_BIN_EXE_cognito-idp"));
    for (name, _) in std::env::vars_os() {
        if name.to_string_lossy().starts_with("AWS_") {
            command.env_remove(name);
        }
    }
    command.args(args).env("HOME", &home.0).env("TZ", tz).output().expect("run cognito-idp")
}

fn stdout_text(output: &Output) -> String {
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "exit {:?}, stderr: {stderr}", output.status);
    String::from_utf8(output.stdout.clone()).expect("UTF-8 output")
}

/// What an AWS CLI user types by habit, with an ordinary AWS setup: the region, the endpoint and
/// the credentials in `~/.aws`, output formats, `--query`, `--profile`, `--debug`, the error line
/// and exit statuses.
#[test]
fn aws_cli_habits_against_moto() {
    let moto = Moto::start();
    let rt = runtime();
    let env = rt.block_on(setup(moto.endpoint()));
    let config = format!(
        "[default]\nregion = us-east-1\nservices = local\n\n[services local]\ncognito_identity_provider =\n  \
         endpoint_url = {endpoint}\n\n[profile tables]\nregion = us-east-1\nendpoint_url = {endpoint}\noutput = table\n",
        endpoint = env.endpoint
    );
    let home = Home::new(&config, "[default]\naws_access_key_id = test\naws_secret_access_key = test\n\n[tables]\naws_access_key_id = test\naws_secret_access_key = test\n");

    // The seed's command as written, the region and endpoint from the profile.
    rt.block_on(create_user(&env, "jane@example.com"));
    let session = rt.block_on(new_password_session(&env, "jane@example.com"));
    let seed = as_user(
        &home,
        &[
            "respond-to-auth-challenge",
            "--client-id",
            &env.client_id,
            "--challenge-name",
            "NEW_PASSWORD_REQUIRED",
            "--challenge-responses",
            &format!("USERNAME=jane@example.com,NEW_PASSWORD=\"{NEW_PASSWORD}\""),
            "--session",
            &session,
        ],
    );
    assert_tokens(&stdout_json(&seed));
    // Its admin twin, signed with the credentials file's keys.
    rt.block_on(create_user(&env, "bob"));
    let started = rt.block_on(
        rust_client(&env.endpoint).admin_initiate_auth(
            &AdminInitiateAuthRequest::new(&env.pool_id, &env.client_id, AuthFlowType::AdminUserPasswordAuth)
                .with_auth_parameters(HashMap::from([
                    ("USERNAME".to_owned(), "bob".to_owned()),
                    ("PASSWORD".to_owned(), TEMPORARY.to_owned()),
                ])),
        ),
    );
    let admin_session = started.expect("AdminInitiateAuth").session.expect("Session");
    let admin = as_user(
        &home,
        &[
            "admin-respond-to-auth-challenge",
            "--user-pool-id",
            &env.pool_id,
            "--client-id",
            &env.client_id,
            "--challenge-name",
            "NEW_PASSWORD_REQUIRED",
            "--challenge-responses",
            &format!("USERNAME=bob,NEW_PASSWORD=\"{NEW_PASSWORD}\""),
            "--session",
            &admin_session,
        ],
    );
    assert_tokens(&stdout_json(&admin));

    // --query with --output text: one bare value; global options before the command too.
    let sign_in = |extra: &[&str]| {
        let parameters = format!("USERNAME=bob,PASSWORD={NEW_PASSWORD}");
        let mut args: Vec<&str> = extra.to_vec();
        args.extend([
            "initiate-auth",
            "--client-id",
            &env.client_id,
            "--auth-flow",
            "USER_PASSWORD_AUTH",
            "--auth-parameters",
        ]);
        let mut args: Vec<String> = args.into_iter().map(str::to_owned).collect();
        args.push(parameters);
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        as_user(&home, &args)
    };
    let token = stdout_text(&sign_in(&["--output", "text", "--query", "AuthenticationResult.AccessToken"]));
    assert_eq!(token.lines().count(), 1, "{token}");
    assert!(token.trim().len() > 20 && !token.contains('\t') && !token.contains('"'), "{token}");
    let expires = stdout_text(&sign_in(&["--query", "AuthenticationResult.ExpiresIn"]));
    assert_eq!(expires.trim(), "3600");

    // --output yaml, and the text of a whole response.
    let yaml = stdout_text(&sign_in(&["--output", "yaml"]));
    assert!(yaml.contains("AuthenticationResult:\n  AccessToken: "), "{yaml}");
    let text = stdout_text(&sign_in(&["--output", "text"]));
    assert!(text.lines().any(|line| line.starts_with("AUTHENTICATIONRESULT\t")), "{text}");

    // --output table, and a profile whose `output` is table; timestamps in ISO 8601.
    let list = ["list-users", "--user-pool-id", &env.pool_id];
    let table = stdout_text(&as_user(&home, &[&list[..], &["--output", "table"]].concat()));
    assert!(table.lines().nth(1).is_some_and(|title| title.contains("ListUsers")), "{table}");
    assert!(table.contains("||  Username") || table.contains("Username"), "{table}");
    let from_profile = stdout_text(&as_user(&home, &[&list[..], &["--profile", "tables"]].concat()));
    assert!(from_profile.starts_with("----"), "{from_profile}");
    let users = stdout_json(&as_user(&home, &list));
    let created = users["Users"][0]["UserCreateDate"].as_str().expect("an ISO 8601 timestamp");
    assert!(
        created.len() >= 25 && created.ends_with("+00:00") && created.as_bytes()[10] == b'T',
        "{created}"
    );
    // In the local time zone, as the AWS CLI v2 prints them (a POSIX zone: no tz database needed).
    let local = as_user_in(&home, &list, "CET-1");
    let local = stdout_json(&local);
    let created_local = local["Users"][0]["UserCreateDate"].as_str().expect("a timestamp");
    assert!(created_local.ends_with("+01:00"), "{created_local}");

    // A wrong password: the AWS CLI's error line on stderr, exit status 254.
    let wrong = "Wrong-Passw0rd!";
    let output = as_user(
        &home,
        &[
            "initiate-auth",
            "--client-id",
            &env.client_id,
            "--auth-flow",
            "USER_PASSWORD_AUTH",
            "--auth-parameters",
            &format!("USERNAME=bob,PASSWORD={wrong}"),
        ],
    );
    assert_eq!(output.status.code(), Some(254));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr
            .contains("An error occurred (NotAuthorizedException) when calling the InitiateAuth operation: "),
        "{stderr}"
    );
    assert!(!stderr.contains(wrong), "{stderr}");

    // --debug: requests and responses on stderr, with no password, token, session or signature.
    let output = sign_in(&["--debug"]);
    let debug = String::from_utf8_lossy(&output.stderr);
    let response = stdout_json(&output);
    let access = response["AuthenticationResult"]["AccessToken"].as_str().expect("a token");
    assert!(
        debug.contains("DEBUG") && debug.contains("HTTP 200") && debug.contains("x-amz-target"),
        "{debug}"
    );
    for secret in [NEW_PASSWORD, access] {
        assert!(!debug.contains(secret), "a secret in --debug: {debug}");
    }
    let signed =
        as_user(&home, &["--debug", "admin-get-user", "--user-pool-id", &env.pool_id, "--username", "bob"]);
    let debug = String::from_utf8_lossy(&signed.stderr);
    assert!(signed.status.success(), "{debug}");
    assert!(debug.contains("authorization: *** Sensitive Data Redacted ***"), "{debug}");
    assert!(!debug.contains("Signature="), "{debug}");

    // Without credentials, a signed command says where it looked; --no-sign-request sends it
    // unsigned (moto does not check).
    let bare = Home::new(&config, "");
    let output = as_user(&bare, &["admin-get-user", "--user-pool-id", &env.pool_id, "--username", "bob"]);
    assert_eq!(output.status.code(), Some(253));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("no credentials") && stderr.contains("--no-sign-request"), "{stderr}");
    let unsigned = as_user(
        &bare,
        &[
            "admin-get-user",
            "--user-pool-id",
            &env.pool_id,
            "--username",
            "bob",
            "--no-sign-request",
            "--debug",
        ],
    );
    let debug = String::from_utf8_lossy(&unsigned.stderr);
    assert!(unsigned.status.success() && !debug.contains("authorization:"), "{debug}");

    // Paging: every page by default, --max-items with a NextToken that --starting-token resumes
    // from, --page-size, --no-paginate; and the client's pages.
    rt.block_on(create_user(&env, "carol"));
    let all = stdout_json(&as_user(&home, &[&list[..], &["--page-size", "1"]].concat()));
    let mut everyone: Vec<String> = all["Users"]
        .as_array()
        .expect("Users")
        .iter()
        .map(|u| u["Username"].as_str().unwrap().to_owned())
        .collect();
    everyone.sort();
    assert_eq!(everyone, ["bob", "carol", "jane@example.com"], "{all}");
    assert!(all.get("NextToken").is_none() && all.get("PaginationToken").is_none(), "{all}");
    let mut seen = Vec::new();
    let mut token: Option<String> = None;
    for _ in 0..5 {
        let mut args = vec!["--max-items", "1"];
        if let Some(token) = &token {
            args.extend(["--starting-token", token.as_str()]);
        }
        let page = stdout_json(&as_user(&home, &[&list[..], &args].concat()));
        assert_eq!(page["Users"].as_array().map(Vec::len), Some(1), "{page}");
        seen.push(page["Users"][0]["Username"].as_str().unwrap().to_owned());
        token = page["NextToken"].as_str().map(str::to_owned);
        if token.is_none() {
            break;
        }
    }
    seen.sort();
    assert_eq!(seen, everyone);
    let text = stdout_text(&as_user(&home, &[&list[..], &["--max-items", "1", "--output", "text"]].concat()));
    assert!(text.lines().last().is_some_and(|line| line.starts_with("NEXTTOKEN\t")), "{text}");
    let one = stdout_json(&as_user(&home, &[&list[..], &["--no-paginate", "--limit", "1"]].concat()));
    assert_eq!(one["Users"].as_array().map(Vec::len), Some(1), "{one}");
    assert!(one["PaginationToken"].is_string(), "{one}");
    let hidden_limit = stdout_json(&as_user(&home, &[&list[..], &["--limit", "1"]].concat()));
    assert!(
        hidden_limit["PaginationToken"].is_string(),
        "the operation's own --limit turns paging off: {hidden_limit}"
    );
    // A YAML stream has each page as the service sent it (its token too), one list element each.
    let stream =
        stdout_text(&as_user(&home, &[&list[..], &["--page-size", "1", "--output", "yaml-stream"]].concat()));
    let pages: Vec<&str> = stream.lines().filter(|line| line.starts_with("- ")).collect();
    assert!(pages.len() >= 3 && stream.contains("- PaginationToken: "), "{stream}");
    assert!(stdout_text(&as_user(&home, &[&list[..], &["--output", "off"]].concat())).is_empty());
    let clash = as_user(&home, &[&list[..], &["--no-paginate", "--max-items", "1"]].concat());
    assert_eq!(clash.status.code(), Some(252));
    let items = rt.block_on(
        rust_client(&env.endpoint).list_users_pages(ListUsersRequest::new(&env.pool_id)).page_size(1).items(),
    );
    assert_eq!(items.expect("the client's pages").len(), 3);

    // The version, and a bad --output value (status 252, as the AWS CLI's).
    let version = stdout_text(&as_user(&home, &["--version"]));
    assert!(version.starts_with("cognito-idp/"), "{version}");
    let bad = as_user(&home, &[&list[..], &["--output", "csv"]].concat());
    assert_eq!(bad.status.code(), Some(252));
    drop(moto);
}
