//! What can go wrong talking to a CardDAV/CalDAV server, in words a user can act on.
//!
//! URLs in messages never carry a user name or password (see [`redact`]).

/// A sync failure. Every variant leaves the local database as it was before the
/// step that failed: nothing is applied until everything it needs has arrived.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum SyncError {
    /// The server refused the user name or password (HTTP 401).
    #[error("the server at {url} refused the user name or password (HTTP 401); check them with `keepwarm sync setup`")]
    Unauthorized {
        /// The URL that answered.
        url: String,
    },

    /// The user is known but may not do this (HTTP 403).
    #[error("the server at {url} does not allow this account to {method} there (HTTP 403)")]
    Forbidden {
        /// The method refused.
        method: String,
        /// The URL that answered.
        url: String,
    },

    /// No answer: the server is down, the address is wrong, or the network is off.
    #[error("cannot reach the server at {url}: {reason}; nothing was changed, try again later")]
    Unreachable {
        /// The URL tried.
        url: String,
        /// What the connection attempt said.
        reason: String,
    },

    /// The server answered with an error status (5xx, or a 4xx keepwarm did not expect).
    #[error("the server answered {status} to {method} {url}{}; nothing was changed", detail.as_deref().map(|d| format!(" ({d})")).unwrap_or_default())]
    Status {
        /// The request's method.
        method: String,
        /// The URL.
        url: String,
        /// The HTTP status code.
        status: u16,
        /// A short excerpt of the answer, when it says something useful.
        detail: Option<String>,
    },

    /// The server's XML could not be read.
    #[error("the server at {url} sent XML keepwarm cannot read ({reason}); nothing was changed")]
    MalformedXml {
        /// The URL that answered.
        url: String,
        /// What is wrong with it.
        reason: String,
    },

    /// The address does not lead to a CardDAV/CalDAV account.
    #[error("{url} does not look like a CardDAV/CalDAV server: {reason}")]
    NotDav {
        /// The URL given.
        url: String,
        /// What was missing.
        reason: String,
    },

    /// The URL typed is not a URL keepwarm can use.
    #[error("invalid server URL '{url}': {reason}")]
    InvalidUrl {
        /// The URL as typed (without any password in it).
        url: String,
        /// What is wrong.
        reason: String,
    },

    /// Several address books or calendars exist and none was chosen.
    #[error("{what}")]
    Choose {
        /// The question and the choices, in words.
        what: String,
    },

    /// `keepwarm sync` before `keepwarm sync setup`.
    #[error("sync is not set up; run `keepwarm sync setup URL --user NAME` first")]
    NotConfigured,

    /// The OS keyring could not store or give back the password.
    #[error("the system keyring failed: {0}")]
    Keyring(String),

    /// Another sync of the same database is running (the desktop app's, or
    /// another `keepwarm sync`), and it did not end in time.
    #[error("another sync of this database is running (the desktop app's or another `keepwarm sync`); nothing was changed, try again when it ends")]
    Busy,

    /// The lock that keeps two syncs apart could not be taken.
    #[error("cannot use the sync lock file {path}: {reason}")]
    Lock {
        /// The lock file.
        path: String,
        /// What the system said.
        reason: String,
    },

    /// No password in the keyring for the account.
    #[error(
        "no password for {user} at {url} in the system keyring; run `keepwarm sync setup` again"
    )]
    NoPassword {
        /// The account's user name.
        user: String,
        /// The server.
        url: String,
    },
}

/// A URL as it may be shown: without user name or password, query or fragment.
pub fn redact(url: &str) -> String {
    match url::Url::parse(url).ok().filter(|u| u.has_host()) {
        Some(mut u) => {
            let _ = u.set_username("");
            let _ = u.set_password(None);
            u.set_query(None);
            u.set_fragment(None);
            u.to_string()
        }
        // Not a URL: keep only what stands before any '@' could hide a password.
        None => match url.rsplit_once('@') {
            Some((_, host)) => host.to_owned(),
            None => url.to_owned(),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn redacted_urls_carry_no_password() {
        assert_eq!(
            redact("https://ann:hunter2@dav.example.com/x/?t=1"),
            "https://dav.example.com/x/"
        );
        assert_eq!(redact("ann:hunter2@dav.example.com"), "dav.example.com");
    }
}
