fn main() {
    // Attribute keys are allowed only where the model's docs allow them, and need a name.
    let _answer = cognito_idp::challenge_responses!(NEW_PASSWORD_REQUIRED {
        USERNAME: "jane",
        NEW_PASSWORD: "correct-horse",
        "userAttributes.": "Jane",
    });
    let _answer = cognito_idp::challenge_responses!(SMS_MFA {
        USERNAME: "jane",
        SMS_MFA_CODE: "123456",
        "userAttributes.name": "Jane",
    });
}
