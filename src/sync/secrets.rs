//! The account's password in the operating system's keyring (Secret Service
//! on Linux, the Keychain on macOS, the Credential Manager on Windows), never
//! in the database, a file, a log or a command line.

use super::error::SyncError;

/// The keyring service name keepwarm's entries are filed under.
pub const SERVICE: &str = "keepwarm";

/// Where passwords are kept; the keyring in use, a map in tests.
pub trait Secrets {
    /// The password for `user` at `server`, if one is stored.
    fn password(&self, server: &str, user: &str) -> Result<Option<String>, SyncError>;
    /// Stores (or replaces) the password for `user` at `server`.
    fn set_password(&self, server: &str, user: &str, password: &str) -> Result<(), SyncError>;
    /// Forgets the password for `user` at `server`.
    fn forget(&self, server: &str, user: &str) -> Result<(), SyncError>;
}

/// The operating system's keyring.
#[derive(Debug, Clone, Copy, Default)]
pub struct OsKeyring;

fn entry(server: &str, user: &str) -> Result<keyring::Entry, SyncError> {
    keyring::Entry::new(SERVICE, &format!("{user}@{server}"))
        .map_err(|e| SyncError::Keyring(e.to_string()))
}

impl Secrets for OsKeyring {
    fn password(&self, server: &str, user: &str) -> Result<Option<String>, SyncError> {
        match entry(server, user)?.get_password() {
            Ok(p) => Ok(Some(p)),
            Err(keyring::Error::NoEntry) => Ok(None),
            Err(e) => Err(SyncError::Keyring(e.to_string())),
        }
    }

    fn set_password(&self, server: &str, user: &str, password: &str) -> Result<(), SyncError> {
        entry(server, user)?
            .set_password(password)
            .map_err(|e| SyncError::Keyring(e.to_string()))
    }

    fn forget(&self, server: &str, user: &str) -> Result<(), SyncError> {
        match entry(server, user)?.delete_credential() {
            Ok(()) | Err(keyring::Error::NoEntry) => Ok(()),
            Err(e) => Err(SyncError::Keyring(e.to_string())),
        }
    }
}
