//! Real servers the sync tests start and stop: Radicale and Xandikos
//! (CardDAV/CalDAV) on 127.0.0.1, a private D-Bus session with an unlocked
//! gnome-keyring, and a tiny HTTP server that answers with canned faults.
//! Each is stopped by its process id when dropped.

use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use tempfile::TempDir;

/// The Python that has Radicale (`scripts/install-deps` puts it in `.venv`).
pub fn python() -> PathBuf {
    if let Ok(p) = std::env::var("KEEPWARM_PYTHON") {
        return p.into();
    }
    // The workspace's `.venv`, from its root or from the desktop crate.
    let here = Path::new(env!("CARGO_MANIFEST_DIR"));
    [
        here.join(".venv/bin/python"),
        here.join("../.venv/bin/python"),
    ]
    .into_iter()
    .find(|p| p.exists())
    .unwrap_or_else(|| "python3".into())
}

/// A port nobody listens on right now.
pub fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("a free port")
}

fn wait_for_port(port: u16, child: &mut Child, what: &str) {
    let start = Instant::now();
    while start.elapsed() < Duration::from_secs(30) {
        if TcpStream::connect(("127.0.0.1", port)).is_ok() {
            return;
        }
        if let Ok(Some(status)) = child.try_wait() {
            panic!("{what} exited early: {status}");
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    panic!("{what} did not start listening on {port}");
}

/// A CardDAV/CalDAV server the sync tests can run against.
pub trait DavServer {
    /// The server's root URL.
    fn url(&self) -> String;
    /// How many objects with this extension (`vcf`, `ics`) the server holds
    /// for `user`, counted in its storage.
    fn objects(&self, user: &str, extension: &str) -> usize;
}

/// Files ending in `.extension` in the folders under `root`, at any depth,
/// leaving out hidden folders (`.git`).
fn count_files(root: &Path, extension: &str) -> usize {
    let Ok(entries) = std::fs::read_dir(root) else {
        return 0;
    };
    let mut count = 0;
    for entry in entries.flatten() {
        let path = entry.path();
        let hidden = entry.file_name().to_string_lossy().starts_with('.');
        if path.is_dir() && !hidden {
            count += count_files(&path, extension);
        } else if path.extension().is_some_and(|e| e == extension) {
            count += 1;
        }
    }
    count
}

/// A Radicale server with htpasswd users, its storage in a temporary folder.
pub struct Radicale {
    child: Child,
    /// Its port on 127.0.0.1.
    pub port: u16,
    dir: TempDir,
}

impl Radicale {
    /// Starts Radicale with these `(user, password)` accounts.
    pub fn start(users: &[(&str, &str)]) -> Radicale {
        let dir = memory_folder();
        let users_file = dir.path().join("users");
        let lines: String = users.iter().map(|(u, p)| format!("{u}:{p}\n")).collect();
        std::fs::write(&users_file, lines).expect("users file");
        let storage = dir.path().join("storage");
        let port = free_port();
        let mut child = Command::new(python())
            .args(["-m", "radicale", "--server-hosts"])
            .arg(format!("127.0.0.1:{port}"))
            .args(["--auth-type", "htpasswd", "--auth-htpasswd-filename"])
            .arg(&users_file)
            .args(["--auth-htpasswd-encryption", "plain", "--auth-delay", "0"])
            .args(["--rights-type", "owner_only", "--storage-filesystem-folder"])
            .arg(&storage)
            .args(["--storage-use-mtime-and-size-for-item-cache", "True"])
            .args(["--logging-level", "error"])
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("Radicale starts (run scripts/install-deps)");
        wait_for_port(port, &mut child, "Radicale");
        Radicale { child, port, dir }
    }

    /// The server's root URL.
    pub fn url(&self) -> String {
        format!("http://127.0.0.1:{}/", self.port)
    }

    /// Where Radicale keeps a user's collections on disk.
    pub fn collections_of(&self, user: &str) -> PathBuf {
        self.dir.path().join("storage/collection-root").join(user)
    }

    /// Writes objects straight into an existing collection's folder, the way
    /// Radicale's filesystem storage keeps them (one file per object), as if
    /// another client had uploaded them: scale tests seed big collections
    /// without paying Radicale's cost of one upload at a time.
    pub fn seed(&self, user: &str, collection: &str, objects: &[(String, String)]) {
        let folder = self.collections_of(user).join(collection);
        assert!(
            folder.join(".Radicale.props").exists(),
            "no collection {collection}"
        );
        for (name, text) in objects {
            std::fs::write(folder.join(name), text).expect("write an object");
        }
    }
}

impl DavServer for Radicale {
    fn url(&self) -> String {
        Radicale::url(self)
    }

    fn objects(&self, user: &str, extension: &str) -> usize {
        count_files(&self.collections_of(user), extension)
    }
}

impl Drop for Radicale {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A Xandikos server (a CardDAV/CalDAV server that keeps each collection in
/// a git repository and answers sync-collection from its history), with the
/// default address book and calendar of one user at `/user/`. It has no
/// accounts of its own: any user name and password get in.
pub struct Xandikos {
    child: Child,
    /// Its port on 127.0.0.1.
    pub port: u16,
    dir: TempDir,
}

/// How to run Xandikos: `KEEPWARM_XANDIKOS` (its `xandikos` program), or the
/// tests' Python when it has the `xandikos` module (`scripts/install-deps`).
fn xandikos_command() -> Result<Command, String> {
    if let Ok(program) = std::env::var("KEEPWARM_XANDIKOS") {
        if !Path::new(&program).exists() {
            return Err(format!("KEEPWARM_XANDIKOS={program} does not exist"));
        }
        let mut command = Command::new(program);
        command.arg("serve");
        return Ok(command);
    }
    let python = python();
    let found = Command::new(&python)
        .args(["-c", "import xandikos"])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success());
    if !found {
        return Err(format!(
            "Xandikos is not installed: {} has no `xandikos` module (run scripts/install-deps, or set KEEPWARM_XANDIKOS to a `xandikos` program)",
            python.display()
        ));
    }
    let mut command = Command::new(python);
    command.args(["-m", "xandikos", "serve"]);
    Ok(command)
}

impl Xandikos {
    /// Starts Xandikos, or says why it cannot (not installed).
    pub fn try_start() -> Result<Xandikos, String> {
        let mut command = xandikos_command()?;
        let dir = memory_folder();
        let port = free_port();
        let mut child = command
            .arg("--directory")
            .arg(dir.path().join("storage"))
            .args(["--defaults", "--no-detect-systemd", "--listen-address"])
            .arg("127.0.0.1")
            .arg("--port")
            .arg(port.to_string())
            .env("XDG_DATA_HOME", dir.path().join("state"))
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .map_err(|e| format!("Xandikos does not start: {e}"))?;
        wait_for_port(port, &mut child, "Xandikos");
        Ok(Xandikos { child, port, dir })
    }

    /// Starts Xandikos; a test that needs it fails when it is not installed.
    pub fn start() -> Xandikos {
        Xandikos::try_start().unwrap_or_else(|why| panic!("{why}"))
    }

    /// The server's root URL.
    pub fn url(&self) -> String {
        format!("http://127.0.0.1:{}/", self.port)
    }

    /// The folder (a git work tree) of a collection, by its path under the
    /// user (`contacts/addressbook`).
    pub fn folder(&self, collection: &str) -> PathBuf {
        self.dir.path().join("storage/user").join(collection)
    }

    /// Writes objects straight into a collection and commits them, the way
    /// Xandikos keeps them (one file per object, each change a git commit),
    /// as if another client had uploaded them: scale tests seed big
    /// collections without paying for one upload at a time.
    pub fn seed(&self, collection: &str, objects: &[(String, String)]) {
        let folder = self.folder(collection);
        assert!(folder.join(".git").exists(), "no collection {collection}");
        for (name, text) in objects {
            std::fs::write(folder.join(name), text).expect("write an object");
        }
        for args in [
            &["add", "--all", "."][..],
            &["commit", "--quiet", "--message", "Seeded by the tests"][..],
        ] {
            let status = Command::new("git")
                .arg("-C")
                .arg(&folder)
                .args(["-c", "user.name=keepwarm tests"])
                .args(["-c", "user.email=tests@keepwarm.invalid"])
                .args(args)
                .status()
                .expect("git runs");
            assert!(status.success(), "git {args:?} in {}", folder.display());
        }
    }
}

impl DavServer for Xandikos {
    fn url(&self) -> String {
        Xandikos::url(self)
    }

    fn objects(&self, _user: &str, extension: &str) -> usize {
        count_files(&self.dir.path().join("storage/user"), extension)
    }
}

impl Drop for Xandikos {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A private D-Bus session bus with gnome-keyring's Secret Service, unlocked.
pub struct Keyring {
    bus_pid: String,
    daemon: Child,
    /// `DBUS_SESSION_BUS_ADDRESS` for processes that use this keyring.
    pub bus_address: String,
    /// The keyring daemon's home (its files live there).
    pub home: TempDir,
}

impl Keyring {
    /// Starts the bus and the keyring daemon; `None` when they are not installed.
    pub fn start() -> Option<Keyring> {
        let home = tempfile::tempdir().expect("temporary folder");
        let out = Command::new("dbus-daemon")
            .args(["--session", "--fork", "--print-address=1", "--print-pid=1"])
            .output()
            .ok()?;
        let text = String::from_utf8_lossy(&out.stdout).into_owned();
        let mut lines = text.lines();
        let bus_address = lines.next()?.trim().to_owned();
        let bus_pid = lines.next()?.trim().to_owned();
        let mut daemon = match Command::new("gnome-keyring-daemon")
            .args(["--foreground", "--unlock", "--components=secrets"])
            .env("DBUS_SESSION_BUS_ADDRESS", &bus_address)
            .env("HOME", home.path())
            .env("XDG_DATA_HOME", home.path().join("data"))
            .env("XDG_RUNTIME_DIR", home.path())
            .stdin(Stdio::piped())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
        {
            Ok(d) => d,
            Err(_) => {
                let _ = Command::new("kill").arg(&bus_pid).status();
                return None;
            }
        };
        if let Some(mut stdin) = daemon.stdin.take() {
            // The login keyring's own password; it unlocks the keyring.
            let _ = stdin.write_all(b"keyring-unlock");
        }
        let keyring = Keyring {
            bus_pid,
            daemon,
            bus_address,
            home,
        };
        // Ready when the Secret Service name is on the bus.
        let start = Instant::now();
        while start.elapsed() < Duration::from_secs(10) {
            let owned = Command::new("dbus-send")
                .env("DBUS_SESSION_BUS_ADDRESS", &keyring.bus_address)
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
                return Some(keyring);
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        None
    }
}

impl Drop for Keyring {
    fn drop(&mut self) {
        let _ = self.daemon.kill();
        let _ = self.daemon.wait();
        let _ = Command::new("kill").arg(&self.bus_pid).status();
    }
}

/// An HTTP server on 127.0.0.1 that answers every request with the same
/// status and body (a server error, or XML that is not XML), counting requests.
pub struct Faulty {
    /// Its port.
    pub port: u16,
    /// Requests served so far.
    pub served: std::sync::Arc<std::sync::atomic::AtomicUsize>,
}

impl Faulty {
    /// Starts the server in a thread; it stops with the test process.
    pub fn start(status: u16, content_type: &'static str, body: &'static str) -> Faulty {
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind");
        let port = listener.local_addr().expect("address").port();
        let served = std::sync::Arc::new(std::sync::atomic::AtomicUsize::new(0));
        let count = served.clone();
        std::thread::spawn(move || {
            for stream in listener.incoming() {
                let Ok(mut stream) = stream else { continue };
                let mut buffer = [0u8; 65536];
                let mut request = Vec::new();
                // Read the head and as much body as announced.
                while let Ok(n) = stream.read(&mut buffer) {
                    if n == 0 {
                        break;
                    }
                    request.extend_from_slice(&buffer[..n]);
                    let text = String::from_utf8_lossy(&request);
                    if let Some(end) = text.find("\r\n\r\n") {
                        let length = text[..end]
                            .lines()
                            .find_map(|l| {
                                let (k, v) = l.split_once(':')?;
                                k.eq_ignore_ascii_case("content-length")
                                    .then(|| v.trim().parse::<usize>().ok())?
                            })
                            .unwrap_or(0);
                        if request.len() >= end + 4 + length {
                            break;
                        }
                    }
                }
                count.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
                let reason = if status == 207 {
                    "Multi-Status"
                } else {
                    "Error"
                };
                let answer = format!(
                    "HTTP/1.1 {status} {reason}\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
                    body.len()
                );
                let _ = stream.write_all(answer.as_bytes());
            }
        });
        Faulty { port, served }
    }

    /// Its root URL.
    pub fn url(&self) -> String {
        format!("http://127.0.0.1:{}/", self.port)
    }
}

/// A temporary folder in memory (tmpfs) when the system has one: Radicale
/// syncs every file it writes to disk, which on a slow disk costs it tens of
/// milliseconds per object, and the tests are about keepwarm, not the disk.
fn memory_folder() -> TempDir {
    let shm = Path::new("/dev/shm");
    if shm.is_dir() {
        if let Ok(dir) = tempfile::Builder::new()
            .prefix("keepwarm-dav")
            .tempdir_in(shm)
        {
            return dir;
        }
    }
    tempfile::tempdir().expect("temporary folder")
}
