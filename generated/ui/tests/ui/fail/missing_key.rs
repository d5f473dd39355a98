fn main() {
    let _answer = cognito_idp::admin_challenge_responses!(DEVICE_SRP_AUTH { USERNAME: "jane" });
}
