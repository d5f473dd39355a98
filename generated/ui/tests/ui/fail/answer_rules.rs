fn main() {
    let _answer = cognito_idp::challenge_responses!(SELECT_CHALLENGE {
        USERNAME: "jane",
        ANSWER: "PASSWORD",
        CREDENTIAL: "{}",
    });
    let _answer = cognito_idp::admin_challenge_responses!(SELECT_CHALLENGE {
        USERNAME: "jane",
        ANSWER: "SMS_OTP",
        SRP_A: "0a1b",
    });
}
