//! Runs moto's server (the AWS emulator) on 127.0.0.1 for the end-to-end tests.
//!
//! [`Moto::start`] installs the pinned moto into `target/moto-venv` when it is missing
//! (`scripts/moto-venv`: `python3 -m venv` and pip), picks a free port, starts
//! `moto_server -H 127.0.0.1 -p PORT` with TOTP checking on
//! (`MOTO_COGNITO_IDP_USER_POOL_ENABLE_TOTP=true`) and waits until it answers HTTP. The server
//! is killed by its PID when the [`Moto`] value is dropped, also while a panic unwinds. Without
//! python3, venv or pip, `start` panics with the reason: the test fails, it never passes silently.

use std::fs::File;
use std::io::{Read, Write};
use std::net::{Ipv4Addr, SocketAddr, TcpListener, TcpStream};
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// A running moto server; dropping it kills the process.
pub struct Moto {
    child: Child,
    endpoint: String,
    log: PathBuf,
}

impl Moto {
    /// Installs moto if needed, starts it and waits until it answers.
    pub fn start() -> Moto {
        let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..");
        let script = root.join("scripts/moto-venv");
        let output = Command::new("bash")
            .arg(&script)
            .stdin(Stdio::null())
            .stderr(Stdio::inherit())
            .output()
            .unwrap_or_else(|e| panic!("cannot run {}: {e}", script.display()));
        assert!(
            output.status.success(),
            "could not install moto with {} ({}): the end-to-end test needs python3 with venv and pip",
            script.display(),
            output.status
        );
        let server = PathBuf::from(String::from_utf8_lossy(&output.stdout).trim());
        let port = free_port();
        let log = root.join("target/moto-server.log");
        let log_file = File::create(&log).unwrap_or_else(|e| panic!("cannot create {}: {e}", log.display()));
        let child = Command::new(&server)
            .args(["-H", "127.0.0.1", "-p", &port.to_string()])
            .env("MOTO_COGNITO_IDP_USER_POOL_ENABLE_TOTP", "true")
            .stdin(Stdio::null())
            .stdout(log_file.try_clone().expect("log file handle"))
            .stderr(log_file)
            .spawn()
            .unwrap_or_else(|e| panic!("cannot start {}: {e}", server.display()));
        let mut moto = Moto { child, endpoint: format!("http://127.0.0.1:{port}/"), log };
        moto.wait_ready(SocketAddr::from((Ipv4Addr::LOCALHOST, port)));
        moto
    }

    /// `http://127.0.0.1:PORT/`.
    pub fn endpoint(&self) -> &str {
        &self.endpoint
    }

    /// Polls until the server answers an HTTP request, or panics after 60 s or if it exits.
    fn wait_ready(&mut self, addr: SocketAddr) {
        let deadline = Instant::now() + Duration::from_secs(60);
        loop {
            if let Some(status) = self.child.try_wait().expect("moto_server status") {
                panic!("moto_server exited early ({status}); see {}", self.log.display());
            }
            if answers_http(addr) {
                return;
            }
            assert!(
                Instant::now() < deadline,
                "moto_server did not answer on {addr} within 60 s; see {}",
                self.log.display()
            );
            std::thread::sleep(Duration::from_millis(200));
        }
    }
}

impl Drop for Moto {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A port that was free on 127.0.0.1 a moment ago.
fn free_port() -> u16 {
    let listener = TcpListener::bind((Ipv4Addr::LOCALHOST, 0)).expect("bind 127.0.0.1:0");
    listener.local_addr().expect("local address").port()
}

fn answers_http(addr: SocketAddr) -> bool {
    let Ok(mut stream) = TcpStream::connect_timeout(&addr, Duration::from_millis(500)) else {
        return false;
    };
    let _ = stream.set_read_timeout(Some(Duration::from_secs(2)));
    if stream.write_all(b"GET /moto-api/ HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n").is_err() {
        return false;
    }
    let mut head = [0u8; 5];
    stream.read_exact(&mut head).is_ok() && &head == b"HTTP/"
}
