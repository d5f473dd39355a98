#!/usr/bin/env bash
# Build cost of our bindings against aws-sdk-rust's Cognito crate, measured side by side in one
# run on this machine, with the ratios printed at the end.
#
# Tiny programs build the same RespondToAuthChallenge request:
#   ours     `cognito-idp` (this workspace's generated crate) with only the operation it calls
#            (`default-features = false, features = ["respond-to-auth-challenge"]`);
#   ours-all `cognito-idp` with its default features: all 141 operations;
#   client   `cognito-idp` with the `client` feature and the operation (making a client, as the
#            SDK program does);
#   sdk      `aws-sdk-cognitoidentityprovider` 1.144.0 with aws-config (the client program).
# For each:
#   cold   a debug build of the whole program from an empty target directory (after `cargo fetch`,
#          offline), as a new user meets it;
#   crate  a debug rebuild of the bindings crate alone (`cargo rustc -p <crate>` with a new `--cfg`,
#          which recompiles that crate and nothing else), with the peak memory of that compiler.
# Incremental compilation is off throughout (CARGO_INCREMENTAL=0), as it is for any crate that
# comes from a registry, so both sides compile the same way.
# Takes about 10 minutes on 2 cores. Output: target/buildcost/report.txt.
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

ours_main='
use cognito_idp::types::{ChallengeNameType, RespondToAuthChallengeRequest};
fn main() {
    let request = RespondToAuthChallengeRequest::new("client", ChallengeNameType::SmsMfa)
        .with_challenge_responses([("USERNAME".to_string(), "jane".to_string()), ("SMS_MFA_CODE".to_string(), "123456".to_string())]);
    println!("{}", serde_json::to_string(&request).unwrap());
}'
make_program ours "cognito-idp = { path = \"$root/generated\", default-features = false, features = [\"respond-to-auth-challenge\"] }
serde_json = \"1\"" "$ours_main"
make_program ours-all "cognito-idp = { path = \"$root/generated\" }
serde_json = \"1\"" "$ours_main"

make_program client "cognito-idp = { path = \"$root/generated\", default-features = false, features = [\"client\", \"respond-to-auth-challenge\"] }
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

export CARGO_INCREMENTAL=0

measure() { # name crate-package
  local name=$1 package=$2 dir="$work/$1" var=${1//-/_}
  (cd "$dir" && cargo fetch --quiet)
  rm -rf "$dir/target"
  local cold; cold=$(cd "$dir" && CARGO_NET_OFFLINE=true seconds cargo build --offline)
  local units; units=$(cd "$dir" && cargo metadata --format-version 1 --offline 2>/dev/null | python3 -c 'import json,sys; print(len(json.load(sys.stdin)["packages"]))')
  local start end peak
  start=$(date +%s.%N)
  (cd "$dir" && /usr/bin/time -f "%M" -o "$work/$name.peak" \
    cargo rustc --offline -p "$package" --lib -- --cfg "buildcost_$(date +%s%N)" >/dev/null 2>&1)
  peak=$(tail -1 "$work/$name.peak")
  end=$(date +%s.%N)
  local crate; crate=$(echo "$end - $start" | bc)
  printf '%-8s cold debug build %7.1f s (%s packages)  |  %s alone %7.1f s, peak %6.0f MB\n' \
    "$name" "$cold" "$units" "$package" "$crate" "$(echo "$peak / 1024" | bc -l)" | tee -a "$report"
  eval "${var}_cold=$cold ${var}_crate=$crate ${var}_peak=$peak"
}

measure ours cognito-idp
measure ours-all cognito-idp
measure client cognito-idp
measure sdk aws-sdk-cognitoidentityprovider
ratios() { # label our-variable-prefix
  local cold="${2}_cold" crate="${2}_crate" peak="${2}_peak"
  printf '%s: cold build %.1fx, bindings crate alone %.1fx, peak memory %.1fx\n' "$1" \
    "$(echo "$sdk_cold / ${!cold}" | bc -l)" "$(echo "$sdk_crate / ${!crate}" | bc -l)" \
    "$(echo "$sdk_peak / ${!peak}" | bc -l)"
}
{
  ratios "ratio SDK / ours (the operation the program calls)" ours
  ratios "ratio SDK / ours-all (all 141 operations)" ours_all
  printf 'ratio SDK client program / ours with the client feature: cold build %.1fx\n' \
    "$(echo "$sdk_cold / $client_cold" | bc -l)"
  echo "machine: $(nproc) cores, $(rustc --version)"
} | tee -a "$report"
