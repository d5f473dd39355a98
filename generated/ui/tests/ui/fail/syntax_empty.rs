fn main() {
    let _answer = cognito_idp::challenge_responses!();
}
