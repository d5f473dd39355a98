fn main() {
    let _answer =
        cognito_idp::challenge_responses!(ADMIN_NO_SRP_AUTH { USERNAME: "jane", PASSWORD: "hunter2!" });
}
