//! The command line checks `--challenge-responses` with the checker the `challenge_responses!`
//! macro uses, so it gives the macro's errors: each trybuild case of `ui/fail` is run again as a
//! command line, and its error lines must be the ones in the case's `.stderr`, with the option
//! the problem concerns in front and the command in place of the macro.

use cognito_idp::cli::{plan, CliError};

/// What the AWS CLI user writes for one macro call of a `ui/fail` case.
struct Case {
    file: &'static str,
    /// Error lines of the `.stderr` that this call produces.
    lines: std::ops::Range<usize>,
    command: &'static str,
    challenge: &'static str,
    responses: &'static str,
}

const CASES: &[Case] = &[
    Case {
        file: "admin_only_challenge",
        lines: 0..1,
        command: "respond-to-auth-challenge",
        challenge: "ADMIN_NO_SRP_AUTH",
        responses: r#"{"USERNAME":"jane","PASSWORD":"hunter2!"}"#,
    },
    Case {
        file: "answer_not_allowed",
        lines: 0..1,
        command: "respond-to-auth-challenge",
        challenge: "SELECT_MFA_TYPE",
        responses: r#"{"USERNAME":"jane","ANSWER":"EMAIL_MFA"}"#,
    },
    Case {
        file: "answer_not_allowed",
        lines: 1..2,
        command: "respond-to-auth-challenge",
        challenge: "SELECT_MFA_TYPE",
        responses: r#"{"USERNAME":"jane","ANSWER":"TOTP"}"#,
    },
    Case {
        file: "answer_rules",
        lines: 0..2,
        command: "respond-to-auth-challenge",
        challenge: "SELECT_CHALLENGE",
        responses: r#"{"USERNAME":"jane","ANSWER":"PASSWORD","CREDENTIAL":"{}"}"#,
    },
    Case {
        file: "answer_rules",
        lines: 2..3,
        command: "admin-respond-to-auth-challenge",
        challenge: "SELECT_CHALLENGE",
        responses: r#"{"USERNAME":"jane","ANSWER":"SMS_OTP","SRP_A":"0a1b"}"#,
    },
    Case {
        file: "constraint_length",
        lines: 0..2,
        command: "respond-to-auth-challenge",
        challenge: "SOFTWARE_TOKEN_MFA",
        responses: r#"{"USERNAME":"","SOFTWARE_TOKEN_MFA_CODE":"12345"}"#,
    },
    Case {
        file: "constraint_pattern",
        lines: 0..1,
        command: "respond-to-auth-challenge",
        challenge: "SOFTWARE_TOKEN_MFA",
        responses: r#"{"USERNAME":"jane","SOFTWARE_TOKEN_MFA_CODE":"12 456"}"#,
    },
    Case {
        file: "constraint_pattern",
        lines: 1..2,
        command: "respond-to-auth-challenge",
        challenge: "PASSWORD",
        responses: r#"{"USERNAME":"jane","PASSWORD":"has spaces"}"#,
    },
    Case {
        file: "missing_key",
        lines: 0..2,
        command: "admin-respond-to-auth-challenge",
        challenge: "DEVICE_SRP_AUTH",
        responses: r#"{"USERNAME":"jane"}"#,
    },
    Case {
        file: "unknown_challenge",
        lines: 0..1,
        command: "respond-to-auth-challenge",
        challenge: "SMS_MAF",
        responses: r#"{"USERNAME":"jane","SMS_MFA_CODE":"123456"}"#,
    },
    Case {
        file: "unknown_key",
        lines: 0..2,
        command: "respond-to-auth-challenge",
        challenge: "SMS_MFA",
        responses: r#"{"USERNAME":"jane","SMS_CODE":"123456"}"#,
    },
];

/// The `error: …` lines of a case's expected compiler output (not its "first given here" notes).
fn macro_errors(file: &str) -> Vec<String> {
    let path = format!("{}/ui/tests/ui/fail/{file}.stderr", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    text.lines().filter_map(|line| line.strip_prefix("error: ")).map(str::to_owned).collect()
}

/// The command line's error for a case, nothing sent.
fn command_line_error(case: &Case) -> String {
    let mut line = vec![case.command];
    if case.command.starts_with("admin-") {
        line.extend(["--user-pool-id", "us-east-1_AbCdEfGhI"]);
    }
    line.extend([
        "--client-id",
        "client",
        "--challenge-name",
        case.challenge,
        "--challenge-responses",
        case.responses,
    ]);
    let env = |_: &str| None;
    match plan(line, &env) {
        Err(CliError::Input(message)) => message,
        other => panic!("{}: expected an input error, got {other:?}", case.file),
    }
}

#[test]
fn the_command_line_gives_the_macros_challenge_errors() {
    for case in CASES {
        let expected: Vec<String> = macro_errors(case.file)[case.lines.clone()]
            .iter()
            .map(|message| {
                // The macro names its admin twin; the command line names its command. A key that
                // is not a key of any challenge is "this key" at the macro's caret and "key number
                // N" on a command line.
                message
                    .replace("`admin_challenge_responses!`", "`admin-respond-to-auth-challenge`")
                    .replace("this key", "key number 2")
            })
            .collect();
        let found: Vec<String> = command_line_error(case)
            .lines()
            .map(|line| {
                let (option, message) =
                    line.split_once(": ").unwrap_or_else(|| panic!("{}: no option in {line}", case.file));
                assert!(option == "--challenge-name" || option == "--challenge-responses", "{line}");
                message.to_owned()
            })
            .collect();
        assert_eq!(found, expected, "{}", case.file);
    }
}

#[test]
fn no_error_repeats_the_value_it_was_given() {
    let secret = "Sup3r-Secret-Val";
    for (challenge, responses) in [
        (secret, r#"{"USERNAME":"jane"}"#.to_owned()),
        ("SELECT_MFA_TYPE", format!(r#"{{"USERNAME":"jane","ANSWER":"{secret}"}}"#)),
        ("SMS_MFA", format!(r#"{{"USERNAME":"jane","SMS_MFA_CODE":"123456","{secret}":"x"}}"#)),
        ("SOFTWARE_TOKEN_MFA", format!(r#"{{"USERNAME":"jane","SOFTWARE_TOKEN_MFA_CODE":"{secret}"}}"#)),
    ] {
        let responses: &'static str = Box::leak(responses.into_boxed_str());
        let case =
            Case { file: "-", lines: 0..0, command: "respond-to-auth-challenge", challenge, responses };
        let error = command_line_error(&case);
        assert!(!error.contains(secret), "{error}");
    }
}
