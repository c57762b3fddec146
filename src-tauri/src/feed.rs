//! Runs the calendar feed inside the app, in the background, when the user turns it on.

use std::path::Path;
use std::sync::Arc;

use serde::Serialize;
use tauri::async_runtime::JoinHandle;

use keepwarm::feed::{self, FeedCalendar, ENABLED_SETTING, PORT_SETTING};
use keepwarm::Store;

/// What the UI shows about the feed.
#[derive(Debug, Clone, Serialize, Default)]
pub struct FeedStatus {
    /// Whether the feed is on.
    pub enabled: bool,
    /// The URL to subscribe to, while it runs.
    pub url: Option<String>,
    /// Why it could not start, if it could not.
    pub error: Option<String>,
}

/// The running feed, if any.
#[derive(Default)]
pub struct FeedRunner {
    task: Option<JoinHandle<()>>,
    status: FeedStatus,
}

impl FeedRunner {
    /// The current status.
    pub fn status(&self) -> FeedStatus {
        self.status.clone()
    }

    /// Starts the feed on the port from settings (stopping any running one).
    pub fn start(&mut self, store: &mut Store, db_path: &Path) -> FeedStatus {
        self.stop();
        let port = store
            .setting(PORT_SETTING)
            .ok()
            .flatten()
            .and_then(|p| p.parse().ok())
            .unwrap_or(feed::DEFAULT_PORT);
        let prepared = feed::feed_token(store)
            .and_then(|token| Ok((token, FeedCalendar::open(db_path, None)?)));
        let (token, calendar) = match prepared {
            Ok(ready) => ready,
            Err(e) => return self.failed(e.to_string()),
        };
        let listener = match feed::bind(port) {
            Ok(listener) => listener,
            Err(e) => return self.failed(e.to_string()),
        };
        let url = listener
            .local_addr()
            .map(|a| format!("http://{a}/{token}.ics"))
            .unwrap_or_default();
        let calendar = Arc::new(calendar);
        self.task = Some(tauri::async_runtime::spawn(async move {
            if let Err(e) = feed::serve(listener, token, calendar).await {
                eprintln!("keepwarm-desktop: calendar feed stopped: {e}");
            }
        }));
        self.status = FeedStatus {
            enabled: true,
            url: Some(url),
            error: None,
        };
        self.status()
    }

    /// Stops the feed if it runs.
    pub fn stop(&mut self) {
        if let Some(task) = self.task.take() {
            task.abort();
        }
        self.status = FeedStatus::default();
    }

    fn failed(&mut self, error: String) -> FeedStatus {
        self.status = FeedStatus {
            enabled: false,
            url: None,
            error: Some(error),
        };
        self.status()
    }
}

/// Whether the user turned the feed on.
pub fn enabled(store: &Store) -> bool {
    store.setting(ENABLED_SETTING).ok().flatten().as_deref() == Some("true")
}
