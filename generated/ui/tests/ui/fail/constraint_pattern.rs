fn main() {
    let _answer = cognito_idp::challenge_responses!(SOFTWARE_TOKEN_MFA {
        USERNAME: "jane",
        SOFTWARE_TOKEN_MFA_CODE: "12 456",
    });
    // The password itself never appears in the message.
    let _answer = cognito_idp::challenge_responses!(PASSWORD { USERNAME: "jane", PASSWORD: "has spaces" });
}
