//! Every challenge `RespondToAuthChallenge` accepts, through `challenge_responses!`.

use std::collections::HashMap;

use cognito_idp::challenge::ChallengeAnswer;
use cognito_idp::challenge_responses;
use cognito_idp::types::ChallengeNameType;

fn assert_answer(answer: &ChallengeAnswer, name: ChallengeNameType, expected: &[(&str, &str)]) {
    assert_eq!(answer.challenge_name(), &name);
    let expected: HashMap<String, String> =
        expected.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect();
    assert_eq!(answer.responses(), &expected);
}

fn main() {
    let username = String::from("jane@example.com");
    let code = "123456";

    let answer = challenge_responses!(SMS_MFA { USERNAME: &username, SMS_MFA_CODE: code });
    assert_answer(
        &answer,
        ChallengeNameType::SmsMfa,
        &[("USERNAME", "jane@example.com"), ("SMS_MFA_CODE", "123456")],
    );

    let answer = challenge_responses!(EMAIL_OTP {
        USERNAME: "jane",
        EMAIL_OTP_CODE: "87654321",
        SECRET_HASH: "c2VjcmV0+/=",
    });
    assert_answer(
        &answer,
        ChallengeNameType::EmailOtp,
        &[("USERNAME", "jane"), ("EMAIL_OTP_CODE", "87654321"), ("SECRET_HASH", "c2VjcmV0+/=")],
    );

    let answer = challenge_responses!(SOFTWARE_TOKEN_MFA {
        USERNAME: "jane",
        SOFTWARE_TOKEN_MFA_CODE: "654321",
        DEVICE_KEY: "us-east-1_6f0e1b2c-1111-2222-3333-444455556666",
    });
    assert_answer(
        &answer,
        ChallengeNameType::SoftwareTokenMfa,
        &[
            ("USERNAME", "jane"),
            ("SOFTWARE_TOKEN_MFA_CODE", "654321"),
            ("DEVICE_KEY", "us-east-1_6f0e1b2c-1111-2222-3333-444455556666"),
        ],
    );

    let answer = challenge_responses!(SELECT_MFA_TYPE { USERNAME: "jane", ANSWER: "SOFTWARE_TOKEN_MFA" });
    assert_answer(
        &answer,
        ChallengeNameType::SelectMfaType,
        &[("USERNAME", "jane"), ("ANSWER", "SOFTWARE_TOKEN_MFA")],
    );

    let answer = challenge_responses!(MFA_SETUP { USERNAME: "jane" });
    assert_answer(&answer, ChallengeNameType::MfaSetup, &[("USERNAME", "jane")]);

    let answer = challenge_responses!(PASSWORD_VERIFIER {
        USERNAME: "jane",
        PASSWORD_CLAIM_SIGNATURE: "c2lnbmF0dXJl",
        PASSWORD_CLAIM_SECRET_BLOCK: "YmxvY2s=",
        TIMESTAMP: "Sun Nov 22 13:31:29 UTC 2026",
    });
    assert_answer(
        &answer,
        ChallengeNameType::PasswordVerifier,
        &[
            ("USERNAME", "jane"),
            ("PASSWORD_CLAIM_SIGNATURE", "c2lnbmF0dXJl"),
            ("PASSWORD_CLAIM_SECRET_BLOCK", "YmxvY2s="),
            ("TIMESTAMP", "Sun Nov 22 13:31:29 UTC 2026"),
        ],
    );

    let answer =
        challenge_responses!(CUSTOM_CHALLENGE { USERNAME: "jane", ANSWER: "anything the Lambda expects" });
    assert_answer(
        &answer,
        ChallengeNameType::CustomChallenge,
        &[("USERNAME", "jane"), ("ANSWER", "anything the Lambda expects")],
    );

    let answer =
        challenge_responses!(SELECT_CHALLENGE { USERNAME: "jane", ANSWER: "PASSWORD", PASSWORD: "hunter2!" });
    assert_answer(
        &answer,
        ChallengeNameType::SelectChallenge,
        &[("USERNAME", "jane"), ("ANSWER", "PASSWORD"), ("PASSWORD", "hunter2!")],
    );
    let answer =
        challenge_responses!(SELECT_CHALLENGE { USERNAME: "jane", ANSWER: "WEB_AUTHN", CREDENTIAL: "{}" });
    assert_answer(
        &answer,
        ChallengeNameType::SelectChallenge,
        &[("USERNAME", "jane"), ("ANSWER", "WEB_AUTHN"), ("CREDENTIAL", "{}")],
    );
    let answer =
        challenge_responses!(SELECT_CHALLENGE { USERNAME: "jane", ANSWER: "PASSWORD_SRP", SRP_A: "abcdef" });
    assert_answer(
        &answer,
        ChallengeNameType::SelectChallenge,
        &[("USERNAME", "jane"), ("ANSWER", "PASSWORD_SRP"), ("SRP_A", "abcdef")],
    );
    let answer = challenge_responses!(SELECT_CHALLENGE { USERNAME: "jane", ANSWER: "EMAIL_OTP" });
    assert_answer(
        &answer,
        ChallengeNameType::SelectChallenge,
        &[("USERNAME", "jane"), ("ANSWER", "EMAIL_OTP")],
    );

    let answer = challenge_responses!(DEVICE_SRP_AUTH {
        USERNAME: "jane",
        DEVICE_KEY: "us-east-1_6f0e1b2c",
        SRP_A: "0a1b2c",
    });
    assert_answer(
        &answer,
        ChallengeNameType::DeviceSrpAuth,
        &[("USERNAME", "jane"), ("DEVICE_KEY", "us-east-1_6f0e1b2c"), ("SRP_A", "0a1b2c")],
    );

    let answer = challenge_responses!(DEVICE_PASSWORD_VERIFIER {
        USERNAME: "jane",
        DEVICE_KEY: "us-east-1_6f0e1b2c",
        PASSWORD_CLAIM_SIGNATURE: "c2ln",
        PASSWORD_CLAIM_SECRET_BLOCK: "YmxvY2s=",
        TIMESTAMP: "Sun Nov 22 13:31:29 UTC 2026",
    });
    assert_answer(
        &answer,
        ChallengeNameType::DevicePasswordVerifier,
        &[
            ("USERNAME", "jane"),
            ("DEVICE_KEY", "us-east-1_6f0e1b2c"),
            ("PASSWORD_CLAIM_SIGNATURE", "c2ln"),
            ("PASSWORD_CLAIM_SECRET_BLOCK", "YmxvY2s="),
            ("TIMESTAMP", "Sun Nov 22 13:31:29 UTC 2026"),
        ],
    );

    let answer = challenge_responses!(NEW_PASSWORD_REQUIRED {
        USERNAME: "jane",
        NEW_PASSWORD: "correct-horse-battery-staple",
        "userAttributes.given_name": "Jane",
        "userAttributes.family_name": "Doe",
    });
    assert_answer(
        &answer,
        ChallengeNameType::NewPasswordRequired,
        &[
            ("USERNAME", "jane"),
            ("NEW_PASSWORD", "correct-horse-battery-staple"),
            ("userAttributes.given_name", "Jane"),
            ("userAttributes.family_name", "Doe"),
        ],
    );

    let answer = challenge_responses!(SMS_OTP { USERNAME: "jane", SMS_OTP_CODE: "123456" });
    assert_answer(&answer, ChallengeNameType::SmsOtp, &[("USERNAME", "jane"), ("SMS_OTP_CODE", "123456")]);

    let answer = challenge_responses!(PASSWORD { USERNAME: "jane", PASSWORD: "hunter2!" });
    assert_answer(&answer, ChallengeNameType::Password, &[("USERNAME", "jane"), ("PASSWORD", "hunter2!")]);

    let answer = challenge_responses!(WEB_AUTHN { USERNAME: "jane", CREDENTIAL: r#"{"id":"abc"}"# });
    assert_answer(
        &answer,
        ChallengeNameType::WebAuthn,
        &[("USERNAME", "jane"), ("CREDENTIAL", r#"{"id":"abc"}"#)],
    );

    let answer = challenge_responses!(PASSWORD_SRP { USERNAME: "jane", SRP_A: "0a1b2c" });
    assert_answer(&answer, ChallengeNameType::PasswordSrp, &[("USERNAME", "jane"), ("SRP_A", "0a1b2c")]);
}
