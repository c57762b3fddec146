//! The background loop: sends the daily digest once a day at the user's digest
//! time, keeps the tray's count of today's pings current, and tells the UI when
//! the date changes.
//!
//! Each step reads the wall clock and asks the library
//! ([`keepwarm::notify::decide::digest_step`]), which claims the day in the
//! database before sending: restarts, a second instance and `keepwarm notify`
//! cannot make it send twice. Naps last at most [`MAX_NAP`], because a sleep is
//! measured on a clock that stops while the machine is suspended: after waking,
//! the loop notices the missed digest time within a minute and sends once.

use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use chrono::{Local, NaiveDate, NaiveDateTime};
use tauri::{AppHandle, Emitter, Runtime};
use tokio::sync::Notify;

use keepwarm::notify::decide::{digest_step, Step};
use keepwarm::notify::send::{send_with, server_capabilities, SendOptions, ICON_NAME};
use keepwarm::notify::DayNotifications;
use keepwarm::Store;

use crate::desktop::{open_today, TODAY_CHANGED_EVENT};

/// The longest nap between two looks at the clock.
pub const MAX_NAP: Duration = Duration::from_secs(60);

/// How long to wait before trying again when no notification server answered
/// (e.g. the app started before the desktop's notification daemon).
pub const RETRY_AFTER: Duration = Duration::from_secs(60);

/// How long the loop waits after start-up before its first look at the day: the
/// window's first screen plans the day too, and on a small machine the two would
/// share the cores while the user waits for Today.
pub const START_DELAY: Duration = Duration::from_secs(2);

/// The running loop; wake it when a setting it reads changes.
pub struct DigestLoop {
    wake: Arc<Notify>,
}

impl DigestLoop {
    /// Starts the loop on its own connection to the database at `db_path`.
    pub fn start<R: Runtime>(app: AppHandle<R>, db_path: PathBuf) -> DigestLoop {
        let wake = Arc::new(Notify::new());
        let woken = wake.clone();
        tauri::async_runtime::spawn(async move {
            tokio::time::sleep(START_DELAY).await;
            let store = match Store::open(&db_path) {
                Ok(store) => store,
                Err(e) => {
                    eprintln!("keepwarm-desktop: digest notifications are off: {e}");
                    return;
                }
            };
            run(app, store, woken).await;
        });
        DigestLoop { wake }
    }

    /// Makes the loop look again now (the digest time or the data changed).
    pub fn wake(&self) {
        self.wake.notify_one();
    }
}

/// What the loop remembers between steps.
struct Seen {
    day: Option<NaiveDate>,
    data_version: Option<i64>,
}

async fn run<R: Runtime>(app: AppHandle<R>, mut store: Store, wake: Arc<Notify>) {
    let mut seen = Seen {
        day: None,
        data_version: None,
    };
    loop {
        let now = Local::now().naive_local();
        let sender = app.clone();
        // SQLite and D-Bus calls block: they run off the async workers.
        let stepped = tauri::async_runtime::spawn_blocking(move || {
            let next = step(&sender, &mut store, &mut seen, now);
            (store, seen, next)
        })
        .await;
        let next;
        (store, seen, next) = match stepped {
            Ok(stepped) => stepped,
            Err(e) => {
                eprintln!("keepwarm-desktop: digest notifications stopped: {e}");
                return;
            }
        };
        let nap = (next - Local::now().naive_local())
            .to_std()
            .unwrap_or(Duration::ZERO)
            .min(MAX_NAP);
        tokio::select! {
            () = tokio::time::sleep(nap) => {}
            () = wake.notified() => {}
        }
    }
}

/// One step: refreshes the tray when the day or the data changed, then lets the
/// library decide about the digest. Returns when to look again.
fn step<R: Runtime>(
    app: &AppHandle<R>,
    store: &mut Store,
    seen: &mut Seen,
    now: NaiveDateTime,
) -> NaiveDateTime {
    let today = now.date();
    let version = store.data_version().ok();
    if seen.day != Some(today) || seen.data_version != version {
        if seen.day.is_some_and(|day| day != today) {
            let _ = app.emit(TODAY_CHANGED_EVENT, today.to_string());
        }
        seen.day = Some(today);
        seen.data_version = version;
        match keepwarm::notify::todays_pings(store, today) {
            Ok(pings) => crate::tray::show_today(app, pings),
            Err(e) => eprintln!("keepwarm-desktop: today's pings: {e}"),
        }
    }
    match digest_step(store, now, |day| send_day(app, day)) {
        Ok(Step::Wait(at)) => at,
        // Look again at once: the next decision is to wait for tomorrow.
        Ok(Step::Sent(_) | Step::SentElsewhere) => now,
        Err(e) => {
            eprintln!("keepwarm-desktop: the digest was not sent, trying again in a minute: {e}");
            now + RETRY_AFTER
        }
    }
}

/// Sends the day's digest and reminders with an "Open" action; a click brings
/// the window to Today. Sends nothing on an empty day.
fn send_day<R: Runtime>(app: &AppHandle<R>, day: &DayNotifications) -> keepwarm::Result<()> {
    if day.is_empty() {
        return Ok(());
    }
    let capabilities = server_capabilities()?;
    let options = SendOptions {
        actions: true,
        icon: notification_icon(),
    };
    for message in day.messages() {
        let sent = send_with(message, &options, &capabilities)?;
        if capabilities.actions {
            let app = app.clone();
            // Waits for the click or the close on a thread of its own.
            std::thread::spawn(move || sent.wait_for_open(move || open_today(&app)));
        }
    }
    Ok(())
}

/// The icon to show: the AppImage's own copy when running from one (its icon is
/// not in the system theme), else the installed theme icon.
fn notification_icon() -> String {
    if let Some(appdir) = std::env::var_os("APPDIR") {
        let path = PathBuf::from(appdir)
            .join("usr/share/icons/hicolor/128x128/apps")
            .join(format!("{ICON_NAME}.png"));
        if path.exists() {
            return path.display().to_string();
        }
    }
    ICON_NAME.to_owned()
}
