//! Every challenge `AdminRespondToAuthChallenge` accepts, through `admin_challenge_responses!`.

use std::collections::HashMap;

use cognito_idp::admin_challenge_responses;
use cognito_idp::challenge::AdminChallengeAnswer;
use cognito_idp::types::ChallengeNameType;

fn assert_answer(answer: &AdminChallengeAnswer, name: ChallengeNameType, expected: &[(&str, &str)]) {
    assert_eq!(answer.challenge_name(), &name);
    let expected: HashMap<String, String> =
        expected.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect();
    assert_eq!(answer.responses(), &expected);
}

fn main() {
    let u = "jane";

    let a = admin_challenge_responses!(SMS_MFA { USERNAME: u, SMS_MFA_CODE: "123456" });
    assert_answer(&a, ChallengeNameType::SmsMfa, &[("USERNAME", u), ("SMS_MFA_CODE", "123456")]);

    let a = admin_challenge_responses!(EMAIL_OTP { USERNAME: u, EMAIL_OTP_CODE: "87654321" });
    assert_answer(&a, ChallengeNameType::EmailOtp, &[("USERNAME", u), ("EMAIL_OTP_CODE", "87654321")]);

    let a = admin_challenge_responses!(SOFTWARE_TOKEN_MFA { USERNAME: u, SOFTWARE_TOKEN_MFA_CODE: "654321" });
    assert_answer(
        &a,
        ChallengeNameType::SoftwareTokenMfa,
        &[("USERNAME", u), ("SOFTWARE_TOKEN_MFA_CODE", "654321")],
    );

    let a = admin_challenge_responses!(SELECT_MFA_TYPE { USERNAME: u, ANSWER: "EMAIL_OTP" });
    assert_answer(&a, ChallengeNameType::SelectMfaType, &[("USERNAME", u), ("ANSWER", "EMAIL_OTP")]);

    let a = admin_challenge_responses!(MFA_SETUP { USERNAME: u });
    assert_answer(&a, ChallengeNameType::MfaSetup, &[("USERNAME", u)]);

    let a = admin_challenge_responses!(PASSWORD_VERIFIER {
        USERNAME: u,
        PASSWORD_CLAIM_SIGNATURE: "c2ln",
        PASSWORD_CLAIM_SECRET_BLOCK: "YmxvY2s=",
        TIMESTAMP: "Sun Nov 22 13:31:29 UTC 2026",
    });
    assert_answer(
        &a,
        ChallengeNameType::PasswordVerifier,
        &[
            ("USERNAME", u),
            ("PASSWORD_CLAIM_SIGNATURE", "c2ln"),
            ("PASSWORD_CLAIM_SECRET_BLOCK", "YmxvY2s="),
            ("TIMESTAMP", "Sun Nov 22 13:31:29 UTC 2026"),
        ],
    );

    let a = admin_challenge_responses!(CUSTOM_CHALLENGE { USERNAME: u, ANSWER: "42" });
    assert_answer(&a, ChallengeNameType::CustomChallenge, &[("USERNAME", u), ("ANSWER", "42")]);

    let a = admin_challenge_responses!(SELECT_CHALLENGE { USERNAME: u, ANSWER: "SMS_OTP" });
    assert_answer(&a, ChallengeNameType::SelectChallenge, &[("USERNAME", u), ("ANSWER", "SMS_OTP")]);

    let a = admin_challenge_responses!(DEVICE_SRP_AUTH {
        USERNAME: u,
        DEVICE_KEY: "eu-west-1_ab12",
        SRP_A: "0a1b"
    });
    assert_answer(
        &a,
        ChallengeNameType::DeviceSrpAuth,
        &[("USERNAME", u), ("DEVICE_KEY", "eu-west-1_ab12"), ("SRP_A", "0a1b")],
    );

    let a = admin_challenge_responses!(DEVICE_PASSWORD_VERIFIER {
        USERNAME: u,
        DEVICE_KEY: "eu-west-1_ab12",
        PASSWORD_CLAIM_SIGNATURE: "c2ln",
        PASSWORD_CLAIM_SECRET_BLOCK: "YmxvY2s=",
        TIMESTAMP: "Sun Nov 22 13:31:29 UTC 2026",
    });
    assert_answer(
        &a,
        ChallengeNameType::DevicePasswordVerifier,
        &[
            ("USERNAME", u),
            ("DEVICE_KEY", "eu-west-1_ab12"),
            ("PASSWORD_CLAIM_SIGNATURE", "c2ln"),
            ("PASSWORD_CLAIM_SECRET_BLOCK", "YmxvY2s="),
            ("TIMESTAMP", "Sun Nov 22 13:31:29 UTC 2026"),
        ],
    );

    let a = admin_challenge_responses!(ADMIN_NO_SRP_AUTH {
        USERNAME: u,
        PASSWORD: "hunter2!",
        SECRET_HASH: "aGFzaA=="
    });
    assert_answer(
        &a,
        ChallengeNameType::AdminNoSrpAuth,
        &[("USERNAME", u), ("PASSWORD", "hunter2!"), ("SECRET_HASH", "aGFzaA==")],
    );

    let a = admin_challenge_responses!(NEW_PASSWORD_REQUIRED {
        USERNAME: u,
        NEW_PASSWORD: "correct-horse-battery-staple",
        "userAttributes.email": "jane@example.com",
    });
    assert_answer(
        &a,
        ChallengeNameType::NewPasswordRequired,
        &[
            ("USERNAME", u),
            ("NEW_PASSWORD", "correct-horse-battery-staple"),
            ("userAttributes.email", "jane@example.com"),
        ],
    );

    let a = admin_challenge_responses!(SMS_OTP { USERNAME: u, SMS_OTP_CODE: "123456" });
    assert_answer(&a, ChallengeNameType::SmsOtp, &[("USERNAME", u), ("SMS_OTP_CODE", "123456")]);

    let a = admin_challenge_responses!(PASSWORD { USERNAME: u, PASSWORD: "hunter2!" });
    assert_answer(&a, ChallengeNameType::Password, &[("USERNAME", u), ("PASSWORD", "hunter2!")]);

    let a = admin_challenge_responses!(WEB_AUTHN { USERNAME: u, CREDENTIAL: "{}" });
    assert_answer(&a, ChallengeNameType::WebAuthn, &[("USERNAME", u), ("CREDENTIAL", "{}")]);

    let a = admin_challenge_responses!(PASSWORD_SRP { USERNAME: u, SRP_A: "0a1b" });
    assert_answer(&a, ChallengeNameType::PasswordSrp, &[("USERNAME", u), ("SRP_A", "0a1b")]);
}
