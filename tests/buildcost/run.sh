#!/usr/bin/env bash
# Build cost of our bindings against aws-sdk-rust's Cognito crate, measured side by side in one
# run on this machine, with the ratios printed at the end.
#
# Three tiny programs build the same RespondToAuthChallenge request: one with `cognito-idp` (this
# workspace's generated crate), one with `cognito-idp` and its `client` feature (making a client,
# as the SDK program does), one with `aws-sdk-cognitoidentityprovider` 1.144.0. For each:
#   cold   a debug build of the whole program from an empty target directory (after `cargo fetch`,
#          offline), as a new user meets it;
#   crate  a debug rebuild of the bindings crate alone (`cargo clean -p` then build), with the
#          peak memory of that compiler process.
# Takes 10-15 minutes on 2 cores. Output: target/buildcost/report.txt.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
work="$root/target/buildcost"
mkdir -p "$work"
report="$work/report.txt"
: > "$report"

make_program() { # name dependency-line main-body
  local dir="$work/$1"
  rm -rf "$dir" && mkdir -p "$dir/src"
  cat > "$dir/Cargo.toml" <<TOML
[package]
name = "buildcost-$1"
version = "0.0.0"
edition = "2021"
publish = false

[dependencies]
$2

[workspace]
TOML
  printf '%s\n' "$3" > "$dir/src/main.rs"
}

make_program ours "cognito-idp = { path = \"$root/generated\" }
serde_json = \"1\"" '
use cognito_idp::types::{ChallengeNameType, RespondToAuthChallengeRequest};
fn main() {
    let request = RespondToAuthChallengeRequest::new("client", ChallengeNameType::SmsMfa)
        .with_challenge_responses([("USERNAME".to_string(), "jane".to_string()), ("SMS_MFA_CODE".to_string(), "123456".to_string())]);
    println!("{}", serde_json::to_string(&request).unwrap());
}'

make_program client "cognito-idp = { path = \"$root/generated\", features = [\"client\"] }
tokio = { version = \"1\", features = [\"macros\", \"rt-multi-thread\"] }" '
use cognito_idp::client::Client;
use cognito_idp::types::{ChallengeNameType, RespondToAuthChallengeRequest};
#[tokio::main]
async fn main() {
    let client = Client::builder("us-east-1").build().unwrap();
    let request = RespondToAuthChallengeRequest::new("client", ChallengeNameType::SmsMfa)
        .with_challenge_responses([("USERNAME".to_string(), "jane".to_string()), ("SMS_MFA_CODE".to_string(), "123456".to_string())]);
    println!("{} {:?}", client.endpoint(), request);
}'

make_program sdk 'aws-sdk-cognitoidentityprovider = "=1.144.0"
aws-config = "1"
tokio = { version = "1", features = ["macros", "rt-multi-thread"] }' '
use aws_sdk_cognitoidentityprovider::operation::respond_to_auth_challenge::RespondToAuthChallengeInput;
use aws_sdk_cognitoidentityprovider::types::ChallengeNameType;
#[tokio::main]
async fn main() {
    let config = aws_config::from_env().region("us-east-1").load().await;
    let _client = aws_sdk_cognitoidentityprovider::Client::new(&config);
    let input = RespondToAuthChallengeInput::builder()
        .client_id("client")
        .challenge_name(ChallengeNameType::SmsMfa)
        .challenge_responses("USERNAME", "jane")
        .challenge_responses("SMS_MFA_CODE", "123456")
        .build()
        .unwrap();
    println!("{input:?}");
}'

seconds() { # command... ; prints wall seconds
  local start end
  start=$(date +%s.%N)
  "$@" >/dev/null 2>&1
  end=$(date +%s.%N)
  echo "$end - $start" | bc
}

measure() { # name crate-package
  local name=$1 package=$2 dir="$work/$1"
  (cd "$dir" && cargo fetch --quiet)
  rm -rf "$dir/target"
  local cold; cold=$(cd "$dir" && CARGO_NET_OFFLINE=true seconds cargo build --offline)
  local units; units=$(cd "$dir" && cargo metadata --format-version 1 --offline 2>/dev/null | python3 -c 'import json,sys; print(len(json.load(sys.stdin)["packages"]))')
  (cd "$dir" && cargo clean --offline -p "$package" >/dev/null 2>&1)
  local start end peak
  start=$(date +%s.%N)
  (cd "$dir" && /usr/bin/time -f "%M" -o "$work/$name.peak" cargo build --offline -p "$package" >/dev/null 2>&1)
  peak=$(tail -1 "$work/$name.peak")
  end=$(date +%s.%N)
  local crate; crate=$(echo "$end - $start" | bc)
  printf '%-5s cold debug build %7.1f s (%s packages)  |  %s alone %7.1f s, peak %6.0f MB\n' \
    "$name" "$cold" "$units" "$package" "$crate" "$(echo "$peak / 1024" | bc -l)" | tee -a "$report"
  eval "${name}_cold=$cold ${name}_crate=$crate ${name}_peak=$peak"
}

measure ours cognito-idp
measure client cognito-idp
measure sdk aws-sdk-cognitoidentityprovider
{
  printf 'ratio (SDK / ours): cold build %.1fx, bindings crate alone %.1fx, peak memory %.1fx\n' \
    "$(echo "$sdk_cold / $ours_cold" | bc -l)" "$(echo "$sdk_crate / $ours_crate" | bc -l)" "$(echo "$sdk_peak / $ours_peak" | bc -l)"
  printf 'ratio (SDK client program / ours with the client feature): cold build %.1fx\n' \
    "$(echo "$sdk_cold / $client_cold" | bc -l)"
  echo "machine: $(nproc) cores, $(rustc --version)"
} | tee -a "$report"
