//! A small, blocking WebDAV client: just the requests CardDAV/CalDAV sync needs,
//! each with the headers strict servers want (`Content-Type: application/xml;
//! charset=utf-8` on every XML body, `Depth`, `If-Match`/`If-None-Match`).
//!
//! Every request is counted ([`Client::requests`]), so tests can check that an
//! incremental sync sends only what changed. Statuses are returned to the
//! caller, except 401, which is always [`SyncError::Unauthorized`].

use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;

use base64::Engine as _;
use url::Url;

use super::error::{redact, SyncError};
use super::xml::{self, Kind, Multistatus};

type Result<T> = std::result::Result<T, SyncError>;

/// How long to wait for a server to accept a connection.
const CONNECT_TIMEOUT: Duration = Duration::from_secs(15);
/// The longest one request may take in all (a first sync fetches big batches).
const REQUEST_TIMEOUT: Duration = Duration::from_secs(300);
/// The largest answer read (a listing of a huge collection stays well below).
const MAX_BODY: u64 = 512 * 1024 * 1024;

/// An answer, its body read whole.
#[derive(Debug, Clone)]
pub struct Answer {
    /// The HTTP status.
    pub status: u16,
    /// The `ETag` header, when sent.
    pub etag: Option<String>,
    /// The `Location` header, when sent (redirects).
    pub location: Option<String>,
    /// The body as text (lossy UTF-8).
    pub body: String,
}

/// One object fetched from a collection.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fetched {
    /// Its path on the server.
    pub href: String,
    /// Its ETag, when the server gave one.
    pub etag: Option<String>,
    /// The vCard or iCalendar text.
    pub data: String,
}

/// What changed in a collection since a sync token.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Changes {
    /// The token to ask from next time.
    pub token: Option<String>,
    /// Members added or changed: path and ETag.
    pub changed: Vec<(String, Option<String>)>,
    /// Members removed: paths.
    pub removed: Vec<String>,
    /// The server sent only part of the changes; ask again from `token`.
    pub truncated: bool,
}

/// The outcome of a sync-collection REPORT.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SyncAnswer {
    /// The changes (all members when no token was sent).
    Changes(Changes),
    /// The token is no longer valid: read the collection again without one.
    TokenInvalid,
    /// The server does not do RFC 6578 on this collection: compare ETags instead.
    Unsupported,
}

/// What became of a PUT.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Put {
    /// Stored; the new ETag when the server said it.
    Stored(Option<String>),
    /// `If-Match` or `If-None-Match` failed: the server's copy changed meanwhile.
    PreconditionFailed,
}

/// What became of a DELETE.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Delete {
    /// Deleted, or already gone.
    Gone,
    /// `If-Match` failed: the server's copy changed meanwhile.
    PreconditionFailed,
}

/// The condition a write is made on.
#[derive(Debug, Clone, Copy)]
pub enum Precondition<'a> {
    /// Only if the server's copy still has this ETag.
    IfMatch(&'a str),
    /// Only if there is nothing at that path yet.
    IfNoneMatch,
    /// Unconditionally (the one-way plan calendar, after a failed condition).
    None,
}

/// A connection to one account on a DAV server.
pub struct Client {
    agent: ureq::Agent,
    /// `Basic …`; never printed (see the `Debug` impl).
    authorization: String,
    /// The URL the account was set up with: its origin receives the credentials.
    base: Url,
    requests: AtomicU64,
    /// Time spent waiting for answers (nanoseconds): the server's and the network's share.
    waiting: AtomicU64,
    /// Bytes sent in request bodies and received in answer bodies.
    sent: AtomicU64,
    received: AtomicU64,
}

/// What a client's requests cost so far.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize)]
pub struct Traffic {
    /// Requests sent.
    pub requests: u64,
    /// Bytes of request bodies sent.
    pub sent: u64,
    /// Bytes of answer bodies received.
    pub received: u64,
    /// Time spent waiting for answers (the server's and the network's share), in ms.
    pub waiting_ms: u64,
}

impl std::fmt::Debug for Client {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Client")
            .field("base", &redact(self.base.as_str()))
            .field("requests", &self.requests())
            .finish_non_exhaustive()
    }
}

/// Parses a URL the user typed: `https://` is assumed when no scheme is given.
pub fn parse_server_url(text: &str) -> Result<Url> {
    let trimmed = text.trim();
    let with_scheme = if trimmed.contains("://") {
        trimmed.to_owned()
    } else {
        format!("https://{trimmed}")
    };
    let url = Url::parse(&with_scheme).map_err(|e| SyncError::InvalidUrl {
        url: redact(trimmed),
        reason: e.to_string(),
    })?;
    if !matches!(url.scheme(), "http" | "https") {
        return Err(SyncError::InvalidUrl {
            url: redact(trimmed),
            reason: "expected an http:// or https:// address".into(),
        });
    }
    if !url.username().is_empty() || url.password().is_some() {
        return Err(SyncError::InvalidUrl {
            url: redact(trimmed),
            reason: "put the user name in --user and never a password in the URL".into(),
        });
    }
    Ok(url)
}

impl Client {
    /// A client for the account `user` at `base`, authenticating with HTTP Basic.
    pub fn new(base: Url, user: &str, password: &str) -> Client {
        let config = ureq::Agent::config_builder()
            .http_status_as_error(false)
            .max_redirects(0)
            .allow_non_standard_methods(true)
            .timeout_connect(Some(CONNECT_TIMEOUT))
            .timeout_global(Some(REQUEST_TIMEOUT))
            .user_agent(concat!("keepwarm/", env!("CARGO_PKG_VERSION")))
            .build();
        let token = base64::engine::general_purpose::STANDARD.encode(format!("{user}:{password}"));
        Client {
            agent: config.into(),
            authorization: format!("Basic {token}"),
            base,
            requests: AtomicU64::new(0),
            waiting: AtomicU64::new(0),
            sent: AtomicU64::new(0),
            received: AtomicU64::new(0),
        }
    }

    /// How many requests this client has sent.
    pub fn requests(&self) -> u64 {
        self.requests.load(Ordering::Relaxed)
    }

    /// What this client's requests cost so far.
    pub fn traffic(&self) -> Traffic {
        Traffic {
            requests: self.requests(),
            sent: self.sent.load(Ordering::Relaxed),
            received: self.received.load(Ordering::Relaxed),
            waiting_ms: self.waiting.load(Ordering::Relaxed) / 1_000_000,
        }
    }

    /// The URL the account was set up with.
    pub fn base(&self) -> &Url {
        &self.base
    }

    /// An href from the server (a path or a whole URL) as a URL on this server.
    pub fn resolve(&self, href: &str) -> Result<Url> {
        self.base.join(href).map_err(|e| SyncError::InvalidUrl {
            url: redact(href),
            reason: e.to_string(),
        })
    }

    /// Sends one request and reads the whole answer. 401 is an error; every
    /// other status is the caller's to judge.
    pub fn send(
        &self,
        method: &str,
        url: &Url,
        headers: &[(&str, &str)],
        body: Option<(&str, &[u8])>,
    ) -> Result<Answer> {
        self.requests.fetch_add(1, Ordering::Relaxed);
        let mut builder = ureq::http::Request::builder()
            .method(method)
            .uri(url.as_str());
        // Credentials go only to the account's own host, or anywhere over TLS
        // (a provider's .well-known may redirect to another of its hosts).
        if url.host_str() == self.base.host_str() || url.scheme() == "https" {
            builder = builder.header("Authorization", &self.authorization);
        }
        for (name, value) in headers {
            builder = builder.header(*name, *value);
        }
        let unreachable = |reason: String| SyncError::Unreachable {
            url: redact(url.as_str()),
            reason,
        };
        let started = std::time::Instant::now();
        if let Some((_, bytes)) = body {
            self.sent.fetch_add(bytes.len() as u64, Ordering::Relaxed);
        }
        let result = match body {
            Some((content_type, bytes)) => {
                let request = builder
                    .header("Content-Type", content_type)
                    .body(bytes.to_vec())
                    .map_err(|e| unreachable(e.to_string()))?;
                self.agent.run(request)
            }
            None => {
                let request = builder.body(()).map_err(|e| unreachable(e.to_string()))?;
                self.agent.run(request)
            }
        };
        let mut response = result.map_err(|e| unreachable(describe(&e)))?;
        let status = response.status().as_u16();
        let header = |name: &str| {
            response
                .headers()
                .get(name)
                .and_then(|v| v.to_str().ok())
                .map(str::to_owned)
        };
        let etag = header("etag");
        let location = header("location");
        let bytes = response
            .body_mut()
            .with_config()
            .limit(MAX_BODY)
            .read_to_vec()
            .map_err(|e| unreachable(describe(&e)))?;
        let waited = u64::try_from(started.elapsed().as_nanos()).unwrap_or(u64::MAX);
        self.waiting.fetch_add(waited, Ordering::Relaxed);
        self.received
            .fetch_add(bytes.len() as u64, Ordering::Relaxed);
        if status == 401 {
            return Err(SyncError::Unauthorized {
                url: redact(url.as_str()),
            });
        }
        Ok(Answer {
            status,
            etag,
            location,
            body: String::from_utf8_lossy(&bytes).into_owned(),
        })
    }

    /// A request with an XML body; the answer must be a 207 multistatus.
    fn xml_request(
        &self,
        method: &str,
        url: &Url,
        depth: Option<&str>,
        body: &str,
    ) -> Result<(Answer, Multistatus)> {
        let mut headers = vec![];
        if let Some(depth) = depth {
            headers.push(("Depth", depth));
        }
        let answer = self.send(
            method,
            url,
            &headers,
            Some(("application/xml; charset=utf-8", body.as_bytes())),
        )?;
        if answer.status != 207 {
            return Err(status_error(method, url, &answer));
        }
        let parsed =
            xml::parse_multistatus(&answer.body).map_err(|reason| malformed(url, reason))?;
        Ok((answer, parsed))
    }

    /// PROPFIND with the given properties (see [`xml::propfind`]).
    pub fn propfind(&self, url: &Url, depth: &str, props: &[&str]) -> Result<Multistatus> {
        Ok(self
            .xml_request("PROPFIND", url, Some(depth), &xml::propfind(props))?
            .1)
    }

    /// An RFC 6578 sync-collection REPORT on `collection` from `token`.
    pub fn sync_collection(&self, collection: &Url, token: Option<&str>) -> Result<SyncAnswer> {
        let body = xml::sync_collection(token);
        let answer = self.send(
            "REPORT",
            collection,
            &[("Depth", "0")],
            Some(("application/xml; charset=utf-8", body.as_bytes())),
        )?;
        match answer.status {
            207 => {}
            403 | 409 | 400 if xml::names_invalid_sync_token(&answer.body) => {
                return Ok(SyncAnswer::TokenInvalid)
            }
            // A token the server forgot without saying so properly: start afresh.
            400 | 403 | 409 | 412 if token.is_some() => return Ok(SyncAnswer::TokenInvalid),
            400 | 403 | 405 | 415 | 501 => return Ok(SyncAnswer::Unsupported),
            _ => return Err(status_error("REPORT", collection, &answer)),
        }
        let parsed =
            xml::parse_multistatus(&answer.body).map_err(|reason| malformed(collection, reason))?;
        let own = canonical_path(collection.path());
        let mut changes = Changes {
            token: parsed.sync_token,
            ..Changes::default()
        };
        for response in parsed.responses {
            let path = self.path_of(&response.href)?;
            if path == own {
                // RFC 6578 §3.6: the collection itself with 507 means "more to come".
                if response.status == Some(507) {
                    changes.truncated = true;
                }
                continue;
            }
            match response.status {
                Some(404) => changes.removed.push(path),
                Some(s) if !(200..300).contains(&s) => {}
                _ => changes.changed.push((path, response.props.etag)),
            }
        }
        if changes.token.is_none() {
            return Err(malformed(
                collection,
                "a sync report without a sync-token".into(),
            ));
        }
        Ok(changes_answer(changes))
    }

    /// Every member of `collection` with its ETag (PROPFIND, Depth 1): the
    /// fallback for servers without sync-collection.
    pub fn list_etags(&self, collection: &Url) -> Result<Vec<(String, Option<String>)>> {
        let listing = self.propfind(collection, "1", &["d:getetag", "d:resourcetype"])?;
        let own = canonical_path(collection.path());
        let mut out = Vec::new();
        for response in listing.responses {
            let path = self.path_of(&response.href)?;
            if path == own
                || response
                    .props
                    .resource_types
                    .iter()
                    .any(|t| t == "collection")
            {
                continue;
            }
            out.push((path, response.props.etag));
        }
        Ok(out)
    }

    /// Fetches objects of a collection by path, in one multiget REPORT. Paths
    /// the server no longer has are left out.
    pub fn multiget(&self, collection: &Url, kind: Kind, hrefs: &[String]) -> Result<Vec<Fetched>> {
        if hrefs.is_empty() {
            return Ok(Vec::new());
        }
        let (_, parsed) =
            self.xml_request("REPORT", collection, Some("1"), &xml::multiget(kind, hrefs))?;
        let mut out = Vec::new();
        for response in parsed.responses {
            if response.status.is_some_and(|s| !(200..300).contains(&s)) {
                continue;
            }
            let Some(data) = response.props.data else {
                continue;
            };
            out.push(Fetched {
                href: self.path_of(&response.href)?,
                etag: response.props.etag,
                data,
            });
        }
        Ok(out)
    }

    /// GETs one object; `None` when it is not there.
    pub fn get(&self, href: &str) -> Result<Option<Fetched>> {
        let url = self.resolve(href)?;
        let answer = self.send("GET", &url, &[], None)?;
        match answer.status {
            200 => Ok(Some(Fetched {
                href: canonical_path(url.path()),
                etag: answer.etag,
                data: answer.body,
            })),
            404 | 410 => Ok(None),
            _ => Err(status_error("GET", &url, &answer)),
        }
    }

    /// The ETag of one object (PROPFIND, Depth 0), for servers whose PUT does not say it.
    pub fn etag_of(&self, href: &str) -> Result<Option<String>> {
        let url = self.resolve(href)?;
        let listing = self.propfind(&url, "0", &["d:getetag"])?;
        Ok(listing.responses.into_iter().find_map(|r| r.props.etag))
    }

    /// PUTs an object on a condition.
    pub fn put(
        &self,
        href: &str,
        content_type: &str,
        body: &str,
        condition: Precondition<'_>,
    ) -> Result<Put> {
        let url = self.resolve(href)?;
        let headers: Vec<(&str, &str)> = match condition {
            Precondition::IfMatch(etag) => vec![("If-Match", etag)],
            Precondition::IfNoneMatch => vec![("If-None-Match", "*")],
            Precondition::None => vec![],
        };
        let answer = self.send("PUT", &url, &headers, Some((content_type, body.as_bytes())))?;
        match answer.status {
            200..=299 => Ok(Put::Stored(answer.etag.filter(|e| !e.starts_with("W/")))),
            412 => Ok(Put::PreconditionFailed),
            _ => Err(status_error("PUT", &url, &answer)),
        }
    }

    /// DELETEs an object if it still has `etag` (unconditionally when `None`).
    pub fn delete(&self, href: &str, etag: Option<&str>) -> Result<Delete> {
        let url = self.resolve(href)?;
        let headers: Vec<(&str, &str)> = etag.map(|e| vec![("If-Match", e)]).unwrap_or_default();
        let answer = self.send("DELETE", &url, &headers, None)?;
        match answer.status {
            200..=299 | 404 | 410 => Ok(Delete::Gone),
            412 => Ok(Delete::PreconditionFailed),
            _ => Err(status_error("DELETE", &url, &answer)),
        }
    }

    /// Creates an address book (extended MKCOL, RFC 5689) at `url`.
    pub fn make_addressbook(&self, url: &Url, name: &str) -> Result<()> {
        let body = xml::mkcol_addressbook(name);
        let answer = self.send(
            "MKCOL",
            url,
            &[],
            Some(("application/xml; charset=utf-8", body.as_bytes())),
        )?;
        match answer.status {
            200..=299 => Ok(()),
            _ => Err(status_error("MKCOL", url, &answer)),
        }
    }

    /// Creates a calendar (MKCALENDAR, RFC 4791) at `url` for `components`.
    pub fn make_calendar(&self, url: &Url, name: &str, components: &[&str]) -> Result<()> {
        let body = xml::mkcalendar(name, components);
        let answer = self.send(
            "MKCALENDAR",
            url,
            &[],
            Some(("application/xml; charset=utf-8", body.as_bytes())),
        )?;
        match answer.status {
            200..=299 => Ok(()),
            _ => Err(status_error("MKCALENDAR", url, &answer)),
        }
    }

    /// The canonical path of an href the server sent (a path or a whole URL).
    pub fn path_of(&self, href: &str) -> Result<String> {
        Ok(canonical_path(self.resolve(href)?.path()))
    }
}

fn changes_answer(changes: Changes) -> SyncAnswer {
    SyncAnswer::Changes(changes)
}

/// A path with percent-escapes decoded, so `/a/b%40c.vcf` and `/a/b@c.vcf` are one.
pub fn canonical_path(path: &str) -> String {
    percent_encoding::percent_decode_str(path)
        .decode_utf8_lossy()
        .into_owned()
}

fn malformed(url: &Url, reason: String) -> SyncError {
    SyncError::MalformedXml {
        url: redact(url.as_str()),
        reason,
    }
}

/// The error for an answer a request did not expect.
pub fn status_error(method: &str, url: &Url, answer: &Answer) -> SyncError {
    if answer.status == 403 {
        return SyncError::Forbidden {
            method: method.to_owned(),
            url: redact(url.as_str()),
        };
    }
    // A line of a plain-text answer helps; an HTML page or XML does not.
    let detail = answer
        .body
        .lines()
        .map(str::trim)
        .find(|l| !l.is_empty())
        .filter(|l| !l.starts_with('<') && l.len() <= 200)
        .map(str::to_owned);
    SyncError::Status {
        method: method.to_owned(),
        url: redact(url.as_str()),
        status: answer.status,
        detail,
    }
}

/// A transport failure in words ("connection refused", "timed out").
fn describe(e: &ureq::Error) -> String {
    match e {
        ureq::Error::Io(io) => io.to_string(),
        ureq::Error::HostNotFound => "host not found".into(),
        ureq::Error::ConnectionFailed => "connection failed".into(),
        ureq::Error::Timeout(_) => "timed out".into(),
        other => other.to_string(),
    }
}
