//! Starts the real `keepwarm-desktop` under a private Xvfb display, with its own
//! D-Bus session bus and tauri-driver (which drives WebKitWebDriver), and stops
//! every one of them again when the test ends, pass or fail.

use std::io::{BufRead, BufReader};
use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::{Mutex, OnceLock};
use std::time::{Duration, Instant};

use fantoccini::elements::Element;
use fantoccini::{Client, ClientBuilder, Locator};
use serde_json::{json, Value};

/// One app at a time: WebKit is heavy and the machine may have two cores.
static ONE_AT_A_TIME: Mutex<()> = Mutex::new(());

/// How long to wait for something to appear on screen.
pub const PATIENCE: Duration = Duration::from_secs(20);

/// A child process stopped when dropped: SIGTERM first (tauri-driver then stops
/// WebKitWebDriver and the app), SIGKILL if it lingers.
pub struct Reaper {
    child: Child,
    name: &'static str,
}

impl Reaper {
    fn new(child: Child, name: &'static str) -> Reaper {
        Reaper { child, name }
    }
}

impl Drop for Reaper {
    fn drop(&mut self) {
        if let Ok(Some(_)) = self.child.try_wait() {
            return;
        }
        let _ = Command::new("kill")
            .args(["-TERM", &self.child.id().to_string()])
            .status();
        let deadline = Instant::now() + Duration::from_secs(5);
        while Instant::now() < deadline {
            if let Ok(Some(_)) = self.child.try_wait() {
                return;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        eprintln!("{} did not stop on SIGTERM; killing it", self.name);
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A D-Bus session daemon of our own, killed by pid when dropped.
struct DbusSession {
    pid: u32,
    address: String,
}

impl Drop for DbusSession {
    fn drop(&mut self) {
        let _ = Command::new("kill")
            .args(["-TERM", &self.pid.to_string()])
            .status();
    }
}

fn start_dbus() -> Option<DbusSession> {
    let out = Command::new("dbus-daemon")
        .args([
            "--session",
            "--fork",
            "--nosyslog",
            "--print-address=1",
            "--print-pid=1",
        ])
        .stderr(Stdio::null())
        .output()
        .ok()?;
    let text = String::from_utf8_lossy(&out.stdout);
    let mut lines = text.lines();
    let address = lines.next()?.trim().to_owned();
    let pid = lines.next()?.trim().parse().ok()?;
    Some(DbusSession { pid, address })
}

/// gnome-keyring's Secret Service on the bus at `address`, unlocked, its files
/// in a temporary home.
fn start_keyring(address: &str) -> (Reaper, tempfile::TempDir) {
    use std::io::Write;
    let home = tempfile::tempdir().expect("keyring home");
    let daemon = Command::new("gnome-keyring-daemon")
        .args(["--foreground", "--unlock", "--components=secrets"])
        .env("DBUS_SESSION_BUS_ADDRESS", address)
        .env("HOME", home.path())
        .env("XDG_DATA_HOME", home.path().join("data"))
        .env("XDG_RUNTIME_DIR", home.path())
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("gnome-keyring-daemon must be installed (scripts/install-deps)");
    // Reaped on every path, the panic below included.
    let mut daemon = Reaper::new(daemon, "gnome-keyring-daemon");
    if let Some(mut stdin) = daemon.child.stdin.take() {
        // The new login keyring's password; it unlocks it.
        let _ = stdin.write_all(b"keyring-unlock");
    }
    let deadline = Instant::now() + Duration::from_secs(10);
    while Instant::now() < deadline {
        let owned = Command::new("dbus-send")
            .env("DBUS_SESSION_BUS_ADDRESS", address)
            .args([
                "--session",
                "--print-reply",
                "--dest=org.freedesktop.DBus",
                "/org/freedesktop/DBus",
                "org.freedesktop.DBus.NameHasOwner",
                "string:org.freedesktop.secrets",
            ])
            .output()
            .map(|o| String::from_utf8_lossy(&o.stdout).contains("boolean true"))
            .unwrap_or(false);
        if owned {
            return (daemon, home);
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    drop(daemon);
    panic!("the Secret Service did not come up on the session bus");
}

/// Starts Xvfb on a free display chosen by Xvfb itself.
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
        .expect("Xvfb must be installed (scripts/install-deps installs it)");
    let stdout = child.stdout.take().expect("piped stdout");
    let mut line = String::new();
    BufReader::new(stdout)
        .read_line(&mut line)
        .expect("Xvfb reports its display");
    let display = format!(":{}", line.trim());
    assert!(display.len() > 1, "Xvfb did not report a display");
    (Reaper::new(child, "Xvfb"), display)
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("a free port on 127.0.0.1")
}

/// tauri-driver: on PATH, or where `cargo install` puts it.
fn tauri_driver() -> PathBuf {
    if let Some(path) = std::env::var_os("TAURI_DRIVER") {
        return PathBuf::from(path);
    }
    let on_path = std::env::var_os("PATH")
        .map(|p| std::env::split_paths(&p).collect::<Vec<_>>())
        .unwrap_or_default()
        .into_iter()
        .map(|dir| dir.join("tauri-driver"))
        .find(|p| p.is_file());
    on_path
        .or_else(|| {
            let home = std::env::var_os("CARGO_HOME")
                .map(PathBuf::from)
                .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".cargo")))?;
            Some(home.join("bin/tauri-driver")).filter(|p| p.is_file())
        })
        .expect("tauri-driver must be installed (scripts/install-deps installs it)")
}

/// The app under test: this build's, or `KEEPWARM_DESKTOP_BIN` (e.g. a release build,
/// to measure speed as users get it).
pub fn app_binary() -> PathBuf {
    std::env::var_os("KEEPWARM_DESKTOP_BIN")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_BIN_EXE_keepwarm-desktop")))
}

/// Light or dark, as the desktop would report it to the web view.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Theme {
    /// The default GTK theme.
    Light,
    /// GTK told to prefer dark: WebKit reports `prefers-color-scheme: dark`.
    Dark,
}

/// The running app and the WebDriver session on it.
pub struct Desktop {
    pub client: Client,
    /// When the session was asked for: the app starts after this instant.
    pub launched_at: Instant,
    /// The same instant as milliseconds since the Unix epoch (to compare with the page's clock).
    pub launched_epoch_ms: f64,
    /// When a window titled keepwarm… was first seen mapped (polled with xdotool).
    pub window_seen: std::sync::Arc<Mutex<Option<Instant>>>,
    /// The app's home folder: private to the test, so settings it writes there (the
    /// autostart entry) never touch the machine's.
    pub home: PathBuf,
    // Dropped in this order: driver (and app), keyring, D-Bus, the display.
    _driver: Reaper,
    _keyring: Option<(Reaper, tempfile::TempDir)>,
    _dbus: Option<DbusSession>,
    _xvfb: Reaper,
    _config: tempfile::TempDir,
}

fn epoch_ms() -> f64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs_f64() * 1000.0)
        .unwrap_or(0.0)
}

impl Desktop {
    /// Launches the app on the database `db` and opens a WebDriver session on it.
    pub async fn launch(db: &Path, theme: Theme) -> Desktop {
        Desktop::launch_with(db, theme, false).await
    }

    /// Launches the app with a Secret Service (gnome-keyring, unlocked) on its
    /// session bus, for the sync password.
    pub async fn launch_with_keyring(db: &Path, theme: Theme) -> Desktop {
        Desktop::launch_with(db, theme, true).await
    }

    async fn launch_with(db: &Path, theme: Theme, with_keyring: bool) -> Desktop {
        let (xvfb, display) = start_xvfb();
        let dbus = start_dbus();
        let keyring = match (&dbus, with_keyring) {
            (Some(bus), true) => Some(start_keyring(&bus.address)),
            (None, true) => panic!("a keyring needs dbus-daemon (scripts/install-deps)"),
            _ => None,
        };
        // A private home and GTK config: dark or light as asked, whatever the machine says.
        let config = tempfile::tempdir().expect("temp dir");
        let home = config.path().join("home");
        std::fs::create_dir_all(&home).expect("home dir");
        let gtk = config.path().join("gtk-3.0");
        std::fs::create_dir_all(&gtk).expect("gtk config dir");
        std::fs::write(
            gtk.join("settings.ini"),
            format!(
                "[Settings]\ngtk-application-prefer-dark-theme={}\n",
                i32::from(theme == Theme::Dark)
            ),
        )
        .expect("gtk settings");
        let port = free_port();
        let native_port = free_port();
        let mut driver = Command::new(tauri_driver());
        driver
            .args(["--port", &port.to_string()])
            .args(["--native-port", &native_port.to_string()])
            .env("DISPLAY", &display)
            .env_remove("WAYLAND_DISPLAY")
            .env("XDG_CONFIG_HOME", config.path())
            .env("HOME", &home)
            .env("KEEPWARM_DB", db)
            .stdout(Stdio::null())
            .stderr(Stdio::null());
        if theme == Theme::Dark {
            driver.env("GTK_THEME", "Adwaita:dark");
        } else {
            driver.env("GTK_THEME", "Adwaita");
        }
        match &dbus {
            Some(bus) => driver.env("DBUS_SESSION_BUS_ADDRESS", &bus.address),
            None => driver.env_remove("DBUS_SESSION_BUS_ADDRESS"),
        };
        let driver = Reaper::new(driver.spawn().expect("tauri-driver starts"), "tauri-driver");
        wait_for_port(port);

        let mut caps = serde_json::Map::new();
        caps.insert(
            "tauri:options".into(),
            json!({ "application": app_binary(), "args": ["--db", db] }),
        );
        caps.insert("browserName".into(), json!("wry"));
        // tauri-driver listens before WebKitWebDriver behind it is ready: a session
        // request that comes too early fails at once, and is asked again.
        let mut attempt = 0;
        let (client, launched_at, launched_epoch_ms, window_seen) = loop {
            attempt += 1;
            let launched_at = Instant::now();
            let launched_epoch_ms = epoch_ms();
            let window_seen = watch_for_window(&display);
            let connector = hyper_util::client::legacy::connect::HttpConnector::new();
            // Now and then the app quits before WebKitWebDriver has it, and the
            // session request is never answered: ask again after a while.
            let session = tokio::time::timeout(
                SESSION_PATIENCE,
                ClientBuilder::new(connector)
                    .capabilities(caps.clone())
                    .connect(&format!("http://127.0.0.1:{port}")),
            )
            .await
            .map_err(|_| format!("no answer within {SESSION_PATIENCE:?}"))
            .and_then(|answer| answer.map_err(|e| e.to_string()));
            match session {
                Ok(client) => break (client, launched_at, launched_epoch_ms, window_seen),
                Err(e) if attempt < 10 => {
                    eprintln!("WebDriver session not ready yet ({e}); asking again");
                    tokio::time::sleep(Duration::from_millis(300)).await;
                }
                Err(e) => panic!("no WebDriver session on keepwarm-desktop: {e}"),
            }
        };
        Desktop {
            client,
            launched_at,
            launched_epoch_ms,
            window_seen,
            home,
            _driver: driver,
            _keyring: keyring,
            _dbus: dbus,
            _xvfb: xvfb,
            _config: config,
        }
    }

    /// Ends the session (the app quits); the processes stop when `self` drops.
    pub async fn close(self) {
        let _ = self.client.clone().close().await;
    }

    pub async fn find(&self, css: &str) -> Element {
        match self
            .client
            .wait()
            .at_most(PATIENCE)
            .for_element(Locator::Css(css))
            .await
        {
            Ok(e) => e,
            Err(e) => panic!("no element {css} within {PATIENCE:?}: {e}"),
        }
    }

    pub async fn find_all(&self, css: &str) -> Vec<Element> {
        self.client
            .find_all(Locator::Css(css))
            .await
            .unwrap_or_default()
    }

    /// The button (or link) whose visible text or aria-label is exactly `label`.
    pub async fn button(&self, label: &str) -> Element {
        self.button_in("", label).await
    }

    /// The button labelled `label` inside the element that the XPath `scope`
    /// finds (anywhere, when `scope` is empty).
    pub async fn button_in(&self, scope: &str, label: &str) -> Element {
        let xpath = format!(
            "{scope}//button[normalize-space(.)={q} or @aria-label={q}]",
            q = xpath_literal(label)
        );
        let place = if scope.is_empty() {
            String::new()
        } else {
            format!(" in {scope}")
        };
        match self
            .client
            .wait()
            .at_most(PATIENCE)
            .for_element(Locator::XPath(&xpath))
            .await
        {
            Ok(e) => e,
            Err(e) => panic!("no button '{label}'{place} within {PATIENCE:?}: {e}"),
        }
    }

    /// The form control labelled `label` (by its <label> text or aria-label).
    pub async fn field(&self, label: &str) -> Element {
        let q = xpath_literal(label);
        let xpath = format!(
            "//*[self::input or self::select or self::textarea][@aria-label={q} or @id=//label[normalize-space(.)={q}]/@for or ancestor::label[normalize-space(span[1])={q}]]"
        );
        match self
            .client
            .wait()
            .at_most(PATIENCE)
            .for_element(Locator::XPath(&xpath))
            .await
        {
            Ok(e) => e,
            Err(e) => panic!("no field '{label}' within {PATIENCE:?}: {e}"),
        }
    }

    pub async fn nav(&self, view: &str) {
        let xpath = format!(
            "//nav[@aria-label='Views']//button[span[1][normalize-space(.)={}]]",
            xpath_literal(view)
        );
        let link = self
            .client
            .wait()
            .at_most(PATIENCE)
            .for_element(Locator::XPath(&xpath))
            .await
            .unwrap_or_else(|e| panic!("no navigation entry {view}: {e}"));
        link.click().await.expect("click navigation");
        self.find(&format!("h1#{}-title", view.to_lowercase()))
            .await;
    }

    pub async fn js(&self, script: &str, args: Vec<Value>) -> Value {
        self.client
            .execute(script, args)
            .await
            .unwrap_or_else(|e| panic!("script failed: {e}\n{script}"))
    }

    /// Sets an input's value as a person would type it (WebKitWebDriver cannot type into
    /// date inputs), firing `input` and `change`.
    pub async fn set_value(&self, element: &Element, value: &str) {
        let arg = serde_json::to_value(element).expect("element as JSON");
        self.js(
            "const [el, v] = arguments; el.focus(); el.value = v; \
             el.dispatchEvent(new Event('input', {bubbles: true})); \
             el.dispatchEvent(new Event('change', {bubbles: true}));",
            vec![arg, json!(value)],
        )
        .await;
    }

    /// Types text into the focused element (key events, as a person types).
    pub async fn type_into(&self, element: &Element, text: &str) {
        element.send_keys(text).await.expect("typing");
    }

    /// Waits until `check` (a JS expression) is true in the page.
    pub async fn wait_until(&self, what: &str, check: &str) {
        let deadline = Instant::now() + PATIENCE;
        loop {
            let v = self.js(&format!("return !!({check});"), vec![]).await;
            if v == json!(true) {
                return;
            }
            assert!(Instant::now() < deadline, "timed out waiting until {what}");
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    /// The page's visible text.
    pub async fn body_text(&self) -> String {
        self.js("return document.body.innerText;", vec![])
            .await
            .as_str()
            .unwrap_or_default()
            .to_owned()
    }

    /// Saves a PNG of the window, after the page has painted what it shows.
    pub async fn screenshot(&self, path: &Path) {
        self.client
            .execute_async(
                "const done = arguments[0]; requestAnimationFrame(() => requestAnimationFrame(() => done(true)));",
                vec![],
            )
            .await
            .expect("the page paints");
        let png = self.client.screenshot().await.expect("screenshot");
        std::fs::write(path, png).expect("write screenshot");
    }

    /// Presses one key on the page (outside any text field).
    pub async fn press(&self, key: &str) {
        self.js(
            "document.activeElement?.blur?.(); window.dispatchEvent(new KeyboardEvent('keydown', {key: arguments[0], bubbles: true}));",
            vec![json!(key)],
        )
        .await;
    }
}

/// Polls the display for the app's window in the background; notes when it maps.
fn watch_for_window(display: &str) -> std::sync::Arc<Mutex<Option<Instant>>> {
    let seen = std::sync::Arc::new(Mutex::new(None));
    let (found, display) = (seen.clone(), display.to_owned());
    std::thread::spawn(move || {
        let deadline = Instant::now() + PATIENCE;
        while Instant::now() < deadline {
            let out = Command::new("xdotool")
                .args(["search", "--onlyvisible", "--name", "^keepwarm"])
                .env("DISPLAY", &display)
                .output();
            if out.is_ok_and(|o| !o.stdout.is_empty()) {
                *found.lock().unwrap_or_else(|p| p.into_inner()) = Some(Instant::now());
                return;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
    });
    seen
}

/// The `keepwarm` CLI of this build: `KEEPWARM_CLI_BIN`, or built beside the test
/// (`target/<profile>/keepwarm`) once per run, so the tests check the database the way
/// a user's scripts would.
pub fn cli_binary() -> PathBuf {
    static CLI: OnceLock<PathBuf> = OnceLock::new();
    CLI.get_or_init(|| {
        if let Some(path) = std::env::var_os("KEEPWARM_CLI_BIN") {
            return PathBuf::from(path);
        }
        // This test runs from target/<profile>/deps/.
        let exe = std::env::current_exe().expect("the test's own path");
        let profile_dir = exe
            .parent()
            .and_then(Path::parent)
            .expect("target/<profile>")
            .to_path_buf();
        let target_dir = profile_dir.parent().expect("target").to_path_buf();
        let mut build = Command::new(env!("CARGO"));
        build
            .args(["build", "--quiet", "-p", "keepwarm", "--bin", "keepwarm"])
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .env("CARGO_TARGET_DIR", &target_dir);
        if profile_dir.file_name().is_some_and(|n| n == "release") {
            build.arg("--release");
        }
        let status = build.status().expect("cargo runs");
        assert!(status.success(), "the keepwarm CLI builds");
        profile_dir.join("keepwarm")
    })
    .clone()
}

/// Runs `keepwarm --db DB ARGS…`; its exit status, standard output and error.
pub fn cli(db: &Path, args: &[&str]) -> std::process::Output {
    Command::new(cli_binary())
        .arg("--db")
        .arg(db)
        .args(args)
        .env_remove("KEEPWARM_DB")
        .env("NO_COLOR", "1")
        .output()
        .expect("the keepwarm CLI runs")
}

/// Runs `keepwarm --db DB ARGS…` (with `--json` among them) and reads its JSON.
pub fn cli_json(db: &Path, args: &[&str]) -> Value {
    let out = cli(db, args);
    assert!(
        out.status.success(),
        "keepwarm {args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
        panic!(
            "keepwarm {args:?} printed no JSON ({e}): {}",
            String::from_utf8_lossy(&out.stdout)
        )
    })
}

fn wait_for_port(port: u16) {
    let deadline = Instant::now() + Duration::from_secs(10);
    while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
        assert!(
            Instant::now() < deadline,
            "tauri-driver did not listen on {port}"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
}

/// An XPath string literal for any text (quotes included).
fn xpath_literal(s: &str) -> String {
    if !s.contains('\'') {
        format!("'{s}'")
    } else if !s.contains('"') {
        format!("\"{s}\"")
    } else {
        let parts: Vec<String> = s.split('\'').map(|p| format!("'{p}'")).collect();
        format!("concat({})", parts.join(", \"'\", "))
    }
}

/// Runs one end-to-end scenario on its own runtime, one scenario at a time.
pub fn run<F, Fut>(scenario: F)
where
    F: FnOnce() -> Fut,
    Fut: std::future::Future<Output = ()>,
{
    let _turn = ONE_AT_A_TIME.lock().unwrap_or_else(|p| p.into_inner());
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("a tokio runtime");
    // A WebDriver call that never answers (the app gone, the driver stuck)
    // fails the scenario instead of holding the whole run.
    let finished =
        runtime.block_on(async { tokio::time::timeout(SCENARIO_LIMIT, scenario()).await });
    assert!(
        finished.is_ok(),
        "the scenario took over {SCENARIO_LIMIT:?}: a WebDriver call never answered"
    );
}

/// How long a WebDriver session request may go unanswered before it is asked again.
const SESSION_PATIENCE: Duration = Duration::from_secs(60);

/// The longest one scenario may take (the big-database one, in a debug build on
/// a busy machine, takes a few minutes).
const SCENARIO_LIMIT: Duration = Duration::from_secs(8 * 60);

/// Where screenshots go: `$CARGO_TARGET_DIR/e2e-screenshots` (or `target/…`).
pub fn screenshot_dir() -> PathBuf {
    let target = std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../target"));
    let dir = target.join("e2e-screenshots");
    std::fs::create_dir_all(&dir).expect("screenshot folder");
    dir
}
