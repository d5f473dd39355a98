fn main() {
    let code: u32 = 123456;
    let _answer = cognito_idp::challenge_responses!(SMS_MFA { USERNAME: "jane", SMS_MFA_CODE: code });
}
