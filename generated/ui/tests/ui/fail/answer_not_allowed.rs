fn main() {
    let _answer =
        cognito_idp::challenge_responses!(SELECT_MFA_TYPE { USERNAME: "jane", ANSWER: "EMAIL_MFA" });
    let _answer = cognito_idp::challenge_responses!(SELECT_MFA_TYPE { USERNAME: "jane", ANSWER: "TOTP" });
}
