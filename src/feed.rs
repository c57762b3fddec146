//! The calendar feed: the ping plan and birthdays as iCalendar over HTTP on
//! 127.0.0.1 only, at `http://127.0.0.1:PORT/<token>.ics`, for calendar apps to
//! subscribe to. Anything but the secret token gets a bare 404.
//!
//! Each request re-plans from the database, but only when the database changed
//! (SQLite's `data_version`) or the day turned; otherwise the last calendar is
//! served again.

use std::convert::Infallible;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::{Arc, Mutex};

use bytes::Bytes;
use chrono::{DateTime, Local, NaiveDate, Utc};
use http_body_util::Full;
use hyper::body::Incoming;
use hyper::header::{HeaderValue, ALLOW, CACHE_CONTROL, CONTENT_LENGTH, CONTENT_TYPE};
use hyper::{Method, Request, Response, StatusCode};
use hyper_util::rt::TokioIo;
use tokio::net::TcpListener;

use crate::error::{Error, Result};
use crate::interop::ics::{calendar, IcsOptions};
use crate::schedule::plan;
use crate::store::Store;

/// The settings key of the feed's secret token.
pub const TOKEN_SETTING: &str = "feed.token";

/// The settings key that turns the feed on in the desktop app ("true"/"false").
pub const ENABLED_SETTING: &str = "feed.enabled";

/// The settings key of the port the desktop app serves the feed on.
pub const PORT_SETTING: &str = "feed.port";

/// The port used when none is set: fixed, so subscriptions survive restarts.
pub const DEFAULT_PORT: u16 = 8765;

/// How many days of pings the feed carries.
pub const FEED_DAYS: u32 = 365;

/// The feed's token, made (and kept in the database) on first use.
pub fn feed_token(store: &mut Store) -> Result<String> {
    match store.setting(TOKEN_SETTING)? {
        Some(token) if token.len() >= 16 => Ok(token),
        _ => rotate_token(store),
    }
}

/// Replaces the token: subscriptions to the old URL stop working.
pub fn rotate_token(store: &mut Store) -> Result<String> {
    // 32 hex digits of a random v4 UUID: 122 random bits.
    let token = uuid::Uuid::new_v4().simple().to_string();
    store.set_internal_setting(TOKEN_SETTING, &token)?;
    Ok(token)
}

/// The calendar the feed serves, re-made only when its inputs change.
pub struct FeedCalendar {
    store: Mutex<Store>,
    cache: Mutex<Option<Cached>>,
    /// Plan as of this day instead of the local date (tests, `--today`).
    fixed_today: Option<NaiveDate>,
}

struct Cached {
    day: NaiveDate,
    data_version: i64,
    body: Bytes,
}

impl FeedCalendar {
    /// A feed over the database at `path` (its own connection), planning as of
    /// `fixed_today` or else the local date of each request.
    pub fn open(path: &std::path::Path, fixed_today: Option<NaiveDate>) -> Result<FeedCalendar> {
        Ok(FeedCalendar {
            store: Mutex::new(Store::open(path)?),
            cache: Mutex::new(None),
            fixed_today,
        })
    }

    fn today(&self) -> NaiveDate {
        self.fixed_today
            .unwrap_or_else(|| Local::now().date_naive())
    }

    /// The calendar for `today`, stamped `now` when it has to be made afresh.
    pub fn calendar(&self, today: NaiveDate, now: DateTime<Utc>) -> Result<Bytes> {
        let store = self.store.lock().unwrap_or_else(|p| p.into_inner());
        let data_version = store.data_version()?;
        let mut cache = self.cache.lock().unwrap_or_else(|p| p.into_inner());
        if let Some(c) = cache
            .as_ref()
            .filter(|c| c.day == today && c.data_version == data_version)
        {
            return Ok(c.body.clone());
        }
        let settings = store.planner_settings()?;
        let snapshot = store.snapshot(today)?;
        let contacts = store.contacts()?;
        let the_plan = plan(today, &snapshot, &settings, FEED_DAYS);
        let options = IcsOptions {
            alarm_at: settings.alarm_time,
            stamp: now,
        };
        let body = Bytes::from(calendar(&the_plan.pings, &contacts, &options));
        *cache = Some(Cached {
            day: today,
            data_version,
            body: body.clone(),
        });
        Ok(body)
    }
}

/// Whether two strings are equal, in time that does not depend on where they differ.
fn same_secret(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

fn empty(status: StatusCode) -> Response<Full<Bytes>> {
    let mut response = Response::new(Full::new(Bytes::new()));
    *response.status_mut() = status;
    response
}

/// Answers one request.
fn respond(request: &Request<Incoming>, token: &str, feed: &FeedCalendar) -> Response<Full<Bytes>> {
    let path = request.uri().path();
    let asked = path
        .strip_prefix('/')
        .and_then(|p| p.strip_suffix(".ics"))
        .unwrap_or("");
    if !same_secret(asked.as_bytes(), token.as_bytes()) {
        return empty(StatusCode::NOT_FOUND);
    }
    let head = request.method() == Method::HEAD;
    if request.method() != Method::GET && !head {
        let mut response = empty(StatusCode::METHOD_NOT_ALLOWED);
        response
            .headers_mut()
            .insert(ALLOW, HeaderValue::from_static("GET, HEAD"));
        return response;
    }
    match feed.calendar(feed.today(), Utc::now()) {
        Ok(body) => {
            let length = body.len();
            let mut response = Response::new(Full::new(if head { Bytes::new() } else { body }));
            let headers = response.headers_mut();
            headers.insert(
                CONTENT_TYPE,
                HeaderValue::from_static("text/calendar; charset=utf-8"),
            );
            headers.insert(CACHE_CONTROL, HeaderValue::from_static("no-cache"));
            headers.insert(CONTENT_LENGTH, HeaderValue::from(length));
            response
        }
        Err(e) => {
            eprintln!("keepwarm feed: {e}");
            empty(StatusCode::INTERNAL_SERVER_ERROR)
        }
    }
}

/// Binds 127.0.0.1:`port` (0: any free port), and only that address. Binding is
/// synchronous so a caller learns the port (and any error) before serving.
pub fn bind(port: u16) -> Result<std::net::TcpListener> {
    let address = SocketAddr::from(([127, 0, 0, 1], port));
    let io_error = |source| Error::Io {
        path: PathBuf::from(format!("127.0.0.1:{port}")),
        source,
    };
    let listener = std::net::TcpListener::bind(address).map_err(io_error)?;
    listener.set_nonblocking(true).map_err(io_error)?;
    Ok(listener)
}

/// Serves the feed on `listener` (from [`bind`]) until the task is dropped. Each
/// connection is its own task; a malformed or hostile one only ever closes itself.
pub async fn serve(
    listener: std::net::TcpListener,
    token: String,
    feed: Arc<FeedCalendar>,
) -> Result<()> {
    let address = listener.local_addr().ok();
    let listener = TcpListener::from_std(listener).map_err(|source| Error::Io {
        path: PathBuf::from(address.map(|a| a.to_string()).unwrap_or_default()),
        source,
    })?;
    let token: Arc<str> = Arc::from(token);
    loop {
        let (stream, _) = match listener.accept().await {
            Ok(accepted) => accepted,
            // Out of file descriptors and the like: wait a moment and go on.
            Err(_) => {
                tokio::time::sleep(std::time::Duration::from_millis(50)).await;
                continue;
            }
        };
        let token = token.clone();
        let feed = feed.clone();
        tokio::spawn(async move {
            let service = hyper::service::service_fn(move |request: Request<Incoming>| {
                let response = respond(&request, &token, &feed);
                async move { Ok::<_, Infallible>(response) }
            });
            let connection = hyper::server::conn::http1::Builder::new()
                .max_buf_size(64 * 1024)
                .header_read_timeout(std::time::Duration::from_secs(10))
                .timer(hyper_util::rt::TokioTimer::new())
                .serve_connection(TokioIo::new(stream), service);
            // A junk request ends its own connection; nothing else to do.
            let _ = connection.await;
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn secrets_compare_whole() {
        assert!(same_secret(b"abc", b"abc"));
        assert!(!same_secret(b"abc", b"abd"));
        assert!(!same_secret(b"abc", b"ab"));
        assert!(!same_secret(b"", b"a"));
    }

    #[test]
    fn the_token_is_kept_until_rotated() {
        let mut store = Store::open_in_memory().unwrap();
        let first = feed_token(&mut store).unwrap();
        assert!(first.len() >= 16 && first.chars().all(|c| c.is_ascii_alphanumeric()));
        assert_eq!(feed_token(&mut store).unwrap(), first);
        let second = rotate_token(&mut store).unwrap();
        assert_ne!(first, second);
        assert_eq!(feed_token(&mut store).unwrap(), second);
    }
}
