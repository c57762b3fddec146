//! Printing helpers shared by the commands: JSON on stdout, ids, files written whole.

use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::Result;
use serde::Serialize;

/// Prints `value` as pretty JSON on stdout.
pub fn print_json<T: Serialize + ?Sized>(value: &T) -> Result<()> {
    // Serialised first, so a closed pipe surfaces as the io::Error `main` expects.
    let text = serde_json::to_string_pretty(value)?;
    writeln!(std::io::stdout().lock(), "{text}")?;
    Ok(())
}

/// Prints a new record's id: bare, or as `{"id": …}`.
pub fn print_id(id: i64, json: bool) -> Result<()> {
    if json {
        print_json(&serde_json::json!({ "id": id }))
    } else {
        println!("{id}");
        Ok(())
    }
}

/// Writes a file through a temporary one beside it, so a failure never leaves half a file.
pub fn write_atomically(
    path: &Path,
    write: impl FnOnce(&mut std::io::BufWriter<std::fs::File>) -> std::io::Result<()>,
) -> Result<()> {
    let io_error = |source| keepwarm::Error::Io {
        path: path.to_owned(),
        source,
    };
    let mut temporary = path.as_os_str().to_owned();
    temporary.push(format!(".tmp-{}", std::process::id()));
    let temporary = PathBuf::from(temporary);
    let result = (|| {
        let file = std::fs::File::create(&temporary)?;
        let mut writer = std::io::BufWriter::new(file);
        write(&mut writer)?;
        writer
            .into_inner()
            .map_err(|e| e.into_error())?
            .sync_all()?;
        std::fs::rename(&temporary, path)
    })();
    if let Err(e) = result {
        let _ = std::fs::remove_file(&temporary);
        return Err(io_error(e).into());
    }
    Ok(())
}

/// How to print for people: colour and header rows only on a terminal, and no
/// colour when `NO_COLOR` is set (https://no-color.org).
#[derive(Debug, Clone, Copy)]
pub struct Style {
    /// Stdout is a terminal: print header rows.
    pub terminal: bool,
    /// Use ANSI colour.
    pub color: bool,
}

impl Style {
    /// The style for stdout.
    pub fn stdout() -> Style {
        use std::io::IsTerminal;
        let terminal = std::io::stdout().is_terminal();
        let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
        Style {
            terminal,
            color: terminal && !no_color,
        }
    }

    /// `text` in bold (a header, a name).
    pub fn bold(self, text: &str) -> String {
        self.paint("1", text)
    }

    /// `text` dimmed (ids, secondary facts).
    pub fn dim(self, text: &str) -> String {
        self.paint("2", text)
    }

    fn paint(self, code: &str, text: &str) -> String {
        if self.color {
            format!("\x1b[{code}m{text}\x1b[0m")
        } else {
            text.to_owned()
        }
    }
}

/// User data made safe for a terminal: control characters (escape sequences in
/// a name) are shown as `\u{…}`, never sent raw.
pub fn safe(text: &str) -> std::borrow::Cow<'_, str> {
    if text.chars().any(char::is_control) {
        std::borrow::Cow::Owned(keepwarm::validate::escape_control(text))
    } else {
        std::borrow::Cow::Borrowed(text)
    }
}

/// `text` cut to `width` characters (with an ellipsis) and padded to it, for tables.
pub fn cell(text: &str, width: usize) -> String {
    let text = safe(text);
    let count = text.chars().count();
    if count > width {
        let cut: String = text.chars().take(width.saturating_sub(1)).collect();
        format!("{cut}…")
    } else {
        format!("{text}{}", " ".repeat(width - count))
    }
}

/// A value as one shell word in advice: quoted when it has spaces.
pub fn shell_word(value: &str) -> String {
    if value.is_empty()
        || value
            .chars()
            .any(|c| c.is_whitespace() || "'\"$`\\;&|<>()".contains(c))
    {
        format!("'{}'", value.replace('\'', r"'\''"))
    } else {
        value.to_owned()
    }
}

/// A refused duplicate email or phone, said with the way out that fits the
/// command (`advice` is given the field, the value and the other contact's id);
/// other errors pass unchanged.
pub fn duplicate_advice(
    e: keepwarm::Error,
    advice: impl FnOnce(&str, &str, i64) -> String,
) -> anyhow::Error {
    match e {
        keepwarm::Error::DuplicateContact {
            field,
            value,
            id,
            name,
        } => {
            let way_out = advice(&field, &value, id);
            anyhow::anyhow!(
                "{value} is already the {field} of #{id} {}; {way_out}",
                safe(&name)
            )
        }
        other => other.into(),
    }
}
