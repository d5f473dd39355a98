//! A one-purpose HTTP/1.1 server on 127.0.0.1 for tests: it answers every request with the same
//! bytes and records what it received, so a test can tell that nothing reached it.

use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;
use std::time::Duration;

pub struct Loopback {
    /// `http://127.0.0.1:<port>/`.
    pub url: String,
    port: u16,
    received: Arc<Mutex<Vec<u8>>>,
    stop: Arc<AtomicBool>,
    thread: Option<JoinHandle<()>>,
}

impl Loopback {
    /// Answers every request with `response` (status line, headers and body, as sent).
    pub fn start(response: Vec<u8>) -> Self {
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind 127.0.0.1");
        let port = listener.local_addr().expect("local address").port();
        let received = Arc::new(Mutex::new(Vec::new()));
        let stop = Arc::new(AtomicBool::new(false));
        let thread = {
            let (received, stop) = (received.clone(), stop.clone());
            std::thread::spawn(move || {
                for stream in listener.incoming() {
                    if stop.load(Ordering::SeqCst) {
                        break;
                    }
                    let Ok(mut stream) = stream else { continue };
                    let request = read_request(&mut stream);
                    received.lock().expect("lock").extend_from_slice(&request);
                    let _ = stream.write_all(&response);
                    let _ = stream.flush();
                }
            })
        };
        Loopback { url: format!("http://127.0.0.1:{port}/"), port, received, stop, thread: Some(thread) }
    }

    /// A `200` with this JSON body.
    pub fn json(body: &str) -> Self {
        Self::start(response(200, &[("Content-Type", "application/x-amz-json-1.1")], body.as_bytes()))
    }

    pub fn port(&self) -> u16 {
        self.port
    }

    /// Everything received so far.
    pub fn received(&self) -> Vec<u8> {
        self.received.lock().expect("lock").clone()
    }
}

impl Drop for Loopback {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::SeqCst);
        let _ = TcpStream::connect(("127.0.0.1", self.port));
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

/// A whole HTTP/1.1 response; the connection closes after it.
pub fn response(status: u16, headers: &[(&str, &str)], body: &[u8]) -> Vec<u8> {
    let mut out =
        format!("HTTP/1.1 {status} Status\r\nConnection: close\r\nContent-Length: {}\r\n", body.len());
    for (name, value) in headers {
        out.push_str(&format!("{name}: {value}\r\n"));
    }
    out.push_str("\r\n");
    let mut out = out.into_bytes();
    out.extend_from_slice(body);
    out
}

/// The request head and as much body as `Content-Length` says (or what arrives within a second).
fn read_request(stream: &mut TcpStream) -> Vec<u8> {
    let _ = stream.set_read_timeout(Some(Duration::from_secs(1)));
    let mut data = Vec::new();
    let mut buffer = [0u8; 8192];
    loop {
        let wanted = head_end(&data).map(|end| end + content_length(&data[..end]));
        if wanted.is_some_and(|wanted| data.len() >= wanted) {
            return data;
        }
        match stream.read(&mut buffer) {
            Ok(0) | Err(_) => return data,
            Ok(n) => data.extend_from_slice(&buffer[..n]),
        }
    }
}

fn head_end(data: &[u8]) -> Option<usize> {
    data.windows(4).position(|w| w == b"\r\n\r\n").map(|at| at + 4)
}

fn content_length(head: &[u8]) -> usize {
    String::from_utf8_lossy(head)
        .lines()
        .filter_map(|line| line.split_once(':'))
        .find(|(name, _)| name.trim().eq_ignore_ascii_case("content-length"))
        .and_then(|(_, value)| value.trim().parse().ok())
        .unwrap_or(0)
}
