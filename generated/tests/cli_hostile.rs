//! The `cognito-idp` binary under hostile input: no panic, no request to a host the user did not
//! name, and no error message repeating a value it was given. Every request these commands could
//! send goes to a loopback listener that must receive nothing.
//! Run with `cargo test -p cognito-idp --features cli --test cli_hostile`.

mod support {
    pub mod loopback;
}

use std::ffi::OsString;
use std::os::unix::ffi::OsStringExt;
use std::process::{Command, Output};

use support::loopback::Loopback;

/// A secret-looking marker no error may repeat.
const SECRET: &str = "8675309";

fn cognito_idp(args: &[OsString], env: &[(&str, &str)]) -> Output {
    let mut command = Command::new(env!("CARGO_BIN_EXE_cognito-idp"));
    command.args(args).env_remove("AWS_REGION").env_remove("AWS_DEFAULT_REGION");
    command.env("AWS_ACCESS_KEY_ID", "AKIDEXAMPLE").env("AWS_SECRET_ACCESS_KEY", "secret");
    for (name, value) in env {
        command.env(name, value);
    }
    command.output().expect("run cognito-idp")
}

fn text(args: &[&str]) -> Vec<OsString> {
    args.iter().map(OsString::from).collect()
}

/// Exit code, and stderr; fails when the command panicked or echoed the secret marker.
fn refused(output: &Output) -> (i32, String) {
    let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
    let stdout = String::from_utf8_lossy(&output.stdout).into_owned();
    assert!(!stderr.contains("panicked") && output.status.code() != Some(101), "{stderr}");
    assert!(!stderr.contains(SECRET) && !stdout.contains(SECRET), "the value was repeated: {stderr}{stdout}");
    (output.status.code().expect("exit code"), stderr)
}

fn admin_answer(endpoint: &str) -> Vec<OsString> {
    text(&[
        "admin-respond-to-auth-challenge",
        "--region",
        "us-east-1",
        "--endpoint-url",
        endpoint,
        "--user-pool-id",
        "us-east-1_x",
        "--client-id",
        "c",
        "--challenge-name",
        "ADMIN_NO_SRP_AUTH",
    ])
}

#[test]
fn non_utf8_arguments_are_errors_naming_the_option() {
    let listener = Loopback::json("{}");
    let mut value = format!("pass-{SECRET}-").into_bytes();
    value.push(0xff);
    let mut args = admin_answer(&listener.url);
    args.push("--challenge-responses".into());
    args.push(OsString::from_vec([b"PASSWORD=".to_vec(), value.clone()].concat()));
    let (code, stderr) = refused(&cognito_idp(&args, &[]));
    assert_eq!(code, 252, "{stderr}");
    assert!(stderr.contains("--challenge-responses") && stderr.contains("UTF-8"), "{stderr}");
    let mut option = b"--session=".to_vec();
    option.extend_from_slice(&value);
    let mut args = admin_answer(&listener.url);
    args.push(OsString::from_vec(option));
    let (code, stderr) = refused(&cognito_idp(&args, &[]));
    assert_eq!(code, 252, "{stderr}");
    assert!(stderr.contains("--session"), "{stderr}");
    let (code, stderr) = refused(&cognito_idp(&[OsString::from_vec(value)], &[]));
    assert_eq!(code, 252, "{stderr}");
    assert!(stderr.contains("argument 1"), "{stderr}");
    assert!(listener.received().is_empty());
}

#[test]
fn an_injected_region_is_refused_before_any_connection() {
    let listener = Loopback::json("{}");
    let injected = format!("x@127.0.0.1:{}/#{SECRET}", listener.port());
    let command = text(&["initiate-auth", "--auth-flow", "USER_PASSWORD_AUTH", "--client-id", "c"]);
    let mut with_option = command.clone();
    with_option.extend(text(&["--region", &injected]));
    let (code, stderr) = refused(&cognito_idp(&with_option, &[]));
    assert_eq!(code, 252, "{stderr}");
    assert!(stderr.contains("--region"), "{stderr}");
    for variable in ["AWS_REGION", "AWS_DEFAULT_REGION"] {
        let (code, stderr) = refused(&cognito_idp(&command, &[(variable, &injected)]));
        assert_eq!(code, 252, "{stderr}");
        assert!(stderr.contains(variable), "{stderr}");
    }
    let mut bad_endpoint = command;
    bad_endpoint.extend(text(&["--region", "us-east-1", "--endpoint-url", &format!("not a url {SECRET}")]));
    let (code, stderr) = refused(&cognito_idp(&bad_endpoint, &[]));
    assert_eq!(code, 252, "{stderr}");
    assert!(stderr.contains("--endpoint-url"), "{stderr}");
    assert!(listener.received().is_empty(), "a request reached the injected host");
}

#[test]
fn a_redirect_is_not_followed() {
    let elsewhere = Loopback::json("{}");
    let redirecting = Loopback::start(support::loopback::response(307, &[("Location", &elsewhere.url)], b""));
    let mut args = admin_answer(&redirecting.url);
    args.extend(text(&["--challenge-responses", &format!("USERNAME=jane,PASSWORD=pass-{SECRET}")]));
    let output = cognito_idp(&args, &[("AWS_SESSION_TOKEN", "token")]);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_ne!(output.status.code(), Some(0), "{stderr}");
    assert!(stderr.contains("HTTP 307") && stderr.contains("AdminRespondToAuthChallenge"), "{stderr}");
    assert!(!redirecting.received().is_empty());
    assert!(elsewhere.received().is_empty(), "the redirect was followed");
}

#[test]
fn input_errors_name_the_path_and_type_and_exit_252() {
    let listener = Loopback::json("{}");
    let mut args = admin_answer(&listener.url);
    args.extend(text(&[
        "--cli-input-json",
        &format!(r#"{{"ChallengeResponses": {{"USERNAME": "jane", "PASSWORD": {SECRET}1}}}}"#),
    ]));
    let (code, stderr) = refused(&cognito_idp(&args, &[]));
    assert_eq!(code, 252, "{stderr}");
    assert!(
        stderr.contains("--challenge-responses") && stderr.contains("ChallengeResponses.PASSWORD"),
        "{stderr}"
    );
    assert!(stderr.contains("expected a string, found an integer"), "{stderr}");
    assert!(!stderr.contains("An error occurred when calling"), "nothing was sent: {stderr}");
    for bad_json in [format!(r#"{{"Session": "{SECRET}"#), format!(r#"{{"Session": {SECRET}x}}"#)] {
        let mut args = admin_answer(&listener.url);
        args.extend(text(&["--cli-input-json", &bad_json]));
        let (code, stderr) = refused(&cognito_idp(&args, &[]));
        assert_eq!(code, 252, "{stderr}");
        assert!(stderr.contains("--cli-input-json"), "{stderr}");
    }
    assert!(listener.received().is_empty());
}

#[test]
fn deep_nesting_is_an_error_not_a_stack_overflow() {
    let listener = Loopback::json("{}");
    let mut shorthand = admin_answer(&listener.url);
    shorthand.extend(text(&["--client-metadata", &format!("K={}", "[".repeat(10_000))]));
    let (code, stderr) = refused(&cognito_idp(&shorthand, &[]));
    assert_eq!(code, 252, "{stderr}");
    assert!(stderr.contains("--client-metadata") && stderr.contains("deeper than 128"), "{stderr}");
    let mut yaml = String::new();
    for depth in 0..3_000 {
        yaml.push_str(&" ".repeat(depth));
        yaml.push_str("a:\n");
    }
    // Too long for one argument: it goes through a file.
    let file = std::env::temp_dir().join(format!("deep-{}.yaml", std::process::id()));
    std::fs::write(&file, yaml).expect("write YAML");
    let mut deep_yaml = admin_answer(&listener.url);
    deep_yaml.extend(text(&["--cli-input-yaml", &format!("file://{}", file.display())]));
    let output = cognito_idp(&deep_yaml, &[]);
    let _ = std::fs::remove_file(&file);
    let (code, stderr) = refused(&output);
    assert_eq!(code, 252, "{stderr}");
    assert!(stderr.contains("deeper than 128"), "{stderr}");
    let mut deep_json = admin_answer(&listener.url);
    deep_json.extend(text(&["--cli-input-json", &format!("{}{}", "[".repeat(10_000), "]".repeat(10_000))]));
    let (code, stderr) = refused(&cognito_idp(&deep_json, &[]));
    assert_eq!(code, 252, "{stderr}");
    assert!(listener.received().is_empty());
}

#[test]
fn misplaced_values_are_not_quoted_by_usage_errors() {
    let listener = Loopback::json("{}");
    for misplaced in [
        vec![format!("pass-{SECRET}")],
        vec!["initiate-auth".to_owned(), format!("pass-{SECRET}")],
        vec![
            "respond-to-auth-challenge".to_owned(),
            "--generate-cli-skeleton".to_owned(),
            format!("x{SECRET}"),
        ],
    ] {
        let mut args: Vec<OsString> = misplaced.iter().map(OsString::from).collect();
        args.extend(text(&["--endpoint-url", &listener.url]));
        let (code, stderr) = refused(&cognito_idp(&args, &[]));
        // The AWS CLI's status for a bad parameter or an unknown option.
        assert_eq!(code, 252, "{stderr}");
    }
    // Option and command names are still named, with clap's suggestion.
    let output = cognito_idp(&text(&["initiate-auth", "--auth-flw", "USER_PASSWORD_AUTH"]), &[]);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("--auth-flw") && stderr.contains("--auth-flow"), "{stderr}");
    assert!(listener.received().is_empty());
}

#[test]
fn constraint_errors_exit_252_with_nothing_sent() {
    let listener = Loopback::json("{}");
    let mut args = admin_answer(&listener.url);
    args.extend(text(&[
        "--session",
        "",
        "--challenge-responses",
        &format!("USERNAME=jane,PASSWORD={SECRET}"),
    ]));
    let (code, stderr) = refused(&cognito_idp(&args, &[]));
    assert_eq!(code, 252, "{stderr}");
    assert!(stderr.contains("`Session`") && stderr.contains("minimum length"), "{stderr}");
    assert!(listener.received().is_empty());
}

#[test]
fn file_arguments_are_read_with_a_limit() {
    let listener = Loopback::json("{}");
    // A sparse file one byte over the limit: read whole (as before the limit) it would be
    // accepted as a 16 MiB session; `/dev/zero` would never end.
    let file = std::env::temp_dir().join(format!("large-{}.txt", std::process::id()));
    std::fs::File::create(&file).and_then(|f| f.set_len((16 << 20) + 1)).expect("sparse file");
    let mut args = admin_answer(&listener.url);
    args.extend(text(&["--session", &format!("file://{}", file.display())]));
    let output = cognito_idp(&args, &[]);
    let _ = std::fs::remove_file(&file);
    let (code, stderr) = refused(&output);
    assert_eq!(code, 252, "{stderr}");
    assert!(stderr.contains("--session") && stderr.contains("more than"), "{stderr}");
    let mut missing = admin_answer(&listener.url);
    missing.extend(text(&["--session", &format!("file:///nonexistent/{SECRET}")]));
    let (code, stderr) = refused(&cognito_idp(&missing, &[]));
    assert_eq!(code, 252, "{stderr}");
    assert!(listener.received().is_empty());
}

/// Ctrl-C while a request waits ends the command with the AWS CLI's status, 130.
#[test]
fn an_interrupted_command_exits_130() {
    let listener =
        Loopback::sequence(vec![support::loopback::Reply::Stall(std::time::Duration::from_secs(3))]);
    let child = Command::new(env!("CARGO_BIN_EXE_cognito-idp"))
        .args(["list-user-pools", "--max-results", "1", "--region", "us-east-1", "--no-sign-request"])
        .args(["--endpoint-url", &listener.url])
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("start cognito-idp");
    // Once the request has arrived, the command is waiting for the answer.
    let started = std::time::Instant::now();
    while listener.requests() == 0 && started.elapsed() < std::time::Duration::from_secs(10) {
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    assert_eq!(listener.requests(), 1, "the request never arrived");
    let killed = Command::new("kill").args(["-INT", &child.id().to_string()]).status().expect("kill");
    assert!(killed.success());
    let output = child.wait_with_output().expect("the command ends");
    assert_eq!(output.status.code(), Some(130), "{}", String::from_utf8_lossy(&output.stderr));
}
