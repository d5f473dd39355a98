//! `cognito-idp`: Amazon Cognito user pools from the command line, with the AWS CLI's commands
//! (`respond-to-auth-challenge`, `initiate-auth`, …) and options.

#[tokio::main(flavor = "current_thread")]
async fn main() -> std::process::ExitCode {
    cognito_idp::cli::run(std::env::args().skip(1)).await
}
