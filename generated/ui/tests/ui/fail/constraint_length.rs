fn main() {
    let _answer = cognito_idp::challenge_responses!(SOFTWARE_TOKEN_MFA {
        USERNAME: "",
        SOFTWARE_TOKEN_MFA_CODE: "12345",
    });
}
