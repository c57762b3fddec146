//! Launches the real desktop app under a private Xvfb display against a demo
//! database, finds its window by title and checks that it painted something.
//!
//! Needs Xvfb, xdotool and ImageMagick (installed by `scripts/setup`).

#![allow(clippy::unwrap_used)] // a failed unwrap is a failed test

use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use chrono::NaiveDate;
use keepwarm::demo::{fill_demo, DemoOptions};
use keepwarm::Store;

/// Kills the child when dropped, so a failing assertion leaves no process behind.
struct Reaper(Child);

impl Drop for Reaper {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// Starts Xvfb on a free display chosen by Xvfb itself; returns it and the display name.
fn start_xvfb() -> (Reaper, String) {
    let mut child = Command::new("Xvfb")
        .args([
            "-displayfd",
            "1",
            "-screen",
            "0",
            "1280x800x24",
            "-nolisten",
            "tcp",
        ])
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("Xvfb must be installed (scripts/setup installs it)");
    let stdout = child.stdout.take().unwrap();
    let mut line = String::new();
    BufReader::new(stdout).read_line(&mut line).unwrap();
    let display = format!(":{}", line.trim());
    assert!(display.len() > 1, "Xvfb did not report a display");
    (Reaper(child), display)
}

/// The id of the first window whose title starts with `keepwarm`, if one is mapped.
fn find_window(display: &str) -> Option<String> {
    let out = Command::new("xdotool")
        .args(["search", "--onlyvisible", "--name", "^keepwarm"])
        .env("DISPLAY", display)
        .output()
        .expect("xdotool must be installed");
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .next()
        .map(str::to_owned)
}

fn window_title(display: &str, window: &str) -> String {
    let out = Command::new("xdotool")
        .args(["getwindowname", window])
        .env("DISPLAY", display)
        .output()
        .unwrap();
    String::from_utf8_lossy(&out.stdout).trim().to_owned()
}

/// Number of distinct colours and the standard deviation (0–1) of a screenshot.
fn image_variety(path: &Path) -> (u64, f64) {
    let out = Command::new("/usr/bin/convert")
        .arg(path)
        .args(["-format", "%k %[fx:standard_deviation]", "info:"])
        .output()
        .expect("ImageMagick must be installed");
    let text = String::from_utf8_lossy(&out.stdout);
    let mut parts = text.split_whitespace();
    let colours = parts.next().and_then(|s| s.parse().ok()).unwrap_or(0);
    let deviation = parts.next().and_then(|s| s.parse().ok()).unwrap_or(0.0);
    (colours, deviation)
}

/// Starts the desktop app on `display` with the database `db`.
fn launch_app(display: &str, db: &Path) -> Reaper {
    Reaper(
        Command::new(env!("CARGO_BIN_EXE_keepwarm-desktop"))
            .env("DISPLAY", display)
            .env("KEEPWARM_DB", db)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap(),
    )
}

/// A free port on 127.0.0.1 (bound, then released for the app to take).
fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

/// One GET over a plain socket; returns the status code.
fn http_status(port: u16, path: &str) -> Option<u16> {
    use std::io::{Read, Write};
    let mut stream = std::net::TcpStream::connect(("127.0.0.1", port)).ok()?;
    stream
        .write_all(
            format!("GET {path} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
                .as_bytes(),
        )
        .ok()?;
    let mut response = String::new();
    stream.read_to_string(&mut response).ok()?;
    response.split_whitespace().nth(1)?.parse().ok()
}

#[test]
fn desktop_serves_the_calendar_feed_when_it_is_turned_on() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("feed.db");
    let port = free_port();
    let token = {
        let mut store = Store::open(&db).unwrap();
        let today = NaiveDate::from_ymd_opt(2026, 11, 26).unwrap();
        fill_demo(&mut store, DemoOptions::default(), today).unwrap();
        store
            .set_setting(keepwarm::feed::ENABLED_SETTING, "true")
            .unwrap();
        store
            .set_setting(keepwarm::feed::PORT_SETTING, &port.to_string())
            .unwrap();
        keepwarm::feed::feed_token(&mut store).unwrap()
    };
    let (_xvfb, display) = start_xvfb();
    let _app = launch_app(&display, &db);
    let deadline = Instant::now() + Duration::from_secs(10);
    let path = format!("/{token}.ics");
    loop {
        if http_status(port, &path) == Some(200) {
            break;
        }
        assert!(
            Instant::now() < deadline,
            "no feed on port {port} within 10 s"
        );
        std::thread::sleep(Duration::from_millis(100));
    }
    assert_eq!(http_status(port, "/not-the-token.ics"), Some(404));
}

#[test]
fn desktop_window_opens_with_a_painted_first_screen() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("demo.db");
    {
        let mut store = Store::open(&db).unwrap();
        let today = NaiveDate::from_ymd_opt(2026, 11, 26).unwrap();
        fill_demo(&mut store, DemoOptions::default(), today).unwrap();
    }

    let (_xvfb, display) = start_xvfb();
    let started = Instant::now();
    let _app = launch_app(&display, &db);

    let window = loop {
        if let Some(id) = find_window(&display) {
            break id;
        }
        // A check that the window comes at all, not a speed measure (the
        // time it took is printed below): a loaded machine may take a while.
        assert!(
            started.elapsed() < Duration::from_secs(30),
            "no window titled keepwarm… within 30 s"
        );
        std::thread::sleep(Duration::from_millis(100));
    };
    let found_after = started.elapsed();
    eprintln!("window {window} found after {found_after:?}");
    assert_eq!(window_title(&display, &window), "keepwarm — demo.db");

    // The web view paints after the window maps; give it a few seconds.
    let shot = dir.path().join("shot.png");
    let deadline = Instant::now() + Duration::from_secs(10);
    let (colours, deviation) = loop {
        let status = Command::new("/usr/bin/import")
            .args(["-window", &window])
            .arg(&shot)
            .env("DISPLAY", &display)
            .status()
            .unwrap();
        assert!(status.success(), "screenshot failed");
        let variety = image_variety(&shot);
        // Text on a background gives hundreds of colours (anti-aliasing); a blank
        // or single-colour window gives one or two.
        if variety.0 > 50 && variety.1 > 0.02 {
            break variety;
        }
        assert!(
            Instant::now() < deadline,
            "window stayed blank: {variety:?}"
        );
        std::thread::sleep(Duration::from_millis(250));
    };
    eprintln!("screenshot: {colours} colours, standard deviation {deviation:.3}");
}
