//! Signs a user in with SRP (`USER_SRP_AUTH`) and reports the outcome, never printing secrets.
//!
//! ```text
//! cargo run -p cognito-idp --features client --example sign_in -- \
//!     --region us-east-1 --user-pool-id us-east-1_XXXX --client-id CLIENT \
//!     --username jane --password-env JANE_PASSWORD \
//!     [--endpoint-url http://127.0.0.1:5000/] [--client-secret-env CLIENT_SECRET]
//! ```
//!
//! The password (and the app client's secret, if any) are read from the named environment
//! variables. Exit status: 0 signed in, 2 a challenge is pending (named on stdout), 1 an error.

use std::process::ExitCode;

use cognito_idp::client::Client;
use cognito_idp::flows::{self, SignInOptions, SignInStep};

struct Args {
    endpoint_url: Option<String>,
    region: String,
    user_pool_id: String,
    client_id: String,
    username: String,
    password_env: String,
    client_secret_env: Option<String>,
}

const USAGE: &str =
    "usage: sign_in --region R --user-pool-id P --client-id C --username U --password-env VAR \
                     [--endpoint-url URL] [--client-secret-env VAR]";

fn parse_args() -> Result<Args, String> {
    let mut endpoint_url = None;
    let mut region = None;
    let mut user_pool_id = None;
    let mut client_id = None;
    let mut username = None;
    let mut password_env = None;
    let mut client_secret_env = None;
    // `args_os`: `args` panics on a non-UTF-8 argument and prints it in the panic message.
    let mut args = std::env::args_os().skip(1);
    while let Some(flag) = args.next() {
        let flag = flag.into_string().map_err(|_| format!("an option name is not valid UTF-8\n{USAGE}"))?;
        let slot = match flag.as_str() {
            "--endpoint-url" => &mut endpoint_url,
            "--region" => &mut region,
            "--user-pool-id" => &mut user_pool_id,
            "--client-id" => &mut client_id,
            "--username" => &mut username,
            "--password-env" => &mut password_env,
            "--client-secret-env" => &mut client_secret_env,
            "-h" | "--help" => return Err(USAGE.to_owned()),
            // The argument itself is not repeated: a misplaced value may be a secret.
            _ => return Err(format!("unknown argument (not one of the options below)\n{USAGE}")),
        };
        let value = args.next().ok_or_else(|| format!("{flag} needs a value\n{USAGE}"))?;
        *slot = Some(value.into_string().map_err(|_| format!("{flag}: the value is not valid UTF-8"))?);
    }
    let need =
        |value: Option<String>, flag: &str| value.ok_or_else(|| format!("{flag} is required\n{USAGE}"));
    Ok(Args {
        endpoint_url,
        region: need(region, "--region")?,
        user_pool_id: need(user_pool_id, "--user-pool-id")?,
        client_id: need(client_id, "--client-id")?,
        username: need(username, "--username")?,
        password_env: need(password_env, "--password-env")?,
        client_secret_env,
    })
}

fn env_secret(name: &str) -> Result<String, String> {
    std::env::var(name)
        .ok()
        .filter(|v| !v.is_empty())
        .ok_or_else(|| format!("environment variable {name} is not set"))
}

#[tokio::main(flavor = "current_thread")]
async fn main() -> ExitCode {
    match run().await {
        Ok(code) => code,
        Err(message) => {
            eprintln!("sign_in: {message}");
            ExitCode::from(1)
        }
    }
}

async fn run() -> Result<ExitCode, String> {
    let args = parse_args()?;
    let password = env_secret(&args.password_env)?;
    let mut options = SignInOptions::default();
    if let Some(name) = &args.client_secret_env {
        options = options.with_client_secret(env_secret(name)?);
    }
    let mut builder = Client::builder(&args.region);
    if let Some(url) = &args.endpoint_url {
        builder = builder.endpoint_url(url);
    }
    let client = builder.build().map_err(|e| format!("cannot build the client: {e}"))?;
    let step =
        flows::sign_in_srp(&client, &args.user_pool_id, &args.client_id, &args.username, &password, &options)
            .await
            .map_err(|e| format!("sign-in failed: {e}"))?;
    Ok(match step {
        SignInStep::Tokens(result) => {
            println!(
                "signed in as {}: access token {}, id token {}, refresh token {}, expires in {} s",
                args.username,
                present(&result.access_token),
                present(&result.id_token),
                present(&result.refresh_token),
                result.expires_in.map_or_else(|| "?".to_owned(), |s| s.to_string()),
            );
            ExitCode::SUCCESS
        }
        SignInStep::NewPasswordRequired { required_attributes, .. } => {
            println!("challenge NEW_PASSWORD_REQUIRED (required attributes: {required_attributes:?})");
            ExitCode::from(2)
        }
        SignInStep::SmsMfa { .. } => pending("SMS_MFA"),
        SignInStep::SoftwareTokenMfa { .. } => pending("SOFTWARE_TOKEN_MFA"),
        SignInStep::SelectMfaType { mfas_can_choose, .. } => {
            println!("challenge SELECT_MFA_TYPE (choices: {mfas_can_choose:?})");
            ExitCode::from(2)
        }
        SignInStep::MfaSetup { mfas_can_setup, .. } => {
            println!("challenge MFA_SETUP (can set up: {mfas_can_setup:?})");
            ExitCode::from(2)
        }
        SignInStep::Challenge { name, .. } => pending(name.as_str()),
        other => {
            println!("pending step {other:?}");
            ExitCode::from(2)
        }
    })
}

fn pending(name: &str) -> ExitCode {
    println!("challenge {name}");
    ExitCode::from(2)
}

fn present(token: &Option<String>) -> &'static str {
    if token.is_some() {
        "received"
    } else {
        "absent"
    }
}
