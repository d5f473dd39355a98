//! A one-purpose HTTP/1.1 server on 127.0.0.1 for tests: it answers requests with given bytes
//! (the same every time, or a sequence), and records what it received, so a test can tell what
//! reached it and how many times.
// Each test binary that includes this uses part of it.
#![allow(dead_code)]

use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;
use std::time::Duration;

/// What the server does with one request.
pub enum Reply {
    /// Sends these bytes (a whole response, see [`response`]) and closes the connection.
    Send(Vec<u8>),
    /// Closes the connection without answering.
    Close,
    /// Waits this long, then closes without answering.
    Stall(Duration),
}

pub struct Loopback {
    /// `http://127.0.0.1:<port>/`.
    pub url: String,
    port: u16,
    received: Arc<Mutex<Vec<u8>>>,
    requests: Arc<Mutex<usize>>,
    stop: Arc<AtomicBool>,
    thread: Option<JoinHandle<()>>,
}

impl Loopback {
    /// Answers every request with `response` (status line, headers and body, as sent).
    pub fn start(response: Vec<u8>) -> Self {
        Self::sequence(vec![Reply::Send(response)])
    }

    /// Answers the first request with the first reply, and so on; the last reply answers every
    /// request after it.
    pub fn sequence(replies: Vec<Reply>) -> Self {
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind 127.0.0.1");
        let port = listener.local_addr().expect("local address").port();
        let received = Arc::new(Mutex::new(Vec::new()));
        let requests = Arc::new(Mutex::new(0));
        let stop = Arc::new(AtomicBool::new(false));
        let thread = {
            let (received, requests, stop) = (received.clone(), requests.clone(), stop.clone());
            std::thread::spawn(move || {
                for stream in listener.incoming() {
                    if stop.load(Ordering::SeqCst) {
                        break;
                    }
                    let Ok(mut stream) = stream else { continue };
                    let request = read_request(&mut stream);
                    if request.is_empty() {
                        continue; // a connection opened and closed without a request
                    }
                    received.lock().expect("lock").extend_from_slice(&request);
                    let index = {
                        let mut count = requests.lock().expect("lock");
                        *count += 1;
                        *count - 1
                    };
                    match &replies[index.min(replies.len() - 1)] {
                        Reply::Send(response) => {
                            let _ = stream.write_all(response);
                            let _ = stream.flush();
                        }
                        Reply::Close => {}
                        Reply::Stall(duration) => std::thread::sleep(*duration),
                    }
                }
            })
        };
        Loopback {
            url: format!("http://127.0.0.1:{port}/"),
            port,
            received,
            requests,
            stop,
            thread: Some(thread),
        }
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

    /// How many requests arrived.
    pub fn requests(&self) -> usize {
        *self.requests.lock().expect("lock")
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
