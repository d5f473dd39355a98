#!/usr/bin/env bash
# What a call costs with our client and with aws-sdk-rust's (aws-sdk-cognitoidentityprovider
# 1.144.0), measured in one run: CPU time (every thread of the calling process) and latency per
# call, over sequential calls against one keep-alive stub on 127.0.0.1, in interleaved rounds, for
# an unsigned call (InitiateAuth) and a SigV4-signed one (AdminInitiateAuth), and a bare reqwest
# POST of the same body (our client's transport alone). `PROFILE=ours` (or `sdk`) runs one side
# only, to look at it with perf.
#
# The program (tests/percall/main.rs) is built outside the workspace, in target/percall, because
# the SDK takes minutes to build and is no dependency of ours. Release build; ROUNDS and CALLS
# (default 7 and 2000) set the run's size. Output: target/percall/report.txt.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
work="$root/target/percall"
mkdir -p "$work/src"
cat > "$work/Cargo.toml" <<TOML
[package]
name = "percall"
version = "0.0.0"
edition = "2021"
publish = false

[dependencies]
cognito-idp = { path = "$root/generated", default-features = false, features = ["client", "initiate-auth", "admin-initiate-auth"] }
aws-sdk-cognitoidentityprovider = "=1.144.0"
tokio = { version = "1", features = ["rt", "time"] }
libc = "0.2"
# The baseline of our client's own work: its transport alone, as our client configures it.
reqwest = { version = "0.12", default-features = false, features = ["rustls-tls"] }
serde_json = "1"

[profile.release]
debug = "line-tables-only"

[workspace]
TOML
cp "$root/tests/percall/main.rs" "$work/src/main.rs"
cd "$work"
CARGO_INCREMENTAL=0 cargo build --release --quiet
{ target/release/percall; echo "machine: $(nproc) cores, $(rustc --version)"; } | tee report.txt
