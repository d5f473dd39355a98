fn main() {
    let _answer = cognito_idp::challenge_responses!(SMS_MFA { USERNAME = "jane", SMS_MFA_CODE: "123456" });
}
