//! keepwarm-desktop living on a real (virtual) desktop: the daily digest sent by
//! the background loop at the digest time and never twice, one instance, and the
//! tray with its Open item. Each test starts its own Xvfb, session bus
//! (dbus-run-session), dunst, dbus-monitor and tray host, and stops them by pid.
//!
//! Needs Xvfb, dbus, dunst, xdotool, trayer and ImageMagick (scripts/install-deps).

#![allow(clippy::unwrap_used)] // a failed unwrap is a failed test

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use chrono::{Local, Timelike};
use keepwarm::demo::{fill_demo, DemoOptions};
use keepwarm::Store;

#[path = "../../tests/desktop/mod.rs"]
mod desktop;
use desktop::{Desktop, Markup, Reaper, Seen};

/// A demo database planned from the real today, every day a working day (so the
/// test runs on weekends too), with the digest at `digest_time`.
fn demo_db(dir: &Path, digest_time: &str) -> std::path::PathBuf {
    let db = dir.join("desktop.db");
    let mut store = Store::open(&db).unwrap();
    let today = Local::now().date_naive();
    fill_demo(&mut store, DemoOptions::default(), today).unwrap();
    store
        .set_planner_setting("working_days", "mon,tue,wed,thu,fri,sat,sun")
        .unwrap();
    keepwarm::notify::set_digest_time(&mut store, digest_time).unwrap();
    assert!(
        !keepwarm::notify::todays_pings(&store, today)
            .unwrap()
            .is_empty(),
        "the demo plans pings today"
    );
    db
}

fn launch(desktop: &Desktop, db: &Path, args: &[&str]) -> Reaper {
    Reaper(
        desktop
            .command(env!("CARGO_BIN_EXE_keepwarm-desktop"))
            .env("KEEPWARM_DB", db)
            .args(args)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap(),
    )
}

/// Ids of the visible main windows (titled `keepwarm — <database>`; the tray
/// icon's own little window is called `keepwarm-desktop`).
fn visible_windows(desktop: &Desktop) -> Vec<String> {
    let out = desktop
        .command("xdotool")
        .args(["search", "--onlyvisible", "--name", "^keepwarm — "])
        .output()
        .expect("xdotool must be installed");
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(str::to_owned)
        .collect()
}

fn wait_until(what: &str, limit: Duration, mut done: impl FnMut() -> bool) {
    let deadline = Instant::now() + limit;
    while !done() {
        assert!(
            Instant::now() < deadline,
            "timed out after {limit:?} waiting for {what}"
        );
        std::thread::sleep(Duration::from_millis(100));
    }
}

fn is_digest(seen: &Seen) -> bool {
    seen.summary.ends_with(" today") && seen.summary.contains(" ping")
}

#[test]
fn the_loop_sends_one_digest_at_the_digest_time_and_none_after_a_restart() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_db(dir.path(), "off");
    let desktop = Desktop::start(Some(Markup::Full));
    // The next whole minute at least 10 s away, so that the app is up before it.
    let at = (Local::now() + chrono::Duration::seconds(70))
        .with_second(0)
        .unwrap()
        .with_nanosecond(0)
        .unwrap();
    let digest_time = at.format("%H:%M").to_string();
    keepwarm::notify::set_digest_time(&mut Store::open(&db).unwrap(), &digest_time).unwrap();

    // Hidden in the tray, as after a login with "start with the session".
    let app = launch(&desktop, &db, &["--minimized"]);
    std::thread::sleep(Duration::from_secs(3));
    if Local::now() < at {
        assert!(
            desktop.notifications().is_empty(),
            "nothing before the digest time ({digest_time})"
        );
    }
    wait_until("the digest", Duration::from_secs(100), || {
        desktop.notifications().iter().any(is_digest)
    });
    let arrived = Local::now();
    assert!(arrived >= at, "arrived at {arrived}, before {digest_time}");
    eprintln!(
        "digest for {digest_time} seen at {}",
        arrived.format("%H:%M:%S%.3f")
    );
    std::thread::sleep(Duration::from_secs(3));
    let seen = desktop.notifications();
    let digests: Vec<&Seen> = seen.iter().filter(|s| is_digest(s)).collect();
    assert_eq!(digests.len(), 1, "{seen:#?}");
    assert_eq!(digests[0].app, "keepwarm");
    assert!(
        digests[0].actions.iter().any(|a| a == "default")
            && digests[0].actions.iter().any(|a| a == "open"),
        "the app offers Open: {:?}",
        digests[0].actions
    );
    let today = Local::now().date_naive();
    let recorded = Store::open(&db).unwrap().digest_sent_on().unwrap();
    assert_eq!(recorded, Some(at.date_naive()));

    // Clicking it (dunst's default action) brings the hidden window up.
    assert!(visible_windows(&desktop).is_empty(), "still hidden");
    let click = desktop
        .command("dunstctl")
        .args(["action", "0"])
        .status()
        .unwrap();
    assert!(click.success());
    wait_until(
        "the window after the click",
        Duration::from_secs(10),
        || visible_windows(&desktop).len() == 1,
    );

    // Restarted the same day: nothing more.
    drop(app);
    let before = desktop.notifications().len();
    let _again = launch(&desktop, &db, &[]);
    wait_until("the restarted window", Duration::from_secs(15), || {
        !visible_windows(&desktop).is_empty()
    });
    std::thread::sleep(Duration::from_secs(5));
    if Local::now().date_naive() == today {
        assert_eq!(
            desktop.notifications().len(),
            before,
            "no second digest that day"
        );
    }
}

#[test]
fn a_second_launch_shows_the_first_window_and_leaves_one_process() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_db(dir.path(), "off");
    let desktop = Desktop::start(None);

    // Started as the session's autostart does: hidden.
    let mut first = launch(&desktop, &db, &["--minimized"]);
    std::thread::sleep(Duration::from_secs(3));
    assert!(visible_windows(&desktop).is_empty(), "started hidden");
    assert!(
        first.0.try_wait().unwrap().is_none(),
        "the first instance runs"
    );

    let mut second = launch(&desktop, &db, &[]);
    let started = Instant::now();
    let status = loop {
        if let Some(status) = second.0.try_wait().unwrap() {
            break status;
        }
        assert!(
            started.elapsed() < Duration::from_secs(15),
            "the second launch did not exit"
        );
        std::thread::sleep(Duration::from_millis(100));
    };
    eprintln!(
        "second launch exited with {status} after {:?}",
        started.elapsed()
    );
    wait_until("the first window to show", Duration::from_secs(10), || {
        visible_windows(&desktop).len() == 1
    });
    std::thread::sleep(Duration::from_secs(1));
    assert_eq!(visible_windows(&desktop).len(), 1, "one window");
    assert!(
        first.0.try_wait().unwrap().is_none(),
        "the first instance still runs"
    );
    let ours = Command::new("pgrep")
        .args(["-f", env!("CARGO_BIN_EXE_keepwarm-desktop")])
        .output()
        .unwrap();
    let pids: Vec<String> = String::from_utf8_lossy(&ours.stdout)
        .lines()
        .map(str::to_owned)
        .collect();
    assert!(pids.contains(&first.pid().to_string()), "{pids:?}");
    assert!(!pids.contains(&second.pid().to_string()), "{pids:?}");
}

/// Starts trayer, an XEmbed tray host, along the top-left edge of the display.
fn start_tray_host(desktop: &Desktop) -> Reaper {
    Reaper(
        desktop
            .command("trayer")
            .args([
                "--edge",
                "top",
                "--align",
                "left",
                "--widthtype",
                "request",
                "--height",
                "32",
                "--expand",
                "false",
                "--transparent",
                "false",
                "--tint",
                "0xffffff",
            ])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("trayer must be installed (scripts/install-deps installs it)"),
    )
}

/// The colour of one pixel of a screenshot, as ImageMagick writes it.
fn pixel(shot: &Path, x: u32, y: u32) -> String {
    let out = Command::new("/usr/bin/convert")
        .arg(shot)
        .args(["-format", &format!("%[pixel:p{{{x},{y}}}]"), "info:"])
        .output()
        .expect("ImageMagick must be installed");
    String::from_utf8_lossy(&out.stdout).trim().to_owned()
}

/// Where screenshots go: `KEEPWARM_TEST_SHOTS` when set (to look at them), else `dir`.
fn shot_path(dir: &Path, name: &str) -> std::path::PathBuf {
    match std::env::var_os("KEEPWARM_TEST_SHOTS") {
        Some(folder) => {
            std::fs::create_dir_all(&folder).unwrap();
            Path::new(&folder).join(name)
        }
        None => dir.join(name),
    }
}

#[test]
fn the_tray_icon_shows_in_a_tray_host_and_its_open_item_shows_the_window() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_db(dir.path(), "off");
    let desktop = Desktop::start(None);
    let _host = start_tray_host(&desktop);
    std::thread::sleep(Duration::from_secs(1));
    let _app = launch(&desktop, &db, &["--minimized"]);

    // The icon is orange (#e8590c-ish) on the host's white panel, near (16, 16).
    let shot = shot_path(dir.path(), "tray.png");
    wait_until("the tray icon", Duration::from_secs(20), || {
        desktop.screenshot(&shot);
        let colour = pixel(&shot, 8, 16);
        colour.contains("srgb(2") && !colour.contains("255,255,255")
    });
    assert!(
        visible_windows(&desktop).is_empty(),
        "the window stays hidden"
    );

    // Open the menu, look into "Today's pings", then choose Open.
    let xdotool = |args: &[&str]| {
        let status = desktop.command("xdotool").args(args).status().unwrap();
        assert!(status.success(), "xdotool {args:?}");
    };
    xdotool(&["mousemove", "16", "16", "click", "1"]);
    std::thread::sleep(Duration::from_millis(800));
    xdotool(&["key", "Down", "Down", "Right"]);
    std::thread::sleep(Duration::from_millis(800));
    desktop.screenshot(&shot_path(dir.path(), "tray-menu.png"));
    xdotool(&["key", "Escape", "Escape"]);
    std::thread::sleep(Duration::from_millis(300));
    xdotool(&["mousemove", "16", "16", "click", "1"]);
    std::thread::sleep(Duration::from_millis(800));
    xdotool(&["key", "Down", "Return"]);
    wait_until("the window after Open", Duration::from_secs(10), || {
        visible_windows(&desktop).len() == 1
    });
    std::thread::sleep(Duration::from_millis(1500));
    desktop.screenshot(&shot_path(dir.path(), "tray-open.png"));
}
