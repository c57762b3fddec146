//! Finding a user's address books and calendars from the URL they typed
//! (RFC 6764 `.well-known`, RFC 5397 `current-user-principal`, RFC 6352
//! `addressbook-home-set`, RFC 4791 `calendar-home-set`).

use serde::Serialize;
use url::Url;

use super::dav::{canonical_path, status_error, Client};
use super::error::{redact, SyncError};
use super::xml::Multistatus;

type Result<T> = std::result::Result<T, SyncError>;

/// How many redirects discovery follows before giving up.
const MAX_REDIRECTS: usize = 5;

/// An address book or calendar on the server.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Collection {
    /// Its URL.
    pub url: String,
    /// Its display name (the last path segment when it has none).
    pub name: String,
    /// For calendars: the components it takes (`VEVENT`, `VTODO`, `VJOURNAL`);
    /// empty when the server does not say (then it takes them all).
    pub components: Vec<String>,
    /// Whether it offers RFC 6578 sync (a `sync-token` property).
    pub supports_sync: bool,
}

impl Collection {
    /// Whether this calendar accepts a component (`VJOURNAL`…).
    pub fn accepts(&self, component: &str) -> bool {
        self.components.is_empty() || self.components.iter().any(|c| c == component)
    }
}

/// What the server has for this account.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Discovery {
    /// The principal URL.
    pub principal: String,
    /// Where new address books go.
    pub addressbook_home: Option<String>,
    /// Where new calendars go.
    pub calendar_home: Option<String>,
    /// The address books found.
    pub addressbooks: Vec<Collection>,
    /// The calendars found.
    pub calendars: Vec<Collection>,
}

/// Finds the principal, the homes and the collections in them.
pub fn discover(client: &Client) -> Result<Discovery> {
    let principal = find_principal(client)?;
    let found = client.propfind(
        &principal,
        "0",
        &["card:addressbook-home-set", "cal:calendar-home-set"],
    )?;
    let props = found
        .responses
        .into_iter()
        .next()
        .map(|r| r.props)
        .unwrap_or_default();
    let absolute = |href: &String| client.resolve(href).map(|u| u.to_string());
    let addressbook_home = props
        .addressbook_home_set
        .first()
        .map(absolute)
        .transpose()?;
    let calendar_home = props.calendar_home_set.first().map(absolute).transpose()?;
    if addressbook_home.is_none() && calendar_home.is_none() {
        return Err(SyncError::NotDav {
            url: redact(principal.as_str()),
            reason: "the account has neither an address book home nor a calendar home".into(),
        });
    }
    let mut discovery = Discovery {
        principal: principal.to_string(),
        addressbook_home: addressbook_home.clone(),
        calendar_home: calendar_home.clone(),
        addressbooks: Vec::new(),
        calendars: Vec::new(),
    };
    let mut homes: Vec<String> = addressbook_home.into_iter().collect();
    if let Some(c) = calendar_home {
        if !homes.contains(&c) {
            homes.push(c);
        }
    }
    for home in homes {
        let url = client.resolve(&home)?;
        let listing = client.propfind(
            &url,
            "1",
            &[
                "d:resourcetype",
                "d:displayname",
                "d:sync-token",
                "cal:supported-calendar-component-set",
            ],
        )?;
        for response in listing.responses {
            let types = &response.props.resource_types;
            let is_book = types.iter().any(|t| t == "addressbook");
            let is_calendar = types.iter().any(|t| t == "calendar");
            if !is_book && !is_calendar {
                continue;
            }
            let url = client.resolve(&response.href)?;
            let path = canonical_path(url.path());
            let fallback = path
                .trim_end_matches('/')
                .rsplit('/')
                .next()
                .unwrap_or("")
                .to_owned();
            let collection = Collection {
                url: url.to_string(),
                name: response
                    .props
                    .display_name
                    .filter(|n| !n.trim().is_empty())
                    .unwrap_or(fallback),
                components: response.props.components,
                supports_sync: response.props.sync_token.is_some(),
            };
            let list = if is_book {
                &mut discovery.addressbooks
            } else {
                &mut discovery.calendars
            };
            if !list.iter().any(|c| c.url == collection.url) {
                list.push(collection);
            }
        }
    }
    Ok(discovery)
}

/// The principal: asked of the URL given, then of `/.well-known/carddav` and
/// `/.well-known/caldav` on its host (following their redirects).
fn find_principal(client: &Client) -> Result<Url> {
    let base = client.base().clone();
    let mut candidates = vec![base.clone()];
    for name in ["carddav", "caldav"] {
        if let Ok(url) = base.join(&format!("/.well-known/{name}")) {
            candidates.push(url);
        }
    }
    let mut last_error = None;
    for candidate in candidates {
        match principal_at(client, candidate) {
            Ok(Some(principal)) => return Ok(principal),
            Ok(None) => {}
            // Wrong password or server down: no point trying other paths.
            Err(e @ (SyncError::Unauthorized { .. } | SyncError::Unreachable { .. })) => {
                return Err(e)
            }
            Err(e) => last_error = Some(e),
        }
    }
    Err(last_error.unwrap_or_else(|| SyncError::NotDav {
        url: redact(base.as_str()),
        reason: "no current-user-principal there nor under /.well-known".into(),
    }))
}

/// PROPFIND current-user-principal at `url`, following redirects.
fn principal_at(client: &Client, mut url: Url) -> Result<Option<Url>> {
    for _ in 0..=MAX_REDIRECTS {
        let body = super::xml::propfind(&["d:current-user-principal"]);
        let answer = client.send(
            "PROPFIND",
            &url,
            &[("Depth", "0")],
            Some(("application/xml; charset=utf-8", body.as_bytes())),
        )?;
        match answer.status {
            301 | 302 | 303 | 307 | 308 => {
                let Some(location) = answer.location else {
                    return Ok(None);
                };
                url = url.join(&location).map_err(|e| SyncError::InvalidUrl {
                    url: redact(&location),
                    reason: e.to_string(),
                })?;
            }
            207 => {
                let parsed: Multistatus =
                    super::xml::parse_multistatus(&answer.body).map_err(|reason| {
                        SyncError::MalformedXml {
                            url: redact(url.as_str()),
                            reason,
                        }
                    })?;
                let href = parsed
                    .responses
                    .into_iter()
                    .find_map(|r| r.props.current_user_principal);
                return match href {
                    Some(href) => url
                        .join(&href)
                        .map(Some)
                        .map_err(|e| SyncError::InvalidUrl {
                            url: redact(&href),
                            reason: e.to_string(),
                        }),
                    None => Ok(None),
                };
            }
            400 | 404 | 405 | 501 => return Ok(None),
            _ => return Err(status_error("PROPFIND", &url, &answer)),
        }
    }
    Ok(None)
}
