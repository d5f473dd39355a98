//! CPU time and latency per call of our client and of aws-sdk-rust's, measured in one process
//! against the same keep-alive stub (a child process, so its work is not counted), in
//! interleaved rounds. Built and run by `tests/percall/run.sh`, which says why it lives outside
//! the workspace.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpListener;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

const RESPONSE_BODY: &str = r#"{"ChallengeParameters":{},"AuthenticationResult":{"AccessToken":"access-token","ExpiresIn":3600,"TokenType":"Bearer","IdToken":"id-token"}}"#;
const CLIENT_ID: &str = "3n4b5urk1ft4fl3mg5e62d9ado";
const POOL_ID: &str = "us-east-1_AbCdEfGhI";
const USERNAME: &str = "jane@example.com";
const PASSWORD: &str = "Passw0rd-Secret!";

/// Serves the same response on every request of every connection, keeping connections open.
fn stub() {
    let listener = TcpListener::bind("127.0.0.1:0").expect("bind 127.0.0.1");
    println!("{}", listener.local_addr().expect("address").port());
    std::io::stdout().flush().expect("stdout");
    let response = format!(
        "HTTP/1.1 200 OK\r\nContent-Type: application/x-amz-json-1.1\r\nx-amzn-RequestId: percall\r\nContent-Length: {}\r\n\r\n{RESPONSE_BODY}",
        RESPONSE_BODY.len()
    );
    for stream in listener.incoming().flatten() {
        let response = response.clone();
        std::thread::spawn(move || {
            let mut writer = stream.try_clone().expect("clone stream");
            let mut reader = BufReader::new(stream);
            loop {
                let (mut length, mut line) = (0usize, String::new());
                loop {
                    line.clear();
                    if reader.read_line(&mut line).unwrap_or(0) == 0 {
                        return;
                    }
                    if line == "\r\n" {
                        break;
                    }
                    if let Some((name, value)) = line.split_once(':') {
                        if name.eq_ignore_ascii_case("content-length") {
                            length = value.trim().parse().unwrap_or(0);
                        }
                    }
                }
                let mut body = vec![0u8; length];
                if reader.read_exact(&mut body).is_err() || writer.write_all(response.as_bytes()).is_err() {
                    return;
                }
            }
        });
    }
}

/// CPU time of this process (every thread): in user space, and in the kernel on its behalf.
fn cpu_time() -> (Duration, Duration) {
    let mut usage = std::mem::MaybeUninit::<libc::rusage>::uninit();
    // SAFETY: getrusage fills the struct it is given.
    let usage = unsafe {
        assert_eq!(libc::getrusage(libc::RUSAGE_SELF, usage.as_mut_ptr()), 0);
        usage.assume_init()
    };
    let time = |t: libc::timeval| Duration::new(t.tv_sec as u64, t.tv_usec as u32 * 1000);
    (time(usage.ru_utime), time(usage.ru_stime))
}

/// Microseconds per call of user CPU, kernel CPU and wall time, over `calls` sequential calls.
fn measure<F: std::future::Future<Output = ()>>(
    runtime: &tokio::runtime::Runtime,
    calls: u32,
    mut call: impl FnMut() -> F,
) -> [f64; 3] {
    let ((user, system), wall) = (cpu_time(), Instant::now());
    runtime.block_on(async {
        for _ in 0..calls {
            call().await;
        }
    });
    let wall = wall.elapsed();
    let (user_after, system_after) = cpu_time();
    let per_call = |d: Duration| d.as_secs_f64() * 1e6 / f64::from(calls);
    [per_call(user_after - user), per_call(system_after - system), per_call(wall)]
}

fn median(mut values: Vec<f64>) -> f64 {
    values.sort_by(f64::total_cmp);
    values[values.len() / 2]
}

fn main() {
    if std::env::args().nth(1).as_deref() == Some("stub") {
        return stub();
    }
    let rounds: usize = std::env::var("ROUNDS").ok().and_then(|v| v.parse().ok()).unwrap_or(7);
    let calls: u32 = std::env::var("CALLS").ok().and_then(|v| v.parse().ok()).unwrap_or(2000);
    let mut child = Command::new(std::env::current_exe().expect("this program"))
        .arg("stub")
        .stdout(Stdio::piped())
        .spawn()
        .expect("start the stub");
    let mut port = String::new();
    BufReader::new(child.stdout.take().expect("stub's stdout")).read_line(&mut port).expect("port");
    let url = format!("http://127.0.0.1:{}", port.trim());

    let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build().expect("runtime");

    let ours = cognito_idp::client::Client::builder("us-east-1")
        .endpoint_url(&url)
        .credentials(cognito_idp::client::Credentials::new(
            "AKIDEXAMPLE",
            "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
            None,
            None,
            "percall",
        ))
        .build()
        .expect("our client");
    let parameters =
        [("USERNAME".to_owned(), USERNAME.to_owned()), ("PASSWORD".to_owned(), PASSWORD.to_owned())];
    use cognito_idp::types::{AdminInitiateAuthRequest, AuthFlowType, InitiateAuthRequest};
    let unsigned = InitiateAuthRequest::new(AuthFlowType::UserPasswordAuth, CLIENT_ID)
        .with_auth_parameters(parameters.clone());
    let signed = AdminInitiateAuthRequest::new(POOL_ID, CLIENT_ID, AuthFlowType::AdminUserPasswordAuth)
        .with_auth_parameters(parameters);

    use aws_sdk_cognitoidentityprovider as sdk;
    let config = sdk::Config::builder()
        .behavior_version(sdk::config::BehaviorVersion::latest())
        .region(sdk::config::Region::new("us-east-1"))
        .endpoint_url(&url)
        .credentials_provider(sdk::config::Credentials::new(
            "AKIDEXAMPLE",
            "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
            None,
            None,
            "percall",
        ))
        .build();
    let theirs = sdk::Client::from_conf(config);

    let ours_unsigned = || async {
        let output = ours.initiate_auth(&unsigned).await.expect("our unsigned call");
        assert!(output.authentication_result.is_some());
    };
    let ours_signed = || async {
        let output = ours.admin_initiate_auth(&signed).await.expect("our signed call");
        assert!(output.authentication_result.is_some());
    };
    let sdk_unsigned = || async {
        let output = theirs
            .initiate_auth()
            .auth_flow(sdk::types::AuthFlowType::UserPasswordAuth)
            .client_id(CLIENT_ID)
            .auth_parameters("USERNAME", USERNAME)
            .auth_parameters("PASSWORD", PASSWORD)
            .send()
            .await
            .expect("the SDK's unsigned call");
        assert!(output.authentication_result.is_some());
    };
    let sdk_signed = || async {
        let output = theirs
            .admin_initiate_auth()
            .user_pool_id(POOL_ID)
            .auth_flow(sdk::types::AuthFlowType::AdminUserPasswordAuth)
            .client_id(CLIENT_ID)
            .auth_parameters("USERNAME", USERNAME)
            .auth_parameters("PASSWORD", PASSWORD)
            .send()
            .await
            .expect("the SDK's signed call");
        assert!(output.authentication_result.is_some());
    };

    // The transport our client is built on, alone: a `reqwest` POST of the same body.
    let bare = reqwest::Client::new();
    let body = serde_json::to_vec(&unsigned).expect("the unsigned body");
    let bare_post = || async {
        let response = bare
            .post(&url)
            .header("content-type", "application/x-amz-json-1.1")
            .header("x-amz-target", "AWSCognitoIdentityProviderService.InitiateAuth")
            .body(body.clone())
            .send()
            .await
            .expect("the bare POST");
        assert!(!response.bytes().await.expect("the bare POST's body").is_empty());
    };

    // Warm-up: connections open, lazy state built.
    measure(&runtime, 200, ours_unsigned);
    measure(&runtime, 200, sdk_unsigned);
    measure(&runtime, 200, ours_signed);
    measure(&runtime, 200, sdk_signed);
    measure(&runtime, 200, bare_post);

    // `PROFILE=ours` (or `sdk`, `ours-signed`, `ours-unsigned`) only makes those calls, for a
    // profiler, and reports nothing.
    if let Ok(side) = std::env::var("PROFILE") {
        for _ in 0..rounds {
            match side.as_str() {
                "sdk" => drop((measure(&runtime, calls, sdk_unsigned), measure(&runtime, calls, sdk_signed))),
                "ours-signed" => drop(measure(&runtime, calls, ours_signed)),
                "ours-unsigned" => drop(measure(&runtime, calls, ours_unsigned)),
                _ => drop((measure(&runtime, calls, ours_unsigned), measure(&runtime, calls, ours_signed))),
            }
        }
        let _ = child.kill();
        return;
    }
    let mut samples: [Vec<[f64; 3]>; 5] = Default::default();
    for _ in 0..rounds {
        samples[4].push(measure(&runtime, calls, bare_post));
        samples[0].push(measure(&runtime, calls, ours_unsigned));
        samples[1].push(measure(&runtime, calls, sdk_unsigned));
        samples[2].push(measure(&runtime, calls, ours_signed));
        samples[3].push(measure(&runtime, calls, sdk_signed));
    }
    let _ = child.kill();
    let medians: Vec<[f64; 3]> = samples
        .iter()
        .map(|s| std::array::from_fn(|i| median(s.iter().map(|sample| sample[i]).collect())))
        .collect();
    println!(
        "{rounds} interleaved rounds of {calls} sequential calls; medians per call, ours / SDK (SDK / ours)"
    );
    println!("| call | user CPU | kernel CPU | latency |");
    println!("| --- | --- | --- | --- |");
    for (label, ours, sdk) in [("unsigned InitiateAuth", 0, 1), ("SigV4-signed AdminInitiateAuth", 2, 3)] {
        let cell = |i: usize| {
            let (o, s) = (medians[ours][i], medians[sdk][i]);
            format!("{o:.1} / {s:.1} µs (**{:.2}x**)", s / o)
        };
        println!("| {label} | {} | {} | {} |", cell(0), cell(1), cell(2));
    }
    let bare = medians[4];
    println!(
        "| (a bare `reqwest` POST of the unsigned body, ours' transport) | {:.1} µs | {:.1} µs | {:.1} µs |",
        bare[0], bare[1], bare[2]
    );
}
