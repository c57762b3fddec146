//! `keepwarm feed` as a real process, spoken to over real sockets.

#![allow(clippy::unwrap_used)] // a failed unwrap is a failed test

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::Duration;

mod common;
use common::{keepwarm, TODAY};

/// A running feed, stopped when dropped.
struct Feed {
    child: Child,
    url: String,
    address: SocketAddr,
    path: String,
}

impl Drop for Feed {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn start(db: &Path, extra: &[&str]) -> Feed {
    let mut child = Command::new(assert_cmd::cargo::cargo_bin("keepwarm"))
        .env_remove("KEEPWARM_DB")
        .arg("--db")
        .arg(db)
        .args(["--today", TODAY, "feed", "--port", "0"])
        .args(extra)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut line = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut line)
        .unwrap();
    let url = line.trim().to_owned();
    let rest = url.strip_prefix("http://").unwrap();
    let (host, path) = rest.split_once('/').unwrap();
    Feed {
        child,
        address: host.parse().unwrap(),
        path: format!("/{path}"),
        url,
    }
}

/// Sends raw bytes, returns (status, headers lower-cased, body).
fn exchange(address: SocketAddr, request: &[u8]) -> (u16, String, Vec<u8>) {
    let mut stream = TcpStream::connect(address).unwrap();
    stream
        .set_read_timeout(Some(Duration::from_secs(10)))
        .unwrap();
    stream.write_all(request).unwrap();
    let mut response = Vec::new();
    let _ = stream.read_to_end(&mut response);
    let split = response
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .map_or(response.len(), |p| p + 4);
    let head = String::from_utf8_lossy(&response[..split]).to_lowercase();
    let status = head
        .split_whitespace()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(0);
    (status, head, response[split..].to_vec())
}

fn get(feed: &Feed, method: &str, path: &str) -> (u16, String, Vec<u8>) {
    exchange(
        feed.address,
        format!("{method} {path} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
            .as_bytes(),
    )
}

fn demo_db(dir: &Path) -> std::path::PathBuf {
    let db = dir.join("k.db");
    assert!(
        keepwarm(&db, &["demo", "--contacts", "60", "--interactions", "300"])
            .status
            .success()
    );
    db
}

#[test]
fn the_right_token_gets_the_calendar_and_nothing_else_gets_anything() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_db(dir.path());
    let feed = start(&db, &[]);
    assert!(feed.url.starts_with("http://127.0.0.1:"));
    let token = feed.path.trim_start_matches('/').trim_end_matches(".ics");
    assert!(token.len() >= 16);

    let (status, head, body) = get(&feed, "GET", &feed.path);
    assert_eq!(status, 200);
    assert!(head.contains("content-type: text/calendar"), "{head}");
    let text = String::from_utf8(body).unwrap();
    assert!(text.starts_with("BEGIN:VCALENDAR\r\n") && text.contains("BEGIN:VEVENT"));

    let (status, head, body) = get(&feed, "HEAD", &feed.path);
    assert_eq!(status, 200);
    assert!(body.is_empty());
    assert!(
        head.contains(&format!("content-length: {}", text.len())),
        "{head}"
    );

    for path in [
        "/".to_owned(),
        "/wrong.ics".to_owned(),
        format!("/{token}"),
        format!("/{token}.ics/extra"),
        format!("/{}.ics", &token[..token.len() - 1]),
        format!("/{token}x.ics"),
    ] {
        let (status, _, body) = get(&feed, "GET", &path);
        assert_eq!(status, 404, "{path}");
        assert!(body.is_empty(), "{path}: a 404 says nothing");
    }
    // Bound to 127.0.0.1 only: another loopback address is refused.
    let elsewhere = SocketAddr::from(([127, 0, 0, 2], feed.address.port()));
    assert!(TcpStream::connect_timeout(&elsewhere, Duration::from_secs(2)).is_err());
}

#[test]
fn it_survives_a_thousand_requests_and_a_burst_of_junk() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_db(dir.path());
    let feed = start(&db, &[]);
    for _ in 0..1000 {
        assert_eq!(get(&feed, "GET", &feed.path).0, 200);
    }
    // Half-sent requests left hanging open.
    let hanging: Vec<TcpStream> = (0..20)
        .map(|_| {
            let mut s = TcpStream::connect(feed.address).unwrap();
            s.write_all(b"GET /").unwrap();
            s
        })
        .collect();
    let huge_path = format!("GET /{} HTTP/1.1\r\nHost: x\r\n\r\n", "a".repeat(1 << 20));
    let junk: Vec<Vec<u8>> = vec![
        b"\x00\x01\x02\xff\xfe garbage\r\n\r\n".to_vec(),
        b"GET\r\n\r\n".to_vec(),
        b"GET / HTTP/9.9\r\n\r\n".to_vec(),
        b"POST /x.ics HTTP/1.1\r\nContent-Length: 999999999\r\n\r\nabc".to_vec(),
        huge_path.into_bytes(),
        format!(
            "GET {} HTTP/1.1\r\nHost: x\r\n{}\r\n\r\n",
            feed.path,
            "X-Junk: y\r\n".repeat(20_000)
        )
        .into_bytes(),
        (0..4096u32)
            .map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8)
            .collect(),
    ];
    for request in junk.iter().cycle().take(70) {
        let mut s = TcpStream::connect(feed.address).unwrap();
        s.set_write_timeout(Some(Duration::from_secs(5))).unwrap();
        let _ = s.write_all(request);
    }
    let (status, _, body) = get(&feed, "GET", &feed.path);
    assert_eq!(status, 200);
    assert!(body.starts_with(b"BEGIN:VCALENDAR"));
    drop(hanging);
    assert_eq!(get(&feed, "GET", &feed.path).0, 200);
}

#[test]
fn changes_show_up_and_the_url_outlives_restarts_until_rotated() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_db(dir.path());
    let feed = start(&db, &[]);
    let before = get(&feed, "GET", &feed.path).2;
    assert!(!String::from_utf8_lossy(&before).contains("Freshly Added"));
    assert!(
        keepwarm(&db, &["add", "Freshly Added", "--birthday", "1980-01-02"])
            .status
            .success()
    );
    let after = String::from_utf8(get(&feed, "GET", &feed.path).2).unwrap();
    assert!(
        after.contains("SUMMARY:Birthday: Freshly Added"),
        "the feed re-plans after a change"
    );

    let url = feed.url.clone();
    drop(feed);
    let again = start(&db, &[]);
    assert_eq!(
        again.url.rsplit('/').next(),
        url.rsplit('/').next(),
        "same token after a restart"
    );
    drop(again);

    let rotated = start(&db, &["--rotate-token"]);
    let old_path = format!("/{}", url.rsplit('/').next().unwrap());
    assert_ne!(rotated.path, old_path, "a new token");
    assert_eq!(get(&rotated, "GET", &old_path).0, 404);
    assert_eq!(get(&rotated, "GET", &rotated.path).0, 200);
}
