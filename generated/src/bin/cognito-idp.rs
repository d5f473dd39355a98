//! `cognito-idp`: Amazon Cognito user pools from the command line, with the AWS CLI's commands
//! (`respond-to-auth-challenge`, `initiate-auth`, …) and options.

#[tokio::main(flavor = "current_thread")]
async fn main() -> std::process::ExitCode {
    // `args_os`: `args` panics on a non-UTF-8 argument, printing it (it may be a password).
    cognito_idp::cli::run(std::env::args_os().skip(1)).await
}
