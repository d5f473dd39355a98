fn main() {
    let answer = cognito_idp::challenge_responses!(SMS_MAF { USERNAME: "jane", SMS_MFA_CODE: "123456" });
    // Only the macro's error is reported: the code after it still type-checks.
    assert_eq!(answer.responses().len(), 2);
}
