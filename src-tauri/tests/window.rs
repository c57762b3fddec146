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
    let _app = Reaper(
        Command::new(env!("CARGO_BIN_EXE_keepwarm-desktop"))
            .env("DISPLAY", &display)
            .env("KEEPWARM_DB", &db)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap(),
    );

    let window = loop {
        if let Some(id) = find_window(&display) {
            break id;
        }
        assert!(
            started.elapsed() < Duration::from_secs(5),
            "no window titled keepwarm… within 5 s"
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
