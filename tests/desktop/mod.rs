//! A private desktop for tests: an Xvfb display, a session bus started by
//! `dbus-run-session`, a real notification server (dunst) and `dbus-monitor`
//! recording every `Notify` call. Everything is started by the test and stopped
//! by pid when it ends, pass or fail.
//!
//! Shared by `tests/notify.rs` and the desktop app's tests (`#[path]`).
//! Needs Xvfb, dbus (dbus-run-session, dbus-monitor, dbus-send) and dunst.

#![allow(dead_code)] // each test file uses its own subset
#![allow(clippy::unwrap_used, clippy::expect_used)] // a failed unwrap is a failed test

use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdin, Command, Stdio};
use std::time::{Duration, Instant};

/// Kills the child when dropped, so a failing assertion leaves no process behind.
pub struct Reaper(pub Child);

impl Reaper {
    /// The child's pid.
    pub fn pid(&self) -> u32 {
        self.0.id()
    }
}

impl Drop for Reaper {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// How the notification server reads bodies.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Markup {
    /// It reads a subset of HTML (and says so: the `body-markup` capability).
    Full,
    /// It shows bodies as plain text.
    No,
}

/// `dbus-run-session` holding a private session bus open until dropped.
struct Bus {
    child: Child,
    stdin: Option<ChildStdin>,
    address: String,
}

impl Bus {
    fn start() -> Bus {
        // The session's command prints the bus address, then waits for its input to
        // close; closing it ends the command, and dbus-run-session then stops the bus.
        let mut child = Command::new("dbus-run-session")
            .args([
                "--",
                "sh",
                "-c",
                "echo \"$DBUS_SESSION_BUS_ADDRESS\"; exec cat >/dev/null",
            ])
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("dbus-run-session must be installed (package dbus)");
        let stdin = child.stdin.take();
        let mut line = String::new();
        BufReader::new(child.stdout.take().unwrap())
            .read_line(&mut line)
            .unwrap();
        let address = line.trim().to_owned();
        assert!(address.starts_with("unix:"), "no bus address: {address:?}");
        Bus {
            child,
            stdin,
            address,
        }
    }
}

impl Drop for Bus {
    fn drop(&mut self) {
        drop(self.stdin.take());
        let deadline = Instant::now() + Duration::from_secs(5);
        while Instant::now() < deadline {
            if let Ok(Some(_)) = self.child.try_wait() {
                return;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Starts Xvfb on a free display chosen by Xvfb itself.
pub fn start_xvfb() -> (Reaper, String) {
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
        .expect("Xvfb must be installed (scripts/install-deps installs it)");
    let stdout = child.stdout.take().unwrap();
    let mut line = String::new();
    BufReader::new(stdout).read_line(&mut line).unwrap();
    let display = format!(":{}", line.trim());
    assert!(display.len() > 1, "Xvfb did not report a display");
    (Reaper(child), display)
}

/// One `Notify` call seen on the bus.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Seen {
    /// The application name.
    pub app: String,
    /// The icon.
    pub icon: String,
    /// The title.
    pub summary: String,
    /// The body, as sent.
    pub body: String,
    /// Action ids and labels, alternating.
    pub actions: Vec<String>,
}

/// A private desktop: display, bus, notification server, monitor.
pub struct Desktop {
    /// The folder holding the monitor's log and the server's config.
    pub dir: tempfile::TempDir,
    /// The X display (`:N`).
    pub display: String,
    monitor_log: PathBuf,
    // Dropped in reverse order of starting: monitor and server before the bus,
    // the bus before the display.
    monitor: Option<Reaper>,
    server: Option<Reaper>,
    bus: Option<Bus>,
    _xvfb: Reaper,
}

impl Desktop {
    /// Starts a display, a session bus, dunst (when `server` is given) and the monitor.
    pub fn start(server: Option<Markup>) -> Desktop {
        let dir = tempfile::tempdir().unwrap();
        let (xvfb, display) = start_xvfb();
        let bus = Bus::start();
        let monitor_log = dir.path().join("monitor.log");
        let mut desktop = Desktop {
            dir,
            display,
            monitor_log,
            monitor: None,
            server: None,
            bus: Some(bus),
            _xvfb: xvfb,
        };
        let log = std::fs::File::create(&desktop.monitor_log).unwrap();
        desktop.monitor = Some(Reaper(
            desktop
                .command("dbus-monitor")
                .arg("interface='org.freedesktop.Notifications',member='Notify'")
                .stdout(log)
                .stderr(Stdio::null())
                .spawn()
                .expect("dbus-monitor must be installed (package dbus)"),
        ));
        // The monitor's first lines are its own name being acquired: from then on it sees all.
        desktop.wait_for("the monitor", || {
            std::fs::read_to_string(&desktop.monitor_log)
                .unwrap_or_default()
                .contains("NameAcquired")
        });
        if let Some(markup) = server {
            desktop.start_server(markup);
        }
        desktop
    }

    /// The session bus address.
    pub fn bus_address(&self) -> &str {
        &self.bus.as_ref().unwrap().address
    }

    /// A command that runs on this desktop (its display and its bus).
    pub fn command(&self, program: impl AsRef<std::ffi::OsStr>) -> Command {
        let mut command = Command::new(program);
        command
            .env("DISPLAY", &self.display)
            .env("DBUS_SESSION_BUS_ADDRESS", self.bus_address())
            .env_remove("WAYLAND_DISPLAY");
        command
    }

    fn start_server(&mut self, markup: Markup) {
        let config = self.dir.path().join("dunstrc");
        let markup = match markup {
            Markup::Full => "full",
            Markup::No => "no",
        };
        std::fs::write(
            &config,
            format!("[global]\n    markup = {markup}\n    format = \"%s\\n%b\"\n"),
        )
        .unwrap();
        self.server = Some(Reaper(
            self.command("dunst")
                .arg("-config")
                .arg(&config)
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .spawn()
                .expect("dunst must be installed"),
        ));
        self.wait_for("dunst to own org.freedesktop.Notifications", || {
            self.name_has_owner("org.freedesktop.Notifications")
        });
    }

    /// Whether someone owns `name` on the bus.
    pub fn name_has_owner(&self, name: &str) -> bool {
        let out = self
            .command("dbus-send")
            .args([
                "--session",
                "--print-reply",
                "--dest=org.freedesktop.DBus",
                "/",
                "org.freedesktop.DBus.NameHasOwner",
            ])
            .arg(format!("string:{name}"))
            .output()
            .expect("dbus-send must be installed");
        String::from_utf8_lossy(&out.stdout).contains("boolean true")
    }

    /// Polls `done` for up to 10 s.
    pub fn wait_for(&self, what: &str, mut done: impl FnMut() -> bool) {
        let deadline = Instant::now() + Duration::from_secs(10);
        while !done() {
            assert!(Instant::now() < deadline, "timed out waiting for {what}");
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    /// Every `Notify` call the monitor has seen so far.
    pub fn notifications(&self) -> Vec<Seen> {
        parse_monitor_log(&std::fs::read_to_string(&self.monitor_log).unwrap_or_default())
    }

    /// Waits until `count` notifications were seen, then a little more so that a
    /// surplus one would show too; returns them.
    pub fn settle(&self, count: usize) -> Vec<Seen> {
        self.wait_for(&format!("{count} notifications"), || {
            self.notifications().len() >= count
        });
        std::thread::sleep(Duration::from_millis(500));
        self.notifications()
    }

    /// What dunst shows, as its history records it (`dunstctl history` after
    /// closing them all): each notification's message as it renders it.
    pub fn shown_messages(&self) -> Vec<String> {
        let close = self.command("dunstctl").arg("close-all").status().unwrap();
        assert!(close.success());
        std::thread::sleep(Duration::from_millis(200));
        let out = self.command("dunstctl").arg("history").output().unwrap();
        let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        json["data"][0]
            .as_array()
            .map(|list| {
                list.iter()
                    .filter_map(|n| n["message"]["data"].as_str().map(str::to_owned))
                    .collect()
            })
            .unwrap_or_default()
    }

    /// Takes a screenshot of the whole display into `path`.
    pub fn screenshot(&self, path: &Path) {
        let status = self
            .command("/usr/bin/import")
            .args(["-window", "root"])
            .arg(path)
            .status()
            .expect("ImageMagick must be installed");
        assert!(status.success(), "screenshot failed");
    }
}

impl Drop for Desktop {
    fn drop(&mut self) {
        drop(self.monitor.take());
        drop(self.server.take());
        drop(self.bus.take());
    }
}

/// Parses `dbus-monitor`'s text: each `member=Notify` method call, then its
/// arguments one per line (`string "…"`, `uint32 …`, an `array [` of actions, …).
pub fn parse_monitor_log(log: &str) -> Vec<Seen> {
    let mut seen = Vec::new();
    let mut lines = log.lines().peekable();
    while let Some(line) = lines.next() {
        if !(line.starts_with("method call") && line.contains("member=Notify")) {
            continue;
        }
        let mut strings = Vec::new();
        let mut actions = Vec::new();
        let mut in_actions = false;
        let mut arrays = 0;
        while let Some(next) = lines.peek() {
            if !next.starts_with(' ') {
                break;
            }
            let arg = lines.next().unwrap().trim();
            if arg.starts_with("array [") {
                arrays += 1;
                in_actions = arrays == 1;
                continue;
            }
            if arg == "]" {
                in_actions = false;
                continue;
            }
            if let Some(text) = arg
                .strip_prefix("string \"")
                .and_then(|s| s.strip_suffix('"'))
            {
                if in_actions {
                    actions.push(text.to_owned());
                } else if arrays == 0 {
                    strings.push(text.to_owned());
                }
            }
        }
        if strings.len() >= 4 {
            seen.push(Seen {
                app: strings[0].clone(),
                icon: strings[1].clone(),
                summary: strings[2].clone(),
                body: strings[3].clone(),
                actions,
            });
        }
    }
    seen
}

/// Writes `text` to a file in `dir` and returns its path (for configs).
pub fn write_file(dir: &Path, name: &str, text: &str) -> PathBuf {
    let path = dir.join(name);
    let mut file = std::fs::File::create(&path).unwrap();
    file.write_all(text.as_bytes()).unwrap();
    path
}
