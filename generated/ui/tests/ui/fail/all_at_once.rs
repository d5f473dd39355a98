fn main() {
    let _answer = cognito_idp::challenge_responses!(SELECT_MFA_TYPE {
        USERNAME: "jane",
        ANSWR: "SMS_MFA",
        USERNAME: "john",
        DEVICE_KEY: "no-underscore",
    });
}
