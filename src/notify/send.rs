//! Showing a message as a desktop notification over D-Bus
//! (`org.freedesktop.Notifications`, through notify-rust).

use notify_rust::{Hint, Notification, NotificationHandle, Urgency};

use super::text::{escape_markup, Message};
use crate::error::{Error, Result};

/// The application name notification servers show and group by.
pub const APP_NAME: &str = "keepwarm";

/// The icon's name in the icon theme: the packages install it as
/// `/usr/share/icons/hicolor/*/apps/keepwarm-desktop.png`.
pub const ICON_NAME: &str = "keepwarm-desktop";

/// The desktop entry (`keepwarm.desktop`) servers use to find the app.
pub const DESKTOP_ENTRY: &str = "keepwarm";

/// The action a click on the notification itself sends (freedesktop's default action).
pub const DEFAULT_ACTION: &str = "default";

/// The "Open" button's action.
pub const OPEN_ACTION: &str = "open";

/// How to send.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SendOptions {
    /// Offer "Open" (and a click) where the server supports actions. Only a sender
    /// that stays to listen (the desktop app) should ask for it: `keepwarm notify`
    /// sends and exits.
    pub actions: bool,
    /// The icon: a name in the icon theme or an absolute path.
    pub icon: String,
}

impl Default for SendOptions {
    fn default() -> Self {
        SendOptions {
            actions: false,
            icon: ICON_NAME.to_owned(),
        }
    }
}

/// A notification on screen.
#[derive(Debug)]
pub struct Sent {
    handle: NotificationHandle,
}

impl Sent {
    /// The id the server gave the notification.
    pub fn id(&self) -> u32 {
        self.handle.id()
    }

    /// Blocks until the notification is clicked, its "Open" pressed, or it closes;
    /// calls `open` in the first two cases. Run it on a thread of its own.
    pub fn wait_for_open(self, open: impl FnOnce()) {
        self.handle.wait_for_action(|action| {
            if action == DEFAULT_ACTION || action == OPEN_ACTION {
                open();
            }
        });
    }
}

/// What the notification server on the session bus can do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ServerCapabilities {
    /// It shows action buttons and reports clicks.
    pub actions: bool,
    /// It reads markup in bodies (so bodies are escaped).
    pub body_markup: bool,
}

/// Asks the notification server what it supports; fails with one clear error
/// when there is no session bus or no server on it.
pub fn server_capabilities() -> Result<ServerCapabilities> {
    let capabilities = notify_rust::get_capabilities().map_err(|e| Error::Notification {
        reason: format!(
            "no notification server answered on the session bus ({e}); keepwarm needs a desktop session"
        ),
    })?;
    let has = |name: &str| capabilities.iter().any(|c| c == name);
    Ok(ServerCapabilities {
        actions: has("actions"),
        body_markup: has("body-markup"),
    })
}

/// Shows `message` as one notification (app name keepwarm, the app's icon,
/// normal urgency). The body is escaped where the server reads markup, so a
/// contact named `<b>Bold</b> & Co` shows literally.
pub fn send(message: &Message, options: &SendOptions) -> Result<Sent> {
    let capabilities = server_capabilities()?;
    send_with(message, options, &capabilities)
}

/// [`send`] with capabilities asked once for several messages.
pub fn send_with(
    message: &Message,
    options: &SendOptions,
    capabilities: &ServerCapabilities,
) -> Result<Sent> {
    let body = if capabilities.body_markup {
        escape_markup(&message.body)
    } else {
        message.body.clone()
    };
    let mut notification = Notification::new();
    notification
        .appname(APP_NAME)
        .summary(&message.summary)
        .body(&body)
        .icon(&options.icon)
        .urgency(Urgency::Normal)
        .hint(Hint::DesktopEntry(DESKTOP_ENTRY.to_owned()));
    if options.actions && capabilities.actions {
        notification
            .action(DEFAULT_ACTION, "Open keepwarm")
            .action(OPEN_ACTION, "Open");
    }
    let handle = notification.show().map_err(|e| Error::Notification {
        reason: format!("the notification server refused it ({e})"),
    })?;
    Ok(Sent { handle })
}
